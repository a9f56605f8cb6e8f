package dev.opal.trie;

import dev.opal.types.Hash;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A node store that also keeps recently used nodes decoded. Nodes are immutable, so every trie over
 * the store can share them: a new block's state trie does not re-read and re-decode the paths the
 * previous blocks already walked. The cache is bounded crudely: when full it starts afresh, which
 * costs one re-decode of the hot paths and keeps lookups lock-free.
 */
public abstract class CachingNodeStore implements NodeStore {
  /** How many decoded nodes the cache holds before starting afresh. */
  public static final int CAPACITY = 1_000_000;
  private final ConcurrentHashMap<Hash, Node> decoded;

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

  void rememberNode(Hash hash, Node node) {
    if (decoded.size() >= CAPACITY) decoded.clear();
    decoded.put(hash, node);
  }
}
