package dev.opal.execution.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opal.execution.conformance.BlockchainTestRunner;
import dev.opal.testing.SharedVectors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * ethereum/tests BlockchainTests (Cancun): whole chains imported through header validation, block
 * execution and the root, bloom and receipt checks; the head and post state must match. This is
 * the independent check of receipts, logs and blooms as consensus encodes them.
 */
class BlockchainTestsTest {
  @Test
  void blockchainTests() throws IOException {
    Path dir = SharedVectors.ethereumTests("BlockchainTests");
    BlockchainTestRunner runner = new BlockchainTestRunner();
    int passed = 0;
    int skipped = 0;
    List<String> failures = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        for (BlockchainTestRunner.Result r : runner.runFile(file)) {
          switch (r.status()) {
            case PASSED -> passed++;
            case SKIPPED -> skipped++;
            case FAILED -> failures.add(dir.relativize(file) + ":" + r.name() + ": " + r.detail());
          }
        }
      }
    }
    System.out.println("BlockchainTests: " + passed + " passed, " + failures.size() + " failed, " + skipped + " skipped");
    failures.forEach(f -> System.out.println("  FAIL " + f));
    assertThat(passed).isGreaterThan(500);
    assertThat(failures).isEmpty();
  }

  /** The same fixtures through the Engine API over HTTP with JWT (what {@code opal blocktest} runs). */
  @Test
  void blockchainTestsThroughTheEngineApi() throws IOException {
    Path dir = SharedVectors.ethereumTests("BlockchainTests");
    dev.opal.execution.conformance.EngineBlockTestRunner runner = new dev.opal.execution.conformance.EngineBlockTestRunner();
    int passed = 0;
    List<String> failures = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        for (BlockchainTestRunner.Result r : runner.runFile(file)) {
          if (r.status() == BlockchainTestRunner.Status.PASSED) passed++;
          else if (r.status() == BlockchainTestRunner.Status.FAILED) failures.add(dir.relativize(file) + ":" + r.name() + ": " + r.detail());
        }
      }
    }
    System.out.println("BlockchainTests via Engine API: " + passed + " passed, " + failures.size() + " failed");
    failures.forEach(f -> System.out.println("  FAIL " + f));
    assertThat(passed).isGreaterThan(500);
    assertThat(failures).isEmpty();
  }
}
