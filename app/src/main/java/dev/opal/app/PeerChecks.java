package dev.opal.app;

import dev.opal.rpc.client.JsonRpcClient;
import dev.opal.types.Hex;
import java.math.BigInteger;
import java.time.Duration;

/** Start-up checks on the nodes a command talks to: say what is wrong when a peer is unreachable or on another chain. */
final class PeerChecks {
  private static final Duration CHECK = Duration.ofSeconds(5);

  private PeerChecks() {}

  static void checkChainId(String what, JsonRpcClient client, BigInteger expected, String field) {
    BigInteger actual;
    try {
      actual = Hex.decodeQuantity(client.call(CHECK, "eth_chainId").asText());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(what + " is not reachable: " + e.getMessage());
    }
    if (!actual.equals(expected)) throw new IllegalArgumentException(what + " is on chain " + actual + " but the rollup config's " + field + " is " + expected);
  }
}
