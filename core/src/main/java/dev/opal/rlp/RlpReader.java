package dev.opal.rlp;

import dev.opal.types.Address;
import dev.opal.types.Bytes;
import dev.opal.types.Hash;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * A strict, sequential RLP reader over a region of a byte array. It rejects every non-canonical
 * form: a single byte below 0x80 wrapped as a string, a long-form length under 56, a length with
 * leading zeros, items that overrun their container, and integers with leading zero bytes.
 */
public final class RlpReader {
  private final byte[] data;
  private final int end;
  private int pos;

  RlpReader(byte[] data, int start, int end) {
    this.data = data;
    this.pos = start;
    this.end = end;
  }

  public boolean hasNext() {
    return pos < end;
  }

  /** True if the next item is a list. */
  public boolean nextIsList() {
    requireMore();
    return (data[pos] & 0xFF) >= 0xc0;
  }

  /** Enters the next item, which must be a list, and returns a reader over its payload. */
  public RlpReader enterList() {
    Item item = next();
    if (!item.list) throw new RlpException("expected a list, found a string at offset " + item.start);
    return new RlpReader(data, item.payloadStart, item.end);
  }

  /** The next item, which must be a string. */
  public byte[] readBytes() {
    Item item = next();
    if (item.list) throw new RlpException("expected a string, found a list at offset " + item.start);
    return Arrays.copyOfRange(data, item.payloadStart, item.end);
  }

  public Bytes readBytesValue() {
    return Bytes.wrap(readBytes());
  }

  /** The complete encoding (header included) of the next item. */
  public byte[] readRaw() {
    Item item = next();
    return Arrays.copyOfRange(data, item.start, item.end);
  }

  public Hash readHash() {
    byte[] b = readBytes();
    if (b.length != 32) throw new RlpException("expected 32 bytes, found " + b.length);
    return Hash.wrap(b);
  }

  public Address readAddress() {
    byte[] b = readBytes();
    if (b.length != 20) throw new RlpException("expected 20 bytes, found " + b.length);
    return Address.of(b);
  }

  /** An unsigned integer that must fit in 64 bits (as an unsigned long). */
  public long readLong() {
    byte[] b = readUIntBytes();
    if (b.length > 8) throw new RlpException("integer does not fit in 64 bits: " + b.length + " bytes");
    long v = 0;
    for (byte x : b) v = (v << 8) | (x & 0xFF);
    return v;
  }

  public BigInteger readBigInteger() {
    byte[] b = readUIntBytes();
    return b.length == 0 ? BigInteger.ZERO : new BigInteger(1, b);
  }

  /** An unsigned integer's minimal big-endian bytes: leading zeros are rejected. */
  public byte[] readUIntBytes() {
    byte[] b = readBytes();
    if (b.length > 0 && b[0] == 0) throw new RlpException("integer has leading zero bytes");
    return b;
  }

  public void skip() {
    next();
  }

  /** Where the next item starts in the array this reader reads. */
  public int position() {
    return pos;
  }

  /** Rejects trailing bytes after the last item. */
  public void ensureDone() {
    if (pos != end) throw new RlpException((end - pos) + " trailing bytes after RLP item");
  }

  private void requireMore() {
    if (pos >= end) throw new RlpException("unexpected end of RLP input at offset " + pos);
  }

  private record Item(boolean list, int start, int payloadStart, int end) {}

  private Item next() {
    requireMore();
    int start = pos;
    int prefix = data[pos] & 0xFF;
    Item item;
    if (prefix < 0x80) {
      item = new Item(false, start, start, start + 1);
    } else if (prefix <= 0xb7) {
      int len = prefix - 0x80;
      if (len == 1) {
        checkAvailable(start + 1, 1);
        if ((data[start + 1] & 0xFF) < 0x80) {
          throw new RlpException("single byte below 0x80 must not be string-encoded at offset " + start);
        }
      }
      item = new Item(false, start, start + 1, checkAvailable(start + 1, len));
    } else if (prefix <= 0xbf) {
      int lenOfLen = prefix - 0xb7;
      int len = readLength(start + 1, lenOfLen);
      int payload = start + 1 + lenOfLen;
      item = new Item(false, start, payload, checkAvailable(payload, len));
    } else if (prefix <= 0xf7) {
      int len = prefix - 0xc0;
      item = new Item(true, start, start + 1, checkAvailable(start + 1, len));
    } else {
      int lenOfLen = prefix - 0xf7;
      int len = readLength(start + 1, lenOfLen);
      int payload = start + 1 + lenOfLen;
      item = new Item(true, start, payload, checkAvailable(payload, len));
    }
    pos = item.end;
    return item;
  }

  private int readLength(int at, int lenOfLen) {
    checkAvailable(at, lenOfLen);
    if (data[at] == 0) throw new RlpException("length has leading zeros at offset " + at);
    if (lenOfLen > 4) throw new RlpException("length of " + lenOfLen + " bytes is too large");
    long len = 0;
    for (int i = 0; i < lenOfLen; i++) len = (len << 8) | (data[at + i] & 0xFF);
    if (len < 56) throw new RlpException("long-form length " + len + " must be at least 56");
    if (len > Integer.MAX_VALUE) throw new RlpException("length " + len + " is too large");
    return (int) len;
  }

  private int checkAvailable(int from, int len) {
    if (len < 0 || (long) from + len > end) {
      throw new RlpException("RLP item of length " + len + " at offset " + from + " overruns its container");
    }
    return from + len;
  }
}
