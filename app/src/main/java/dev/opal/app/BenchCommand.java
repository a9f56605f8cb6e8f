package dev.opal.app;

import dev.opal.evm.bench.EvmBenchmarks;
import dev.opal.execution.bench.EngineBenchmark;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code opal bench evm}: quick interpreter throughput figures (the JMH suite under bench/ is the thorough one). */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {"Runs built-in benchmarks. 'opal bench evm' prints one line per workload: workload=NAME mgas_per_s=X;", "'opal bench engine' prints blocks_per_s=X p50_ms=X p99_ms=X (empty-block cycle over HTTP+JWT) and transfers_per_s=X (import)."})
final class BenchCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "SUITE", description = "The suite to run: evm or engine.")
  String suite;

  @Option(names = "--repeat", defaultValue = "3", description = "Measured runs per workload after two warm-ups (best is reported; default ${DEFAULT-VALUE}).")
  int repeat;

  @Override
  public Integer call() {
    if (suite.equals("engine")) {
      EngineBenchmark bench = new EngineBenchmark(64);
      EngineBenchmark.EmptyCycle c = bench.emptyBlocks(50, 300);
      System.out.println(String.format(Locale.ROOT, "blocks_per_s=%.1f p50_ms=%.2f p99_ms=%.2f", c.blocksPerSecond(), c.p50Millis(), c.p99Millis()));
      System.out.println(String.format(Locale.ROOT, "transfers_per_s=%.0f", bench.transfersPerSecond(10, 1000)));
      return 0;
    }
    if (!suite.equals("evm")) throw new IllegalArgumentException("unknown benchmark suite '" + suite + "' (available: evm, engine)");
    for (EvmBenchmarks.Workload w : EvmBenchmarks.workloads()) {
      EvmBenchmarks.Measurement m = EvmBenchmarks.run(w, repeat);
      System.out.println(String.format(Locale.ROOT, "workload=%s mgas_per_s=%.1f", m.name(), m.mgasPerSecond()));
    }
    return 0;
  }
}
