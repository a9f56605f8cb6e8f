package dev.opal.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one place tests find {@code ../shared/}: the {@code opal.shared.dir} system property (set by
 * the build), else the {@code OPAL_SHARED_DIR} environment variable, else {@code ../shared}.
 * Tests that need a vector call {@link #require} and are skipped where it is absent.
 */
public final class SharedVectors {
  private SharedVectors() {}

  public static Path root() {
    String dir = System.getProperty("opal.shared.dir");
    if (dir == null || dir.isBlank()) dir = System.getenv("OPAL_SHARED_DIR");
    if (dir == null || dir.isBlank()) dir = "../shared";
    return Path.of(dir).toAbsolutePath().normalize();
  }

  /** A path under {@code shared/}; skips the calling test if it does not exist. */
  public static Path require(String relative) {
    Path p = root().resolve(relative);
    assumeTrue(Files.exists(p), "shared vectors not found at " + p + " (set -Dopal.shared.dir)");
    return p;
  }

  /** A path under {@code shared/vectors/ethereum-tests/}; skips if absent. */
  public static Path ethereumTests(String relative) {
    return require("vectors/ethereum-tests/" + relative);
  }
}
