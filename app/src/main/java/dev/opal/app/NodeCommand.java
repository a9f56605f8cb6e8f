package dev.opal.app;

import dev.opal.config.RollupConfig;
import dev.opal.node.driver.Deriver;
import dev.opal.node.engine.ElSync;
import dev.opal.node.engine.EngineController;
import dev.opal.node.engine.ExecEngine;
import dev.opal.node.engine.SyncMode;
import dev.opal.node.metrics.MetricsServer;
import dev.opal.node.metrics.NodeMetrics;
import dev.opal.node.rpc.RollupRpc;
import dev.opal.node.sequencing.Sequencer;
import dev.opal.node.sources.EngineClient;
import dev.opal.node.sources.BeaconClient;
import dev.opal.node.sources.RpcL1Source;
import dev.opal.rpc.client.JsonRpcClient;
import dev.opal.rpc.jwt.Jwt;
import dev.opal.rpc.jwt.JwtSecret;
import dev.opal.rpc.server.JsonRpcDispatcher;
import dev.opal.rpc.server.JsonRpcServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code opal node}: the rollup node alone, on an execution engine (Opal's or op-geth) over the
 * Engine API: it derives the safe chain from L1 and, as a sequencer, also builds the unsafe chain.
 */
@Command(
    name = "node",
    mixinStandardHelpOptions = true,
    description = {"Runs the rollup node: reads L1 over JSON-RPC and drives the execution engine over the Engine API (HTTP+JWT,",
        "op-node's method versions). It derives the safe chain from the batches on L1; as a sequencer it also builds one",
        "L2 block per block time. Flags follow op-node's names."})
final class NodeCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger("opal.node");

  @Option(names = "--l1", required = true, paramLabel = "URL", description = "L1 JSON-RPC URL.")
  URI l1;

  @Option(names = "--l1.beacon", paramLabel = "URL",
      description = "L1 beacon API URL, where derivation fetches the batcher's blobs (needed once the batcher posts blobs).")
  URI l1Beacon;

  @Option(names = "--l2", required = true, paramLabel = "URL", description = "Execution engine Engine API URL (authenticated).")
  URI l2;

  @Option(names = "--l2.jwt-secret", required = true, paramLabel = "FILE", description = "JWT secret shared with the engine.")
  Path jwtSecret;

  @Option(names = "--rollup.config", required = true, paramLabel = "FILE", description = "rollup.json.")
  Path rollupConfig;

  @Option(names = "--sequencer.enabled", defaultValue = "true", arity = "1",
      description = "Sequence blocks (default ${DEFAULT-VALUE}); false runs a verifier that follows L1 only.")
  boolean sequencer;

  @Option(names = "--sequencer.l1-confs", defaultValue = "0", description = "L1 confirmations before a block becomes an origin (default ${DEFAULT-VALUE}).")
  long l1Confs;

  @Option(names = "--syncmode", defaultValue = "consensus-layer", paramLabel = "MODE",
      description = "consensus-layer: insert unsafe blocks one by one on their parents; execution-layer: hand them to the engine, which syncs itself to them (default ${DEFAULT-VALUE}).")
  String syncMode;

  @Option(names = "--l2.enginekind", defaultValue = "geth", paramLabel = "KIND",
      description = "The engine's client: geth, reth or erigon. With execution-layer sync, reth and erigon can also sync past a finalized block of their own (default ${DEFAULT-VALUE}).")
  String engineKind;

  @Option(names = "--metrics.enabled", description = "Serve Prometheus metrics (heads, engine events, Engine API call latency) at /metrics.")
  boolean metricsEnabled;

  @Option(names = "--metrics.addr", defaultValue = "0.0.0.0", description = "Metrics listen address (default ${DEFAULT-VALUE}).")
  String metricsAddr;

  @Option(names = "--metrics.port", defaultValue = "7300", description = "Metrics port (default ${DEFAULT-VALUE}).")
  int metricsPort;

  @Option(names = "--rpc.addr", defaultValue = "127.0.0.1", description = "Rollup RPC listen address (default ${DEFAULT-VALUE}).")
  String rpcAddr;

  @Option(names = "--rpc.port", defaultValue = "9545", description = "Rollup RPC port: optimism_syncStatus, admin_* (default ${DEFAULT-VALUE}).")
  int rpcPort;

  /** How long derivation waits for new L1 data once it has read everything: about a third of an L1 slot. */
  private static final long DERIVER_IDLE_MILLIS = 4_000;

  /** op-node: reth and erigon can EL-sync past their own finalized block, geth cannot. */
  private static boolean postFinalizationElSync(String kind) {
    return switch (kind) {
      case "geth" -> false;
      case "reth", "erigon" -> true;
      default -> throw new IllegalArgumentException("unknown --l2.enginekind '" + kind + "' (use geth, reth or erigon)");
    };
  }

  @Override
  public Integer call() throws Exception {
    SyncMode mode = SyncMode.fromFlag(syncMode);
    boolean postFinalizationElSync = postFinalizationElSync(engineKind);
    RollupConfig rollup = RollupConfig.load(rollupConfig);
    ElSync elSync = new ElSync(mode, postFinalizationElSync, rollup.l2Genesis().hash());
    Jwt jwt = new Jwt(JwtSecret.load(jwtSecret));
    JsonRpcClient l1Client = new JsonRpcClient(l1, null);
    JsonRpcClient engineClient = new JsonRpcClient(l2, jwt);
    PeerChecks.checkChainId("L1 at " + l1, l1Client, rollup.l1ChainId(), "l1_chain_id");
    PeerChecks.checkChainId("the engine at " + l2, engineClient, rollup.l2ChainId(), "l2_chain_id");
    NodeMetrics metrics = metricsEnabled ? new NodeMetrics() : null;
    ExecEngine exec = new EngineClient(engineClient, rollup);
    EngineController controller = new EngineController(metrics == null ? exec : metrics.timed(exec), elSync);
    if (metrics != null) {
      metrics.watch(controller);
      MetricsServer server = MetricsServer.start(metrics, metricsAddr, metricsPort);
      LOG.info("Metrics on http://{}:{}/metrics", metricsAddr, server.port());
    }
    controller.reset();
    RpcL1Source l1Source = new RpcL1Source(l1Client, l1Beacon == null ? null : new BeaconClient(l1Beacon));
    Sequencer seq = sequencer ? new Sequencer(rollup, l1Source, controller, Clock.systemUTC(), 1.0, l1Confs,
        (p, ref) -> LOG.info(String.format(Locale.ROOT, "L2 block %d %s txs=%d gas=%d l1origin=%d", p.blockNumber(), p.blockHash().toHex(),
            p.transactions().size(), p.gasUsed(), ref.l1Origin().number()))) : null;
    Deriver deriver = new Deriver(rollup, l1Source, controller, DERIVER_IDLE_MILLIS);
    JsonRpcDispatcher d = new JsonRpcDispatcher(new com.fasterxml.jackson.databind.ObjectMapper());
    RollupRpc.register(d, rollup, controller, l1Source, seq);
    JsonRpcServer rpc = new JsonRpcServer("Rollup RPC", d, null, 2).start(rpcAddr, rpcPort);
    Thread derivation = new Thread(null, deriver, "deriver", 64L * 1024 * 1024);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      if (seq != null) seq.stop();
      deriver.stop();
      rpc.close();
    }));
    LOG.info("{} chain {} on {} from L2 unsafe head {}, safe head {}; {} sync; rollup RPC on {}:{}", sequencer ? "Sequencing" : "Following (verifier)",
        rollup.l2ChainId(), l2, controller.unsafeHead(), controller.safeHead(), elSync.mode(), rpcAddr, rpc.port());
    if (seq == null) {
      derivation.run();
    } else {
      derivation.setDaemon(true);
      derivation.start();
      seq.run();
    }
    return 0;
  }
}
