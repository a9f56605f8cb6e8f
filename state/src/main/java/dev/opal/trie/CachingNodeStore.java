package dev.opal.trie;

import dev.opal.types.Hash;
import java.util.ArrayDeque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A node store that also keeps nodes decoded. Nodes are immutable, so every trie over the store can
 * share them: a new block's state trie does not re-read and re-decode the paths the previous blocks
 * already walked.
 *
 * <p>A committed trie is remembered by its root alone: its new nodes hang from that root as objects.
 * Only the most recent commits stay remembered, about {@link #RECENT_NODES} new nodes' worth, so the
 * nodes a block replaced die young instead of being copied by the collector for hundreds of blocks;
 * an older version is read back from the store when asked for. Nodes read back are remembered one by
 * one, crudely bounded: at {@link #CAPACITY} the cache starts afresh, which costs one re-decode of
 * the hot paths and keeps lookups lock-free.
 */
public abstract class CachingNodeStore implements NodeStore {
  /** How many nodes read back from the store the cache holds before starting afresh. */
  public static final int CAPACITY = 1_000_000;
  /** How many nodes of recent commits stay linked from their remembered roots (ten blocks touching 1,000 accounts). */
  static final int RECENT_NODES = 1 << 15;

  private final ConcurrentHashMap<Hash, Node> decoded;
  private final AtomicInteger readBack = new AtomicInteger();
  private final ArrayDeque<Commit> recent = new ArrayDeque<>();
  private int recentNodes;

  private record Commit(Hash root, int newNodes) {}

  /**
   * A long-lived chain's store passes {@link #CAPACITY}: growing a concurrent map copies its whole
   * table, a pause of tens of milliseconds in the middle of some block's commit once the cache is big.
   */
  protected CachingNodeStore(int expectedNodes) {
    decoded = new ConcurrentHashMap<>(expectedNodes);
  }

  Node cachedNode(Hash hash) {
    return decoded.get(hash);
  }

  /** Remembers a node read from the store. */
  void rememberNode(Hash hash, Node node) {
    if (readBack.incrementAndGet() > CAPACITY) {
      decoded.clear();
      readBack.set(1);
    }
    decoded.put(hash, node);
  }

  /** Remembers a committed trie by its root; the oldest commits are forgotten beyond {@link #RECENT_NODES}. */
  void rememberRoot(Hash root, Node node, int newNodes) {
    decoded.put(root, node);
    synchronized (recent) {
      recent.addLast(new Commit(root, newNodes));
      recentNodes += newNodes;
      while (recentNodes > RECENT_NODES && recent.size() > 1) {
        Commit old = recent.removeFirst();
        recentNodes -= old.newNodes;
        if (!old.root.equals(root)) decoded.remove(old.root);
      }
    }
  }
}
