package dev.opal.devnet;

import dev.opal.node.eth.L1Info;
import dev.opal.node.sources.RpcL1Source;
import dev.opal.rpc.client.JsonRpcClient;
import dev.opal.types.Hex;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;

/**
 * Checks that an L1 running as its own process can carry the devnet's L2: it answers, has the
 * expected chain id, and holds the devnet's deposit contract (it is an {@code opal l1}).
 */
final class ExternalL1 {
  private static final Duration T = Duration.ofSeconds(10);

  private ExternalL1() {}

  /** Returns the L1's head, from which the rollup starts; throws {@link IllegalArgumentException} saying what is wrong. */
  static L1Info check(URI url, BigInteger expectedChainId) {
    JsonRpcClient rpc = new JsonRpcClient(url, null);
    BigInteger chainId;
    try {
      chainId = Hex.decodeQuantity(rpc.call(T, "eth_chainId").asText());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("the L1 at " + url + " does not answer eth_chainId: " + e.getMessage());
    }
    if (!chainId.equals(expectedChainId)) {
      throw new IllegalArgumentException("the L1 at " + url + " has chain id " + chainId + ", not " + expectedChainId + " (see --l1-chain-id)");
    }
    String code = rpc.call(T, "eth_getCode", DevnetGenesis.PORTAL.toHex(), "latest").asText();
    if (code.equals("0x")) {
      throw new IllegalArgumentException("the L1 at " + url + " has no deposit contract at " + DevnetGenesis.PORTAL.toHex() + ": start it with ./opal l1");
    }
    return new RpcL1Source(rpc).latest();
  }
}
