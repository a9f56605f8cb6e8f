package dev.opal.evm.precompile;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * 0x09 BLAKE2F (EIP-152): the BLAKE2b compression function F with a caller-chosen number of
 * rounds; one gas per round. Input: rounds u32 BE ‖ h (8 words) ‖ m (16 words) ‖ t (2 words) ‖ f,
 * words little-endian; exactly 213 bytes and f must be 0 or 1.
 */
final class Blake2F implements Precompile {
  private static final long[] IV = {
    0x6a09e667f3bcc908L, 0xbb67ae8584caa73bL, 0x3c6ef372fe94f82bL, 0xa54ff53a5f1d36f1L,
    0x510e527fade682d1L, 0x9b05688c2b3e6c1fL, 0x1f83d9abfb41bd6bL, 0x5be0cd19137e2179L
  };
  private static final int[][] SIGMA = {
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
    {14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3},
    {11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4},
    {7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8},
    {9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13},
    {2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9},
    {12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11},
    {13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10},
    {6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5},
    {10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0}
  };

  @Override
  public long gasCost(byte[] input) {
    if (input.length != 213) return 0; // the call fails in execute
    return Integer.toUnsignedLong(ByteBuffer.wrap(input, 0, 4).getInt());
  }

  @Override
  public byte[] execute(byte[] input) {
    if (input.length != 213) throw new PrecompileFailure("invalid input length");
    if (input[212] != 0 && input[212] != 1) throw new PrecompileFailure("invalid final block indicator flag");
    long rounds = Integer.toUnsignedLong(ByteBuffer.wrap(input, 0, 4).getInt());
    ByteBuffer b = ByteBuffer.wrap(input, 4, 208).order(ByteOrder.LITTLE_ENDIAN);
    long[] h = new long[8];
    long[] m = new long[16];
    for (int i = 0; i < 8; i++) h[i] = b.getLong();
    for (int i = 0; i < 16; i++) m[i] = b.getLong();
    long t0 = b.getLong();
    long t1 = b.getLong();
    boolean last = input[212] == 1;
    long[] v = new long[16];
    System.arraycopy(h, 0, v, 0, 8);
    System.arraycopy(IV, 0, v, 8, 8);
    v[12] ^= t0;
    v[13] ^= t1;
    if (last) v[14] = ~v[14];
    for (long r = 0; r < rounds; r++) {
      int[] s = SIGMA[(int) (r % 10)];
      mix(v, 0, 4, 8, 12, m[s[0]], m[s[1]]);
      mix(v, 1, 5, 9, 13, m[s[2]], m[s[3]]);
      mix(v, 2, 6, 10, 14, m[s[4]], m[s[5]]);
      mix(v, 3, 7, 11, 15, m[s[6]], m[s[7]]);
      mix(v, 0, 5, 10, 15, m[s[8]], m[s[9]]);
      mix(v, 1, 6, 11, 12, m[s[10]], m[s[11]]);
      mix(v, 2, 7, 8, 13, m[s[12]], m[s[13]]);
      mix(v, 3, 4, 9, 14, m[s[14]], m[s[15]]);
    }
    ByteBuffer out = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < 8; i++) out.putLong(h[i] ^ v[i] ^ v[i + 8]);
    return out.array();
  }

  private static void mix(long[] v, int a, int b, int c, int d, long x, long y) {
    v[a] = v[a] + v[b] + x;
    v[d] = Long.rotateRight(v[d] ^ v[a], 32);
    v[c] = v[c] + v[d];
    v[b] = Long.rotateRight(v[b] ^ v[c], 24);
    v[a] = v[a] + v[b] + y;
    v[d] = Long.rotateRight(v[d] ^ v[a], 16);
    v[c] = v[c] + v[d];
    v[b] = Long.rotateRight(v[b] ^ v[c], 63);
  }
}
