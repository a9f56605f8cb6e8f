package dev.opal.app;

import dev.opal.devnet.Devnet;
import dev.opal.devnet.DevnetOptions;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code opal l1}: the devnet's L1 dev chain as a process of its own. */
@Command(
    name = "l1",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the devnet's L1 on its own: Opal's engine in plain-Ethereum mode producing a block every few seconds, with",
      "the deposit contract (OptimismPortal's TransactionDeposited logs), the SystemConfig and the batch inbox, and the",
      "dev accounts funded. Start an L2 on it with ./opal devnet --l1 URL. Ctrl-C stops it."
    })
final class L1Command implements Callable<Integer> {
  @Option(names = "--http.port", defaultValue = "8546", paramLabel = "N", description = "JSON-RPC port; 0 picks a free one (default ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--beacon.port", defaultValue = "5052", paramLabel = "N",
      description = "Port of the beacon API that serves the blobs of blob transactions; 0 picks a free one (default ${DEFAULT-VALUE}).")
  int beaconPort;

  @Option(names = "--host", defaultValue = "127.0.0.1", description = "Interface the RPC server listens on (default ${DEFAULT-VALUE}).")
  String host;

  @Option(names = "--block-time", defaultValue = "4", paramLabel = "SECONDS", description = "Seconds between blocks (default ${DEFAULT-VALUE}).")
  long blockTime;

  @Option(names = "--finality-depth", defaultValue = "8", paramLabel = "N",
      description = "Blocks after which a block counts as finalized (default ${DEFAULT-VALUE}).")
  int finalityDepth;

  @Option(names = "--chain-id", defaultValue = "900", description = "Chain id (default ${DEFAULT-VALUE}).")
  BigInteger chainId;

  @Option(names = "--accounts", defaultValue = "10", description = "Number of funded dev accounts (default ${DEFAULT-VALUE}).")
  int accounts;

  @Option(names = "--datadir", paramLabel = "DIR", description = "Keep the chain in DIR and resume it on restart (default: ephemeral).")
  Path datadir;

  @Override
  public Integer call() throws Exception {
    if (blockTime < 1) throw new IllegalArgumentException("--block-time must be at least 1 second, got " + blockTime);
    if (finalityDepth < 1) throw new IllegalArgumentException("--finality-depth must be at least 1, got " + finalityDepth);
    DevnetOptions options = new DevnetOptions(1000 * blockTime, blockTime, finalityDepth, host, port, 0, 0, datadir, chainId, BigInteger.ONE,
        accounts, false, Map.of(), false, false, null, false, beaconPort);
    Devnet l1 = new Devnet(options);
    Runtime.getRuntime().addShutdownHook(new Thread(l1::close, "l1-shutdown"));
    l1.startL1Only(System.out);
    l1.awaitShutdown();
    return 0;
  }
}
