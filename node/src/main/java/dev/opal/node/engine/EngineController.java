package dev.opal.node.engine;

import dev.opal.node.eth.L2BlockRef;
import dev.opal.rpc.engine.ExecutionPayload;
import dev.opal.rpc.engine.ForkchoiceState;
import dev.opal.rpc.engine.ForkchoiceUpdatedResult;
import dev.opal.rpc.engine.PayloadAttributes;
import dev.opal.rpc.engine.PayloadEnvelope;
import dev.opal.rpc.engine.PayloadId;
import dev.opal.rpc.engine.PayloadStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tracks the L2 heads (unsafe, safe, finalized) and drives the execution engine through the build
 * steps (op-node rollup/engine EngineController): start a build on the unsafe head, seal it
 * (getPayload), insert it (newPayload) and make it canonical (forkchoiceUpdated).
 */
public final class EngineController {
  private static final Logger LOG = LoggerFactory.getLogger(EngineController.class);

  private final ExecEngine engine;
  private volatile L2BlockRef unsafeHead;
  private volatile L2BlockRef safeHead;
  private volatile L2BlockRef finalizedHead;

  public EngineController(ExecEngine engine) {
    this.engine = engine;
  }

  /** Finds the heads again from the engine (op-node's reset, simplified to the engine's own labels). */
  public void reset() {
    unsafeHead = engine.blockRefByLabel("latest");
    safeHead = engine.blockRefByLabel("safe");
    finalizedHead = engine.blockRefByLabel("finalized");
    LOG.info("Engine heads: unsafe {}, safe {}, finalized {}", unsafeHead, safeHead, finalizedHead);
  }

  public L2BlockRef unsafeHead() {
    return unsafeHead;
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
    if (first == null || !(dev.opal.tx.TransactionDecoder.decode(first) instanceof dev.opal.tx.DepositTransaction d)) {
      return engine.blockRefByHash(p.blockHash());
    }
    dev.opal.optimism.L1BlockInfo info = dev.opal.optimism.L1BlockInfo.decode(d.data().toArrayUnsafe());
    return new L2BlockRef(p.blockHash(), p.blockNumber(), p.parentHash(), p.timestamp(),
        new dev.opal.block.BlockId(info.blockHash(), info.number()), info.sequenceNumber());
  }

  /** Starts building on the unsafe head; returns the payload id. */
  public PayloadId startBuild(PayloadAttributes attrs) {
    ForkchoiceUpdatedResult r = engine.forkchoiceUpdate(forkchoice(unsafeHead), attrs);
    if (r.payloadStatus().status() != PayloadStatus.Status.VALID || r.payloadId() == null) {
      throw new EngineException(r.payloadStatus().status() == PayloadStatus.Status.SYNCING ? EngineException.Kind.TEMPORARY
          : EngineException.Kind.INVALID_ATTRIBUTES, "build not started: " + r.payloadStatus(), null);
    }
    return r.payloadId();
  }

  /** Seals, inserts and makes canonical the payload; returns the sealed envelope. */
  public PayloadEnvelope sealAndInsert(PayloadId id, long timestamp) {
    PayloadEnvelope env = engine.getPayload(id, timestamp);
    ExecutionPayload p = env.executionPayload();
    PayloadStatus status = engine.newPayload(p, env.parentBeaconBlockRoot());
    if (status.status() != PayloadStatus.Status.VALID) {
      throw new EngineException(status.status() == PayloadStatus.Status.INVALID ? EngineException.Kind.RESET : EngineException.Kind.TEMPORARY,
          "engine did not accept its own payload " + p.blockNumber() + ": " + status, null);
    }
    ForkchoiceUpdatedResult fcu = engine.forkchoiceUpdate(new ForkchoiceState(p.blockHash(), safeHead.hash(), finalizedHead.hash()), null);
    if (fcu.payloadStatus().status() != PayloadStatus.Status.VALID) {
      throw new EngineException(EngineException.Kind.TEMPORARY, "forkchoice update to " + p.blockHash() + ": " + fcu.payloadStatus(), null);
    }
    unsafeHead = refOf(p);
    return env;
  }
}
