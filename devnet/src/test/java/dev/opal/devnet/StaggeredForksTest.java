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
 * ecotone|fjord|isthmus|jovian/derivation.md: 6, 3, 8 and 5), all of which succeed, and the L1-info
 * deposit switches format on the block after each activation (Bedrock 0x015d8eb9 → Ecotone 0x440a5e20
 * → Isthmus 0x098999be → Jovian 0x3db6be2b); Canyon's activation block installs the create2deployer.
 */
class StaggeredForksTest {
  private static final Duration T = Duration.ofSeconds(10);
  private static final String CREATE2_DEPLOYER = "0x13b0D85CcB8bf860b6b79AF3029fCA081AE9beF2";

  @Test
  void upgradesActivateOneAfterAnother() throws Exception {
    Map<OpFork, Long> offsets = Map.of(OpFork.CANYON, 2L, OpFork.DELTA, 4L, OpFork.ECOTONE, 6L, OpFork.FJORD, 8L, OpFork.GRANITE, 10L,
        OpFork.HOLOCENE, 12L, OpFork.ISTHMUS, 14L, OpFork.JOVIAN, 16L);
    try (Devnet devnet = new Devnet(new DevnetOptions(250, 1, 4, "127.0.0.1", 0, 0, 0, null, BigInteger.valueOf(900), BigInteger.valueOf(901), 2,
        false, offsets))) {
      devnet.start(new PrintStream(new ByteArrayOutputStream(), true));
      JsonRpcClient l2 = new JsonRpcClient(devnet.l2RpcUrl(), null);
      long genesisTime = quantity(l2.call(T, "eth_getBlockByNumber", "0x0", false).get("timestamp"));
      for (int i = 0; i < 200 && quantity(l2.call(T, "eth_blockNumber")) < 20; i++) Thread.sleep(100);
      assertThat(quantity(l2.call(T, "eth_blockNumber"))).isGreaterThanOrEqualTo(20);
      // blocks are one second apart, so block n has timestamp genesis + n
      assertThat(quantity(l2.call(T, "eth_getBlockByNumber", "0x6", false).get("timestamp"))).isEqualTo(genesisTime + 6);
      checkActivation(l2, 6, 6, "0x015d8eb9", "0x440a5e20");
      checkActivation(l2, 8, 3, "0x440a5e20", "0x440a5e20");
      checkActivation(l2, 14, 8, "0x440a5e20", "0x098999be");
      checkActivation(l2, 16, 5, "0x098999be", "0x3db6be2b");
      // specs/protocol/jovian/derivation.md: the code hashes the Jovian deployments must have, and the oracle switched to Jovian
      assertThat(codeHash(l2, "0x3Ba4007f5C922FBb33C454B41ea7a1f11E83df2C")).isEqualTo("0x5f885ca815d2cf27a203123e50b8ae204fdca910b6995d90b2d7700cbb9240d1");
      assertThat(codeHash(l2, "0x4f1db3c6AbD250ba86E0928471A8F7DB3AFd88F1")).isEqualTo("0xe9fc7c96c4db0d6078e3d359d7e8c982c350a513cb2c31121adf5e1e8a446614");
      String isJovian = Hex.encode(java.util.Arrays.copyOf(dev.opal.crypto.Keccak.hash("isJovian()".getBytes(java.nio.charset.StandardCharsets.US_ASCII)), 4));
      JsonNode call = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("to", "0x420000000000000000000000000000000000000F")
          .put("data", isJovian);
      assertThat(new BigInteger(l2.call(T, "eth_call", call, "latest").asText().substring(2), 16)).as("GasPriceOracle.isJovian()").isEqualTo(BigInteger.ONE);
      assertThat(l2.call(T, "eth_getBlockByNumber", "0x2", false).has("withdrawalsRoot")).as("Canyon brings withdrawals").isTrue();
      assertThat(l2.call(T, "eth_getBlockByNumber", "0x1", false).has("withdrawalsRoot")).isFalse();
      // specs/protocol/superchain-upgrades.md "Canyon": the create2deployer appears in the activation block, with the spec's code hash
      assertThat(l2.call(T, "eth_getCode", CREATE2_DEPLOYER, "0x1").asText()).isEqualTo("0x");
      assertThat(codeHash(l2.call(T, "eth_getCode", CREATE2_DEPLOYER, "0x2"))).isEqualTo(
          "0xb0550b5b431e30d38000efb7107aaa0ade03d48a7198a140edda9d27134468b2");
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

  private static String codeHash(JsonNode code) {
    return Hex.encode(dev.opal.crypto.Keccak.hash(Hex.decode(code.asText())));
  }

  private static String codeHash(JsonRpcClient l2, String address) {
    return codeHash(l2.call(T, "eth_getCode", address, "latest"));
  }

  private static long quantity(JsonNode n) {
    return Hex.decodeQuantity(n.asText()).longValueExact();
  }
}
