package dev.opal.app;

import dev.opal.config.OpFork;
import dev.opal.devnet.Devnet;
import dev.opal.devnet.DevnetOptions;
import dev.opal.node.batcher.Batcher;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code opal devnet}: a whole local OP chain (L1, L2 engine, sequencer) in one process. */
@Command(
    name = "devnet",
    mixinStandardHelpOptions = true,
    subcommands = {DepositCommand.class},
    description = {
      "Runs a local OP Stack chain: an embedded L1 with the deposit and SystemConfig contracts, the L2 execution",
      "engine with the OP predeploys, and the rollup node sequencing blocks through the Engine API (HTTP+JWT).",
      "A batcher posts the L2 blocks to L1 and derivation moves the safe head; --verifier adds a node that rebuilds",
      "the chain from L1 alone. Prints the RPC URLs and funded dev accounts, then one line per L2 block. Ctrl-C stops it."
    })
final class DevnetCommand implements Callable<Integer> {
  @Option(names = "--block-time", defaultValue = "2s", paramLabel = "DURATION",
      description = "L2 block time, e.g. 2s, 500ms, down to 100ms (default ${DEFAULT-VALUE}).")
  String blockTime;

  @Option(names = "--l1", paramLabel = "URL",
      description = "Run on an L1 that runs as its own process (./opal l1) instead of the embedded one; the rollup starts from its current head.")
  URI l1;

  @Option(names = "--l1.block-time", defaultValue = "4", paramLabel = "SECONDS", description = "L1 block time in seconds (default ${DEFAULT-VALUE}).")
  long l1BlockTime;

  @Option(names = "--l1.finality-depth", defaultValue = "8", paramLabel = "N",
      description = "L1 blocks after which an L1 block counts as finalized (default ${DEFAULT-VALUE}).")
  int finalityDepth;

  @Option(names = "--host", defaultValue = "127.0.0.1", description = "Interface the RPC servers listen on (default ${DEFAULT-VALUE}).")
  String host;

  @Option(names = "--l1.http.port", defaultValue = "8546", paramLabel = "N", description = "L1 JSON-RPC port; 0 picks a free one (default ${DEFAULT-VALUE}).")
  int l1Port;

  @Option(names = "--l2.http.port", defaultValue = "8545", paramLabel = "N", description = "L2 JSON-RPC port; 0 picks a free one (default ${DEFAULT-VALUE}).")
  int l2Port;

  @Option(names = "--l2.authrpc.port", defaultValue = "8551", paramLabel = "N",
      description = "L2 Engine API port (JWT); 0 picks a free one (default ${DEFAULT-VALUE}).")
  int authPort;

  @Option(names = "--datadir", paramLabel = "DIR", description = "Keep the chains in DIR and resume them on restart (default: ephemeral).")
  Path datadir;

  @Option(names = "--l1-chain-id", defaultValue = "900", description = "L1 chain id (default ${DEFAULT-VALUE}).")
  BigInteger l1ChainId;

  @Option(names = "--l2-chain-id", defaultValue = "901", description = "L2 chain id (default ${DEFAULT-VALUE}).")
  BigInteger l2ChainId;

  @Option(names = "--accounts", defaultValue = "10", description = "Number of funded dev accounts (default ${DEFAULT-VALUE}).")
  int accounts;

  @Option(names = "--in-process", description = "Drive the engine through direct calls instead of the Engine API over HTTP.")
  boolean inProcess;

