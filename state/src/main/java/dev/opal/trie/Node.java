package dev.opal.trie;

import dev.opal.crypto.Keccak;
import dev.opal.rlp.Rlp;
import dev.opal.rlp.RlpReader;
import dev.opal.types.Hash;
import java.util.ArrayList;
import java.util.Arrays;
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
   * encoding) and which of its children changed since ({@code fresh}). The other children are read
   * from the origin's bytes when asked for, and their references are copied from those bytes when
   * the branch is encoded: a block rebuilds thousands of branches that each keep fifteen unchanged
   * children, and building, visiting and collecting an object per child was most of a commit's time.
   * A branch read from the store is its own origin and holds no child objects at all.
   */
  static final class Branch extends Node {
    private static final int ALL_FRESH = 0xFFFF;
    /**
     * Child objects known to this branch, or null when it knows none. Entry i is child i when bit i
     * of {@code fresh} is set (null: no child); otherwise a non-null entry is the origin's child i,
     * already at hand (a child changed in an earlier derivation of the same block), and a null one
     * means "read it from the origin".
     */
    private final Node[] children;
    final byte[] value; // null when the branch holds no value
    /** The encoding of a stored branch whose child references hold for every child not in {@code fresh}; or null. */
    private byte[] origin;
    /** Where each of the origin's 17 items starts, and where the last one ends; computed on first use. */
    private volatile int[] at;
    /** Bit i: child i is not the origin's (all bits when there is no origin). */
    private final int fresh;

    /** A branch built from scratch: every child is its own. */
    Branch(Node[] children, byte[] value) {
      this(children, value, null, null, ALL_FRESH);
    }

    private Branch(Node[] children, byte[] value, byte[] origin, int[] at, int fresh) {
      this.children = children;
      this.value = value;
      this.origin = origin;
      this.at = at;
      this.fresh = fresh;
    }

    Node child(int i) {
      Node c = children == null ? null : children[i];
      if (c != null || isFresh(i)) return c;
      int[] at = offsets();
      return childReference(origin, at[i], at[i + 1]);
    }

    /** This branch with child i replaced. */
    Branch withChild(int i, Node child) {
      Node[] replaced = new Node[16];
      replaced[i] = child;
      return derive(replaced, value, 1 << i);
    }

    Branch withValue(byte[] newValue) {
      return derive(new Node[16], newValue, 0);
    }

    /**
     * This branch with the children at the bits of {@code changed} taken from {@code replaced}, and
     * {@code newValue}. A stored branch becomes the origin; an unstored one passes on its own
     * origin, so the children read from an origin are always in the store.
     */
    Branch derive(Node[] replaced, byte[] newValue, int changed) {
      // From a stored branch only the changed children are taken along as objects: keeping the
      // others would chain each block's trie to the objects of every earlier one.
      Node[] kept = stored || children == null ? new Node[16] : children.clone();
      for (int i = 0; i < 16; i++) if ((changed & (1 << i)) != 0) kept[i] = replaced[i];
      if (stored) return new Branch(kept, newValue, encoded(), origin == encoded() ? at : null, changed);
      return new Branch(kept, newValue, origin, at, fresh | changed);
    }

    /** Marks the branch stored: its own encoding now serves as the origin of its unchanged children. */
    void stored() {
      byte[] own = encoded();
      if (origin != own) {
        at = null;
        origin = own;
      }
      stored = true;
    }

    /** Whether child i is new since the origin, so that encoding or storing must visit it. */
    boolean isFresh(int i) {
      return (fresh & (1 << i)) != 0;
    }

    private int[] offsets() {
      int[] a = at;
      if (a == null) {
        a = new int[18];
        itemOffsets(origin, a);
        at = a;
      }
      return a;
    }

    /** Written in place: a block rehashes thousands of branches, and per-child arrays dominated the cost. */
    @Override
    byte[] computeEncoding() {
      int[] at = origin == null ? null : offsets();
      byte[] valueItem = value == null ? Rlp.EMPTY_STRING : Rlp.bytes(value);
      int payload = valueItem.length;
      for (int i = 0; i < 16; i++) {
        Node c = isFresh(i) ? children[i] : null;
        payload += !isFresh(i) ? at[i + 1] - at[i] : c == null ? 1 : c.referenceLength();
      }
      byte[] out = Rlp.listBuffer(payload);
      int pos = out.length - payload;
      for (int i = 0; i < 16; i++) {
        if (!isFresh(i)) {
          System.arraycopy(origin, at[i], out, pos, at[i + 1] - at[i]);
          pos += at[i + 1] - at[i];
        } else if (children[i] == null) {
          out[pos++] = (byte) 0x80;
        } else {
          pos = children[i].writeReference(out, pos);
        }
      }
      System.arraycopy(valueItem, 0, out, pos, valueItem.length);
      return out;
    }

    int childCount() {
      int n = 0;
      for (int i = 0; i < 16; i++) if (hasChild(i)) n++;
      return n;
    }

    boolean hasChild(int i) {
      if (isFresh(i)) return children[i] != null;
      int[] at = offsets();
      return at[i + 1] - at[i] != 1 || origin[at[i]] != (byte) 0x80;
    }

    /** The children that are branches changed since the origin: the subtrees a commit must hash and store. */
    List<Node> changedChildBranches() {
      List<Node> out = new ArrayList<>();
      for (int i = 0; i < 16; i++) if (isFresh(i) && children[i] instanceof Branch b) out.add(b);
      return out;
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
   * Decodes a stored node from its RLP. A branch keeps its bytes and reads its children from them
   * when asked for (see {@link Branch}); an extension's child becomes a {@link Ref} or an inline node.
   */
  static Node decode(byte[] encoded, Hash hash) {
    Node n = decode(encoded);
    n.hash = hash;
    return n;
  }

  /** Decodes the node whose encoding is exactly {@code encoding} (a stored node, or one inline in its parent). */
  private static Node decode(byte[] encoding) {
    int[] at = new int[18];
    int items = itemOffsets(encoding, at);
    Node n;
    if (items == 2) {
      boolean[] leaf = new boolean[1];
      byte[] path = Nibbles.fromHexPrefix(Rlp.reader(item(encoding, at, 0)).readBytes(), leaf);
      byte[] second = item(encoding, at, 1);
      n = leaf[0] ? new Leaf(path, Rlp.reader(second).readBytes()) : new Extension(path, childReference(second, 0, second.length));
    } else if (items == 17) {
      for (int i = 0; i < 16; i++) checkChildReference(encoding, at[i], at[i + 1]);
      byte[] value = Rlp.reader(item(encoding, at, 16)).readBytes();
      n = new Branch(null, value.length == 0 ? null : value, encoding, at, 0);
    } else {
      throw new IllegalArgumentException("a trie node has 2 or 17 items, not " + items);
    }
    n.encoded = encoding;
    n.stored = true;
    return n;
  }

  /**
   * Fills {@code at} with where each item of the node encoding starts, and where the last one ends;
   * returns how many items there are (more than 17 are rejected).
   */
  private static int itemOffsets(byte[] encoding, int[] at) {
    RlpReader outer = Rlp.reader(encoding);
    RlpReader r = outer.enterList();
    int items = 0;
    while (r.hasNext()) {
      if (items == 17) throw new IllegalArgumentException("a trie node has 2 or 17 items, not more");
      at[items++] = r.position();
      r.skip();
    }
    at[items] = r.position();
    outer.ensureDone();
    return items;
  }

  private static byte[] item(byte[] encoding, int[] at, int i) {
    return Arrays.copyOfRange(encoding, at[i], at[i + 1]);
  }

  /** A child reference is empty, a 32-byte hash, or a node under 32 bytes inline. */
  private static void checkChildReference(byte[] in, int from, int to) {
    int first = in[from] & 0xFF;
    boolean valid = first == 0x80 && to - from == 1 || first == 0xa0 && to - from == 33 || first >= 0xc0 && to - from < 32;
    if (!valid) throw new IllegalArgumentException("a child reference must be a 32-byte hash or a node under 32 bytes");
  }

  /** The child referenced by the item {@code in[from:to]}: null, a {@link Ref}, or an inline node. */
  static Node childReference(byte[] in, int from, int to) {
    checkChildReference(in, from, to);
    int first = in[from] & 0xFF;
    if (first == 0x80) return null;
    if (first == 0xa0) return new Ref(Hash.wrap(Arrays.copyOfRange(in, from + 1, to)));
    return decode(Arrays.copyOfRange(in, from, to));
  }
}
