package dev.opal.evm;

import java.math.BigInteger;

/**
 * 256-bit EVM word arithmetic on the interpreter's stack array. A word occupies four longs, most
 * significant limb first: {@code s[i], s[i+1], s[i+2], s[i+3]}. Operations read their operands at
 * the given offsets and write the result to {@code r}; they allocate only on the slow paths
 * (division, modular arithmetic and exponentiation of wide values go through BigInteger).
 */
final class Words {
  private static final BigInteger TWO_256 = BigInteger.ONE.shiftLeft(256);
  private static final BigInteger MASK_256 = TWO_256.subtract(BigInteger.ONE);

  private Words() {}

  static boolean isZero(long[] s, int a) {
    return (s[a] | s[a + 1] | s[a + 2] | s[a + 3]) == 0;
  }

  static void set(long[] s, int r, long v3, long v2, long v1, long v0) {
    s[r] = v3;
    s[r + 1] = v2;
    s[r + 2] = v1;
    s[r + 3] = v0;
  }

  static void setLong(long[] s, int r, long v) {
    set(s, r, 0, 0, 0, v);
  }

  static void setBool(long[] s, int r, boolean v) {
    set(s, r, 0, 0, 0, v ? 1 : 0);
  }

  /** True if the word fits in a non-negative int (used for offsets, lengths and indices). */
  static boolean fitsInt(long[] s, int a) {
    return (s[a] | s[a + 1] | s[a + 2]) == 0 && s[a + 3] >= 0 && s[a + 3] <= Integer.MAX_VALUE;
  }

  /** The word clamped to Long.MAX_VALUE: gas amounts and memory offsets larger than that are equally unaffordable. */
  static long clampedLong(long[] s, int a) {
    if ((s[a] | s[a + 1] | s[a + 2]) != 0 || s[a + 3] < 0) return Long.MAX_VALUE;
    return s[a + 3];
  }

  static void add(long[] s, int a, int b, int r) {
    long a0 = s[a + 3], a1 = s[a + 2], a2 = s[a + 1], a3 = s[a];
    long b0 = s[b + 3], b1 = s[b + 2], b2 = s[b + 1], b3 = s[b];
    long r0 = a0 + b0;
    long c = Long.compareUnsigned(r0, a0) < 0 ? 1 : 0;
    long r1 = a1 + b1 + c;
    c = (Long.compareUnsigned(r1, a1) < 0 || (c == 1 && r1 == a1)) ? 1 : 0;
    long r2 = a2 + b2 + c;
    c = (Long.compareUnsigned(r2, a2) < 0 || (c == 1 && r2 == a2)) ? 1 : 0;
    long r3 = a3 + b3 + c;
    set(s, r, r3, r2, r1, r0);
  }

  static void sub(long[] s, int a, int b, int r) {
    long a0 = s[a + 3], a1 = s[a + 2], a2 = s[a + 1], a3 = s[a];
    long b0 = s[b + 3], b1 = s[b + 2], b2 = s[b + 1], b3 = s[b];
    long r0 = a0 - b0;
    long borrow = Long.compareUnsigned(a0, b0) < 0 ? 1 : 0;
    long r1 = a1 - b1 - borrow;
    borrow = (Long.compareUnsigned(a1, b1) < 0 || (borrow == 1 && a1 == b1)) ? 1 : 0;
    long r2 = a2 - b2 - borrow;
    borrow = (Long.compareUnsigned(a2, b2) < 0 || (borrow == 1 && a2 == b2)) ? 1 : 0;
    long r3 = a3 - b3 - borrow;
    set(s, r, r3, r2, r1, r0);
  }

  /** The low 256 bits of a × b (schoolbook on 64-bit limbs). */
  static void mul(long[] s, int a, int b, int r) {
    long[] x = {s[a + 3], s[a + 2], s[a + 1], s[a]};
    long[] y = {s[b + 3], s[b + 2], s[b + 1], s[b]};
    long[] out = new long[4];
    for (int i = 0; i < 4; i++) {
      long carry = 0;
      if (x[i] == 0) continue;
      for (int j = 0; i + j < 4; j++) {
        long lo = x[i] * y[j];
        long hi = Math.unsignedMultiplyHigh(x[i], y[j]);
        long sum = out[i + j] + lo;
        hi += Long.compareUnsigned(sum, lo) < 0 ? 1 : 0;
        long sum2 = sum + carry;
        hi += Long.compareUnsigned(sum2, sum) < 0 ? 1 : 0;
        out[i + j] = sum2;
        carry = hi;
      }
    }
    set(s, r, out[3], out[2], out[1], out[0]);
  }

  static int compareUnsigned(long[] s, int a, int b) {
    for (int i = 0; i < 4; i++) {
      int c = Long.compareUnsigned(s[a + i], s[b + i]);
      if (c != 0) return c;
    }
    return 0;
  }

