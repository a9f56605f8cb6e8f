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

  /**
   * Moves the head in one step: drops canonical entries above {@code keepUpTo}, makes
   * {@code newlyCanonical} canonical (indexing their transactions) and sets the head marker.
   */
  void updateCanonical(long keepUpTo, java.util.List<StoredBlock> newlyCanonical, Hash head);

  /** The block that holds a transaction on the canonical chain as last indexed, or null. */
  Hash transactionBlock(Hash txHash);

  enum Marker { HEAD, SAFE, FINALIZED }

  Hash marker(Marker marker);

  void setMarker(Marker marker, Hash hash);
}
