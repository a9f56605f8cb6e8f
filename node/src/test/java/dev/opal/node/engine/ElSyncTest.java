package dev.opal.node.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opal.block.BlockId;
import dev.opal.node.eth.L2BlockRef;
import dev.opal.optimism.L1BlockInfo;
import dev.opal.rpc.engine.ExecutionPayload;
import dev.opal.rpc.engine.ForkchoiceState;
import dev.opal.rpc.engine.ForkchoiceUpdatedResult;
import dev.opal.rpc.engine.PayloadAttributes;
import dev.opal.rpc.engine.PayloadStatus;
import dev.opal.tx.DepositTransaction;
import dev.opal.types.Address;
import dev.opal.types.Bytes;
import dev.opal.types.Hash;
import dev.opal.types.UInt256;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * op-node's EL sync state machine (rollup/engine engine_controller.go, ../shared/notes/op-node.md
 * §1.5), against a scripted engine that answers SYNCING until it has "fetched" the chain.
 */
class ElSyncTest {
  private static final Hash GENESIS = hash(0);

  /** What the scripted engine was asked, and answers VALID from block {@code validFrom} on. */
  private static class SyncingEngine extends HeadsOnlyEngine {
    final List<Long> newPayloads = new ArrayList<>();
    final List<ForkchoiceState> forkchoices = new ArrayList<>();
    final long validFrom;

    SyncingEngine(Function<String, L2BlockRef> heads, long validFrom) {
      super(heads);
      this.validFrom = validFrom;
    }

    @Override
    public PayloadStatus newPayload(ExecutionPayload payload, Hash parentBeaconBlockRoot) {
      newPayloads.add(payload.blockNumber());
      return payload.blockNumber() >= validFrom ? PayloadStatus.valid(payload.blockHash()) : PayloadStatus.syncing();
    }

    @Override
    public ForkchoiceUpdatedResult forkchoiceUpdate(ForkchoiceState state, PayloadAttributes attributes) {
      forkchoices.add(state);
      long number = state.headBlockHash().toArrayUnsafe()[31];
      return new ForkchoiceUpdatedResult(number >= validFrom ? PayloadStatus.valid(state.headBlockHash()) : PayloadStatus.syncing(), null);
    }
  }

  @Test
  void anEmptyEngineSyncsToGossipThenTheSyncedBlockBecomesSafeAndFinalized() {
    SyncingEngine engine = new SyncingEngine(label -> ref(0), 12);
    EngineController controller = new EngineController(engine, new ElSync(SyncMode.EXECUTION_LAYER, false, GENESIS));
    controller.reset();
    assertThat(controller.syncState()).isEqualTo(ElSync.State.WILL_START_EL);
    assertThat(controller.initialElSyncing()).isTrue();

    controller.addUnsafePayload(payload(10), Hash.ZERO); // parent 9 unknown to the engine: SYNCING is fine
    assertThat(controller.syncState()).isEqualTo(ElSync.State.STARTED_EL);
    assertThat(controller.unsafeHead().number()).isEqualTo(10);
    assertThat(controller.safeHead().number()).as("nothing derived yet").isZero();
    assertThat(engine.forkchoices.getLast()).isEqualTo(new ForkchoiceState(hash(10), GENESIS, GENESIS));

    controller.addUnsafePayload(payload(11), Hash.ZERO);
    assertThat(controller.initialElSyncing()).isTrue();

    controller.addUnsafePayload(payload(12), Hash.ZERO); // the engine caught up: VALID
    assertThat(controller.syncState()).isEqualTo(ElSync.State.FINISHED_EL);
    assertThat(controller.initialElSyncing()).isFalse();
    assertThat(engine.forkchoices.getLast()).as("the synced block is made safe and finalized").isEqualTo(new ForkchoiceState(hash(12), hash(12), hash(12)));
    assertThat(List.of(controller.unsafeHead(), controller.safeHead(), controller.localSafeHead(), controller.pendingSafeHead(),
        controller.finalizedHead())).allSatisfy(r -> assertThat(r).isEqualTo(ref(12)));

    controller.addUnsafePayload(payload(13), Hash.ZERO); // after the sync: unsafe only
    assertThat(engine.forkchoices.getLast()).isEqualTo(new ForkchoiceState(hash(13), hash(12), hash(12)));
    assertThat(controller.unsafeHead()).isEqualTo(ref(13));
    assertThat(controller.safeHead()).isEqualTo(ref(12));

    controller.addUnsafePayload(payload(13), Hash.ZERO); // not past the unsafe head: ignored
    assertThat(engine.newPayloads).containsExactly(10L, 11L, 12L, 13L);
  }

