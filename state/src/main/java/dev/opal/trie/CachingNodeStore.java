package dev.opal.trie;

import dev.opal.types.Hash;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * A node store that also keeps the most recently committed tries as objects: the next block's state
 * trie starts from the previous block's root node rather than re-reading and re-decoding the paths
 * that block just wrote.
 *
 * <p>A committed trie is remembered by its root alone: its new nodes hang from that root. Only the
 * latest commits stay remembered, about {@link #RECENT_NODES} new nodes' worth, so that the nodes a
 * block replaced die young instead of being copied by the collector for hundreds of blocks; an older
 * version is read back from the store when asked for. Nodes read back are not kept here: a trie
 * keeps the ones it loaded for its own lifetime (one block's execution and commit), see
 * {@link MerklePatriciaTrie}.
 */
public abstract class CachingNodeStore implements NodeStore {
  /** How many nodes of recent commits stay linked from their remembered roots (about one block touching 1,000 accounts). */
  static final int RECENT_NODES = 1 << 12;

  private final Map<Hash, Node> roots = new HashMap<>();
  private final ArrayDeque<Commit> recent = new ArrayDeque<>();
  private int recentNodes;

  private record Commit(Hash root, int newNodes) {}

  synchronized Node cachedRoot(Hash hash) {
    return roots.get(hash);
  }

  /** Remembers a committed trie by its root; the oldest commits are forgotten beyond {@link #RECENT_NODES}. */
  synchronized void rememberRoot(Hash root, Node node, int newNodes) {
    if (roots.put(root, node) != null) return; // the same state committed again (a payload built, then executed)
    recent.addLast(new Commit(root, newNodes));
    recentNodes += newNodes;
    while (recentNodes > RECENT_NODES && recent.size() > 1) {
      Commit old = recent.removeFirst();
      recentNodes -= old.newNodes;
      roots.remove(old.root);
    }
  }
}
