package dev.opal.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opal.node.engine.EngineEvent;
import dev.opal.node.engine.EngineException;
import dev.opal.node.engine.ExecEngine;
import dev.opal.node.eth.L2BlockRef;
import dev.opal.rpc.client.JsonRpcClient;
import dev.opal.rpc.engine.ExecutionPayload;
import dev.opal.rpc.engine.ForkchoiceState;
import dev.opal.rpc.engine.ForkchoiceUpdatedResult;
import dev.opal.rpc.engine.PayloadAttributes;
import dev.opal.rpc.engine.PayloadEnvelope;
import dev.opal.rpc.engine.PayloadId;
import dev.opal.rpc.engine.PayloadStatus;
import dev.opal.types.Hash;
import dev.opal.types.Hex;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The rollup node against an engine that misbehaves (issue 6's fault tests): SYNCING, -38002
 * (invalid forkchoice state), -38003 (invalid attributes), -38001 at seal, dropped connections
 * before a call reaches the engine, and a dropped response after the engine already made the
 * block canonical. The real engine runs behind real HTTP+JWT; a layer between the controller and
 * the Engine API client injects each fault once. The node must keep going, classify every fault
 * as op-node does, and leave one unbroken chain: every block it reported stays canonical, and the
 * chain has no gaps.
 */
class EngineFaultsTest {
  private static final Duration T = Duration.ofSeconds(10);

  /** One fault, injected at the next call of a method. */
  enum Fault { SYNCING, INVALID_FORKCHOICE, INVALID_ATTRIBUTES, UNKNOWN_PAYLOAD, DROP_REQUEST, DROP_RESPONSE }

  /** Forwards to the real engine, failing the next call of each method as scheduled. */
  static final class FaultyEngine implements ExecEngine {
    private final ExecEngine real;
    private final Map<String, Deque<Fault>> schedule = new java.util.concurrent.ConcurrentHashMap<>();

    FaultyEngine(ExecEngine real) {
      this.real = real;
    }

    void inject(String method, Fault... faults) {
      schedule.computeIfAbsent(method, k -> new java.util.concurrent.ConcurrentLinkedDeque<>()).addAll(List.of(faults));
    }

    boolean drained() {
      return schedule.values().stream().allMatch(Deque::isEmpty);
    }

    private Fault next(String method) {
      Deque<Fault> q = schedule.get(method);
      return q == null ? null : q.poll();
    }

    private static EngineException rpcError(int code, String message) {
      return new EngineException(EngineException.classify(code), message, null);
    }

    private static EngineException dropped() {
      return new EngineException(EngineException.Kind.TEMPORARY, "connection reset by peer", null);
    }

    @Override
    public ForkchoiceUpdatedResult forkchoiceUpdate(ForkchoiceState state, PayloadAttributes attributes) {
      Fault f = next(attributes == null ? "fcu" : "fcuBuild");
      if (f == null) return real.forkchoiceUpdate(state, attributes);
      return switch (f) {
        case SYNCING -> new ForkchoiceUpdatedResult(new PayloadStatus(PayloadStatus.Status.SYNCING, null, null), null);
        case INVALID_FORKCHOICE -> throw rpcError(-38002, "Invalid forkchoice state");
        case INVALID_ATTRIBUTES -> throw rpcError(-38003, "Invalid payload attributes");
        case DROP_REQUEST -> throw dropped();
        case DROP_RESPONSE -> {
          real.forkchoiceUpdate(state, attributes);
          throw dropped();
        }
        case UNKNOWN_PAYLOAD -> throw new IllegalArgumentException(f + " is not a forkchoice fault");
      };
    }

    @Override
    public PayloadEnvelope getPayload(PayloadId id, long timestamp) {
      Fault f = next("getPayload");
      if (f == null) return real.getPayload(id, timestamp);
      throw switch (f) {
        case UNKNOWN_PAYLOAD -> rpcError(-38001, "Unknown payload");
        case DROP_REQUEST -> dropped();
        default -> new IllegalArgumentException(f + " is not a getPayload fault");
      };
    }

    @Override
    public PayloadStatus newPayload(ExecutionPayload payload, Hash parentBeaconBlockRoot) {
      Fault f = next("newPayload");
      if (f == null) return real.newPayload(payload, parentBeaconBlockRoot);
      return switch (f) {
        case SYNCING -> new PayloadStatus(PayloadStatus.Status.SYNCING, null, null);
        case DROP_REQUEST -> throw dropped();
        case DROP_RESPONSE -> {
          real.newPayload(payload, parentBeaconBlockRoot);
          throw dropped();
        }
        default -> throw new IllegalArgumentException(f + " is not a newPayload fault");
      };
    }

    @Override
    public L2BlockRef blockRefByLabel(String label) {
      return real.blockRefByLabel(label);
    }

    @Override
    public L2BlockRef blockRefByHash(Hash hash) {
      return real.blockRefByHash(hash);
    }

    @Override
    public dev.opal.node.eth.L2BlockContent blockByNumber(long number) {
      return real.blockByNumber(number);
    }

    @Override
    public dev.opal.node.eth.L2Output outputAt(long number) {
      return real.outputAt(number);
    }
  }

  @Test
  void nodeRecoversFromEveryFaultWithoutLosingOrDuplicatingBlocks() throws Exception {
    List<EngineEvent> events = new CopyOnWriteArrayList<>();
    FaultyEngine[] faulty = new FaultyEngine[1];
    try (Devnet devnet = new Devnet(new DevnetOptions(100, 1, 4, "127.0.0.1", 0, 0, 0, null, BigInteger.valueOf(900), BigInteger.valueOf(901), 2,
        false, Map.of()))
        .wrapEngine(real -> faulty[0] = new FaultyEngine(real))
        .onEngineEvent(events::add)) {
      devnet.start(new PrintStream(new ByteArrayOutputStream(), true));
      JsonRpcClient l2 = new JsonRpcClient(devnet.l2RpcUrl(), null);
      awaitBlock(l2, 3);

      faulty[0].inject("fcuBuild", Fault.SYNCING, Fault.DROP_REQUEST, Fault.INVALID_ATTRIBUTES, Fault.INVALID_FORKCHOICE, Fault.DROP_RESPONSE);
      faulty[0].inject("getPayload", Fault.UNKNOWN_PAYLOAD, Fault.DROP_REQUEST);
      faulty[0].inject("newPayload", Fault.SYNCING, Fault.DROP_REQUEST, Fault.DROP_RESPONSE);
      faulty[0].inject("fcu", Fault.DROP_RESPONSE, Fault.SYNCING, Fault.DROP_REQUEST, Fault.DROP_RESPONSE);
      for (int i = 0; i < 600 && !faulty[0].drained(); i++) Thread.sleep(100);
      assertThat(faulty[0].drained()).as("every fault was injected: left %s; events %s", faulty[0].schedule, events.stream().map(e -> e.getClass().getSimpleName()).toList()).isTrue();
      long afterFaults = quantity(l2.call(T, "eth_blockNumber"));
      awaitBlock(l2, afterFaults + 5);

      // one unbroken chain: consecutive numbers, each block's parent is the block before, timestamps one block time apart
      long head = quantity(l2.call(T, "eth_blockNumber"));
      JsonNode parent = l2.call(T, "eth_getBlockByNumber", "0x0", false);
      for (long n = 1; n <= head; n++) {
        JsonNode b = l2.call(T, "eth_getBlockByNumber", Hex.encodeQuantity(n), false);
        assertThat(b.get("parentHash").asText()).as("block %d's parent", n).isEqualTo(parent.get("hash").asText());
        assertThat(quantity(b.get("timestamp"))).as("block %d's timestamp", n).isEqualTo(quantity(parent.get("timestamp")) + 1);
        parent = b;
      }
      // every block the controller reported as made canonical is still canonical: nothing was built twice
      List<L2BlockRef> reported = new ArrayList<>();
      for (EngineEvent e : events) if (e instanceof EngineEvent.PayloadSuccess s) reported.add(s.ref());
      assertThat(reported).isNotEmpty();
      for (L2BlockRef r : reported) {
        if (r.number() > head) continue;
        JsonNode b = l2.call(T, "eth_getBlockByNumber", Hex.encodeQuantity(r.number()), false);
        assertThat(b.get("hash").asText()).as("reported block %d", r.number()).isEqualTo(r.hash().toString());
      }
      assertThat(reported.stream().map(L2BlockRef::number).distinct().count()).as("no height reported twice").isEqualTo(reported.size());

      // op-node's classification of each fault
      assertThat(events).filteredOn(e -> e instanceof EngineEvent.EngineTemporaryError).hasSize(11);
      assertThat(events).filteredOn(e -> e instanceof EngineEvent.PayloadSealExpiredError).hasSize(1);
      assertThat(events).filteredOn(e -> e instanceof EngineEvent.ResetEvent).hasSize(1);
      assertThat(events).filteredOn(e -> e instanceof EngineEvent.EngineResetConfirmed).hasSize(2); // start-up and after -38002
      assertThat(events).filteredOn(e -> e instanceof EngineEvent.BuildInvalid).hasSize(1);
      assertThat(events).noneMatch(e -> e instanceof EngineEvent.CriticalErrorEvent);
    }
  }

  private static void awaitBlock(JsonRpcClient l2, long n) throws InterruptedException {
    for (int i = 0; i < 300 && quantity(l2.call(T, "eth_blockNumber")) < n; i++) Thread.sleep(100);
    assertThat(quantity(l2.call(T, "eth_blockNumber"))).isGreaterThanOrEqualTo(n);
  }

  private static long quantity(JsonNode n) {
    return Hex.decodeQuantity(n.asText()).longValueExact();
  }
}
