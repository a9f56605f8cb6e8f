package dev.opal.types;

import java.util.Arrays;

/**
 * A byte array as a hash-map key: compared by content, its hash computed once (maps rehash their
 * keys as they grow). The array must not change while it is a key.
 */
public record ByteKey(byte[] bytes, int hash) {
  public static ByteKey of(byte[] bytes) {
    return new ByteKey(bytes, Arrays.hashCode(bytes));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ByteKey k && k.hash == hash && Arrays.equals(k.bytes, bytes);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    return "ByteKey(" + bytes.length + " bytes)";
  }
}
