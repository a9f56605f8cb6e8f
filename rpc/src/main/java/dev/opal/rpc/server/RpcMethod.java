package dev.opal.rpc.server;

import com.fasterxml.jackson.databind.JsonNode;

/** One JSON-RPC method: params (an array, or null when absent) in, result out, or an {@link RpcException}. */
@FunctionalInterface
public interface RpcMethod {
  JsonNode call(JsonNode params);
}
