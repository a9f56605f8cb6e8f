package dev.opal.trie;

import dev.opal.types.Hash;
import java.util.concurrent.ConcurrentHashMap;

/** A node store on a hash map: for tests, proofs and ephemeral chains. */
public final class InMemoryNodeStore extends CachingNodeStore {
  private final ConcurrentHashMap<Hash, byte[]> nodes;

  /** A store for a few tries (tests, proofs, one-off state). */
  public InMemoryNodeStore() {
    this(16);
  }

  /** A store sized for {@code expectedNodes} from the start: an ephemeral chain passes {@link #CAPACITY}. */
  public InMemoryNodeStore(int expectedNodes) {
    super(expectedNodes);
    nodes = new ConcurrentHashMap<>(expectedNodes);
  }

  @Override
  public byte[] get(Hash hash) {
    return nodes.get(hash);
  }

  @Override
  public void put(Hash hash, byte[] encoded) {
    nodes.put(hash, encoded);
  }

  public int size() {
    return nodes.size();
  }
}
