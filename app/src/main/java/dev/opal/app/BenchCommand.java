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
    description = {"Runs built-in benchmarks. 'opal bench evm' prints one line per workload: workload=NAME mgas_per_s=X;", "'opal bench engine' prints blocks_per_s=X p50_ms=X p99_ms=X (empty-block cycle over HTTP+JWT) and transfers_per_s=X (import);",
        "'opal bench derive' prints blocks_per_s=X for derivation from genesis, in-process and over HTTP+JWT."})
final class BenchCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "SUITE", description = "The suite to run: evm, engine, sequencer, derive (L2 blocks derived from L1 data, from genesis) or load (transfers against a running devnet).")
  String suite;

  @Option(names = "--repeat", defaultValue = "3", description = "Measured runs per workload after two warm-ups (best is reported; default ${DEFAULT-VALUE}).")
  int repeat;

  @Option(names = "--blocks", defaultValue = "500", description = "sequencer, derive: L2 blocks to build or derive (default ${DEFAULT-VALUE}).")
  int blocks;

  @Option(names = "--txs-per-block", defaultValue = "0", description = "sequencer: pool transfers per block (default ${DEFAULT-VALUE}).")
  int txsPerBlock;

  @Option(names = "--rpc", defaultValue = "http://127.0.0.1:8545", description = "load: the L2 JSON-RPC to load (default ${DEFAULT-VALUE}).")
  java.net.URI rpc;

  @Option(names = "--accounts", defaultValue = "10", description = "load: dev accounts to send from (default ${DEFAULT-VALUE}; start the devnet with at least as many).")
  int accounts;

  @Option(names = "--duration", defaultValue = "20s", description = "load: how long to send (default ${DEFAULT-VALUE}).")
  String duration;

  @Option(names = "--threads", defaultValue = "8", description = "load: sending threads (default ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--presign-rate", defaultValue = "8000",
      description = "load: transfers per second of the run signed before the clock starts; any beyond are signed while sending (default ${DEFAULT-VALUE}).")
  int presignRate;

  @Override
  public Integer call() throws Exception {
    if (suite.equals("engine")) {
      EngineBenchmark bench = new EngineBenchmark(64);
      EngineBenchmark.EmptyCycle c = bench.emptyBlocks(500, 2000); // warm-up blocks first, as JMH would
      System.out.println(String.format(Locale.ROOT, "blocks_per_s=%.1f p50_ms=%.2f p99_ms=%.2f", c.blocksPerSecond(), c.p50Millis(), c.p99Millis()));
      for (EngineBenchmark.CallLatency l : c.perCall()) {
        System.out.println(String.format(Locale.ROOT, "call=%s p50_ms=%.2f p99_ms=%.2f", l.call(), l.p50Millis(), l.p99Millis()));
      }
      System.out.println(String.format(Locale.ROOT, "transfers_per_s=%.0f", bench.transfersPerSecond(10, 1000)));
      return 0;
    }
    if (suite.equals("sequencer")) {
      dev.opal.devnet.SequencerBenchmark.Result r = dev.opal.devnet.SequencerBenchmark.run(blocks, txsPerBlock);
      System.out.println(String.format(Locale.ROOT, "transactions=%d", r.transactions()));
      System.out.println(String.format(Locale.ROOT, "blocks_per_s=%.1f p50_ms=%.2f p99_ms=%.2f", r.blocksPerSecond(), r.p50Millis(), r.p99Millis()));
      return 0;
    }
    if (suite.equals("derive")) {
      for (boolean http : new boolean[] {false, true}) {
        dev.opal.devnet.DerivationBenchmark.Result r = dev.opal.devnet.DerivationBenchmark.run(blocks, http);
        System.out.println(String.format(Locale.ROOT, "engine=%s blocks=%d seconds=%.2f blocks_per_s=%.0f (L1 setup %.1f s, not counted)",
            http ? "http" : "in-process", r.blocks(), r.seconds(), r.blocksPerSecond(), r.setupSeconds()));
      }
      return 0;
    }
    if (suite.equals("load")) {
      LoadGenerator.Result r = LoadGenerator.run(rpc, accounts, java.time.Duration.ofMillis(Durations.parseMillis(duration)), threads, presignRate);
      System.out.println(String.format(Locale.ROOT, "sent_per_s=%.0f transfers_per_s=%.0f included=%d blocks=%d", r.sentPerSecond(),
          r.includedPerSecond(), r.included(), r.blocks()));
      return 0;
    }
    if (!suite.equals("evm")) throw new IllegalArgumentException("unknown benchmark suite '" + suite + "' (available: evm, engine, sequencer, derive, load)");
    for (EvmBenchmarks.Workload w : EvmBenchmarks.workloads()) {
      EvmBenchmarks.Measurement m = EvmBenchmarks.run(w, repeat);
      System.out.println(String.format(Locale.ROOT, "workload=%s mgas_per_s=%.1f", m.name(), m.mgasPerSecond()));
    }
    return 0;
  }
}
