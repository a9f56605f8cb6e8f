package dev.opal.node.engine;

/**
 * An engine call that failed, classified as op-node does (rollup/engine): temporary errors are
 * retried after a backoff, reset errors make the node find its heads again, invalid attributes
 * drop the build, critical errors stop the node.
 */
public class EngineException extends RuntimeException {
  public enum Kind {
    /** A transport failure or timeout: retry after 1 s. */
    TEMPORARY,
    /** The engine answered SYNCING: it is catching up, retry after 30 s (op-node's ErrEngineSyncing). */
    SYNCING,
    /** -38002 or an INVALID head: find the heads again. */
    RESET,
    /** -38003: drop these attributes, retry after one block time. */
    INVALID_ATTRIBUTES,
    /** -38001 at seal: the build is gone, start again after one block time. */
    UNKNOWN_PAYLOAD,
    /** The engine found our own sealed payload INVALID: drop it, start again after one block time. */
    INVALID_PAYLOAD,
    CRITICAL
  }

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
