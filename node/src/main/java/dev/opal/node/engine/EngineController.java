package dev.opal.node.engine;

import dev.opal.block.BlockId;
import dev.opal.node.eth.L1BlockRef;
import dev.opal.node.eth.L2BlockContent;
import dev.opal.node.eth.L2BlockRef;
import dev.opal.node.eth.L2Output;
import dev.opal.optimism.L1BlockInfo;
import dev.opal.rpc.engine.ExecutionPayload;
import dev.opal.rpc.engine.ForkchoiceState;
import dev.opal.rpc.engine.ForkchoiceUpdatedResult;
import dev.opal.rpc.engine.PayloadAttributes;
import dev.opal.rpc.engine.PayloadEnvelope;
import dev.opal.rpc.engine.PayloadId;
import dev.opal.rpc.engine.PayloadStatus;
import dev.opal.tx.DepositTransaction;
import dev.opal.tx.TransactionDecoder;
import dev.opal.types.Hash;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tracks the L2 heads and drives the execution engine through the build
 * steps (op-node rollup/engine EngineController): start a build on the unsafe head, seal it
 * (getPayload), insert it (newPayload) and make it canonical (forkchoiceUpdated).
 *
 * <p>The heads, as op-node keeps them: unsafe (the chain tip); pending-safe (the last block derived
 * from L1, possibly in the middle of a span batch); local-safe (the last block whose batch
 * concluded); safe (local-safe: without interop nothing sits between them); finalized (safe and
 * derived from finalized L1 data). The engine's forkchoice carries unsafe, safe and finalized.
 */
public final class EngineController {
  private static final Logger LOG = LoggerFactory.getLogger(EngineController.class);

  private final ExecEngine engine;
  private final ElSync sync;
  private final List<Consumer<EngineEvent>> listeners = new CopyOnWriteArrayList<>();
  /** A block the engine accepted whose forkchoice update did not go through yet: retried before the next build. */
  private ExecutionPayload pendingCanonical;
  private volatile L2BlockRef unsafeHead;
  /** The unsafe head a forced rebuild from L1 is replacing, until the rebuild succeeds (op-node backupUnsafeHead). */
  private volatile L2BlockRef backupUnsafeHead;
  private volatile L2BlockRef pendingSafeHead;
  private volatile L2BlockRef safeHead;
  private volatile L2BlockRef finalizedHead;
  private final UnsafePayloadQueue unsafePayloads = new UnsafePayloadQueue(UnsafePayloadQueue.DEFAULT_MAX_BYTES);
  /** Whether the engine has been told the current safe and finalized heads. */
  private boolean safeSent = true;
  private long elSyncStart;

  /** A consensus-layer-syncing controller. */
  public EngineController(ExecEngine engine) {
    this(engine, ElSync.consensusLayer());
  }

  public EngineController(ExecEngine engine, ElSync sync) {
    this.engine = engine;
    this.sync = sync;
  }

  /** The EL sync state machine's state (always CL in consensus-layer mode). */
  public ElSync.State syncState() {
    return sync.state();
  }

  /** While the engine syncs itself to a gossiped block, the node derives and sequences nothing (op-node IsEngineInitialELSyncing). */
  public boolean initialElSyncing() {
    return sync.initialSyncing();
  }

  public void addListener(Consumer<EngineEvent> listener) {
    listeners.add(listener);
  }

  private void emit(EngineEvent e) {
    for (var l : listeners) l.accept(e);
  }

  /** Finds the heads again from the engine (op-node's reset, simplified to the engine's own labels). */
  public synchronized void reset() {
    pendingCanonical = null;
    unsafeHead = engine.blockRefByLabel("latest");
    safeHead = engine.blockRefByLabel("safe");
    pendingSafeHead = safeHead;
    finalizedHead = engine.blockRefByLabel("finalized");
    LOG.info("Engine heads: unsafe {}, safe {}, finalized {}", unsafeHead, safeHead, finalizedHead);
    emit(new EngineEvent.EngineResetConfirmed(unsafeHead, safeHead, finalizedHead));
  }