  static int compareSigned(long[] s, int a, int b) {
    int c = Long.compare(s[a], s[b]);
    if (c != 0) return c;
    for (int i = 1; i < 4; i++) {
      c = Long.compareUnsigned(s[a + i], s[b + i]);
      if (c != 0) return c;
    }
    return 0;
  }

  static boolean equal(long[] s, int a, int b) {
    return s[a] == s[b] && s[a + 1] == s[b + 1] && s[a + 2] == s[b + 2] && s[a + 3] == s[b + 3];
  }

  private static boolean fitsUnsignedLong(long[] s, int a) {
    return (s[a] | s[a + 1] | s[a + 2]) == 0;
  }

  static void div(long[] s, int a, int b, int r) {
    if (isZero(s, b)) {
      setLong(s, r, 0);
    } else if (fitsUnsignedLong(s, a) && fitsUnsignedLong(s, b)) {
      setLong(s, r, Long.divideUnsigned(s[a + 3], s[b + 3]));
    } else {
      fromBig(s, r, toBig(s, a).divide(toBig(s, b)));
    }
  }

  static void mod(long[] s, int a, int b, int r) {
    if (isZero(s, b)) {
      setLong(s, r, 0);
    } else if (fitsUnsignedLong(s, a) && fitsUnsignedLong(s, b)) {
      setLong(s, r, Long.remainderUnsigned(s[a + 3], s[b + 3]));
    } else {
      fromBig(s, r, toBig(s, a).mod(toBig(s, b)));
    }
  }

  /** Signed division truncating toward zero; x / 0 = 0 and MIN / -1 = MIN, as the yellow paper specifies. */
  static void sdiv(long[] s, int a, int b, int r) {
    if (isZero(s, b)) {
      setLong(s, r, 0);
      return;
    }
    BigInteger x = toSigned(s, a);
    BigInteger y = toSigned(s, b);
    fromBig(s, r, x.divide(y).and(MASK_256));
  }

  /** Signed remainder with the sign of the dividend; x % 0 = 0. */
  static void smod(long[] s, int a, int b, int r) {
    if (isZero(s, b)) {
      setLong(s, r, 0);
      return;
    }
    BigInteger x = toSigned(s, a);
    BigInteger y = toSigned(s, b);
    fromBig(s, r, x.abs().mod(y.abs()).multiply(BigInteger.valueOf(x.signum() < 0 ? -1 : 1)).and(MASK_256));
  }

  static void addmod(long[] s, int a, int b, int n, int r) {
    if (isZero(s, n)) {
      setLong(s, r, 0);
      return;
    }
    fromBig(s, r, toBig(s, a).add(toBig(s, b)).mod(toBig(s, n)));
  }

  static void mulmod(long[] s, int a, int b, int n, int r) {
    if (isZero(s, n)) {
      setLong(s, r, 0);
      return;
    }
    fromBig(s, r, toBig(s, a).multiply(toBig(s, b)).mod(toBig(s, n)));
  }

  static void exp(long[] s, int base, int exponent, int r) {
    if (isZero(s, exponent)) {
      setLong(s, r, 1);
    } else if (isZero(s, base)) {
      setLong(s, r, 0);
    } else {
      fromBig(s, r, toBig(s, base).modPow(toBig(s, exponent), TWO_256));
    }
  }

  /** Bytes needed for the exponent: EXP charges 50 gas per byte. */
  static int byteLength(long[] s, int a) {
    for (int i = 0; i < 4; i++) {
      if (s[a + i] != 0) return (3 - i) * 8 + (64 - Long.numberOfLeadingZeros(s[a + i]) + 7) / 8;
    }
    return 0;
  }

  /** SIGNEXTEND: extends the sign of byte {@code k} (counted from the least significant) of x. */
  static void signExtend(long[] s, int k, int x, int r) {
    if (!fitsUnsignedLong(s, k) || Long.compareUnsigned(s[k + 3], 31) >= 0) {
      System.arraycopy(s, x, s, r, 4);
      return;
    }
    int bit = (int) s[k + 3] * 8 + 7; // index of the sign bit from the least significant end
    int limb = 3 - bit / 64;
    int within = bit % 64;
    boolean negative = ((s[x + limb] >>> within) & 1) == 1;
    long[] v = {s[x], s[x + 1], s[x + 2], s[x + 3]};
    long mask = within == 63 ? -1L : (1L << (within + 1)) - 1;
    v[limb] = negative ? v[limb] | ~mask : v[limb] & mask;
    for (int i = 0; i < limb; i++) v[i] = negative ? -1L : 0;
    set(s, r, v[0], v[1], v[2], v[3]);
  }

