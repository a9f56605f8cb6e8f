package dev.opal.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opal.devnet.Devnet;
import dev.opal.devnet.DevnetOptions;
import dev.opal.rpc.client.JsonRpcClient;
import dev.opal.types.Hex;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code opal bench load} against a running devnet: what it reports as included is what the chain
 * did, checked against the recipient's balance (each transfer sends it one wei).
 */
class LoadGeneratorTest {
  @Test
  void reportsTheTransfersTheChainIncluded() throws Exception {
    try (Devnet devnet = new Devnet(new DevnetOptions(200, 1, 4, "127.0.0.1", 0, 0, 0, null, BigInteger.valueOf(900), BigInteger.valueOf(901), 4,
        false, Map.of()))) {
      devnet.start(new PrintStream(new ByteArrayOutputStream(), true));

      LoadGenerator.Result r = LoadGenerator.run(devnet.l2RpcUrl(), 4, Duration.ofSeconds(2), 2, 100);

      assertThat(r.included()).isPositive();
      assertThat(r.blocks()).isPositive();
      JsonRpcClient l2 = new JsonRpcClient(devnet.l2RpcUrl(), null);
      BigInteger received = Hex.decodeQuantity(l2.call(Duration.ofSeconds(10), "eth_getBalance", "0x000000000000000000000000000000000000f00d",
          "latest").asText());
      assertThat(received).isEqualTo(BigInteger.valueOf(r.included()));
    }
  }
}
