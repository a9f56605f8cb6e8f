package dev.opal.rpc.client;

import com.fasterxml.jackson.databind.JsonNode;

/** The peer answered with a JSON-RPC error: its code, message and data are kept for classification. */
public class RpcErrorException extends RuntimeException {
  private final int code;
  private final transient JsonNode data;

  public RpcErrorException(String method, int code, String message, JsonNode data) {
    super(method + " failed with " + code + ": " + message);
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
