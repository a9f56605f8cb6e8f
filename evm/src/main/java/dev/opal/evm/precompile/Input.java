package dev.opal.evm.precompile;

import java.math.BigInteger;
import java.util.Arrays;

/** Reading precompile input as the EVM defines it: bytes past the end of the call data read as zero. */
final class Input {
  private Input() {}

  /** {@code length} bytes from {@code offset}, zero-padded. */
  static byte[] slice(byte[] input, long offset, int length) {
    byte[] out = new byte[length];
    if (offset < input.length) System.arraycopy(input, (int) offset, out, 0, (int) Math.min(length, input.length - offset));
    return out;
  }

  static BigInteger uint(byte[] input, long offset, int length) {
    return new BigInteger(1, slice(input, offset, length));
  }

  static byte[] leftPad(byte[] value, int size) {
    if (value.length == size) return value;
    if (value.length > size) return Arrays.copyOfRange(value, value.length - size, value.length);
    byte[] out = new byte[size];
    System.arraycopy(value, 0, out, size - value.length, value.length);
    return out;
  }

  /** A non-negative integer as exactly {@code size} big-endian bytes. */
  static byte[] toBytes(BigInteger v, int size) {
    byte[] b = v.toByteArray();
    if (b.length > size && b[0] == 0) b = Arrays.copyOfRange(b, 1, b.length);
    return leftPad(b, size);
  }

  static long words(long bytes) {
    return (bytes + 31) / 32;
  }
}
