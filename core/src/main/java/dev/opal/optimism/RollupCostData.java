package dev.opal.optimism;

import dev.opal.types.ByteKey;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the L1 data fee of a transaction depends on: its zero and non-zero byte counts (Bedrock,
 * Ecotone) and its FastLZ-compressed size (Fjord+), all measured on the full EIP-2718 encoding.
 */
public record RollupCostData(long zeroes, long ones, long fastLzSize) {
  /**
   * A transaction's cost data is needed when it is submitted, for each block that tries it
   * (the DA footprint and the L1 fee) and again when the block is imported; FastLZ is most of that
   * work, so the results are kept by encoding. Crudely bounded: the cache starts afresh when full.
   */
  private static final int CACHE_LIMIT = 1 << 16;
  private static final ConcurrentHashMap<ByteKey, RollupCostData> CACHE = new ConcurrentHashMap<>();

  public static RollupCostData of(byte[] encodedTx) {
    ByteKey key = ByteKey.of(encodedTx);
    RollupCostData cached = CACHE.get(key);
    if (cached != null) return cached;
    RollupCostData computed = compute(encodedTx);
    if (CACHE.size() >= CACHE_LIMIT) CACHE.clear();
    CACHE.put(new ByteKey(encodedTx.clone(), key.hash()), computed); // the caller's array stays the caller's
    return computed;
  }

  private static RollupCostData compute(byte[] encodedTx) {
    long zeroes = 0;
    for (byte b : encodedTx) if (b == 0) zeroes++;
    return new RollupCostData(zeroes, encodedTx.length - zeroes, FastLz.compressedLength(encodedTx));
  }
}
