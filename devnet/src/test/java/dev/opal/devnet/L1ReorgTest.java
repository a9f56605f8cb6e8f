package dev.opal.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opal.rpc.client.JsonRpcClient;
import dev.opal.types.Hex;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An L1 reorg takes back blocks holding batcher transactions (and the L1 origins the sequencer had
 * adopted): the rollup nodes notice, the sequencer rebuilds on a canonical origin, the batcher posts
 * again, and the verifier derives the same chain as the sequencer once more.
 */
class L1ReorgTest {
  private static final Duration T = Duration.ofSeconds(10);
  private static final String INBOX = "0xff00000000000000000000000000000000000901";

  @Test
  void derivationRecoversFromAnL1ReorgThatDropsBatches() throws Exception {
    try (Devnet devnet = new Devnet(new DevnetOptions(250, 1, 8, "127.0.0.1", 0, 0, 0, null, BigInteger.valueOf(900), BigInteger.valueOf(901), 2,
        false, Map.of(), true, true))) {
      devnet.start(new PrintStream(new ByteArrayOutputStream(), true));
      JsonRpcClient l1 = new JsonRpcClient(devnet.l1RpcUrl(), null);
      JsonRpcClient l2 = new JsonRpcClient(devnet.l2RpcUrl(), null);
      JsonRpcClient verifier = new JsonRpcClient(devnet.verifierRpcUrl(), null);
      awaitSafe(verifier, 12);

      // reorg from the newest L1 block that holds a batch, or from the sequencer head's L1 origin if that is older:
      // the reorg then certainly drops a batch and an origin the sequencer built on
      JsonRpcClient sequencerNode = new JsonRpcClient(devnet.rollupRpcUrl(), null);
      JsonNode unsafeBefore = sequencerNode.call(T, "optimism_syncStatus").get("unsafe_l2");
      long head = Hex.decodeQuantity(l1.call(T, "eth_blockNumber").asText()).longValueExact();
      long firstReplaced = head;
      List<String> dropped = List.of();
      for (; firstReplaced > head - 3 && dropped.isEmpty(); firstReplaced--) dropped = batcherTxs(l1, firstReplaced);
      firstReplaced = Math.min(firstReplaced + 1, unsafeBefore.get("l1origin").get("number").asLong());
      assertThat(dropped).as("batcher transactions in the last 3 L1 blocks").isNotEmpty();
      assertThat(firstReplaced).as("the reorg stays above L1 finality").isGreaterThan(head - 8);
      long safeBefore = safeNumber(verifier);
      devnet.reorgL1From(firstReplaced);
      for (String tx : dropped) {
        JsonNode receipt = l1.call(T, "eth_getTransactionReceipt", tx);
        assertThat(receipt == null || receipt.isNull()).as("batcher transaction %s is gone from L1", tx).isTrue();
      }

      long target = safeBefore + 24;
      awaitSafe(verifier, target);
      long n = safeNumber(verifier);
      JsonNode out = verifier.call(T, "optimism_outputAtBlock", Hex.encodeQuantity(n));
      assertThat(out.get("blockRef").get("hash").asText()).as("verifier's safe block %d is the sequencer's", n)
          .isEqualTo(l2.call(T, "eth_getBlockByNumber", Hex.encodeQuantity(n), false).get("hash").asText());
      awaitSafe(sequencerNode, target);
      // the sequencer's head had adopted an L1 block the reorg took back: that L2 block was rebuilt on a canonical origin
      long number = unsafeBefore.get("number").asLong();
      assertThat(l2.call(T, "eth_getBlockByNumber", Hex.encodeQuantity(number), false).get("hash").asText()).as("L2 block %d after the reorg", number)
          .isNotEqualTo(unsafeBefore.get("hash").asText());
    }
  }

  private static List<String> batcherTxs(JsonRpcClient l1, long number) {
    List<String> out = new ArrayList<>();
    JsonNode block = l1.call(T, "eth_getBlockByNumber", Hex.encodeQuantity(number), true);
    for (JsonNode tx : block.get("transactions")) if (INBOX.equalsIgnoreCase(tx.path("to").asText())) out.add(tx.get("hash").asText());
    return out;
  }

  private static long safeNumber(JsonRpcClient rollupNode) {
    return rollupNode.call(T, "optimism_syncStatus").get("safe_l2").get("number").asLong();
  }

  private static void awaitSafe(JsonRpcClient rollupNode, long target) throws InterruptedException {
    for (int i = 0; i < 900 && safeNumber(rollupNode) < target; i++) Thread.sleep(100);
    assertThat(safeNumber(rollupNode)).as("safe head").isGreaterThanOrEqualTo(target);
  }
}
