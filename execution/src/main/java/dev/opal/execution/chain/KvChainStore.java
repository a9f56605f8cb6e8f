package dev.opal.execution.chain;

import dev.opal.config.ChainConfig;
import dev.opal.db.KeyValueStore;
import dev.opal.db.KvNodeStore;
import dev.opal.types.Hash;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The chain in a key-value store: {@code 'b'+hash} executed blocks, {@code 'H'+number} the
 * canonical index, {@code 't'+txHash} the transaction index, {@code 'm'+name} the head, safe and
 * finalized markers. A block and the trie nodes of its state go into one batch; a head change
 * (canonical index, transaction index, head marker) is another. A crash therefore never leaves a
 * block without its state or a head without its block.
 */
public final class KvChainStore implements ChainStore {
  private final KeyValueStore kv;
  private final KvNodeStore nodes;
  private final StoredBlockCodec codec;
  private final Map<Hash, StoredBlock> recent = new ConcurrentHashMap<>();

  public KvChainStore(KeyValueStore kv, KvNodeStore nodes, ChainConfig chain) {
    this.kv = kv;
    this.nodes = nodes;
    this.codec = new StoredBlockCodec(chain);
  }

  private static byte[] key(char prefix, byte[] id) {
    byte[] k = new byte[id.length + 1];
    k[0] = (byte) prefix;
    System.arraycopy(id, 0, k, 1, id.length);
    return k;
  }

  private static byte[] number(long n) {
    return ByteBuffer.allocate(8).putLong(n).array();
  }

  @Override
  public synchronized void putBlock(StoredBlock block) {
    KeyValueStore.WriteBatch batch = kv.newBatch();
    nodes.flushTo(batch);
    batch.put(key('b', block.hash().toArrayUnsafe()), codec.encode(block));
    batch.commit();
    nodes.committed();
    if (recent.size() > 256) recent.clear();
    recent.put(block.hash(), block);
  }

  @Override
  public StoredBlock block(Hash hash) {
    StoredBlock b = recent.get(hash);
    if (b != null) return b;
    byte[] bytes = kv.get(key('b', hash.toArrayUnsafe()));
    return bytes == null ? null : codec.decode(bytes);
  }

  @Override
  public Hash canonicalHash(long n) {
    byte[] h = kv.get(key('H', number(n)));
    return h == null ? null : Hash.wrap(h);
  }

  @Override
  public synchronized void updateCanonical(long keepUpTo, List<StoredBlock> newlyCanonical, Hash head) {
    KeyValueStore.WriteBatch batch = kv.newBatch();
    Hash oldHead = marker(Marker.HEAD);
    if (oldHead != null) {
      StoredBlock old = block(oldHead);
      for (long n = keepUpTo + 1; old != null && n <= old.number(); n++) batch.delete(key('H', number(n)));
    }
    for (StoredBlock b : newlyCanonical) {
      batch.put(key('H', number(b.number())), b.hash().toArray());
      for (var tx : b.block().transactions()) batch.put(key('t', tx.hash().toArrayUnsafe()), b.hash().toArray());
    }
    batch.put(markerKey(Marker.HEAD), head.toArray());
    batch.commit();
  }

  @Override
  public Hash transactionBlock(Hash txHash) {
    byte[] h = kv.get(key('t', txHash.toArrayUnsafe()));
    return h == null ? null : Hash.wrap(h);
  }

  private static byte[] markerKey(Marker m) {
    return key('m', m.name().getBytes(StandardCharsets.US_ASCII));
  }

  @Override
  public Hash marker(Marker marker) {
    byte[] h = kv.get(markerKey(marker));
    return h == null ? null : Hash.wrap(h);
  }

  @Override
  public synchronized void setMarker(Marker marker, Hash hash) {
    kv.newBatch().put(markerKey(marker), hash.toArray()).commit();
  }
}
