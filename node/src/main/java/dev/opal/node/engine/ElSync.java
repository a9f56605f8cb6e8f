package dev.opal.node.engine;

import dev.opal.node.eth.L2BlockRef;
import dev.opal.rpc.engine.PayloadStatus;
import dev.opal.types.Hash;

/**
 * op-node's execution-layer sync state machine (rollup/engine engine_controller.go, its
 * {@code syncStatus}). In EL mode the node hands gossiped blocks straight to the engine, which may
 * answer SYNCING while it fetches the chain up to them by itself; the first VALID answer means the
 * engine has caught up, and the block of the next insert becomes unsafe, safe and finalized at
 * once. Until then the node derives and sequences nothing.
 *
 * <pre>
 * CL                                      (consensus-layer mode: never leaves it)
 * WILL_START_EL  → STARTED_EL             (first insert; the engine has nothing finalized yet)
 *                → FINISHED_EL            (first insert; the engine has a finalized chain: no EL sync)
 * STARTED_EL     → FINISHED_EL_NOT_FINALIZED   (first VALID from newPayload or forkchoiceUpdated)
 * FINISHED_EL_NOT_FINALIZED → FINISHED_EL      (the next insert, made safe and finalized)
 * </pre>
 */
public final class ElSync {
  public enum State { CL, WILL_START_EL, STARTED_EL, FINISHED_EL_NOT_FINALIZED, FINISHED_EL }

  private final SyncMode mode;
  private final boolean postFinalizationSync;
  private final Hash genesisHash;
  private volatile State state;

  /**
   * @param postFinalizationSync whether the engine can EL-sync past a finalized block of its own
   *     (op-node {@code --l2.enginekind}: reth and erigon can, geth cannot)
   * @param genesisHash the rollup's L2 genesis: a finalized genesis counts as nothing finalized
   */
  public ElSync(SyncMode mode, boolean postFinalizationSync, Hash genesisHash) {
    this.mode = mode;
    this.postFinalizationSync = postFinalizationSync;
    this.genesisHash = genesisHash;
    this.state = mode == SyncMode.EXECUTION_LAYER ? State.WILL_START_EL : State.CL;
  }

  /** Consensus-layer sync: every payload is inserted on its known parent and must be VALID. */
  public static ElSync consensusLayer() {
    return new ElSync(SyncMode.CONSENSUS_LAYER, false, Hash.ZERO);
  }

  public SyncMode mode() {
    return mode;
  }

  public State state() {
    return state;
  }

  /** op-node IsEngineInitialELSyncing: derivation and sequencing wait while this holds. */
  public boolean initialSyncing() {
    State s = state;
    return s == State.WILL_START_EL || s == State.STARTED_EL || s == State.FINISHED_EL_NOT_FINALIZED;
  }

  /**
   * Before the first insert in EL mode: EL sync starts when the engine has nothing finalized
   * ({@code finalized} null or the genesis) or can sync past it; otherwise the node goes straight to
   * consensus-layer behaviour. Returns whether EL sync started.
   */
  boolean start(L2BlockRef finalized) {
    boolean nothingFinal = finalized == null || finalized.hash().equals(genesisHash) || finalized.number() == 0;
    state = nothingFinal || postFinalizationSync ? State.STARTED_EL : State.FINISHED_EL;
    return state == State.STARTED_EL;
  }

  /** op-node checkNewPayloadStatus: in EL mode SYNCING and ACCEPTED are fine too; the first VALID ends the sync. */
  boolean acceptsNewPayload(PayloadStatus.Status status) {
    if (mode != SyncMode.EXECUTION_LAYER) return status == PayloadStatus.Status.VALID;
    markValid(status);
    return status == PayloadStatus.Status.VALID || status == PayloadStatus.Status.SYNCING || status == PayloadStatus.Status.ACCEPTED;
  }

  /** op-node checkForkchoiceUpdatedStatus: in EL mode SYNCING is fine too; the first VALID ends the sync. */
  boolean acceptsForkchoice(PayloadStatus.Status status) {
    if (mode != SyncMode.EXECUTION_LAYER) return status == PayloadStatus.Status.VALID;
    markValid(status);
    return status == PayloadStatus.Status.VALID || status == PayloadStatus.Status.SYNCING;
  }

  private void markValid(PayloadStatus.Status status) {
    if (status == PayloadStatus.Status.VALID && state == State.STARTED_EL) state = State.FINISHED_EL_NOT_FINALIZED;
  }

  /** Whether the insert under way is the one that makes the synced block safe and finalized. */
  boolean finalizing() {
    return state == State.FINISHED_EL_NOT_FINALIZED;
  }

  void finished() {
    state = State.FINISHED_EL;
  }
}
