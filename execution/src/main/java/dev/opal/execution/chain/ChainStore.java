package dev.opal.execution.chain;

import dev.opal.types.Hash;

/**
 * Where the engine keeps executed blocks, the canonical number→hash index and the head, safe and
 * finalized markers. Implementations: in memory, or a persistent key-value store.
 */
public interface ChainStore {
  void putBlock(StoredBlock block);

  /** The block with this hash, or null. */
  StoredBlock block(Hash hash);

  /** The canonical block hash at a height, or null above the head. */
  Hash canonicalHash(long number);

  /** Makes {@code hash} canonical at {@code number}. */
  void setCanonical(long number, Hash hash);

  /** Removes canonical entries above {@code number} (after a reorg to a shorter chain). */
  void truncateCanonicalAbove(long number);

  enum Marker { HEAD, SAFE, FINALIZED }

  Hash marker(Marker marker);

  void setMarker(Marker marker, Hash hash);
}
