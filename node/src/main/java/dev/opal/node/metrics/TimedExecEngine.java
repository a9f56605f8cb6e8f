package dev.opal.node.metrics;

import dev.opal.node.engine.ExecEngine;
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
import io.micrometer.core.instrument.Timer;
import java.util.function.Function;
import java.util.function.Supplier;

/** Times each call of an {@link ExecEngine} (failed calls included) under the Engine API method it stands for. */
final class TimedExecEngine implements ExecEngine {
  private final ExecEngine engine;
  private final Function<String, Timer> timers;

  TimedExecEngine(ExecEngine engine, Function<String, Timer> timers) {
    this.engine = engine;
    this.timers = timers;
  }

  private <T> T time(String method, Supplier<T> call) {
    return timers.apply(method).record(call);
  }

  @Override
  public ForkchoiceUpdatedResult forkchoiceUpdate(ForkchoiceState state, PayloadAttributes attributes) {
    return time(attributes == null ? "forkchoiceUpdated" : "forkchoiceUpdated_with_attributes", () -> engine.forkchoiceUpdate(state, attributes));
  }

  @Override
  public PayloadEnvelope getPayload(PayloadId id, long timestamp) {
    return time("getPayload", () -> engine.getPayload(id, timestamp));
  }

  @Override
  public PayloadStatus newPayload(ExecutionPayload payload, Hash parentBeaconBlockRoot) {
    return time("newPayload", () -> engine.newPayload(payload, parentBeaconBlockRoot));
  }

  @Override
  public L2BlockRef blockRefByLabel(String label) {
    return time("blockRefByLabel", () -> engine.blockRefByLabel(label));
  }

  @Override
  public L2BlockRef blockRefByHash(Hash hash) {
    return time("blockRefByHash", () -> engine.blockRefByHash(hash));
  }

  @Override
  public L2BlockContent blockByNumber(long number) {
    return time("blockByNumber", () -> engine.blockByNumber(number));
  }

  @Override
  public L2Output outputAt(long number) {
    return time("outputAt", () -> engine.outputAt(number));
  }
}
