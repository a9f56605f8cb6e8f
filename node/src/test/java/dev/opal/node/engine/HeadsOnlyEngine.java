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
import java.util.function.Function;

/**
 * A fake engine that only answers for its heads by label ("latest", "safe", "finalized"), for tests
 * of the layers above the engine; a test that needs more overrides the calls it scripts.
 */
public class HeadsOnlyEngine implements ExecEngine {
  private final Function<String, L2BlockRef> heads;

  public HeadsOnlyEngine(Function<String, L2BlockRef> heads) {
    this.heads = heads;
  }

  @Override
  public L2BlockRef blockRefByLabel(String label) {
    return heads.apply(label);
  }

  @Override
  public ForkchoiceUpdatedResult forkchoiceUpdate(ForkchoiceState state, PayloadAttributes attributes) {
    throw new UnsupportedOperationException();
  }

  @Override
  public PayloadEnvelope getPayload(PayloadId id, long timestamp) {
    throw new UnsupportedOperationException();
  }

  @Override
  public PayloadStatus newPayload(ExecutionPayload payload, Hash parentBeaconBlockRoot) {
    throw new UnsupportedOperationException();
  }

  @Override
  public L2BlockRef blockRefByHash(Hash hash) {
    throw new UnsupportedOperationException();
  }

  @Override
  public L2BlockContent blockByNumber(long number) {
    return null;
  }

  @Override
  public L2Output outputAt(long number) {
    return null;
  }
}
