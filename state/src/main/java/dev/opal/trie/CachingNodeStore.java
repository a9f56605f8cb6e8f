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
  private static final int CAPACITY = 1_000_000;
  private final ConcurrentHashMap<Hash, Node> decoded = new ConcurrentHashMap<>();

  Node cachedNode(Hash hash) {
    return decoded.get(hash);
  }

  void rememberNode(Hash hash, Node node) {
    if (decoded.size() >= CAPACITY) decoded.clear();
    decoded.put(hash, node);
  }
}
