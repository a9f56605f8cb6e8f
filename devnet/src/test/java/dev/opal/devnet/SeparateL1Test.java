package dev.opal.devnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opal.rpc.client.JsonRpcClient;
import dev.opal.types.Address;
import dev.opal.types.Hex;
import dev.opal.types.UInt256;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The devnet's L1 as a part of its own ({@code opal l1}) and an L2 devnet on it ({@code opal devnet
 * --l1 URL}): the rollup starts from the L1's head, a deposit made on that L1 is minted on L2, and
 * the batcher's data moves the safe head, all through the L1's JSON-RPC only.
 */
class SeparateL1Test {
  private static final Duration T = Duration.ofSeconds(10);

  @Test
  void anL2DevnetRunsOnAnL1OfItsOwn() throws Exception {
    try (Devnet l1 = new Devnet(options(null))) {
      ByteArrayOutputStream l1Banner = new ByteArrayOutputStream();
      l1.startL1Only(new PrintStream(l1Banner, true, StandardCharsets.UTF_8));
      URI l1Url = l1.l1RpcUrl();
      assertThat(l1Banner.toString(StandardCharsets.UTF_8)).contains("L1 RPC: " + l1Url);
      JsonRpcClient l1Rpc = new JsonRpcClient(l1Url, null);
      DevnetTest.await("L1 blocks", () -> quantity(l1Rpc.call(T, "eth_blockNumber").asText()) >= 2);

      try (Devnet l2 = new Devnet(options(l1Url))) {
        l2.start(new PrintStream(new ByteArrayOutputStream(), true));
        JsonRpcClient l2Rpc = new JsonRpcClient(l2.l2RpcUrl(), null);
        JsonRpcClient rollup = new JsonRpcClient(l2.rollupRpcUrl(), null);
        long anchor = rollup.call(T, "optimism_rollupConfig").get("genesis").get("l1").get("number").asLong();
        assertThat(anchor).as("the rollup starts from the L1's head, not its genesis").isGreaterThanOrEqualTo(2);

        Address depositee = Address.fromHex("0x00000000000000000000000000000000000d3b18");
        UInt256 amount = UInt256.fromBigInteger(BigInteger.TEN.pow(17));
        String l1Tx = DevnetTest.send(l1Rpc, 900, DevnetGenesis.PORTAL, amount, DevnetTest.depositCall(depositee, amount), 200_000);
        DevnetTest.await("the deposit on L1", () -> !l1Rpc.call(T, "eth_getTransactionReceipt", l1Tx).isNull());
        DevnetTest.await("the deposit on L2",
            () -> Hex.decodeQuantity(l2Rpc.call(T, "eth_getBalance", depositee.toHex(), "latest").asText()).equals(amount.toBigInteger()));
        DevnetTest.await("the safe head from batches on the separate L1",
            () -> rollup.call(T, "optimism_syncStatus").get("safe_l2").get("number").asLong() >= 2);
      }
    }
  }

  @Test
  void anL1WithoutTheDevnetContractsIsRefusedWithAReason() throws Exception {
    try (Devnet l1 = new Devnet(options(null))) {
      l1.startL1Only(new PrintStream(new ByteArrayOutputStream(), true));
      DevnetOptions wrongChain = new DevnetOptions(1000, 1, 4, "127.0.0.1", 0, 0, 0, null, BigInteger.valueOf(1), BigInteger.valueOf(901), 2, false,
          Map.of(), false, false, l1.l1RpcUrl(), false, 0);
      try (Devnet l2 = new Devnet(wrongChain)) {
        assertThatThrownBy(() -> l2.start(new PrintStream(new ByteArrayOutputStream(), true)))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has chain id 900, not 1");
      }
    }
  }

  private static DevnetOptions options(URI l1) {
    return new DevnetOptions(1000, 1, 4, "127.0.0.1", 0, 0, 0, null, BigInteger.valueOf(900), BigInteger.valueOf(901), 2, false, Map.of(), true,
        false, l1, false, 0);
  }

  private static long quantity(String hex) {
    return Hex.decodeQuantity(hex).longValueExact();
  }
}
