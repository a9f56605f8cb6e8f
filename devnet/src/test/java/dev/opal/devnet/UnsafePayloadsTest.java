package dev.opal.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opal.node.engine.EngineEvent;
import dev.opal.rpc.client.JsonRpcClient;
import dev.opal.rpc.engine.EngineJson;
import dev.opal.rpc.engine.PayloadEnvelope;
import dev.opal.types.Hash;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A verifier that gets the sequencer's blocks as gossip would bring them, through op-node's
 * {@code admin_postUnsafePayload}, with no batcher: out-of-order blocks wait in the unsafe queue
 * until the gap closes, then its unsafe head is the sequencer's block; a forged block is dropped.
 */
class UnsafePayloadsTest {
  private static final Duration T = Duration.ofSeconds(10);

  @Test
  void postedPayloadsExtendTheVerifiersUnsafeChainInOrder() throws Exception {
    CopyOnWriteArrayList<PayloadEnvelope> sealed = new CopyOnWriteArrayList<>();
    DevnetOptions options = new DevnetOptions(250, 1, 4, "127.0.0.1", 0, 0, 0, null, BigInteger.valueOf(900), BigInteger.valueOf(901), 2, false,
        Map.of(), false, true);
    try (Devnet devnet = new Devnet(options).onEngineEvent(e -> {
      if (e instanceof EngineEvent.BuildSealed s) sealed.add(s.envelope());
    })) {
      devnet.start(new PrintStream(new ByteArrayOutputStream(), true));
      JsonRpcClient l2 = new JsonRpcClient(devnet.l2RpcUrl(), null);
      JsonRpcClient verifier = new JsonRpcClient(devnet.verifierRpcUrl(), null);
      DevnetTest.await("eleven sequenced blocks", () -> sealed.size() >= 11);

      // blocks 10 down to 2 first: nothing applies until block 1 closes the gap
      for (int i = 9; i >= 1; i--) post(verifier, envelope(sealed.get(i)));
      assertThat(unsafeNumber(verifier)).isZero();
      post(verifier, envelope(sealed.get(9))); // a duplicate is harmless
      post(verifier, envelope(sealed.get(0)));
      DevnetTest.await("the verifier's unsafe head at block 10", () -> unsafeNumber(verifier) == 10);
      JsonNode status = verifier.call(T, "optimism_syncStatus");
      assertThat(status.get("unsafe_l2").get("hash").asText())
          .isEqualTo(l2.call(T, "eth_getBlockByNumber", "0xa", false).get("hash").asText());
      assertThat(status.get("safe_l2").get("number").asLong()).as("no batcher, so nothing is safe").isZero();

      // block 11 with a forged state root: its hash no longer matches, the engine refuses it and the queue drops it
      ObjectNode forged = envelope(sealed.get(10));
      ((ObjectNode) forged.get("executionPayload")).put("stateRoot", Hash.ZERO.toHex());
      post(verifier, forged);
      assertThat(unsafeNumber(verifier)).isEqualTo(10);
      post(verifier, envelope(sealed.get(10)));
      DevnetTest.await("the genuine block 11", () -> unsafeNumber(verifier) == 11);
    }
  }

  private static ObjectNode envelope(PayloadEnvelope e) {
    return (ObjectNode) EngineJson.encode(e).deepCopy();
  }

  private static void post(JsonRpcClient node, JsonNode envelope) {
    node.call(T, "admin_postUnsafePayload", envelope);
  }

  private static long unsafeNumber(JsonRpcClient node) {
    return node.call(T, "optimism_syncStatus").get("unsafe_l2").get("number").asLong();
  }
}