  /**
   * Builds the block of derived attributes on their parent (op-node's force path: the parent is
   * the pending-safe head, so an unsafe chain past it is reorged out) and makes it the new unsafe
   * head; the caller then promotes it with {@link #promotePendingSafe}.
   */
  public synchronized L2BlockRef insertDerived(PayloadAttributes attrs, L2BlockRef parent) {
    finishPendingForkchoice();
    if (unsafeHead.number() > parent.number() && backupUnsafeHead == null) backupUnsafeHead = unsafeHead;
    L2BlockRef ref;
    try {
      ref = buildDerived(attrs, parent);
    } catch (EngineException e) {
      restoreBackupUnsafe();
      throw e;
    }
    backupUnsafeHead = null;
    unsafeHead = ref;
    safeSent = true;
    LOG.info("Built derived block {} from L1 as the new unsafe head", ref);
    emit(new EngineEvent.ForkchoiceUpdate(unsafeHead, safeHead, finalizedHead));
    emit(new EngineEvent.PayloadSuccess(ref));
    return ref;
  }

  /** Builds, imports and heads the derived block; every failure is reported and thrown. */
  private L2BlockRef buildDerived(PayloadAttributes attrs, L2BlockRef parent) {
    emit(new EngineEvent.BuildStart(attrs));
    ForkchoiceUpdatedResult r;
    PayloadEnvelope env;
    PayloadStatus status;
    try {
      r = engine.forkchoiceUpdate(new ForkchoiceState(parent.hash(), safeHead.hash(), finalizedHead.hash()), attrs);
      if (r.payloadStatus().status() != PayloadStatus.Status.VALID || r.payloadId() == null) {
        throw new EngineException(r.payloadStatus().status() == PayloadStatus.Status.SYNCING ? EngineException.Kind.SYNCING
            : EngineException.Kind.INVALID_ATTRIBUTES, "derived build on " + parent + " not started: " + r.payloadStatus(), null);
      }
      emit(new EngineEvent.BuildStarted(r.payloadId(), parent));
      emit(new EngineEvent.BuildSeal(r.payloadId()));
      env = engine.getPayload(r.payloadId(), attrs.timestamp());
      emit(new EngineEvent.BuildSealed(env));
      emit(new EngineEvent.PayloadProcess(env.executionPayload()));
      status = engine.newPayload(env.executionPayload(), env.parentBeaconBlockRoot());
    } catch (EngineException e) {
      throw report(e);
    }
    ExecutionPayload p = env.executionPayload();
    if (status.status() != PayloadStatus.Status.VALID) {
      emit(new EngineEvent.PayloadInvalid(p, String.valueOf(status.validationError())));
      throw report(new EngineException(EngineException.Kind.INVALID_PAYLOAD, "derived block " + p.blockNumber() + ": " + status, null));
    }
    L2BlockRef ref = refOf(p);
    makeHead(p.blockHash(), EngineException.Kind.SYNCING, "derived block " + ref);
    return ref;
  }

  /**
   * An unsafe block from outside the node (op-node AddUnsafePayload, from gossip or
   * {@code admin_postUnsafePayload}): queued, and inserted as soon as it extends the unsafe head.
   * Returns false when it was already queued or is too big for the queue.
   */
  public synchronized boolean addUnsafePayload(ExecutionPayload payload, Hash parentBeaconBlockRoot) {
    if (sync.mode() == SyncMode.EXECUTION_LAYER) {
      // op-node OnUnsafeL2Payload in EL mode: straight to the engine, which fetches any missing parents itself
      if (payload.blockNumber() <= unsafeHead.number()) return false;
      insertUnsafeElSync(payload, parentBeaconBlockRoot);
      return true;
    }
    boolean queued = unsafePayloads.push(new UnsafePayloadQueue.Entry(payload, parentBeaconBlockRoot));
    if (!queued) LOG.debug("Unsafe payload {} ({}) not queued: a duplicate or over the queue's cap", payload.blockNumber(), payload.blockHash());
    processUnsafePayloads();
    return queued;
  }

  /**
   * Inserts queued unsafe payloads that extend the unsafe head, in order, after dropping those that
   * can never apply. A payload the engine rejects is dropped; a temporary failure leaves it queued.
   */
  public synchronized void processUnsafePayloads() {
    while (true) {
      unsafePayloads.dropInapplicable(unsafeHead, safeHead);
      UnsafePayloadQueue.Entry e = unsafePayloads.peek();
      if (e == null || e.payload().blockNumber() != unsafeHead.number() + 1 || !e.payload().parentHash().equals(unsafeHead.hash())) return;
      insertUnsafe(e);
    }
  }

