package dev.opal.execution.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.opal.execution.engine.EngineApi;
import dev.opal.execution.engine.EngineApiException;
import dev.opal.rpc.engine.ClientVersion;
import dev.opal.rpc.engine.EngineJson;
import dev.opal.rpc.engine.ExecutionPayload;
import dev.opal.rpc.engine.ExecutionPayloadBody;
import dev.opal.rpc.engine.PayloadAttributes;
import dev.opal.rpc.engine.PayloadEnvelope;
import dev.opal.rpc.engine.PayloadId;
import dev.opal.rpc.json.InvalidParamsException;
import dev.opal.rpc.json.JsonIn;
import dev.opal.rpc.server.JsonRpcDispatcher;
import dev.opal.rpc.server.RpcException;
import dev.opal.rpc.server.RpcMethod;
import dev.opal.types.Bytes;
import dev.opal.types.Hash;
import dev.opal.types.Hex;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Registers the {@code engine_} methods on a dispatcher, translating JSON to {@link EngineApi} calls and errors to codes. */
public final class EngineRpc {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private EngineRpc() {}

  public static void register(JsonRpcDispatcher d, EngineApi api, ClientVersion clientVersion) {
    List<String> names = new ArrayList<>();
    for (int v = 1; v <= 3; v++) {
      int version = v;
      add(d, names, "engine_forkchoiceUpdatedV" + v, p -> {
        JsonNode attrs = p.size() > 1 ? p.get(1) : null;
        return EngineJson.encode(api.forkchoiceUpdated(version, EngineJson.forkchoiceState(param(p, 0)),
            attrs == null || attrs.isNull() ? null : EngineJson.payloadAttributes(attrs)));
      });
    }
    for (int v = 1; v <= 4; v++) {
      int version = v;
      add(d, names, "engine_getPayloadV" + v, p -> {
        PayloadId id = JsonIn.decodeText(param(p, 0), "payloadId", PayloadId::fromHex);
        Object r = api.getPayload(version, id);
        return r instanceof ExecutionPayload payload ? EngineJson.encode(payload) : EngineJson.encode((PayloadEnvelope) r);
      });
      add(d, names, "engine_newPayloadV" + v, p -> {
        ExecutionPayload payload = EngineJson.executionPayload(param(p, 0));
        List<Hash> hashes = version >= 3 ? hashes(param(p, 1)) : null;
        Hash beaconRoot = version >= 3 ? EngineJson.hashParam(param(p, 2), "parentBeaconBlockRoot") : null;
        List<Bytes> requests = version >= 4 ? dataList(param(p, 3)) : null;
        return EngineJson.encode(api.newPayload(version, payload, hashes, beaconRoot, requests));
      });
    }
    add(d, names, "engine_getPayloadBodiesByHashV1", p -> bodies(api.bodiesByHash(hashes(param(p, 0)))));
    add(d, names, "engine_getPayloadBodiesByRangeV1", p -> bodies(api.bodiesByRange(
        JsonIn.decodeText(param(p, 0), "start", JsonIn::uint64), JsonIn.decodeText(param(p, 1), "count", JsonIn::uint64))));
    add(d, names, "engine_getClientVersionV1", p -> NODES.arrayNode().add(EngineJson.encode(clientVersion)));
    d.register("engine_exchangeCapabilities", p -> {
      ArrayNode out = NODES.arrayNode();
      names.forEach(out::add);
      return out;
    });
  }

  private static void add(JsonRpcDispatcher d, List<String> names, String name, RpcMethod m) {
    names.add(name);
    d.register(name, p -> {
      try {
        return m.call(p);
      } catch (EngineApiException e) {
        throw new RpcException(e.code(), e.getMessage());
      }
    });
  }

  private static JsonNode param(JsonNode params, int i) {
    if (params.size() <= i || params.get(i).isNull()) throw new InvalidParamsException("missing parameter " + i);
    return params.get(i);
  }

  private static List<Hash> hashes(JsonNode array) {
    return list(array, n -> EngineJson.hashParam(n, "hash"));
  }

  private static List<Bytes> dataList(JsonNode array) {
    return list(array, n -> JsonIn.decodeText(n, "data", s -> Bytes.wrap(Hex.decode(s))));
  }

  private static <T> List<T> list(JsonNode array, Function<JsonNode, T> item) {
    if (!array.isArray()) throw new InvalidParamsException("expected an array");
    List<T> out = new ArrayList<>(array.size());
    for (JsonNode n : array) out.add(item.apply(n));
    return out;
  }

  private static JsonNode bodies(List<ExecutionPayloadBody> bodies) {
    ArrayNode out = NODES.arrayNode();
    for (ExecutionPayloadBody b : bodies) out.add(b == null ? NODES.nullNode() : EngineJson.encode(b));
    return out;
  }
}
