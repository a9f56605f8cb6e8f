package dev.opal.optimism;

/**
 * What the L1 data fee of a transaction depends on: its zero and non-zero byte counts (Bedrock,
 * Ecotone) and its FastLZ-compressed size (Fjord+), all measured on the full EIP-2718 encoding.
 */
public record RollupCostData(long zeroes, long ones, long fastLzSize) {

  public static RollupCostData of(byte[] encodedTx) {
    long zeroes = 0;
    for (byte b : encodedTx) if (b == 0) zeroes++;
    return new RollupCostData(zeroes, encodedTx.length - zeroes, FastLz.compressedLength(encodedTx));
  }
}