  /** Payloads waiting in the unsafe queue. */
  public int queuedUnsafePayloads() {
    return unsafePayloads.size();
  }

  private void insertUnsafe(UnsafePayloadQueue.Entry e) {
    finishPendingForkchoice();
    ExecutionPayload p = e.payload();
    emit(new EngineEvent.PayloadProcess(p));
    PayloadStatus status;
    try {
      status = engine.newPayload(p, e.parentBeaconBlockRoot());
    } catch (EngineException ex) {
      throw report(ex);
    }
    if (status.status() == PayloadStatus.Status.INVALID || status.status() == PayloadStatus.Status.INVALID_BLOCK_HASH) {
      unsafePayloads.pop();
      LOG.warn("Unsafe payload {} ({}) is invalid, dropped: {}", p.blockNumber(), p.blockHash(), status.validationError());
      emit(new EngineEvent.PayloadInvalid(p, String.valueOf(status.validationError())));
      return;
    }
    if (status.status() != PayloadStatus.Status.VALID) {
      throw report(new EngineException(EngineException.Kind.TEMPORARY, "unsafe payload " + p.blockNumber() + ": " + status, null));
    }
    makeHead(p.blockHash(), EngineException.Kind.TEMPORARY, "unsafe block " + p.blockNumber());
    unsafePayloads.pop();
    unsafeHead = refOf(p);
    safeSent = true;
    LOG.info("Inserted unsafe block {} received from outside the node", unsafeHead);
    emit(new EngineEvent.UnsafeUpdate(unsafeHead));
    emit(new EngineEvent.ForkchoiceUpdate(unsafeHead, safeHead, finalizedHead));
    emit(new EngineEvent.PayloadSuccess(unsafeHead));
  }

  /**
   * op-node InsertUnsafePayload in EL mode: newPayload and a forkchoice update to the block, where
   * the engine may answer SYNCING while it fetches the chain up to it. The first insert decides
   * whether EL sync happens at all; the insert after the engine's first VALID makes the block safe
   * and finalized too, since the node has no derived chain under it.
   */
  private void insertUnsafeElSync(ExecutionPayload p, Hash parentBeaconBlockRoot) {
    if (sync.state() == ElSync.State.WILL_START_EL) {
      L2BlockRef finalized;
      try {
        finalized = engine.blockRefByLabel("finalized");
      } catch (EngineException e) {
        throw report(new EngineException(EngineException.Kind.TEMPORARY, "EL sync: cannot read the engine's finalized block: " + e.getMessage(), e));
      }
      if (!sync.start(finalized)) {
        LOG.info("Skipping EL sync: the engine has finalized block {}, so unsafe blocks are inserted one by one", finalized);
        return;
      }
      elSyncStart = System.nanoTime();
      LOG.info("Starting EL sync towards block {} ({})", p.blockNumber(), p.blockHash());
    }
    emit(new EngineEvent.PayloadProcess(p));
    PayloadStatus status;
    try {
      status = engine.newPayload(p, parentBeaconBlockRoot);
    } catch (EngineException ex) {
      throw report(ex);
    }
    if (status.status() == PayloadStatus.Status.INVALID || status.status() == PayloadStatus.Status.INVALID_BLOCK_HASH) {
      emit(new EngineEvent.PayloadInvalid(p, String.valueOf(status.validationError())));
    }
    if (!sync.acceptsNewPayload(status.status())) {
      throw report(new EngineException(EngineException.Kind.TEMPORARY, "unsafe payload " + p.blockNumber() + ": " + status, null));
    }
    L2BlockRef ref = refOf(p);
    boolean finalizing = sync.finalizing();
    if (finalizing) {
      unsafeHead = ref;
      emit(new EngineEvent.UnsafeUpdate(ref));
      pendingSafeHead = safeHead = finalizedHead = ref;
      emit(new EngineEvent.LocalSafeUpdate(ref, null));
    }
    ForkchoiceUpdatedResult fcu;
    try {
      fcu = engine.forkchoiceUpdate(forkchoice(ref), null);
    } catch (EngineException ex) {
      throw report(ex);
    }
    if (!sync.acceptsForkchoice(fcu.payloadStatus().status())) {
      throw report(new EngineException(EngineException.Kind.TEMPORARY, "forkchoice update to unsafe block " + p.blockNumber() + ": "
          + fcu.payloadStatus(), null));
    }
    unsafeHead = ref;
    safeSent = true;
    emit(new EngineEvent.UnsafeUpdate(ref));
    if (finalizing) {
      sync.finished();
      LOG.info("Finished EL sync in {} s: block {} is unsafe, safe and finalized", (System.nanoTime() - elSyncStart) / 1_000_000_000L, ref);
    } else if (sync.initialSyncing()) {
      LOG.info("EL sync: the engine is syncing towards block {} ({})", ref, fcu.payloadStatus().status());
    }
    if (fcu.payloadStatus().status() == PayloadStatus.Status.VALID) emit(new EngineEvent.ForkchoiceUpdate(unsafeHead, safeHead, finalizedHead));
  }

