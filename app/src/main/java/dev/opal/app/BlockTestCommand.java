package dev.opal.app;

import dev.opal.execution.conformance.BlockchainTestRunner;
import dev.opal.execution.conformance.EngineBlockTestRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code opal blocktest PATH...}: BlockchainTests replayed through the Engine API over HTTP with JWT. */
@Command(
    name = "blocktest",
    mixinStandardHelpOptions = true,
    description = {"Replays ethereum/tests BlockchainTests files (or directories) through the Engine API over HTTP+JWT",
        "(engine_newPayloadV3 + engine_forkchoiceUpdatedV3). Prints failures, then 'N passed, N failed, N skipped';",
        "exits 1 if any test failed."})
final class BlockTestCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "BlockchainTests JSON files or directories.")
  List<Path> paths;

  @Override
  public Integer call() throws Exception {
    Logs.quietUnlessDebug(); // one engine per fixture: its start-up lines would drown the results
    EngineBlockTestRunner runner = new EngineBlockTestRunner();
    int[] counts = new int[3];
    for (Path file : ConformanceFiles.expand(spec, paths)) {
      for (BlockchainTestRunner.Result r : runner.runFile(file)) {
        counts[r.status().ordinal()]++;
        if (r.status() != BlockchainTestRunner.Status.PASSED) {
          System.out.println((r.status() == BlockchainTestRunner.Status.FAILED ? "FAIL " : "SKIP ") + file.getFileName() + ":" + r.name() + ": " + r.detail());
        }
      }
    }
    System.out.println(counts[0] + " passed, " + counts[1] + " failed, " + counts[2] + " skipped");
    return counts[1] == 0 ? 0 : 1;
  }
}
