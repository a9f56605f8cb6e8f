package dev.opal.node.derive;

import dev.opal.crypto.Kzg;

/**
 * The OP Stack's blob encoding, version 0 (specs: protocol/derivation.md, "Blob Encoding"). A blob
 * is 4096 field elements of 32 bytes; the top two bits of each must stay zero to keep it below the
 * BLS modulus. The encoder reads a stream of {@code version(1) ‖ length(3, big-endian) ‖ data} in
 * 1024 rounds of 127 bytes, each round filling four field elements: bytes 1..31 of each element take
 * 31 stream bytes in turn, and the three stream bytes between them (x after the first 31, y after
 * the second, z after the third) are spread over the four leading bytes, six bits each:
 * {@code e0 = x & 0x3f}, {@code e1 = (y & 0x0f) | (x & 0xc0) >> 2}, {@code e2 = z & 0x3f},
 * {@code e3 = (z & 0xc0) >> 2 | (y & 0xf0) >> 4}.
 */
public final class BlobData {
  public static final int BLOB_SIZE = Kzg.BYTES_PER_BLOB;
  public static final int ROUNDS = 1024;
  private static final int ROUND_BYTES = 4 * 31 + 3;
  private static final int HEADER = 4;
  /** The most data one blob holds: (4·31+3)·1024 − 4 = 130,044 bytes. */
  public static final int MAX_DATA_SIZE = ROUND_BYTES * ROUNDS - HEADER;
  public static final int ENCODING_VERSION = 0;

  private BlobData() {}

  /** A blob that cannot be decoded; derivation ignores such a blob. */
  public static final class InvalidBlobException extends RuntimeException {
    InvalidBlobException(String message) {
      super(message);
    }
  }

  public static byte[] encode(byte[] data) {
    if (data.length > MAX_DATA_SIZE) throw new IllegalArgumentException(data.length + " bytes do not fit one blob (" + MAX_DATA_SIZE + " at most)");
    byte[] stream = new byte[HEADER + data.length];
    stream[0] = ENCODING_VERSION;
    stream[1] = (byte) (data.length >>> 16);
    stream[2] = (byte) (data.length >>> 8);
    stream[3] = (byte) data.length;
    System.arraycopy(data, 0, stream, HEADER, data.length);
    byte[] blob = new byte[BLOB_SIZE];
    int rounds = (stream.length + ROUND_BYTES - 1) / ROUND_BYTES;
    for (int r = 0; r < rounds; r++) {
      int in = r * ROUND_BYTES;
      int out = r * 128;
      int x = at(stream, in + 31), y = at(stream, in + 63), z = at(stream, in + 95);
      blob[out] = (byte) (x & 0x3f);
      blob[out + 32] = (byte) ((y & 0x0f) | (x & 0xc0) >> 2);
      blob[out + 64] = (byte) (z & 0x3f);
      blob[out + 96] = (byte) ((z & 0xc0) >> 2 | (y & 0xf0) >> 4);
      for (int e = 0; e < 4; e++) copy31(stream, in + e * 32, blob, out + e * 32 + 1);
    }
    return blob;
  }

  /** The data a blob encodes; throws {@link InvalidBlobException} for any deviation from the encoding. */
  public static byte[] decode(byte[] blob) {
    if (blob.length != BLOB_SIZE) throw new InvalidBlobException("blob of " + blob.length + " bytes (must be " + BLOB_SIZE + ")");
    if (blob[1] != ENCODING_VERSION) throw new InvalidBlobException("blob encoding version " + (blob[1] & 0xff) + " (expected 0)");
    byte[] stream = new byte[ROUND_BYTES * ROUNDS];
    for (int r = 0; r < ROUNDS; r++) {
      int in = r * 128;
      int out = r * ROUND_BYTES;
      for (int e = 0; e < 4; e++) {
        if ((blob[in + e * 32] & 0xc0) != 0) throw new InvalidBlobException("field element " + (4 * r + e) + " has its top bits set");
        System.arraycopy(blob, in + e * 32 + 1, stream, out + e * 32, 31);
      }
      int e0 = blob[in], e1 = blob[in + 32], e2 = blob[in + 64], e3 = blob[in + 96];
      stream[out + 31] = (byte) ((e0 & 0x3f) | (e1 & 0x30) << 2);
      stream[out + 63] = (byte) ((e1 & 0x0f) | (e3 & 0x0f) << 4);
      stream[out + 95] = (byte) ((e2 & 0x3f) | (e3 & 0x30) << 2);
    }
    int length = (stream[1] & 0xff) << 16 | (stream[2] & 0xff) << 8 | (stream[3] & 0xff);
    if (length > MAX_DATA_SIZE) throw new InvalidBlobException("blob data length " + length + " exceeds " + MAX_DATA_SIZE);
    for (int i = HEADER + length; i < stream.length; i++) {
      if (stream[i] != 0) throw new InvalidBlobException("non-zero data after the blob's " + length + " bytes");
    }
    byte[] data = new byte[length];
    System.arraycopy(stream, HEADER, data, 0, length);
    return data;
  }

  private static int at(byte[] stream, int i) {
    return i < stream.length ? stream[i] & 0xff : 0;
  }

  private static void copy31(byte[] stream, int from, byte[] blob, int to) {
    int n = Math.min(31, stream.length - from);
    if (n > 0) System.arraycopy(stream, from, blob, to, n);
  }
}
