package dev.opal.rpc.server;

import com.fasterxml.jackson.databind.JsonNode;

/** A JSON-RPC error a method returns: the code, message and optional data travel to the caller. */
public class RpcException extends RuntimeException {
  public static final int PARSE_ERROR = -32700;
  public static final int INVALID_REQUEST = -32600;
  public static final int METHOD_NOT_FOUND = -32601;
  public static final int INVALID_PARAMS = -32602;
  public static final int INTERNAL_ERROR = -32603;

  private final int code;
  private final transient JsonNode data;

  public RpcException(int code, String message) {
    this(code, message, null);
  }

  public RpcException(int code, String message, JsonNode data) {
    super(message);
    this.code = code;
    this.data = data;
  }

  public int code() {
    return code;
  }

  public JsonNode data() {
    return data;
  }
}
