package dev.opal.rpc.client;

/** The call did not get a JSON-RPC answer: connection refused, timeout, HTTP error (status kept, 401 included). */
public class RpcTransportException extends RuntimeException {
  private final int httpStatus;

  public RpcTransportException(String message, int httpStatus, Throwable cause) {
    super(message, cause);
    this.httpStatus = httpStatus;
  }

  /** The HTTP status, or 0 when there was no HTTP response. */
  public int httpStatus() {
    return httpStatus;
  }
}
