package dev.opal.app;

import dev.opal.trie.TrieTestRunner;
import dev.opal.trie.TrieTestRunner.Result;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code opal trietest PATH...}: runs TrieTests-format fixtures against Opal's Merkle Patricia trie. */
@Command(
    name = "trietest",
    mixinStandardHelpOptions = true,
    description = {
      "Runs ethereum/tests TrieTests-format files (or directories of them) and checks every root.",
      "Prints failures, then 'N passed, N failed, N skipped'; exits 1 if any test failed."
    })
final class TrieTestCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "TrieTests JSON files or directories (searched recursively).")
  List<Path> paths;

  @Override
  public Integer call() throws Exception {
    int passed = 0;
    int failed = 0;
    int skipped = 0;
    for (Path file : ConformanceFiles.expand(spec, paths)) {
      for (Result r : TrieTestRunner.runFile(file)) {
        switch (r.status()) {
          case PASSED -> passed++;
          case FAILED -> {
            failed++;
            System.out.println("FAIL " + r.name() + ": " + r.detail());
          }
          case SKIPPED -> {
            skipped++;
            System.out.println("SKIP " + r.name() + ": " + r.detail());
          }
        }
      }
    }
    System.out.println(passed + " passed, " + failed + " failed, " + skipped + " skipped");
    return failed == 0 ? 0 : 1;
  }
}
