package dev.opal.node.engine;

import dev.opal.config.ForkSchedule;
import dev.opal.config.OpFork;
import dev.opal.rpc.engine.PayloadAttributes;

/** Which Engine API method version op-node uses for a payload, by the fork at its timestamp (op-node rollup/types.go). */
public final class EngineVersions {
  private EngineVersions() {}

  /** Without attributes always V3; with them V3 from Ecotone, V2 from Canyon, V1 before. */
  public static int forkchoiceUpdated(ForkSchedule forks, PayloadAttributes a) {
    if (a == null || forks.isActive(OpFork.ECOTONE, a.timestamp())) return 3;
    return forks.isActive(OpFork.CANYON, a.timestamp()) ? 2 : 1;
  }

  /** newPayload and getPayload: V4 from Isthmus, V3 from Ecotone, else V2. */
  public static int payload(ForkSchedule forks, long timestamp) {
    if (forks.isActive(OpFork.ISTHMUS, timestamp)) return 4;
    return forks.isActive(OpFork.ECOTONE, timestamp) ? 3 : 2;
  }
}
