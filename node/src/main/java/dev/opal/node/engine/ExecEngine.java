package dev.opal.node.engine;

import dev.opal.node.eth.L2BlockContent;
import dev.opal.node.eth.L2BlockRef;
import dev.opal.node.eth.L2Output;
import dev.opal.rpc.engine.ExecutionPayload;
import dev.opal.rpc.engine.ForkchoiceState;
import dev.opal.rpc.engine.ForkchoiceUpdatedResult;
import dev.opal.rpc.engine.PayloadAttributes;
import dev.opal.rpc.engine.PayloadEnvelope;
import dev.opal.rpc.engine.PayloadId;
import dev.opal.rpc.engine.PayloadStatus;
import dev.opal.types.Hash;

/**
 * What the engine controller needs from an execution engine (op-node rollup/engine ExecEngine):
 * two implementations, the JSON-RPC client and an in-process adapter, run the same controller.
 * Errors are {@link EngineException}s carrying op-node's classification.
 */
public interface ExecEngine {
  ForkchoiceUpdatedResult forkchoiceUpdate(ForkchoiceState state, PayloadAttributes attributes);

  /** @param timestamp the payload's timestamp, which selects the method version */
  PayloadEnvelope getPayload(PayloadId id, long timestamp);

  PayloadStatus newPayload(ExecutionPayload payload, Hash parentBeaconBlockRoot);

  /** "latest", "safe" or "finalized". */
  L2BlockRef blockRefByLabel(String label);

  L2BlockRef blockRefByHash(Hash hash);

  /** The canonical block at a height with what consolidation compares, or null if there is none. */
  L2BlockContent blockByNumber(long number);

  /** The output of the canonical block at a height (optimism_outputAtBlock), or null if there is none. */
  L2Output outputAt(long number);
}
