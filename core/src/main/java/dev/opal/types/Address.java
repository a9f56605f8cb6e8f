package dev.opal.types;

import java.util.Arrays;

/** A 20-byte account address. */
public final class Address implements Comparable<Address> {
  public static final int SIZE = 20;
  public static final Address ZERO = new Address(new byte[SIZE]);

  private final byte[] bytes;
  private final int hash;

  private Address(byte[] bytes) {
    this.bytes = bytes;
    this.hash = Arrays.hashCode(bytes);
  }

  /** Copies exactly 20 bytes. */
  public static Address of(byte[] bytes) {
    if (bytes.length != SIZE) {
      throw new IllegalArgumentException("address must be 20 bytes, got " + bytes.length);
    }
    return new Address(bytes.clone());
  }

  public static Address fromHex(String hex) {
    return new Address(Hex.decode(hex, SIZE));
  }

  /** The low 20 bytes of a 32-byte word, as the EVM and keccak-derived addresses use. */
  public static Address fromWord(byte[] word32) {
    return new Address(Arrays.copyOfRange(word32, word32.length - SIZE, word32.length));
  }

  public byte[] toArray() {
    return bytes.clone();
  }

  /** The backing array, for hot paths that promise not to modify it. */
  public byte[] toArrayUnsafe() {
    return bytes;
  }

  public String toHex() {
    return Hex.encode(bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Address a && Arrays.equals(bytes, a.bytes);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public int compareTo(Address o) {
    return Arrays.compareUnsigned(bytes, o.bytes);
  }

  @Override
  public String toString() {
    return toHex();
  }
}
