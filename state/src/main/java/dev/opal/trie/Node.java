package dev.opal.trie;

import dev.opal.crypto.Keccak;
import dev.opal.rlp.Rlp;
import dev.opal.rlp.RlpReader;
import dev.opal.types.Hash;
import java.util.ArrayList;
import java.util.List;

/**
 * An immutable trie node. Updates build new nodes along the changed path and share the rest, so a
 * node's encoding and hash are computed at most once and cached. {@link Ref} stands for a node that
 * is still only a hash in the store and is loaded on first use.
 */
sealed abstract class Node permits Node.Leaf, Node.Extension, Node.Branch, Node.Ref {
  private byte[] encoded;
  private Hash hash;
  /** Set once the node (and everything under it) is in the node store. */
  boolean stored;

  abstract byte[] computeEncoding();

  final byte[] encoded() {
    byte[] e = encoded;
    if (e == null) encoded = e = computeEncoding();
    return e;
  }

  Hash hash() {
    Hash h = hash;
    if (h == null) hash = h = Keccak.hash256(encoded());
    return h;
  }

  /** Whether the hash is computed already (a node not changed since the trie was last hashed). */
  boolean hasHash() {
    return hash != null || encoded != null && encoded.length < 32;
  }

  /** How a parent refers to this node: inline when its encoding is under 32 bytes, else by hash. */
  byte[] reference() {
    byte[] e = encoded();
    return e.length < 32 ? e : Rlp.hash(hash());
  }

  /** The length of {@link #reference()}: the encoding itself, or 33 bytes (0xa0 and the hash). */
  int referenceLength() {
    byte[] e = encoded();
    return e.length < 32 ? e.length : 33;
  }

  /** Writes {@link #reference()} at {@code pos} without building it; returns the position after it. */
  int writeReference(byte[] out, int pos) {
    byte[] e = encoded();
    if (e.length < 32) {
      System.arraycopy(e, 0, out, pos, e.length);
      return pos + e.length;
    }
    return writeHashReference(hash(), out, pos);
  }

  static int writeHashReference(Hash h, byte[] out, int pos) {
    out[pos] = (byte) (0x80 + 32);
    System.arraycopy(h.toArrayUnsafe(), 0, out, pos + 1, 32);
    return pos + 33;
  }

  boolean isEmbedded() {
    return encoded().length < 32;
  }

  static final class Leaf extends Node {
    final byte[] path;
    final byte[] value;

    Leaf(byte[] path, byte[] value) {
      this.path = path;
      this.value = value;
    }

    @Override
    byte[] computeEncoding() {
      return Rlp.list(Rlp.bytes(Nibbles.hexPrefix(path, true)), Rlp.bytes(value));
    }
  }

  static final class Extension extends Node {
    final byte[] path;
    final Node child;

    Extension(byte[] path, Node child) {
      this.path = path;
      this.child = child;
    }

    @Override
    byte[] computeEncoding() {
      return Rlp.list(Rlp.bytes(Nibbles.hexPrefix(path, false)), child.reference());
    }
  }

  /**
   * A branch remembers the stored branch it was derived from ({@code origin}, that branch's
   * encoding) and which of its children changed since ({@code fresh}). The references of the other
   * children are copied from the origin's bytes instead of being read from each child node: a block
   * rebuilds thousands of branches that each keep fifteen unchanged children scattered over the
   * heap, and visiting them to hash and store the branch was most of a commit's time.
   */
  static final class Branch extends Node {
    private static final int ALL_FRESH = 0xFFFF;
    final Node[] children;
    final byte[] value; // null when the branch holds no value
    /** The encoding of a stored branch whose child references hold for every child not in {@code fresh}; or null. */
    private final byte[] origin;
    /** Bit i: child i is not the origin's (all bits when there is no origin). */
    private final int fresh;

    /** A branch built from scratch: every child is its own. */
    Branch(Node[] children, byte[] value) {
      this(children, value, null, ALL_FRESH);
    }

    private Branch(Node[] children, byte[] value, byte[] origin, int fresh) {
      this.children = children;
      this.value = value;
      this.origin = origin;
      this.fresh = fresh;
    }

    /**
     * This branch with {@code newChildren} (this branch's children except at the bits of
     * {@code changed}) and {@code newValue}. A stored branch becomes the origin; an unstored one
     * passes on its own origin, so the children taken from an origin are always in the store.
     */
    Branch derive(Node[] newChildren, byte[] newValue, int changed) {
      if (stored) return new Branch(newChildren, newValue, encoded(), changed);
      return new Branch(newChildren, newValue, origin, fresh | changed);
    }