  @Test
  void aFinalizedChainInAGethEngineSkipsElSync() {
    SyncingEngine engine = new SyncingEngine(label -> label.equals("finalized") ? ref(5) : ref(7), 0);
    EngineController controller = new EngineController(engine, new ElSync(SyncMode.EXECUTION_LAYER, false, GENESIS));
    controller.reset();

    controller.addUnsafePayload(payload(8), Hash.ZERO);

    assertThat(controller.syncState()).isEqualTo(ElSync.State.FINISHED_EL);
    assertThat(controller.initialElSyncing()).isFalse();
    assertThat(engine.newPayloads).as("op-node drops the payload that decided it").isEmpty();
    controller.addUnsafePayload(payload(8), Hash.ZERO);
    assertThat(engine.newPayloads).containsExactly(8L);
    assertThat(controller.safeHead()).as("no EL-sync finalization").isEqualTo(ref(7));
  }

  @Test
  void rethAndErigonSyncPastTheirOwnFinalizedBlock() {
    SyncingEngine engine = new SyncingEngine(label -> label.equals("finalized") ? ref(5) : ref(7), 100);
    EngineController controller = new EngineController(engine, new ElSync(SyncMode.EXECUTION_LAYER, true, GENESIS));
    controller.reset();

    controller.addUnsafePayload(payload(50), Hash.ZERO);

    assertThat(controller.syncState()).isEqualTo(ElSync.State.STARTED_EL);
  }

  @Test
  void anInvalidAnswerIsAnErrorAndLeavesTheHeads() {
    SyncingEngine engine = new SyncingEngine(label -> ref(0), 0) {
      @Override
      public PayloadStatus newPayload(ExecutionPayload payload, Hash parentBeaconBlockRoot) {
        return PayloadStatus.invalid(null, "bad block");
      }
    };
    EngineController controller = new EngineController(engine, new ElSync(SyncMode.EXECUTION_LAYER, false, GENESIS));
    controller.reset();
    List<EngineEvent> events = new ArrayList<>();
    controller.addListener(events::add);

    assertThatThrownBy(() -> controller.addUnsafePayload(payload(10), Hash.ZERO)).isInstanceOf(EngineException.class);

    assertThat(events).anyMatch(e -> e instanceof EngineEvent.PayloadInvalid).anyMatch(e -> e instanceof EngineEvent.EngineTemporaryError);
    assertThat(controller.unsafeHead()).isEqualTo(ref(0));
    assertThat(engine.forkchoices).isEmpty();
  }

  @Test
  void consensusLayerModeNeverSyncsTheEngine() {
    ElSync cl = ElSync.consensusLayer();
    assertThat(cl.state()).isEqualTo(ElSync.State.CL);
    assertThat(cl.initialSyncing()).isFalse();
    assertThat(cl.acceptsNewPayload(PayloadStatus.Status.SYNCING)).isFalse();
    assertThat(cl.acceptsNewPayload(PayloadStatus.Status.VALID)).isTrue();
    assertThat(SyncMode.fromFlag("execution-layer")).isEqualTo(SyncMode.EXECUTION_LAYER);
    assertThatThrownBy(() -> SyncMode.fromFlag("snap")).hasMessageContaining("consensus-layer or execution-layer");
  }

  /** A payload whose first transaction is an L1-info deposit, as every OP block's is. */
  private static ExecutionPayload payload(int number) {
    L1BlockInfo info = new L1BlockInfo(number, 1_000 + 2L * number, BigInteger.ONE, Hash.ZERO, number, Address.ZERO, BigInteger.ZERO,
        BigInteger.ZERO, BigInteger.ONE, 0, 0, 0, 0, 0);
    DepositTransaction l1Info = new DepositTransaction(Hash.ZERO, Address.ZERO, Address.ZERO, UInt256.ZERO, UInt256.ZERO, 1_000_000, false,
        Bytes.wrap(info.encode(L1BlockInfo.Format.ECOTONE)));
    return new ExecutionPayload(hash(number - 1), Address.ZERO, Hash.ZERO, Hash.ZERO, Bytes.wrap(new byte[256]), Hash.ZERO, number,
        30_000_000, 0, 1_000 + 2L * number, Bytes.EMPTY, UInt256.ONE, hash(number), List.of(Bytes.wrap(l1Info.encode())), List.of(), 0L, 0L,
        null);
  }

  private static Hash hash(int n) {
    byte[] b = new byte[32];
    b[0] = 2;
    b[31] = (byte) n;
    return Hash.wrap(b);
  }

  private static L2BlockRef ref(int n) {
    return new L2BlockRef(hash(n), n, hash(n - 1), 1_000 + 2L * n, new BlockId(Hash.ZERO, n), n);
  }
}
