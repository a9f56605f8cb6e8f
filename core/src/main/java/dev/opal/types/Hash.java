package dev.opal.types;

import java.util.Arrays;

/** A 32-byte hash (block hash, transaction hash, state root, storage key...). */
public final class Hash implements Comparable<Hash> {
  public static final int SIZE = 32;
  public static final Hash ZERO = new Hash(new byte[SIZE]);

  private final byte[] bytes;
  private int hash;

  private Hash(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Copies exactly 32 bytes. */
  public static Hash of(byte[] bytes) {
    if (bytes.length != SIZE) {
      throw new IllegalArgumentException("hash must be 32 bytes, got " + bytes.length);
    }
    return new Hash(bytes.clone());
  }

  /** Takes ownership of a 32-byte array. */
  public static Hash wrap(byte[] bytes) {
    if (bytes.length != SIZE) {
      throw new IllegalArgumentException("hash must be 32 bytes, got " + bytes.length);
    }
    return new Hash(bytes);
  }

  public static Hash fromHex(String hex) {
    return new Hash(Hex.decode(hex, SIZE));
  }

  public byte[] toArray() {
    return bytes.clone();
  }

  /** The backing array, for hot paths that promise not to modify it. */
  public byte[] toArrayUnsafe() {
    return bytes;
  }

  public Bytes toBytes() {
    return Bytes.of(bytes);
  }

  public boolean isZero() {
    for (byte b : bytes) if (b != 0) return false;
    return true;
  }

  public String toHex() {
    return Hex.encode(bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Hash h && Arrays.equals(bytes, h.bytes);
  }

  @Override
  public int hashCode() {
    int h = hash;
    if (h == 0) {
      h = Arrays.hashCode(bytes);
      hash = h;
    }
    return h;
  }

  @Override
  public int compareTo(Hash o) {
    return Arrays.compareUnsigned(bytes, o.bytes);
  }

  @Override
  public String toString() {
    return toHex();
  }
}
