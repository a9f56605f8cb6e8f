package dev.opal.types;

import java.math.BigInteger;

/**
 * An immutable unsigned 256-bit integer held as four 64-bit limbs, most significant first.
 * Arithmetic wraps modulo 2^256 as the EVM's does.
 */
public final class UInt256 implements Comparable<UInt256> {
  public static final UInt256 ZERO = new UInt256(0, 0, 0, 0);
  public static final UInt256 ONE = new UInt256(0, 0, 0, 1);
  public static final UInt256 MAX = new UInt256(-1L, -1L, -1L, -1L);
  private static final BigInteger TWO_256 = BigInteger.ONE.shiftLeft(256);

  /** Limbs, u3 most significant. */
  final long u3, u2, u1, u0;

  public UInt256(long u3, long u2, long u1, long u0) {
    this.u3 = u3;
    this.u2 = u2;
    this.u1 = u1;
    this.u0 = u0;
  }

  /** The unsigned value of a long. */
  public static UInt256 valueOf(long unsigned) {
    return unsigned == 0 ? ZERO : new UInt256(0, 0, 0, unsigned);
  }

  /** Big-endian bytes, at most 32 (shorter inputs are left-padded with zeros). */
  public static UInt256 fromBytes(byte[] be) {
    return fromBytes(be, 0, be.length);
  }

  public static UInt256 fromBytes(byte[] be, int offset, int length) {
    if (length > 32) throw new IllegalArgumentException("more than 32 bytes: " + length);
    long[] limbs = new long[4];
    for (int i = 0; i < length; i++) {
      int bytePos = length - 1 - i; // 0 = least significant
      limbs[3 - bytePos / 8] |= (be[offset + i] & 0xFFL) << (8 * (bytePos % 8));
    }
    return new UInt256(limbs[0], limbs[1], limbs[2], limbs[3]);
  }

  public static UInt256 fromBigInteger(BigInteger value) {
    if (value.signum() < 0 || value.bitLength() > 256) {
      throw new IllegalArgumentException("value out of uint256 range: " + value);
    }
    return new UInt256(
        value.shiftRight(192).longValue(),
        value.shiftRight(128).longValue(),
        value.shiftRight(64).longValue(),
        value.longValue());
  }

  /** Parses a hex QUANTITY or a 0x-prefixed hex string of up to 64 digits (fixtures pad with zeros). */
  public static UInt256 fromHexLenient(String hex) {
    String digits = hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
    if (digits.isEmpty()) return ZERO;
    BigInteger v = new BigInteger(digits, 16);
    return fromBigInteger(v);
  }

  public long u3() {
    return u3;
  }

  public long u2() {
    return u2;
  }

  public long u1() {
    return u1;
  }

  public long u0() {
    return u0;
  }

  public boolean isZero() {
    return (u3 | u2 | u1 | u0) == 0;
  }

  /** True if the value fits in an unsigned 64-bit long. */
  public boolean fitsLong() {
    return (u3 | u2 | u1) == 0;
  }

  /** The low 64 bits. */
  public long longValue() {
    return u0;
  }

  public BigInteger toBigInteger() {
    return new BigInteger(1, toBytes32());
  }

  /** 32 big-endian bytes. */
  public byte[] toBytes32() {
    byte[] out = new byte[32];
    writeTo(out, 0);
    return out;
  }

  /** Writes 32 big-endian bytes at {@code offset}. */
  public void writeTo(byte[] out, int offset) {
    putLong(out, offset, u3);
    putLong(out, offset + 8, u2);
    putLong(out, offset + 16, u1);
    putLong(out, offset + 24, u0);
  }

  private static void putLong(byte[] out, int at, long v) {
    for (int i = 7; i >= 0; i--) {
      out[at + i] = (byte) v;
      v >>>= 8;
    }
  }

  /** Big-endian bytes without leading zeros (empty for zero), as RLP integers are. */
  public byte[] toMinimalBytes() {
    byte[] full = toBytes32();
    int i = 0;
    while (i < 32 && full[i] == 0) i++;
    return java.util.Arrays.copyOfRange(full, i, 32);
  }

  public int bitLength() {
    if (u3 != 0) return 256 - Long.numberOfLeadingZeros(u3);
    if (u2 != 0) return 192 - Long.numberOfLeadingZeros(u2);
    if (u1 != 0) return 128 - Long.numberOfLeadingZeros(u1);
    return 64 - Long.numberOfLeadingZeros(u0);
  }

  public UInt256 add(UInt256 o) {
    long r0 = u0 + o.u0;
    long c = Long.compareUnsigned(r0, u0) < 0 ? 1 : 0;
    long r1 = u1 + o.u1 + c;
    c = (Long.compareUnsigned(r1, u1) < 0 || (c == 1 && r1 == u1)) ? 1 : 0;
    long r2 = u2 + o.u2 + c;
    c = (Long.compareUnsigned(r2, u2) < 0 || (c == 1 && r2 == u2)) ? 1 : 0;
    long r3 = u3 + o.u3 + c;
    return new UInt256(r3, r2, r1, r0);
  }

  public UInt256 subtract(UInt256 o) {
    long r0 = u0 - o.u0;
    long b = Long.compareUnsigned(u0, o.u0) < 0 ? 1 : 0;
    long r1 = u1 - o.u1 - b;
    b = (Long.compareUnsigned(u1, o.u1) < 0 || (b == 1 && u1 == o.u1)) ? 1 : 0;
    long r2 = u2 - o.u2 - b;
    b = (Long.compareUnsigned(u2, o.u2) < 0 || (b == 1 && u2 == o.u2)) ? 1 : 0;
    long r3 = u3 - o.u3 - b;
    return new UInt256(r3, r2, r1, r0);
  }

  /** Multiplication modulo 2^256. */
  public UInt256 multiply(UInt256 o) {
    return fromBigInteger(toBigInteger().multiply(o.toBigInteger()).mod(TWO_256));
  }

  @Override
  public int compareTo(UInt256 o) {
    int c = Long.compareUnsigned(u3, o.u3);
    if (c != 0) return c;
    c = Long.compareUnsigned(u2, o.u2);
    if (c != 0) return c;
    c = Long.compareUnsigned(u1, o.u1);
    if (c != 0) return c;
    return Long.compareUnsigned(u0, o.u0);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof UInt256 x && x.u0 == u0 && x.u1 == u1 && x.u2 == u2 && x.u3 == u3;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(u0) * 31 + Long.hashCode(u1 ^ u2 ^ u3);
  }

  /** QUANTITY hex (0x0 for zero). */
  public String toHexQuantity() {
    return Hex.encodeQuantity(toBigInteger());
  }

  /** Decimal. */
  @Override
  public String toString() {
    return fitsLong() && u0 >= 0 ? Long.toString(u0) : toBigInteger().toString();
  }
}