  /**
   * A block derived from L1 is in the chain (consolidated or built): it becomes pending-safe, and
   * when its batch concludes, local-safe and safe too (op-node PromotePendingSafe, PromoteLocalSafe,
   * PromoteSafe). The engine hears of the safe head with the next, debounced, forkchoice update.
   */
  public synchronized void promotePendingSafe(L2BlockRef ref, boolean concluding, L1BlockRef source) {
    if (ref.number() <= pendingSafeHead.number()) return;
    pendingSafeHead = ref;
    emit(new EngineEvent.PendingSafeUpdate(ref, unsafeHead));
    if (!concluding) return;
    safeHead = ref; // local-safe, and safe with it
    safeSent = false;
    emit(new EngineEvent.LocalSafeUpdate(ref, source));
    LOG.debug("Safe head {} (batch concluded in L1 block {})", ref, source);
    emit(new EngineEvent.SafeDerived(ref, source));
  }

  /** Derivation starts again from the local-safe head: blocks derived past it in an unfinished batch are pending no more. */
  public synchronized void dropPendingSafe() {
    pendingSafeHead = safeHead;
  }

  /**
   * L1 took back data the safe chain was derived from (an L1 reorg under derivation): the safe head
   * falls back to the finalized head, whose L1 data is final, and derivation checks the chain after
   * it again (op-node resets to a safe head L1 cannot have taken back in the same way).
   */
  public synchronized void rewindSafeToFinalized() {
    if (safeHead.equals(finalizedHead)) return;
    LOG.warn("L1 reorg: safe head {} falls back to the finalized head {}", safeHead, finalizedHead);
    safeHead = pendingSafeHead = finalizedHead;
    safeSent = false;
  }

  /**
   * The unsafe chain after {@code to} was built on L1 origins an L1 reorg took back: the next block
   * is built on {@code to}, which reorgs those blocks out of the engine (op-node's reset walks the
   * unsafe head back to a block with a canonical L1 origin).
   */
  public synchronized void rewindUnsafe(L2BlockRef to) {
    if (to.number() >= unsafeHead.number()) return;
    LOG.warn("L1 reorg: unsafe head {} falls back to {}, whose L1 origin {} is canonical", unsafeHead, to, to.l1Origin());
    pendingCanonical = null;
    unsafeHead = to;
    if (safeHead.number() > to.number()) safeHead = to;
    if (pendingSafeHead.number() > to.number()) pendingSafeHead = to;
    safeSent = false;
  }

  /** The safe block derived from finalized L1 data becomes final. */
  public synchronized void promoteFinalized(L2BlockRef ref) {
    if (ref.number() <= finalizedHead.number() || ref.number() > safeHead.number()) return;
    finalizedHead = ref;
    safeSent = false;
    LOG.info("Finalized L2 block {}", ref);
  }

  /**
   * Tells the engine the safe and finalized heads if they changed since the last forkchoice update
   * (op-node debounces these updates: one per batch of derived blocks, not one per block).
   */
  public synchronized void flushForkchoice() {
    if (safeSent) return;
    finishPendingForkchoice();
    makeHead(unsafeHead.hash(), EngineException.Kind.SYNCING, "the unsafe head");
    safeSent = true;
    emit(new EngineEvent.ForkchoiceUpdate(unsafeHead, safeHead, finalizedHead));
  }

