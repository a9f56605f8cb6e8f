package dev.opal.node.finality;

import dev.opal.node.engine.EngineController;
import dev.opal.node.eth.L1Info;
import dev.opal.node.eth.L2BlockRef;
import dev.opal.node.sources.L1Source;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * L2 finality follows L1 finality (op-node rollup/finality): each safe L2 block is recorded with
 * the L1 block it was derived from; when L1 finalizes a block, the highest L2 block derived from
 * data up to it becomes finalized.
 */
public final class Finalizer {
  /** op-node keeps this many derivation records (4 epochs of 32 slots, plus one). */
  private static final int LOOKBACK = 4 * 32 + 1;

  private record Derived(L2BlockRef l2, long l1Number) {}

  private final EngineController engine;
  private final L1Source l1;
  private final Deque<Derived> records = new ArrayDeque<>();

  public Finalizer(EngineController engine, L1Source l1) {
    this.engine = engine;
    this.l1 = l1;
  }

  /** A block became safe from data of L1 block {@code l1Number}; only the last block per L1 block is kept. */
  public synchronized void derived(L2BlockRef l2, long l1Number) {
    Derived last = records.peekLast();
    if (last != null && last.l1Number() == l1Number) records.pollLast();
    records.addLast(new Derived(l2, l1Number));
    while (records.size() > LOOKBACK) records.pollFirst();
  }

  /** Forgets every record: after an L1 reorg the blocks are derived, and recorded, again. */
  public synchronized void reset() {
    records.clear();
  }

  /** Finalizes what L1 finality now covers. */
  public synchronized void update() {
    L1Info finalized = l1.finalized();
    if (finalized == null) return;
    L2BlockRef target = null;
    while (!records.isEmpty() && records.peekFirst().l1Number() <= finalized.ref().number()) target = records.pollFirst().l2();
    if (target != null) engine.promoteFinalized(target);
  }
}
