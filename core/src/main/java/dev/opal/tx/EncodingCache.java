package dev.opal.tx;

import dev.opal.crypto.Keccak;
import dev.opal.optimism.RollupCostData;
import dev.opal.types.Hash;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Encodings and hashes of recently used transaction objects, by identity. A pooled transaction is
 * encoded for its hash, its L1 fee, its DA footprint and its block body, and again every time a
 * payload is rebuilt (the cost data of the fee and footprint is kept here too); transactions are immutable, so each object needs it once. Callers get a copy
 * of the encoding, so no one can alter the cached bytes. Crudely bounded: it starts afresh when full.
 */
final class EncodingCache {
  private static final int LIMIT = 1 << 16;

  private static final class Entry {
    final byte[] encoding;
    final Hash hash;
    /** Filled on first use: only OP fee and DA-footprint code asks for it. */
    volatile RollupCostData costData;

    Entry(byte[] encoding, Hash hash) {
      this.encoding = encoding;
      this.hash = hash;
    }
  }

  /** The transaction object itself as the key: records compare by value, which would cost a full walk. */
  private record Identity(Transaction tx) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Identity other && other.tx == tx;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(tx);
    }
  }

  private static final ConcurrentHashMap<Identity, Entry> CACHE = new ConcurrentHashMap<>();

  private EncodingCache() {}

  static byte[] encoding(Transaction tx, Supplier<byte[]> encode) {
    return entry(tx, encode).encoding.clone();
  }

  static Hash hash(Transaction tx) {
    return entry(tx, tx::encodeUncached).hash;
  }

  static RollupCostData costData(Transaction tx) {
    Entry e = entry(tx, tx::encodeUncached);
    RollupCostData d = e.costData;
    if (d == null) e.costData = d = RollupCostData.of(e.encoding);
    return d;
  }

  private static Entry entry(Transaction tx, Supplier<byte[]> encode) {
    Identity key = new Identity(tx);
    Entry e = CACHE.get(key);
    if (e != null) return e;
    byte[] encoded = encode.get();
    e = new Entry(encoded, Keccak.hash256(encoded));
    if (CACHE.size() >= LIMIT) CACHE.clear();
    CACHE.put(key, e);
    return e;
  }
}
