package dev.opal.trie;

import dev.opal.types.Hash;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A node store that also keeps recently used nodes decoded. Nodes are immutable, so every trie over
 * the store can share them: a new block's state trie does not re-read and re-decode the paths the
 * previous blocks already walked.
 */
public abstract class CachingNodeStore implements NodeStore {
  private static final int CAPACITY = 500_000;
  private final Map<Hash, Node> decoded = new LinkedHashMap<>(1024, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Hash, Node> eldest) {
      return size() > CAPACITY;
    }
  };

  synchronized Node cachedNode(Hash hash) {
    return decoded.get(hash);
  }

  synchronized void rememberNode(Hash hash, Node node) {
    decoded.put(hash, node);
  }
}
