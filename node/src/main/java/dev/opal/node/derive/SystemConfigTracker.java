package dev.opal.node.derive;

import dev.opal.config.RollupConfig;
import dev.opal.node.eth.L1BlockRef;
import dev.opal.node.eth.L1Info;
import dev.opal.node.sources.L1Source;
import dev.opal.optimism.SystemConfig;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SystemConfig in force at each L1 block: the rollup's genesis config with every
 * {@code ConfigUpdate} log of the L1 blocks since applied in order (OP specs
 * protocol/system-config.md). Results are cached by L1 block hash, so a reorged L1 block is never
 * confused with its replacement.
 */
public final class SystemConfigTracker {
  private final RollupConfig rollup;
  private final L1Source l1;
  private final Map<dev.opal.types.Hash, SystemConfig> byHash = new ConcurrentHashMap<>();

  public SystemConfigTracker(RollupConfig rollup, L1Source l1) {
    this.rollup = rollup;
    this.l1 = l1;
  }

  /** The config after applying the updates in {@code block} and all its ancestors back to the rollup's L1 genesis. */
  public SystemConfig at(L1BlockRef block) {
    SystemConfig known = byHash.get(block.hash());
    if (known != null) return known;
    if (block.number() <= rollup.l1Genesis().number()) return rollup.genesisSystemConfig();
    // walk back to the nearest block whose config is known, then apply forwards
    java.util.ArrayDeque<L1BlockRef> todo = new java.util.ArrayDeque<>();
    L1BlockRef b = block;
    SystemConfig base;
    while (true) {
      todo.push(b);
      L1Info parent = l1.byHash(b.parentHash());
      if (parent == null) throw new IllegalStateException("L1 block " + b.parentHash() + " (parent of " + b + ") is unknown");
      if (parent.ref().number() <= rollup.l1Genesis().number()) {
        base = rollup.genesisSystemConfig();
        break;
      }
      base = byHash.get(parent.ref().hash());
      if (base != null) break;
      b = parent.ref();
    }
    SystemConfig c = base;
    while (!todo.isEmpty()) {
      L1BlockRef next = todo.pop();
      c = SystemConfigs.apply(c, rollup.l1SystemConfigAddress(), l1.logs(next.hash()));
      byHash.put(next.hash(), c);
    }
    return c;
  }
}
