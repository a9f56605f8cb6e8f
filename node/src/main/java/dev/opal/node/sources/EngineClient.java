package dev.opal.node.sources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.opal.config.RollupConfig;
import dev.opal.node.engine.EngineException;
import dev.opal.node.engine.EngineVersions;
import dev.opal.node.engine.ExecEngine;
import dev.opal.node.engine.L2BlockRefs;
import dev.opal.node.eth.L2BlockContent;
import dev.opal.node.eth.L2BlockRef;
import dev.opal.node.eth.L2Output;
import dev.opal.types.Address;
import dev.opal.types.Bytes;
import java.util.ArrayList;
import java.util.List;
import dev.opal.rpc.client.JsonRpcClient;
import dev.opal.rpc.client.RpcErrorException;
import dev.opal.rpc.client.RpcTransportException;
import dev.opal.rpc.engine.EngineJson;
import dev.opal.rpc.engine.ExecutionPayload;
import dev.opal.rpc.engine.ForkchoiceState;
import dev.opal.rpc.engine.ForkchoiceUpdatedResult;
import dev.opal.rpc.engine.PayloadAttributes;
import dev.opal.rpc.engine.PayloadEnvelope;
import dev.opal.rpc.engine.PayloadId;
import dev.opal.rpc.engine.PayloadStatus;
import dev.opal.rpc.json.JsonIn;
import dev.opal.types.Hash;
import dev.opal.types.Hex;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The Engine API over JSON-RPC (op-service sources/engine_client.go): picks the method version from
 * the fork active at the payload's timestamp exactly as op-node does, and maps errors to
 * {@link EngineException} kinds. Also reads L2 block references with {@code eth_getBlockByNumber}.
 */
public final class EngineClient implements ExecEngine {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private final JsonRpcClient rpc;
  private final RollupConfig rollup;

  public EngineClient(JsonRpcClient rpc, RollupConfig rollup) {
    this.rpc = rpc;
    this.rollup = rollup;
  }

  @Override
  public ForkchoiceUpdatedResult forkchoiceUpdate(ForkchoiceState state, PayloadAttributes attrs) {
    JsonNode r = call(() -> rpc.call(TIMEOUT, "engine_forkchoiceUpdatedV" + EngineVersions.forkchoiceUpdated(rollup.forks(), attrs), EngineJson.encode(state),
        attrs == null ? JsonNodeFactory.instance.nullNode() : EngineJson.encode(attrs)));
    return EngineJson.forkchoiceUpdatedResult(r);
  }

  @Override
  public PayloadEnvelope getPayload(PayloadId id, long timestamp) {
    int v = EngineVersions.payload(rollup.forks(), timestamp);
    JsonNode r = call(() -> rpc.call(TIMEOUT, "engine_getPayloadV" + v, id.toHex()));
    return EngineJson.payloadEnvelope(r);
  }

  @Override
  public PayloadStatus newPayload(ExecutionPayload payload, Hash beaconRoot) {
    int v = EngineVersions.payload(rollup.forks(), payload.timestamp());
    var empty = JsonNodeFactory.instance.arrayNode();
    JsonNode r = call(() -> switch (v) {
      case 4 -> rpc.call(TIMEOUT, "engine_newPayloadV4", EngineJson.encode(payload), empty, beaconRoot.toHex(), empty);
      case 3 -> rpc.call(TIMEOUT, "engine_newPayloadV3", EngineJson.encode(payload), empty, beaconRoot.toHex());
      default -> rpc.call(TIMEOUT, "engine_newPayloadV2", EngineJson.encode(payload));
    });
    return EngineJson.payloadStatus(r);
  }

  @Override
  public L2BlockRef blockRefByLabel(String label) {
    return blockRef(call(() -> rpc.call(TIMEOUT, "eth_getBlockByNumber", label, true)));
  }

  @Override
  public L2BlockRef blockRefByHash(Hash hash) {
    return blockRef(call(() -> rpc.call(TIMEOUT, "eth_getBlockByHash", hash.toHex(), true)));
  }

  @Override
  public L2BlockContent blockByNumber(long number) {
    JsonNode b = call(() -> rpc.call(TIMEOUT, "eth_getBlockByNumber", Hex.encodeQuantity(number), true));
    if (b == null || b.isNull()) return null;
    JsonIn in = JsonIn.of(b, "block");
    List<Hash> txs = new ArrayList<>();
    for (JsonNode t : b.get("transactions")) txs.add(Hash.fromHex(t.get("hash").asText()));
    return new L2BlockContent(blockRef(b), in.hash("mixHash"), Address.fromHex(b.get("miner").asText()), in.quantity("gasLimit"),
        in.has("parentBeaconBlockRoot") ? in.hash("parentBeaconBlockRoot") : null, in.has("withdrawalsRoot") ? in.hash("withdrawalsRoot") : null,
        Bytes.fromHex(b.get("extraData").asText()), txs);
  }

  @Override
  public L2Output outputAt(long number) {
    JsonNode b = call(() -> rpc.call(TIMEOUT, "eth_getBlockByNumber", Hex.encodeQuantity(number), true));
    if (b == null || b.isNull()) return null;
    L2BlockRef ref = blockRef(b);
    var at = JsonNodeFactory.instance.objectNode().put("blockHash", ref.hash().toHex());
    JsonNode proof = call(() -> rpc.call(TIMEOUT, "eth_getProof", L2Output.MESSAGE_PASSER.toHex(), JsonNodeFactory.instance.arrayNode(), at));
    return new L2Output(ref, JsonIn.of(b, "block").hash("stateRoot"), Hash.fromHex(proof.get("storageHash").asText()));
  }

  private L2BlockRef blockRef(JsonNode block) {
    if (block == null || block.isNull()) return null;
    JsonIn in = JsonIn.of(block, "block");
    JsonNode txs = block.get("transactions");
    byte[] l1Info = txs != null && !txs.isEmpty() ? Hex.decode(txs.get(0).get("input").asText()) : null;
    return L2BlockRefs.of(in.hash("hash"), in.quantity("number"), in.hash("parentHash"), in.quantity("timestamp"), l1Info,
        rollup.l2Genesis(), rollup.l1Genesis());
  }

  private static JsonNode call(Supplier<JsonNode> c) {
    try {
      return c.get();
    } catch (RpcErrorException e) {
      throw new EngineException(EngineException.classify(e.code()), e.getMessage(), e);
    } catch (RpcTransportException e) {
      throw new EngineException(EngineException.Kind.TEMPORARY, e.getMessage(), e);
    }
  }
}
