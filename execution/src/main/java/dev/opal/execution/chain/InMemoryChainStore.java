package dev.opal.execution.chain;

import dev.opal.types.Hash;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** A chain store on maps: for tests and ephemeral devnets. */
public final class InMemoryChainStore implements ChainStore {
  private final Map<Hash, StoredBlock> blocks = new ConcurrentHashMap<>();
  private final ConcurrentSkipListMap<Long, Hash> canonical = new ConcurrentSkipListMap<>();
  private final Map<Marker, Hash> markers = new EnumMap<>(Marker.class);

  @Override
  public void putBlock(StoredBlock block) {
    blocks.put(block.hash(), block);
  }

  @Override
  public StoredBlock block(Hash hash) {
    return blocks.get(hash);
  }

  @Override
  public Hash canonicalHash(long number) {
    return canonical.get(number);
  }

  private final Map<Hash, Hash> txBlock = new ConcurrentHashMap<>();

  @Override
  public synchronized void updateCanonical(long keepUpTo, java.util.List<StoredBlock> newlyCanonical, Hash head) {
    canonical.tailMap(keepUpTo, false).clear();
    for (StoredBlock b : newlyCanonical) {
      canonical.put(b.number(), b.hash());
      for (var tx : b.block().transactions()) txBlock.put(tx.hash(), b.hash());
    }
    markers.put(Marker.HEAD, head);
  }

  @Override
  public Hash transactionBlock(Hash txHash) {
    return txBlock.get(txHash);
  }

  @Override
  public synchronized Hash marker(Marker marker) {
    return markers.get(marker);
  }

  @Override
  public synchronized void setMarker(Marker marker, Hash hash) {
    markers.put(marker, hash);
  }
}
