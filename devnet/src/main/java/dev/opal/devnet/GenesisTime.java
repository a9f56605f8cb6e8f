package dev.opal.devnet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The genesis timestamp of a persistent devnet, kept in its data directory. */
final class GenesisTime {
  private GenesisTime() {}

  static long loadOrCreate(Path dir, long now) throws IOException {
    Path file = dir.resolve("genesis-time");
    if (Files.exists(file)) {
      String text = Files.readString(file, StandardCharsets.US_ASCII).trim();
      try {
        return Long.parseLong(text);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(file + " is corrupt (expected a Unix timestamp, found '" + text + "')");
      }
    }
    Files.writeString(file, now + "\n", StandardCharsets.US_ASCII);
    return now;
  }
}
