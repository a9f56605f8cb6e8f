package dev.opal.rpc.json;

/** A request parameter that is missing, malformed or of the wrong shape: JSON-RPC error -32602. */
public class InvalidParamsException extends RuntimeException {
  public static final int CODE = -32602;

  public InvalidParamsException(String message) {
    super(message);
  }
}
