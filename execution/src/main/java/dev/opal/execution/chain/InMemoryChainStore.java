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

  @Override
  public void setCanonical(long number, Hash hash) {
    canonical.put(number, hash);
  }

  @Override
  public void truncateCanonicalAbove(long number) {
    canonical.tailMap(number, false).clear();
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
