package dev.opal.trie;

import dev.opal.types.Hash;
import java.util.List;

/**
 * Where trie nodes live, keyed by the keccak of their RLP encoding. A trie's commit writes from
 * several threads at once, so implementations are thread-safe.
 */
public interface NodeStore {
  /** The encoded node with this hash, or null if the store does not have it. */
  byte[] get(Hash hash);

  /** Stores an encoded node under its hash. */
  void put(Hash hash, byte[] encoded);

  /** Stores several nodes ({@code hashes.get(i)} names {@code encodings.get(i)}); a store with a lock takes it once. */
  default void putAll(List<Hash> hashes, List<byte[]> encodings) {
    for (int i = 0; i < hashes.size(); i++) put(hashes.get(i), encodings.get(i));
  }
}
