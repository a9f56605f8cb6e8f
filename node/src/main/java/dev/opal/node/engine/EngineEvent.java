package dev.opal.node.engine;

import dev.opal.node.eth.L1BlockRef;
import dev.opal.node.eth.L2BlockRef;
import dev.opal.rpc.engine.ExecutionPayload;
import dev.opal.rpc.engine.PayloadAttributes;
import dev.opal.rpc.engine.PayloadEnvelope;
import dev.opal.rpc.engine.PayloadId;

/**
 * What the engine controller reports as it works (op-node rollup/engine events, by the same names):
 * the build steps, payload processing, forkchoice changes, resets, and errors classified as op-node
 * classifies them. Listeners receive them in order, on the controller's thread.
 */
public sealed interface EngineEvent {
  record BuildStart(PayloadAttributes attributes) implements EngineEvent {}

  record BuildStarted(PayloadId id, L2BlockRef parent) implements EngineEvent {}

  record BuildInvalid(String reason) implements EngineEvent {}

  record BuildSeal(PayloadId id) implements EngineEvent {}

  /** The sealed block with its parent beacon block root: what gossip would carry (op-node BuildSealedEvent.Envelope). */
  record BuildSealed(PayloadEnvelope envelope) implements EngineEvent {}

  /** The engine no longer knows the payload being sealed (-38001): the build is dropped and started again. */
  record PayloadSealExpiredError(String message) implements EngineEvent {}

  record PayloadProcess(ExecutionPayload payload) implements EngineEvent {}

  record PayloadSuccess(L2BlockRef ref) implements EngineEvent {}

  record PayloadInvalid(ExecutionPayload payload, String reason) implements EngineEvent {}

  record ForkchoiceUpdate(L2BlockRef unsafe, L2BlockRef safe, L2BlockRef finalized) implements EngineEvent {}

  /** A block from outside the node (gossip, {@code admin_postUnsafePayload}) became the unsafe head. */
  record UnsafeUpdate(L2BlockRef unsafe) implements EngineEvent {}

  /** A derived block is in the chain, its batch possibly not concluded yet. */
  record PendingSafeUpdate(L2BlockRef pendingSafe, L2BlockRef unsafe) implements EngineEvent {}

  /** The last block of a batch was derived: local-safe moves to it (source null: made safe by EL sync, not derived). */
  record LocalSafeUpdate(L2BlockRef localSafe, L1BlockRef source) implements EngineEvent {}

  /** Local-safe became safe (without interop there is no cross-chain check in between). */
  record SafeDerived(L2BlockRef safe, L1BlockRef source) implements EngineEvent {}

  record EngineResetConfirmed(L2BlockRef unsafe, L2BlockRef safe, L2BlockRef finalized) implements EngineEvent {}

  /** Retry after a backoff: transport errors, SYNCING. */
  record EngineTemporaryError(String message) implements EngineEvent {}

  /** Find the heads again: -38002, an INVALID own payload. */
  record ResetEvent(String message) implements EngineEvent {}

  /** Stop: nothing this node can do makes progress. */
  record CriticalErrorEvent(String message) implements EngineEvent {}
}
