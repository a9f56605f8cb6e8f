package dev.opal.rpc.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opal.rpc.json.InvalidParamsException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JSON-RPC 2.0 request handling independent of the transport: single and batch requests,
 * notifications (no id, no response), and the standard error codes. Methods throw
 * {@link RpcException} for protocol errors; anything else becomes -32603 without internals.
 */
public final class JsonRpcDispatcher {
  private static final Logger LOG = LoggerFactory.getLogger(JsonRpcDispatcher.class);
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final ObjectMapper json;
  private final Map<String, RpcMethod> methods = new ConcurrentHashMap<>();

  public JsonRpcDispatcher(ObjectMapper json) {
    this.json = json;
  }

  public JsonRpcDispatcher register(String name, RpcMethod method) {
    methods.put(name, method);
    return this;
  }

  public boolean has(String name) {
    return methods.containsKey(name);
  }

  /** Handles one HTTP body or WebSocket message; returns the response text, or null if nothing is owed. */
  public String handle(String body) {
    JsonNode request;
    try {
      request = json.readTree(body);
    } catch (JsonProcessingException e) {
      return write(error(NODES.nullNode(), RpcException.PARSE_ERROR, "parse error"));
    }
    if (request == null) return write(error(NODES.nullNode(), RpcException.PARSE_ERROR, "parse error"));
    if (request.isArray()) {
      if (request.isEmpty()) return write(error(NODES.nullNode(), RpcException.INVALID_REQUEST, "empty batch"));
      ArrayNode responses = NODES.arrayNode();
      for (JsonNode r : request) {
        ObjectNode response = handleOne(r);
        if (response != null) responses.add(response);
      }
      return responses.isEmpty() ? null : write(responses);
    }
    ObjectNode response = handleOne(request);
    return response == null ? null : write(response);
  }

  private ObjectNode handleOne(JsonNode r) {
    if (!r.isObject() || !r.path("method").isTextual() || (r.has("jsonrpc") && !"2.0".equals(r.get("jsonrpc").asText()))) {
      return error(r.isObject() && r.has("id") ? r.get("id") : NODES.nullNode(), RpcException.INVALID_REQUEST, "invalid request");
    }
    boolean notification = !r.has("id");
    JsonNode id = notification ? NODES.nullNode() : r.get("id");
    String name = r.get("method").asText();
    RpcMethod method = methods.get(name);
    if (method == null) {
      return notification ? null : error(id, RpcException.METHOD_NOT_FOUND, "the method " + name + " does not exist/is not available");
    }
    JsonNode params = r.get("params");
    if (params != null && !params.isNull() && !params.isArray()) {
      return notification ? null : error(id, RpcException.INVALID_PARAMS, "params must be an array");
    }
    try {
      JsonNode result = method.call(params == null || params.isNull() ? NODES.arrayNode() : params);
      if (notification) return null;
      ObjectNode out = NODES.objectNode();
      out.put("jsonrpc", "2.0");
      out.set("id", id);
      out.set("result", result == null ? NODES.nullNode() : result);
      return out;
    } catch (RpcException e) {
      return notification ? null : error(id, e.code(), e.getMessage(), e.data());
    } catch (InvalidParamsException e) {
      return notification ? null : error(id, RpcException.INVALID_PARAMS, e.getMessage());
    } catch (RuntimeException | StackOverflowError e) {
      LOG.warn("{} failed: {}", name, e.toString(), e);
      return notification ? null : error(id, RpcException.INTERNAL_ERROR, "internal error");
    }
  }

  private static ObjectNode error(JsonNode id, int code, String message) {
    return error(id, code, message, null);
  }

  private static ObjectNode error(JsonNode id, int code, String message, JsonNode data) {
    ObjectNode err = NODES.objectNode();
    err.put("code", code);
    err.put("message", message);
    if (data != null) err.set("data", data);
    ObjectNode out = NODES.objectNode();
    out.put("jsonrpc", "2.0");
    out.set("id", id);
    out.set("error", err);
    return out;
  }

  private String write(JsonNode node) {
    try {
      return json.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