  @Option(names = "--batcher", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Post L2 blocks to the batch inbox on L1 so the safe head follows L1 (default ${DEFAULT-VALUE}; --no-batcher turns it off).")
  boolean batcher;

  @Option(names = "--batcher.data-availability-type", defaultValue = "calldata", paramLabel = "TYPE",
      description = "How the batcher posts: calldata, or blobs (EIP-4844 blob transactions; the embedded L1 serves them on its beacon API) (default ${DEFAULT-VALUE}).")
  String daType;

  @Option(names = "--l1.beacon.port", defaultValue = "5052", paramLabel = "N",
      description = "Port of the embedded L1's beacon API, which serves blobs to rollup nodes (--l1.beacon); 0 picks a free one (default ${DEFAULT-VALUE}).")
  int beaconPort;

  @Option(names = "--verifier",
      description = "Also run a verifier: a second engine and rollup node that derive the chain from L1 data alone; its rollup RPC is printed in the banner.")
  boolean verifier;

  @Option(names = "--fork.canyon", paramLabel = "SECONDS", description = "Activate Canyon SECONDS after genesis (default: at genesis).")
  Long forkCanyon;

  @Option(names = "--fork.delta", paramLabel = "SECONDS", description = "Activate Delta SECONDS after genesis (default: at genesis).")
  Long forkDelta;

  @Option(names = "--fork.ecotone", paramLabel = "SECONDS", description = "Activate Ecotone SECONDS after genesis (default: at genesis).")
  Long forkEcotone;

  @Option(names = "--fork.fjord", paramLabel = "SECONDS", description = "Activate Fjord SECONDS after genesis (default: at genesis).")
  Long forkFjord;

  @Option(names = "--fork.granite", paramLabel = "SECONDS", description = "Activate Granite SECONDS after genesis (default: at genesis).")
  Long forkGranite;

  @Option(names = "--fork.holocene", paramLabel = "SECONDS", description = "Activate Holocene SECONDS after genesis (default: at genesis).")
  Long forkHolocene;

  @Option(names = "--fork.isthmus", paramLabel = "SECONDS", description = "Activate Isthmus SECONDS after genesis (default: at genesis).")
  Long forkIsthmus;

  @Option(names = "--fork.jovian", paramLabel = "SECONDS", description = "Activate Jovian SECONDS after genesis (default: at genesis).")
  Long forkJovian;

  @Override
  public Integer call() throws Exception {
    Map<OpFork, Long> offsets = new EnumMap<>(OpFork.class);
    Long[] given = {forkCanyon, forkDelta, forkEcotone, forkFjord, forkGranite, forkHolocene, forkIsthmus, forkJovian};
    OpFork[] names = {OpFork.CANYON, OpFork.DELTA, OpFork.ECOTONE, OpFork.FJORD, OpFork.GRANITE, OpFork.HOLOCENE, OpFork.ISTHMUS, OpFork.JOVIAN};
    for (int i = 0; i < given.length; i++) {
      if (given[i] == null) continue;
      if (given[i] < 0) throw new IllegalArgumentException("--fork." + names[i].name().toLowerCase(java.util.Locale.ROOT) + " must not be negative");
      offsets.put(names[i], given[i]);
    }
    long millis = Durations.parseMillis(blockTime);
    if (millis < 100) throw new IllegalArgumentException("--block-time must be at least 100ms, got " + blockTime);
    if (millis >= 1000 && millis % 1000 != 0) throw new IllegalArgumentException("--block-time above 1s must be whole seconds, got " + blockTime);
    if (l1 != null && datadir != null) {
      throw new IllegalArgumentException("--l1 cannot be combined with --datadir yet: a restart would have to find the same L1 start block again");
    }
    if (l1 != null && millis < 1000) {
      throw new IllegalArgumentException("with --l1, --block-time must be at least 1s: an L1 of its own keeps wall-clock time, got " + blockTime);
    }
    boolean blobs = Batcher.DataAvailability.fromFlag("--batcher.data-availability-type", daType) == Batcher.DataAvailability.BLOBS;
    if (blobs && l1 != null) {
      throw new IllegalArgumentException("--batcher.data-availability-type blobs needs the embedded L1 (its beacon API serves the blobs); drop --l1");
    }
    DevnetOptions options = new DevnetOptions(millis, l1BlockTime, finalityDepth, host, l1Port, l2Port, authPort, datadir, l1ChainId, l2ChainId,
        accounts, inProcess, offsets, batcher, verifier, l1, blobs, beaconPort);
    Devnet devnet = new Devnet(options);
    Runtime.getRuntime().addShutdownHook(new Thread(devnet::close, "devnet-shutdown"));
    devnet.start(System.out);
    devnet.awaitShutdown();
    return 0;
  }
}
