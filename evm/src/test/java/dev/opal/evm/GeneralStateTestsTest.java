package dev.opal.evm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opal.evm.conformance.StateTestRunner;
import dev.opal.testing.SharedVectors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * ethereum/tests GeneralStateTests, every Cancun expectation (≈21,000 cases, a few minutes): the
 * post-state root and logs hash of each must match, and expected exceptions must be raised.
 */
class GeneralStateTestsTest {
  @Test
  void everyCancunStateTest() throws Exception {
    Path dir = SharedVectors.ethereumTests("GeneralStateTests");
    List<Path> files;
    try (Stream<Path> s = Files.walk(dir)) {
      files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    StateTestRunner runner = new StateTestRunner("Cancun", null);
    int[] counts = new int[3];
    List<String> failures = new ArrayList<>();
    AtomicReference<Exception> error = new AtomicReference<>();
    // call depth 1024 recurses through the interpreter: run on a thread with a large stack
    Thread t = new Thread(null, () -> {
      try {
        for (Path f : files) {
          for (StateTestRunner.Result r : runner.runFile(f)) {
            counts[r.status().ordinal()]++;
            if (r.status() == StateTestRunner.Status.FAILED) failures.add(dir.relativize(f) + ":" + r.name() + ": " + r.detail());
          }
        }
      } catch (Exception e) {
        error.set(e);
      }
    }, "state-tests", 512L * 1024 * 1024);
    t.start();
    t.join();
    if (error.get() != null) throw error.get();
    System.out.println("GeneralStateTests (Cancun): " + counts[0] + " passed, " + counts[1] + " failed, " + counts[2] + " skipped");
    failures.forEach(f -> System.out.println("  FAIL " + f));
    assertThat(counts[0]).isGreaterThan(20_000);
    assertThat(failures).isEmpty();
  }
}
