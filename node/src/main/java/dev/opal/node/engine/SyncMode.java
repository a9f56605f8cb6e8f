package dev.opal.node.engine;

/**
 * How a node catches up with the chain (op-node {@code --syncmode}): from consensus-layer data only
 * (unsafe blocks inserted one by one, on their parents), or by letting the execution engine sync
 * itself to a gossiped block (op-geth's snap or full sync to a target head).
 */
public enum SyncMode {
  CONSENSUS_LAYER("consensus-layer"),
  EXECUTION_LAYER("execution-layer");

  private final String flag;

  SyncMode(String flag) {
    this.flag = flag;
  }

  /** The name op-node's {@code --syncmode} flag uses. */
  public String flag() {
    return flag;
  }

  public static SyncMode fromFlag(String value) {
    for (SyncMode m : values()) if (m.flag.equals(value)) return m;
    throw new IllegalArgumentException("unknown sync mode '" + value + "' (use consensus-layer or execution-layer)");
  }

  @Override
  public String toString() {
    return flag;
  }
}
