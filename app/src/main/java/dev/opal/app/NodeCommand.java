package dev.opal.app;

import dev.opal.config.RollupConfig;
import dev.opal.node.engine.EngineController;
import dev.opal.node.sequencing.Sequencer;
import dev.opal.node.sources.EngineClient;
import dev.opal.node.sources.RpcL1Source;
import dev.opal.rpc.client.JsonRpcClient;
import dev.opal.rpc.jwt.Jwt;
import dev.opal.rpc.jwt.JwtSecret;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code opal node}: the rollup node alone, sequencing blocks on an execution engine (Opal's or op-geth) over the Engine API. */
@Command(
    name = "node",
    mixinStandardHelpOptions = true,
    description = {"Runs the rollup node as a sequencer: reads L1 over JSON-RPC, drives the execution engine over the Engine API",
        "(HTTP+JWT, op-node's method versions), one L2 block per block time. Flags follow op-node's names."})
final class NodeCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger("opal.node");

  @Option(names = "--l1", required = true, paramLabel = "URL", description = "L1 JSON-RPC URL.")
  URI l1;

  @Option(names = "--l2", required = true, paramLabel = "URL", description = "Execution engine Engine API URL (authenticated).")
  URI l2;

  @Option(names = "--l2.jwt-secret", required = true, paramLabel = "FILE", description = "JWT secret shared with the engine.")
  Path jwtSecret;

  @Option(names = "--rollup.config", required = true, paramLabel = "FILE", description = "rollup.json.")
  Path rollupConfig;

  @Option(names = "--sequencer.enabled", defaultValue = "true", arity = "1",
      description = "Sequence blocks (default ${DEFAULT-VALUE}); verifier mode needs derivation, which is not available yet.")
  boolean sequencer;

  @Override
  public Integer call() throws Exception {
    if (!sequencer) throw new IllegalArgumentException("--sequencer.enabled=false: verifier mode (derivation from L1) is not available yet");
    RollupConfig rollup = RollupConfig.load(rollupConfig);
    Jwt jwt = new Jwt(JwtSecret.load(jwtSecret));
    EngineController controller = new EngineController(new EngineClient(new JsonRpcClient(l2, jwt), rollup));
    controller.reset();
    Sequencer seq = new Sequencer(rollup, new RpcL1Source(new JsonRpcClient(l1, null)), controller, Clock.systemUTC(), 1.0,
        (p, ref) -> LOG.info(String.format(Locale.ROOT, "L2 block %d %s txs=%d gas=%d l1origin=%d", p.blockNumber(), p.blockHash().toHex(),
            p.transactions().size(), p.gasUsed(), ref.l1Origin().number())));
    Runtime.getRuntime().addShutdownHook(new Thread(seq::stop));
    LOG.info("Sequencing chain {} on {} from L2 head {}", rollup.l2ChainId(), l2, controller.unsafeHead());
    seq.run();
    return 0;
  }
}
