package dev.opal.rlp;

import dev.opal.types.Address;
import dev.opal.types.Bytes;
import dev.opal.types.Hash;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;

/**
 * RLP encoding (Ethereum Yellow Paper, appendix B). Encoders return the complete encoding of one
 * item; {@link #list} wraps items that are already encoded.
 */
public final class Rlp {
  /** The encoding of the empty string, which is also the encoding of the integer zero. */
  public static final byte[] EMPTY_STRING = {(byte) 0x80};
  /** The encoding of the empty list. */
  public static final byte[] EMPTY_LIST = {(byte) 0xc0};

  private Rlp() {}

  public static byte[] bytes(byte[] value) {
    if (value.length == 1 && (value[0] & 0xFF) < 0x80) return new byte[] {value[0]};
    byte[] out = header(0x80, value.length, value.length);
    System.arraycopy(value, 0, out, out.length - value.length, value.length);
    return out;
  }

  public static byte[] bytes(Bytes value) {
    return bytes(value.toArrayUnsafe());
  }

  public static byte[] hash(Hash value) {
    return bytes(value.toArrayUnsafe());
  }

  public static byte[] address(Address value) {
    return bytes(value.toArrayUnsafe());
  }

  /** An unsigned integer: big-endian with no leading zero bytes; zero is the empty string. */
  public static byte[] uint(long value) {
    if (value == 0) return EMPTY_STRING.clone();
    int len = 8 - Long.numberOfLeadingZeros(value) / 8;
    byte[] be = new byte[len];
    for (int i = len - 1; i >= 0; i--) {
      be[i] = (byte) value;
      value >>>= 8;
    }
    return bytes(be);
  }

  public static byte[] uint(BigInteger value) {
    if (value.signum() < 0) throw new IllegalArgumentException("negative integer: " + value);
    return bytes(unsignedBytes(value));
  }

  /** Minimal big-endian bytes of a non-negative integer (empty for zero). */
  public static byte[] unsignedBytes(BigInteger value) {
    if (value.signum() == 0) return new byte[0];
    byte[] be = value.toByteArray();
    if (be[0] == 0) {
      byte[] trimmed = new byte[be.length - 1];
      System.arraycopy(be, 1, trimmed, 0, trimmed.length);
      return trimmed;
    }
    return be;
  }

  /** A list of already-encoded items. */
  public static byte[] list(byte[]... encodedItems) {
    int payload = 0;
    for (byte[] item : encodedItems) payload += item.length;
    byte[] out = header(0xc0, payload, payload);
    int pos = out.length - payload;
    for (byte[] item : encodedItems) {
      System.arraycopy(item, 0, out, pos, item.length);
      pos += item.length;
    }
    return out;
  }

  /**
   * An array holding the header of a list whose payload is {@code payloadLength} bytes, with the
   * payload's room left at its end for the caller to fill: for encoders that write items in place.
   */
  public static byte[] listBuffer(int payloadLength) {
    return header(0xc0, payloadLength, payloadLength);
  }

  /** A list of already-encoded items. */
  public static byte[] list(java.util.List<byte[]> encodedItems) {
    return list(encodedItems.toArray(new byte[0][]));
  }

  /** Returns an array of length header+extra with the header written at the front. */
  private static byte[] header(int offset, int length, int extra) {
    if (length < 56) {
      byte[] out = new byte[1 + extra];
      out[0] = (byte) (offset + length);
      return out;
    }
    int lenBytes = 4 - Integer.numberOfLeadingZeros(length) / 8;
    byte[] out = new byte[1 + lenBytes + extra];
    out[0] = (byte) (offset + 55 + lenBytes);
    for (int i = lenBytes; i >= 1; i--) {
      out[i] = (byte) length;
      length >>>= 8;
    }
    return out;
  }

  /** Concatenates byte arrays (typed transaction envelopes: type byte then payload). */
  public static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) out.writeBytes(p);
    return out.toByteArray();
  }

  /** A reader over a complete RLP item; {@link RlpReader#ensureDone()} rejects trailing bytes. */
  public static RlpReader reader(byte[] encoded) {
    return new RlpReader(encoded, 0, encoded.length);
  }

  /** A reader over the RLP items from {@code offset} to the end of {@code data}, for formats that embed RLP in a byte stream. */
  public static RlpReader reader(byte[] data, int offset) {
    if (offset < 0 || offset > data.length) throw new IndexOutOfBoundsException("offset " + offset + " outside 0.." + data.length);
    return new RlpReader(data, offset, data.length);
  }
}
