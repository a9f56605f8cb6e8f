package dev.opal.trie;

import dev.opal.types.Hash;

/** Where trie nodes live, keyed by the keccak of their RLP encoding. */
public interface NodeStore {
  /** The encoded node with this hash, or null if the store does not have it. */
  byte[] get(Hash hash);

  /** Stores an encoded node under its hash. */
  void put(Hash hash, byte[] encoded);
}
