package dev.opal.app;

import dev.opal.evm.conformance.StateTestRunner;
import dev.opal.evm.conformance.StateTestRunner.Result;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code opal statetest}: runs GeneralStateTests-format fixtures through Opal's EVM. */
@Command(
    name = "statetest",
    mixinStandardHelpOptions = true,
    description = {
      "Runs ethereum/tests GeneralStateTests files (or directories, recursively) and checks each",
      "post-state root and logs hash. Prints failures, then 'N passed, N failed, N skipped';",
      "exits 1 if any test failed."
    })
final class StateTestCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--fork", paramLabel = "NAME", description = "Run only this fork's expectations (fixture name, e.g. Cancun).")
  String fork;

  @Option(names = "--trace", description = "Print every executed instruction (pc, opcode, gas, stack depth) to stderr.")
  boolean trace;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "State test JSON files or directories.")
  List<Path> paths;

  @Override
  public Integer call() throws Exception {
    StateTestRunner runner = new StateTestRunner(fork, trace ? new StderrTracer() : null);
    int[] counts = new int[3];
    // Deep call chains recurse through the interpreter; a large thread stack keeps depth 1024 safe.
    Thread worker = new Thread(null, () -> {
      for (Path file : ConformanceFiles.expand(spec, paths)) {
        try {
          for (Result r : runner.runFile(file)) {
            counts[r.status().ordinal()]++;
            if (r.status() != StateTestRunner.Status.PASSED) {
              System.out.println((r.status() == StateTestRunner.Status.FAILED ? "FAIL " : "SKIP ") + file.getFileName() + ":" + r.name() + ": " + r.detail());
            }
          }
        } catch (java.io.IOException e) {
          counts[1]++;
          System.out.println("FAIL " + file + ": " + e.getMessage());
        }
      }
    }, "statetest", 512L * 1024 * 1024);
    worker.start();
    worker.join();
    System.out.println(counts[0] + " passed, " + counts[1] + " failed, " + counts[2] + " skipped");
    return counts[1] == 0 ? 0 : 1;
  }

  private static final class StderrTracer implements dev.opal.evm.Tracer {
    @Override
    public void step(int depth, int pc, int opcode, long gas, long[] stack, int stackSize) {
      System.err.printf("depth=%d pc=%d op=0x%02x gas=%d stack=%d%n", depth, pc, opcode, gas, stackSize);
    }
  }
}
