package dev.opal.trie;

import java.util.Arrays;

/** Trie paths as arrays of 4-bit nibbles, and the hex-prefix encoding (Yellow Paper appendix C). */
final class Nibbles {
  static final byte[] EMPTY = new byte[0];

  private Nibbles() {}

  static byte[] fromKey(byte[] key) {
    byte[] out = new byte[key.length * 2];
    for (int i = 0; i < key.length; i++) {
      out[2 * i] = (byte) ((key[i] >> 4) & 0x0F);
      out[2 * i + 1] = (byte) (key[i] & 0x0F);
    }
    return out;
  }

  /** Packs an even-length nibble path back into bytes. */
  static byte[] toKey(byte[] nibbles) {
    byte[] out = new byte[nibbles.length / 2];
    for (int i = 0; i < out.length; i++) out[i] = (byte) ((nibbles[2 * i] << 4) | nibbles[2 * i + 1]);
    return out;
  }

  /** Hex-prefix encoding: a flag nibble (2 for leaves, +1 for odd length) then the path. */
  static byte[] hexPrefix(byte[] path, boolean leaf) {
    boolean odd = (path.length & 1) == 1;
    byte[] out = new byte[path.length / 2 + 1];
    int flag = (leaf ? 2 : 0) + (odd ? 1 : 0);
    int i = 0;
    if (odd) {
      out[0] = (byte) ((flag << 4) | path[0]);
      i = 1;
    } else {
      out[0] = (byte) (flag << 4);
    }
    for (int o = 1; i < path.length; i += 2, o++) out[o] = (byte) ((path[i] << 4) | path[i + 1]);
    return out;
  }

  /** Decodes a hex-prefix encoded path; {@code isLeaf[0]} receives the leaf flag. */
  static byte[] fromHexPrefix(byte[] encoded, boolean[] isLeaf) {
    if (encoded.length == 0) throw new IllegalArgumentException("empty hex-prefix path");
    int flag = (encoded[0] >> 4) & 0x0F;
    if (flag > 3) throw new IllegalArgumentException("invalid hex-prefix flag " + flag);
    isLeaf[0] = flag >= 2;
    boolean odd = (flag & 1) == 1;
    byte[] all = fromKey(encoded);
    return Arrays.copyOfRange(all, odd ? 1 : 2, all.length);
  }

  static int commonPrefix(byte[] a, int aOff, byte[] b) {
    int n = Math.min(a.length - aOff, b.length);
    int i = 0;
    while (i < n && a[aOff + i] == b[i]) i++;
    return i;
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  static byte[] prepend(int nibble, byte[] path) {
    byte[] out = new byte[path.length + 1];
    out[0] = (byte) nibble;
    System.arraycopy(path, 0, out, 1, path.length);
    return out;
  }
}
