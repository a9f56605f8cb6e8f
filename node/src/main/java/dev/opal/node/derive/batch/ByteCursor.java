package dev.opal.node.derive.batch;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * Reading and writing the span batch's primitive fields (OP specs protocol/delta/span-batches.md):
 * unsigned LEB128 varints as Go's {@code encoding/binary} writes them, fixed-size byte strings, and
 * bitlists (a big-endian integer of {@code ceil(n/8)} bytes whose bit i belongs to element i).
 * Running out of input or an over-long varint is a {@link BatchDecodeException}.
 */
final class ByteCursor {
  private static final int MAX_UVARINT_BYTES = 10;

  private final byte[] data;
  private int pos;

  ByteCursor(byte[] data) {
    this.data = data;
  }

  byte[] data() {
    return data;
  }

  int position() {
    return pos;
  }

  void skip(int n) {
    need(n);
    pos += n;
  }

  int remaining() {
    return data.length - pos;
  }

  boolean atEnd() {
    return pos == data.length;
  }

  long uvarint(String field) {
    long value = 0;
    for (int i = 0, shift = 0; i < MAX_UVARINT_BYTES; i++, shift += 7) {
      if (pos >= data.length) throw new BatchDecodeException("truncated " + field);
      int b = data[pos++] & 0xff;
      if (i == MAX_UVARINT_BYTES - 1 && b > 1) throw new BatchDecodeException(field + " overflows 64 bits");
      value |= (long) (b & 0x7f) << shift;
      if (b < 0x80) return value;
    }
    throw new BatchDecodeException(field + " overflows 64 bits");
  }

  byte[] bytes(int n, String field) {
    if (n > remaining()) throw new BatchDecodeException("truncated " + field);
    byte[] out = Arrays.copyOfRange(data, pos, pos + n);
    pos += n;
    return out;
  }

  /** A bitlist of {@code n} bits; a set bit at or above {@code n} is malformed. */
  boolean[] bits(long n, String field) {
    int len = (int) ((n + 7) / 8);
    byte[] raw = bytes(len, field);
    if (len > 0 && n % 8 != 0 && (raw[0] & 0xff) >>> (n % 8) != 0) throw new BatchDecodeException(field + " has bits beyond its " + n + " elements");
    boolean[] out = new boolean[(int) n];
    for (int i = 0; i < n; i++) out[i] = (raw[len - 1 - i / 8] >>> (i % 8) & 1) == 1;
    return out;
  }

  private void need(int n) {
    if (n > remaining()) throw new BatchDecodeException("truncated span batch");
  }

  static void writeUvarint(ByteArrayOutputStream out, long value) {
    while (Long.compareUnsigned(value, 0x80) >= 0) {
      out.write((int) (value & 0x7f) | 0x80);
      value >>>= 7;
    }
    out.write((int) value);
  }

  static void writeBits(ByteArrayOutputStream out, boolean[] bits) {
    int len = (bits.length + 7) / 8;
    byte[] raw = new byte[len];
    for (int i = 0; i < bits.length; i++) if (bits[i]) raw[len - 1 - i / 8] |= (byte) (1 << (i % 8));
    out.writeBytes(raw);
  }
}
