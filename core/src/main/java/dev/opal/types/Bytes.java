package dev.opal.types;

import java.util.Arrays;

/** An immutable sequence of bytes with value equality. */
public final class Bytes implements Comparable<Bytes> {
  public static final Bytes EMPTY = new Bytes(new byte[0]);

  private final byte[] bytes;

  private Bytes(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Copies the array. */
  public static Bytes of(byte... bytes) {
    return bytes.length == 0 ? EMPTY : new Bytes(bytes.clone());
  }

  /** Takes ownership of the array: the caller must not modify it afterwards. */
  public static Bytes wrap(byte[] bytes) {
    return bytes.length == 0 ? EMPTY : new Bytes(bytes);
  }

  public static Bytes fromHex(String hex) {
    return wrap(Hex.decode(hex));
  }

  public int size() {
    return bytes.length;
  }

  public boolean isEmpty() {
    return bytes.length == 0;
  }

  public byte get(int index) {
    return bytes[index];
  }

  /** A fresh copy of the contents. */
  public byte[] toArray() {
    return bytes.clone();
  }

  /** The backing array, for hot paths that promise not to modify it. */
  public byte[] toArrayUnsafe() {
    return bytes;
  }

  public Bytes slice(int from, int length) {
    return wrap(Arrays.copyOfRange(bytes, from, from + length));
  }

  public Bytes concat(Bytes other) {
    byte[] out = Arrays.copyOf(bytes, bytes.length + other.bytes.length);
    System.arraycopy(other.bytes, 0, out, bytes.length, other.bytes.length);
    return wrap(out);
  }

  public String toHex() {
    return Hex.encode(bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Bytes b && Arrays.equals(bytes, b.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public int compareTo(Bytes o) {
    return Arrays.compareUnsigned(bytes, o.bytes);
  }

  @Override
  public String toString() {
    return toHex();
  }
}