  /** BYTE: the i-th byte of x counted from the most significant, or 0. */
  static void byteAt(long[] s, int i, int x, int r) {
    if (!fitsUnsignedLong(s, i) || Long.compareUnsigned(s[i + 3], 32) >= 0) {
      setLong(s, r, 0);
      return;
    }
    int n = (int) s[i + 3];
    long limb = s[x + n / 8];
    setLong(s, r, (limb >>> (56 - 8 * (n % 8))) & 0xFF);
  }

  static void shl(long[] s, int shift, int x, int r) {
    if (!fitsUnsignedLong(s, shift) || Long.compareUnsigned(s[shift + 3], 256) >= 0) {
      setLong(s, r, 0);
      return;
    }
    int n = (int) s[shift + 3];
    long[] v = {s[x], s[x + 1], s[x + 2], s[x + 3]};
    long[] out = new long[4];
    int limbs = n / 64;
    int bits = n % 64;
    for (int i = 0; i < 4; i++) {
      int src = i + limbs;
      if (src > 3) break;
      long hi = v[src] << bits;
      long lo = bits != 0 && src + 1 <= 3 ? v[src + 1] >>> (64 - bits) : 0;
      out[i] = hi | lo;
    }
    set(s, r, out[0], out[1], out[2], out[3]);
  }

  static void shr(long[] s, int shift, int x, int r) {
    if (!fitsUnsignedLong(s, shift) || Long.compareUnsigned(s[shift + 3], 256) >= 0) {
      setLong(s, r, 0);
      return;
    }
    shiftRight(s, (int) s[shift + 3], x, r, 0);
  }

  static void sar(long[] s, int shift, int x, int r) {
    long fill = s[x] < 0 ? -1L : 0;
    if (!fitsUnsignedLong(s, shift) || Long.compareUnsigned(s[shift + 3], 256) >= 0) {
      set(s, r, fill, fill, fill, fill);
      return;
    }
    shiftRight(s, (int) s[shift + 3], x, r, fill);
  }

  private static void shiftRight(long[] s, int n, int x, int r, long fill) {
    long[] v = {s[x], s[x + 1], s[x + 2], s[x + 3]};
    long[] out = new long[4];
    int limbs = n / 64;
    int bits = n % 64;
    for (int i = 3; i >= 0; i--) {
      int src = i - limbs;
      long cur = src >= 0 ? v[src] : fill;
      long prev = src - 1 >= 0 ? v[src - 1] : fill;
      out[i] = bits == 0 ? cur : (cur >>> bits) | (prev << (64 - bits));
    }
    set(s, r, out[0], out[1], out[2], out[3]);
  }

  static BigInteger toBig(long[] s, int a) {
    byte[] b = new byte[33];
    for (int i = 0; i < 4; i++) {
      long v = s[a + i];
      for (int j = 0; j < 8; j++) b[1 + i * 8 + j] = (byte) (v >>> (56 - 8 * j));
    }
    return new BigInteger(b);
  }

  private static BigInteger toSigned(long[] s, int a) {
    BigInteger v = toBig(s, a);
    return s[a] < 0 ? v.subtract(TWO_256) : v;
  }

  static void fromBig(long[] s, int r, BigInteger v) {
    BigInteger m = v.signum() < 0 || v.bitLength() > 256 ? v.and(MASK_256) : v;
    s[r + 3] = m.longValue();
    s[r + 2] = m.shiftRight(64).longValue();
    s[r + 1] = m.shiftRight(128).longValue();
    s[r] = m.shiftRight(192).longValue();
  }

  /** Writes the word as 32 big-endian bytes. */
  static void toBytes(long[] s, int a, byte[] out, int off) {
    for (int i = 0; i < 4; i++) {
      long v = s[a + i];
      for (int j = 0; j < 8; j++) out[off + i * 8 + j] = (byte) (v >>> (56 - 8 * j));
    }
  }

  /** Reads {@code len} (≤ 32) big-endian bytes, right-aligned, zero-padding bytes beyond {@code src.length}. */
  static void fromBytes(long[] s, int r, byte[] src, int off, int len) {
    long v3 = 0, v2 = 0, v1 = 0, v0 = 0;
    for (int k = 0; k < len; k++) {
      int idx = off + k;
      long b = idx < src.length ? src[idx] & 0xFF : 0;
      int pos = len - 1 - k; // byte position from the least significant end
      int limb = pos / 8;
      long shifted = b << (8 * (pos % 8));
      switch (limb) {
        case 0 -> v0 |= shifted;
        case 1 -> v1 |= shifted;
        case 2 -> v2 |= shifted;
        default -> v3 |= shifted;
      }
    }
    set(s, r, v3, v2, v1, v0);
  }
}
