package dev.opal.block;

import dev.opal.crypto.Keccak;
import dev.opal.types.Address;
import dev.opal.types.Bytes;
import dev.opal.types.Hash;
import java.util.Arrays;

/**
 * The 2048-bit log bloom filter (Yellow Paper §4.3.1): each address and topic sets three bits,
 * taken from the low 11 bits of the first three byte pairs of its keccak.
 */
public final class Bloom {
  public static final int SIZE = 256;
  public static final Bytes EMPTY = Bytes.wrap(new byte[SIZE]);

  private final byte[] bits = new byte[SIZE];

  public static Bloom of(Iterable<Log> logs) {
    Bloom b = new Bloom();
    for (Log log : logs) b.add(log);
    return b;
  }

  public Bloom add(Log log) {
    addEntry(log.address().toArrayUnsafe());
    for (Hash topic : log.topics()) addEntry(topic.toArrayUnsafe());
    return this;
  }

  public Bloom or(Bytes other) {
    byte[] o = other.toArrayUnsafe();
    for (int i = 0; i < SIZE; i++) bits[i] |= o[i];
    return this;
  }

  public boolean mayContain(Address address) {
    return mayContain(address.toArrayUnsafe());
  }

  public boolean mayContain(Hash topic) {
    return mayContain(topic.toArrayUnsafe());
  }

  public Bytes toBytes() {
    return Bytes.wrap(bits.clone());
  }

  private void addEntry(byte[] entry) {
    byte[] h = Keccak.hash(entry);
    for (int i = 0; i < 6; i += 2) {
      int bit = ((h[i] & 0x07) << 8) | (h[i + 1] & 0xFF);
      bits[SIZE - 1 - bit / 8] |= (byte) (1 << (bit % 8));
    }
  }

  private boolean mayContain(byte[] entry) {
    Bloom probe = new Bloom();
    probe.addEntry(entry);
    for (int i = 0; i < SIZE; i++) if ((bits[i] & probe.bits[i]) != probe.bits[i]) return false;
    return true;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Bloom b && Arrays.equals(bits, b.bits);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bits);
  }
}