  /**
   * A forced rebuild from L1 failed after the engine's head went back to the rebuilt block's parent:
   * the unsafe chain it was replacing becomes canonical again, so the engine and the unsafe head
   * agree (op-node TryBackupUnsafeReorg). An engine that cannot say VALID to it keeps the backup
   * for the next failure, unless it calls the chain invalid.
   */
  private void restoreBackupUnsafe() {
    L2BlockRef backup = backupUnsafeHead;
    if (backup == null) return;
    try {
      PayloadStatus status = engine.forkchoiceUpdate(new ForkchoiceState(backup.hash(), safeHead.hash(), finalizedHead.hash()), null)
          .payloadStatus();
      switch (status.status()) {
        case VALID -> {
          backupUnsafeHead = null;
          LOG.warn("Rebuild from L1 failed: restored the unsafe head {}", backup);
        }
        case INVALID, INVALID_BLOCK_HASH -> {
          backupUnsafeHead = null;
          LOG.warn("Rebuild from L1 failed and the engine rejects the backup unsafe head {}: {}", backup, status);
        }
        default -> LOG.warn("Rebuild from L1 failed; the backup unsafe head {} is not restored yet: {}", backup, status);
      }
    } catch (EngineException e) {
      LOG.warn("Rebuild from L1 failed; restoring the backup unsafe head {} failed too: {}", backup, e.getMessage());
    }
  }

  /** The unsafe head a forced rebuild is replacing, or null. */
  public L2BlockRef backupUnsafeHead() {
    return backupUnsafeHead;
  }

  /**
   * A forkchoice update (no attributes) to {@code head} with the current safe and finalized heads;
   * an answer other than VALID is reported as {@code notValid}.
   */
  private void makeHead(Hash head, EngineException.Kind notValid, String what) {
    ForkchoiceUpdatedResult fcu;
    try {
      fcu = engine.forkchoiceUpdate(new ForkchoiceState(head, safeHead.hash(), finalizedHead.hash()), null);
    } catch (EngineException e) {
      throw report(e);
    }
    if (fcu.payloadStatus().status() != PayloadStatus.Status.VALID) {
      throw report(new EngineException(notValid, "forkchoice update to " + what + ": " + fcu.payloadStatus(), null));
    }
  }

  /** The canonical block at a height, for consolidation. */
  public L2BlockContent blockByNumber(long number) {
    try {
      return engine.blockByNumber(number);
    } catch (EngineException e) {
      throw report(e);
    }
  }

  /** The output of the canonical block at a height, or null. */
  public L2Output outputAt(long number) {
    try {
      return engine.outputAt(number);
    } catch (EngineException e) {
      throw report(e);
    }
  }

  /** Reports a failed step with op-node's classification and returns it for the caller to throw. */
  public EngineException report(EngineException e) {
    switch (e.kind()) {
      case RESET -> emit(new EngineEvent.ResetEvent(e.getMessage()));
      case CRITICAL -> emit(new EngineEvent.CriticalErrorEvent(e.getMessage()));
      case INVALID_ATTRIBUTES -> emit(new EngineEvent.BuildInvalid(e.getMessage()));
      case UNKNOWN_PAYLOAD -> emit(new EngineEvent.PayloadSealExpiredError(e.getMessage()));
      case INVALID_PAYLOAD -> { } // PayloadInvalid was emitted with the payload
      case TEMPORARY, SYNCING -> emit(new EngineEvent.EngineTemporaryError(e.getMessage()));
    }
    return e;
  }

  public L2BlockRef unsafeHead() {
    return unsafeHead;
  }

  public L2BlockRef pendingSafeHead() {
    return pendingSafeHead;
  }

  /** Local-safe: the last block whose batch concluded. Without interop it is the safe head itself. */
  public L2BlockRef localSafeHead() {
    return safeHead;
  }

  public L2BlockRef safeHead() {
    return safeHead;
  }

  public L2BlockRef finalizedHead() {
    return finalizedHead;
  }

  private ForkchoiceState forkchoice(L2BlockRef head) {
    return new ForkchoiceState(head.hash(), safeHead.hash(), finalizedHead.hash());
  }