    /** Whether child i is new since the origin, so that encoding or storing must visit it. */
    boolean isFresh(int i) {
      return (fresh & (1 << i)) != 0;
    }

    /** Written in place: a block rehashes thousands of branches, and per-child arrays dominated the cost. */
    @Override
    byte[] computeEncoding() {
      int[] at = origin == null ? null : itemOffsets(origin);
      byte[] valueItem = value == null ? Rlp.EMPTY_STRING : Rlp.bytes(value);
      int payload = valueItem.length;
      for (int i = 0; i < 16; i++) {
        Node c = children[i];
        payload += !isFresh(i) ? at[i + 1] - at[i] : c == null ? 1 : c.referenceLength();
      }
      byte[] out = Rlp.listBuffer(payload);
      int pos = out.length - payload;
      for (int i = 0; i < 16; i++) {
        Node c = children[i];
        if (!isFresh(i)) {
          System.arraycopy(origin, at[i], out, pos, at[i + 1] - at[i]);
          pos += at[i + 1] - at[i];
        } else if (c == null) {
          out[pos++] = (byte) 0x80;
        } else {
          pos = c.writeReference(out, pos);
        }
      }
      System.arraycopy(valueItem, 0, out, pos, valueItem.length);
      return out;
    }

    /** Where each of a branch encoding's 17 items starts, and where the last one ends. */
    private static int[] itemOffsets(byte[] branch) {
      int[] at = new int[18];
      RlpReader r = Rlp.reader(branch).enterList();
      for (int i = 0; i < 17; i++) {
        at[i] = r.position();
        r.skip();
      }
      at[17] = r.position();
      return at;
    }

    int childCount() {
      int n = 0;
      for (Node c : children) if (c != null) n++;
      return n;
    }
  }

  /** A node known only by hash until it is loaded from the store. */
  static final class Ref extends Node {
    private final Hash refHash;

    Ref(Hash hash) {
      this.refHash = hash;
      this.stored = true;
    }

    @Override
    Hash hash() {
      return refHash;
    }

    @Override
    byte[] reference() {
      return Rlp.hash(refHash);
    }

    @Override
    int referenceLength() {
      return 33;
    }

    @Override
    int writeReference(byte[] out, int pos) {
      return writeHashReference(refHash, out, pos);
    }

    @Override
    boolean isEmbedded() {
      return false;
    }

    @Override
    byte[] computeEncoding() {
      throw new IllegalStateException("an unresolved node reference has no encoding");
    }
  }

  /**
   * Decodes a stored node from its RLP; child references become {@link Ref}s or inline nodes. The
   * node keeps the bytes and hash it was stored under.
   */
  static Node decode(byte[] encoded, Hash hash) {
    RlpReader outer = Rlp.reader(encoded);
    Node n = decode(outer);
    outer.ensureDone();
    n.encoded = encoded;
    n.hash = hash;
    n.stored = true;
    return n;
  }

  private static Node decode(RlpReader in) {
    RlpReader r = in.enterList();
    List<byte[]> items = new ArrayList<>(17);
    while (r.hasNext()) items.add(r.readRaw());
    if (items.size() == 2) {
      boolean[] leaf = new boolean[1];
      byte[] path = Nibbles.fromHexPrefix(Rlp.reader(items.get(0)).readBytes(), leaf);
      if (leaf[0]) return new Leaf(path, Rlp.reader(items.get(1)).readBytes());
      return new Extension(path, child(items.get(1)));
    }
    if (items.size() == 17) {
      Node[] children = new Node[16];
      for (int i = 0; i < 16; i++) children[i] = child(items.get(i));
      byte[] value = Rlp.reader(items.get(16)).readBytes();
      return new Branch(children, value.length == 0 ? null : value);
    }
    throw new IllegalArgumentException("a trie node has 2 or 17 items, not " + items.size());
  }

  private static Node child(byte[] raw) {
    if ((raw[0] & 0xFF) >= 0xc0) return decode(Rlp.reader(raw)); // embedded node
    byte[] b = Rlp.reader(raw).readBytes();
    if (b.length == 0) return null;
    if (b.length != 32) throw new IllegalArgumentException("a child reference must be a 32-byte hash");
    return new Ref(Hash.wrap(b));
  }
}
