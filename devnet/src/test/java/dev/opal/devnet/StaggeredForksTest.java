package dev.opal.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opal.config.OpFork;
import dev.opal.rpc.client.JsonRpcClient;
import dev.opal.types.Hex;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The sequencer driving the engine over HTTP+JWT across every upgrade from Bedrock-era genesis
 * contracts: each activation block carries its upgrade transactions (OP specs
 * ecotone|fjord|isthmus/derivation.md: 6, 3 and 8), all of which succeed, and the L1-info deposit
 * switches format on the block after each activation (Bedrock 0x015d8eb9 → Ecotone 0x440a5e20 →
 * Isthmus 0x098999be).
 */
class StaggeredForksTest {
  private static final Duration T = Duration.ofSeconds(10);

  @Test
  void upgradesActivateOneAfterAnother() throws Exception {
    Map<OpFork, Long> offsets = Map.of(OpFork.CANYON, 2L, OpFork.DELTA, 4L, OpFork.ECOTONE, 6L, OpFork.FJORD, 8L, OpFork.GRANITE, 10L,
        OpFork.HOLOCENE, 12L, OpFork.ISTHMUS, 14L, OpFork.JOVIAN, 1_000_000L);
    try (Devnet devnet = new Devnet(new DevnetOptions(250, 1, 4, "127.0.0.1", 0, 0, 0, null, BigInteger.valueOf(900), BigInteger.valueOf(901), 2,
        false, offsets))) {
      devnet.start(new PrintStream(new ByteArrayOutputStream(), true));
      JsonRpcClient l2 = new JsonRpcClient(devnet.l2RpcUrl(), null);
      long genesisTime = quantity(l2.call(T, "eth_getBlockByNumber", "0x0", false).get("timestamp"));
      for (int i = 0; i < 200 && quantity(l2.call(T, "eth_blockNumber")) < 18; i++) Thread.sleep(100);
      assertThat(quantity(l2.call(T, "eth_blockNumber"))).isGreaterThanOrEqualTo(18);
      // blocks are one second apart, so block n has timestamp genesis + n
      assertThat(quantity(l2.call(T, "eth_getBlockByNumber", "0x6", false).get("timestamp"))).isEqualTo(genesisTime + 6);
      checkActivation(l2, 6, 6, "0x015d8eb9", "0x440a5e20");
      checkActivation(l2, 8, 3, "0x440a5e20", "0x440a5e20");
      checkActivation(l2, 14, 8, "0x440a5e20", "0x098999be");
      assertThat(l2.call(T, "eth_getBlockByNumber", "0x2", false).has("withdrawalsRoot")).as("Canyon brings withdrawals").isTrue();
      assertThat(l2.call(T, "eth_getBlockByNumber", "0x1", false).has("withdrawalsRoot")).isFalse();
    }
  }

  private static void checkActivation(JsonRpcClient l2, long block, int upgradeTxs, String infoSelectorAtActivation, String infoSelectorAfter) {
    JsonNode b = l2.call(T, "eth_getBlockByNumber", Hex.encodeQuantity(block), true);
    JsonNode txs = b.get("transactions");
    assertThat(txs.size()).as("block %d: L1-info plus %d upgrade transactions", block, upgradeTxs).isEqualTo(1 + upgradeTxs);
    assertThat(txs.get(0).get("input").asText()).startsWith(infoSelectorAtActivation);
    for (JsonNode tx : txs) {
      JsonNode receipt = l2.call(T, "eth_getTransactionReceipt", tx.get("hash").asText());
      assertThat(receipt.get("status").asText()).as("tx %s in block %d", tx.get("hash").asText(), block).isEqualTo("0x1");
    }
    JsonNode next = l2.call(T, "eth_getBlockByNumber", Hex.encodeQuantity(block + 1), true);
    assertThat(next.get("transactions").get(0).get("input").asText()).startsWith(infoSelectorAfter);
    JsonNode info = l2.call(T, "eth_getTransactionReceipt", next.get("transactions").get(0).get("hash").asText());
    assertThat(info.get("status").asText()).as("L1-info deposit after activation at %d", block).isEqualTo("0x1");
  }

  private static long quantity(JsonNode n) {
    return Hex.decodeQuantity(n.asText()).longValueExact();
  }
}