  /** The new head's reference, read from the payload itself (its first transaction is the L1-info deposit). */
  private L2BlockRef refOf(ExecutionPayload p) {
    byte[] first = p.transactions().isEmpty() ? null : p.transactions().get(0).toArrayUnsafe();
    if (first == null || !(TransactionDecoder.decode(first) instanceof DepositTransaction d)) {
      return engine.blockRefByHash(p.blockHash());
    }
    L1BlockInfo info = L1BlockInfo.decode(d.data().toArrayUnsafe());
    return new L2BlockRef(p.blockHash(), p.blockNumber(), p.parentHash(), p.timestamp(), new BlockId(info.blockHash(), info.number()),
        info.sequenceNumber());
  }

  /** Starts building on the unsafe head; returns the payload id. */
  public synchronized PayloadId startBuild(PayloadAttributes attrs) {
    finishPendingForkchoice();
    emit(new EngineEvent.BuildStart(attrs));
    ForkchoiceUpdatedResult r;
    try {
      r = engine.forkchoiceUpdate(forkchoice(unsafeHead), attrs);
      safeSent = true;
    } catch (EngineException e) {
      throw report(e);
    }
    if (r.payloadStatus().status() != PayloadStatus.Status.VALID || r.payloadId() == null) {
      throw report(new EngineException(r.payloadStatus().status() == PayloadStatus.Status.SYNCING ? EngineException.Kind.SYNCING
          : EngineException.Kind.INVALID_ATTRIBUTES, "build not started: " + r.payloadStatus(), null));
    }
    emit(new EngineEvent.BuildStarted(r.payloadId(), unsafeHead));
    return r.payloadId();
  }

  /**
   * Makes a block the engine accepted, whose forkchoice update failed, canonical before anything is
   * built on top of it; callers preparing attributes call this first so they see the right head.
   */
  public synchronized void finishPendingForkchoice() {
    ExecutionPayload p = pendingCanonical;
    if (p == null) return;
    ForkchoiceUpdatedResult fcu;
    try {
      fcu = engine.forkchoiceUpdate(new ForkchoiceState(p.blockHash(), safeHead.hash(), finalizedHead.hash()), null);
    } catch (EngineException e) {
      throw report(e);
    }
    if (fcu.payloadStatus().status() != PayloadStatus.Status.VALID) {
      EngineException.Kind kind = switch (fcu.payloadStatus().status()) {
        case INVALID, INVALID_BLOCK_HASH -> EngineException.Kind.RESET;
        default -> EngineException.Kind.SYNCING;
      };
      throw report(new EngineException(kind, "forkchoice update to " + p.blockHash() + ": " + fcu.payloadStatus(), null));
    }
    pendingCanonical = null;
    unsafeHead = refOf(p);
    emit(new EngineEvent.ForkchoiceUpdate(unsafeHead, safeHead, finalizedHead));
    emit(new EngineEvent.PayloadSuccess(unsafeHead));
  }

  /**
   * Seals the payload (getPayload), inserts it (newPayload) and makes it canonical
   * (forkchoiceUpdated); returns the sealed envelope. A forkchoice update that fails after the
   * engine accepted the block is retried before the next build, so no block is built twice.
   */
  public synchronized PayloadEnvelope sealAndInsert(PayloadId id, long timestamp) {
    emit(new EngineEvent.BuildSeal(id));
    PayloadEnvelope env;
    PayloadStatus status;
    ExecutionPayload p;
    try {
      env = engine.getPayload(id, timestamp);
      p = env.executionPayload();
      emit(new EngineEvent.BuildSealed(env));
      emit(new EngineEvent.PayloadProcess(p));
      status = engine.newPayload(p, env.parentBeaconBlockRoot());
    } catch (EngineException e) {
      throw report(e);
    }
    if (status.status() != PayloadStatus.Status.VALID) {
      boolean syncing = status.status() == PayloadStatus.Status.SYNCING || status.status() == PayloadStatus.Status.ACCEPTED;
      if (!syncing) emit(new EngineEvent.PayloadInvalid(p, String.valueOf(status.validationError())));
      throw report(new EngineException(syncing ? EngineException.Kind.SYNCING : EngineException.Kind.INVALID_PAYLOAD,
          "engine did not accept its own payload " + p.blockNumber() + ": " + status, null));
    }
    pendingCanonical = p;
    finishPendingForkchoice();
    return env;
  }
}
