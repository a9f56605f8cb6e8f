package dev.opal.execution.engine;

/** An Engine API error with its spec code (execution-apis common.md "Errors"). */
public class EngineApiException extends RuntimeException {
  public static final int INVALID_PARAMS = -32602;
  public static final int UNKNOWN_PAYLOAD = -38001;
  public static final int INVALID_FORKCHOICE_STATE = -38002;
  public static final int INVALID_PAYLOAD_ATTRIBUTES = -38003;
  public static final int TOO_LARGE_REQUEST = -38004;
  public static final int UNSUPPORTED_FORK = -38005;

  private final int code;

  public EngineApiException(int code, String message) {
    super(message);
    this.code = code;
  }

  public int code() {
    return code;
  }
}
