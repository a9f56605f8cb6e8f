package dev.opal.devnet;

import dev.opal.block.Block;
import dev.opal.config.RollupConfig;
import dev.opal.execution.chain.StoredBlock;
import dev.opal.execution.engine.EngineApi;
import dev.opal.execution.engine.EngineApiException;
import dev.opal.node.engine.EngineException;
import dev.opal.node.engine.EngineVersions;
import dev.opal.node.engine.ExecEngine;
import dev.opal.node.engine.L2BlockRefs;
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
import dev.opal.tx.DepositTransaction;
import dev.opal.types.Hash;
import java.util.List;
import java.util.function.Supplier;

/** The engine controller's engine as direct calls into Opal's Engine API (no JSON, no sockets): the devnet's --in-process mode. */
final class InProcessEngine implements ExecEngine {
  private final EngineApi api;
  private final RollupConfig rollup;

  InProcessEngine(EngineApi api, RollupConfig rollup) {
    this.api = api;
    this.rollup = rollup;
  }

  @Override
  public ForkchoiceUpdatedResult forkchoiceUpdate(ForkchoiceState state, PayloadAttributes attrs) {
    return call(() -> api.forkchoiceUpdated(EngineVersions.forkchoiceUpdated(rollup.forks(), attrs), state, attrs));
  }

  @Override
  public PayloadEnvelope getPayload(PayloadId id, long timestamp) {
    return call(() -> (PayloadEnvelope) api.getPayload(EngineVersions.payload(rollup.forks(), timestamp), id));
  }

  @Override
  public PayloadStatus newPayload(ExecutionPayload payload, Hash beaconRoot) {
    int v = EngineVersions.payload(rollup.forks(), payload.timestamp());
    return call(() -> api.newPayload(v, payload, v >= 3 ? List.of() : null, v >= 3 ? beaconRoot : null, v >= 4 ? List.of() : null));
  }

  @Override
  public L2BlockRef blockRefByLabel(String label) {
    StoredBlock b = switch (label) {
      case "safe" -> api.chain().safe();
      case "finalized" -> api.chain().finalized();
      default -> api.chain().head();
    };
    return ref(b);
  }

  @Override
  public L2BlockRef blockRefByHash(Hash hash) {
    return ref(api.chain().block(hash));
  }

  @Override
  public L2BlockContent blockByNumber(long number) {
    StoredBlock b = api.chain().canonicalBlock(number);
    if (b == null) return null;
    var h = b.block().header();
    List<Hash> txs = b.block().transactions().stream().map(dev.opal.tx.Transaction::hash).toList();
    return new L2BlockContent(ref(b), h.mixHash(), h.coinbase(), h.gasLimit(), h.parentBeaconBlockRoot(), h.withdrawalsRoot(), h.extraData(), txs);
  }

  @Override
  public L2Output outputAt(long number) {
    StoredBlock b = api.chain().canonicalBlock(number);
    if (b == null) return null;
    var h = b.block().header();
    return new L2Output(ref(b), h.stateRoot(), api.chain().stateAt(h).storageRoot(L2Output.MESSAGE_PASSER));
  }

  private L2BlockRef ref(StoredBlock b) {
    if (b == null) return null;
    Block block = b.block();
    byte[] l1Info = !block.transactions().isEmpty() && block.transactions().get(0) instanceof DepositTransaction d ? d.data().toArrayUnsafe() : null;
    var h = block.header();
    return L2BlockRefs.of(h.hash(), h.number(), h.parentHash(), h.timestamp(), l1Info, rollup.l2Genesis(), rollup.l1Genesis());
  }

  private static <T> T call(Supplier<T> c) {
    try {
      return c.get();
    } catch (EngineApiException e) {
      throw new EngineException(EngineException.classify(e.code()), e.getMessage(), e);
    }
  }
}
