package dev.opal.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opal.config.RollupConfig;
import dev.opal.crypto.Secp256k1;
import dev.opal.node.batcher.Batcher;
import dev.opal.node.derive.ChannelCompression;
import dev.opal.node.derive.Frame;
import dev.opal.rpc.client.JsonRpcClient;
import dev.opal.types.Address;
import dev.opal.types.Hex;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code opal batcher}: op-batcher's job alone, posting a sequencer's L2 blocks to the batch inbox on L1. */
@Command(
    name = "batcher",
    mixinStandardHelpOptions = true,
    description = {"Runs the batcher: reads new L2 blocks from the sequencer's execution engine, packs them into channels",
        "(singular or span batches, zlib or brotli) and posts the frames as calldata to the batch inbox on L1, starting after",
        "the rollup node's safe head. The rollup config comes from the rollup node. Flags follow op-batcher's names."})
final class BatcherCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger("opal.batcher");
  private static final Duration T = Duration.ofSeconds(10);

  @Option(names = "--l1-eth-rpc", required = true, paramLabel = "URL", description = "L1 JSON-RPC URL.")
  URI l1;

  @Option(names = "--l2-eth-rpc", required = true, paramLabel = "URL", description = "The sequencer's L2 JSON-RPC URL (needs debug_getRawBlock).")
  URI l2;

  @Option(names = "--rollup-rpc", required = true, paramLabel = "URL", description = "The sequencer's rollup node RPC URL (optimism_syncStatus).")
  URI rollupRpc;

  @Option(names = "--private-key", required = true, paramLabel = "KEY", description = "The batcher's L1 key (hex); its address must be the SystemConfig's batcher.")
  String privateKey;

  @Option(names = "--batch-type", defaultValue = "0", paramLabel = "0|1", description = "0 = singular batches, 1 = span batches (from Delta) (default ${DEFAULT-VALUE}).")
  int batchType;

  @Option(names = "--compression-algo", defaultValue = "zlib", paramLabel = "ALGO", description = "zlib, or brotli (= brotli-10, from Fjord) (default ${DEFAULT-VALUE}).")
  String compression;

  @Option(names = "--data-availability-type", defaultValue = "calldata", paramLabel = "TYPE", description = "calldata, or blobs (EIP-4844: one frame per blob, the L1 must accept blob transactions) (default ${DEFAULT-VALUE}).")
  String daType;

  @Option(names = "--max-l1-tx-size-bytes", defaultValue = "120000", paramLabel = "N", description = "Largest batcher transaction data (default ${DEFAULT-VALUE}).")
  int maxL1TxSize;

  @Option(names = "--poll-interval", defaultValue = "6s", paramLabel = "DURATION", description = "How often to look for new L2 blocks and included transactions (default ${DEFAULT-VALUE}).")
  String pollInterval;

  @Option(names = "--max-blocks-per-channel", defaultValue = "2000", paramLabel = "N", description = "L2 blocks per channel at most (default ${DEFAULT-VALUE}).")
  int maxBlocksPerChannel;

  @Option(names = "--resend-after-l1-blocks", defaultValue = "5", paramLabel = "N",
      description = "Send a transaction again with a higher fee when it is not included after N L1 blocks (default ${DEFAULT-VALUE}).")
  long resendAfter;

  @Override
  public Integer call() throws Exception {
    Batcher.DataAvailability da = Batcher.DataAvailability.fromFlag("--data-availability-type", daType);
    Batcher.BatchType type = switch (batchType) {
      case 0 -> Batcher.BatchType.SINGULAR;
      case 1 -> Batcher.BatchType.SPAN;
      default -> throw new IllegalArgumentException("--batch-type must be 0 (singular) or 1 (span), got " + batchType);
    };
    ChannelCompression.Algorithm algorithm = switch (compression.toLowerCase(Locale.ROOT)) {
      case "zlib" -> ChannelCompression.Algorithm.ZLIB;
      case "brotli", "brotli-10" -> ChannelCompression.Algorithm.BROTLI;
      default -> throw new IllegalArgumentException("--compression-algo must be zlib, brotli or brotli-10, got " + compression);
    };
    int maxFrameData = maxL1TxSize - 1 - Frame.OVERHEAD;
    if (maxFrameData < 1 || maxL1TxSize > 128 * 1024) throw new IllegalArgumentException("--max-l1-tx-size-bytes must be between 25 and 131072");
    if (maxBlocksPerChannel < 1) throw new IllegalArgumentException("--max-blocks-per-channel must be at least 1");
    long pollMillis = Durations.parseMillis(pollInterval);
    if (pollMillis < 10) throw new IllegalArgumentException("--poll-interval must be at least 10ms");
    byte[] key;
    try {
      key = Hex.decode(privateKey.startsWith("0x") ? privateKey : "0x" + privateKey, 32);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("--private-key must be 32 bytes of hex");
    }

    JsonRpcClient rollupNode = new JsonRpcClient(rollupRpc, null);
    RollupConfig rollup = rollupConfig(rollupNode);
    JsonRpcClient l1Client = new JsonRpcClient(l1, null);
    JsonRpcClient l2Client = new JsonRpcClient(l2, null);
    PeerChecks.checkChainId("L1 at " + l1, l1Client, rollup.l1ChainId(), "l1_chain_id");
    PeerChecks.checkChainId("L2 at " + l2, l2Client, rollup.l2ChainId(), "l2_chain_id");
    Address from = Secp256k1.address(key);
    if (!from.equals(rollup.genesisSystemConfig().batcherAddr())) {
      LOG.warn("The key's address {} is not the genesis batcher {}: derivation ignores its transactions unless SystemConfig names it", from,
          rollup.genesisSystemConfig().batcherAddr());
    }
    Batcher batcher = new Batcher(rollup, l1Client, l2Client, rollupNode, key,
        new Batcher.Options(Duration.ofMillis(pollMillis), maxFrameData, maxBlocksPerChannel, resendAfter, type, algorithm, da));
    Runtime.getRuntime().addShutdownHook(new Thread(batcher::stop, "batcher-shutdown"));
    batcher.run();
    return 0;
  }

  private static RollupConfig rollupConfig(JsonRpcClient rollupNode) {
    JsonNode json;
    try {
      json = rollupNode.call(T, "optimism_rollupConfig");
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("the rollup node is not reachable: " + e.getMessage());
    }
    try {
      return RollupConfig.parse(json);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("the rollup node's optimism_rollupConfig is not a rollup config: " + e.getMessage());
    }
  }
}
