package dev.opal.node.engine;

/**
 * An engine call that failed, classified as op-node does (rollup/engine): temporary errors are
 * retried after a backoff, reset errors make the node find its heads again, invalid attributes
 * drop the build, critical errors stop the node.
 */
public class EngineException extends RuntimeException {
  public enum Kind { TEMPORARY, RESET, INVALID_ATTRIBUTES, UNKNOWN_PAYLOAD, CRITICAL }

  private final Kind kind;

  public EngineException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  /** op-node's mapping of Engine API error codes. */
  public static Kind classify(int rpcCode) {
    return switch (rpcCode) {
      case -38002 -> Kind.RESET; // invalid forkchoice state
      case -38003 -> Kind.INVALID_ATTRIBUTES;
      case -38001 -> Kind.UNKNOWN_PAYLOAD; // at seal time: rebuild
      default -> Kind.TEMPORARY;
    };
  }
}
