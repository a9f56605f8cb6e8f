package dev.opal.db;

import dev.opal.trie.CachingNodeStore;
import dev.opal.types.Hash;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Trie nodes and contract code (both content-addressed by keccak) in a key-value store under the
 * prefix {@code 'n'}. Writes stay pending (and readable) until {@link #flushTo} adds them to the
 * batch that also records the block, so a block's state and the block land together.
 *
 * <p>Nodes are never overwritten or deleted: the state of every committed block stays readable
 * (far beyond the 128 recent blocks op-geth keeps), at the price of unbounded growth — there is no
 * pruning yet.
 */
public final class KvNodeStore extends CachingNodeStore {
  static final byte PREFIX = 'n';

  private final KeyValueStore kv;
  // Concurrent, and read without the lock: a commit stores nodes from several hashing threads at once
  // (see MerklePatriciaTrie#commit), and RPC readers must not wait for it. Fresh maps rather than
  // clear(): clearing walks the whole table, which stays as large as the largest block ever was.
  private volatile Map<Hash, byte[]> pending = new ConcurrentHashMap<>();
  private volatile Map<Hash, byte[]> inFlight = Map.of(); // flushed into a batch not yet committed

  public KvNodeStore(KeyValueStore kv) {
    this.kv = kv;
  }

  static byte[] key(Hash hash) {
    byte[] k = new byte[33];
    k[0] = PREFIX;
    System.arraycopy(hash.toArrayUnsafe(), 0, k, 1, 32);
    return k;
  }

  @Override
  public byte[] get(Hash hash) {
    byte[] v = pending.get(hash);
    if (v == null) v = inFlight.get(hash);
    return v != null ? v : kv.get(key(hash));
  }

  @Override
  public void put(Hash hash, byte[] encoded) {
    pending.put(hash, encoded);
  }

  @Override
  public void putAll(List<Hash> hashes, List<byte[]> encodings) {
    Map<Hash, byte[]> to = pending;
    for (int i = 0; i < hashes.size(); i++) to.put(hashes.get(i), encodings.get(i));
  }

  /**
   * Adds the pending writes to {@code batch}. They stay readable from memory until
   * {@link #committed()} says the batch is in the store. The commit that stored them must have
   * returned: a write racing with the flush could miss the batch.
   */
  public synchronized void flushTo(KeyValueStore.WriteBatch batch) {
    Map<Hash, byte[]> flushed = pending;
    for (Map.Entry<Hash, byte[]> e : flushed.entrySet()) batch.put(key(e.getKey()), e.getValue());
    if (!inFlight.isEmpty()) {
      Map<Hash, byte[]> merged = new HashMap<>(inFlight);
      merged.putAll(flushed);
      flushed = merged;
    }
    inFlight = flushed; // before pending empties, so a reader always finds the node in one of them
    pending = new ConcurrentHashMap<>();
  }

  /** The batch carrying the flushed writes has been committed. */
  public synchronized void committed() {
    inFlight = Map.of();
  }

  public int pendingCount() {
    return pending.size();
  }
}
