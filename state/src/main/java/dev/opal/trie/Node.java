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

  private byte[] hashReference;

  /** How a parent refers to this node: inline when its encoding is under 32 bytes, else by hash. */
  byte[] reference() {
    byte[] e = encoded();
    if (e.length < 32) return e;
    byte[] r = hashReference;
    if (r == null) hashReference = r = Rlp.hash(hash());
    return r;
  }

  boolean isEmbedded() {
    return encoded().length < 32;
  }

  static byte[] referenceOf(Node n) {
    return n == null ? Rlp.EMPTY_STRING : n.reference();
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

  static final class Branch extends Node {
    final Node[] children;
    final byte[] value; // null when the branch holds no value

    Branch(Node[] children, byte[] value) {
      this.children = children;
      this.value = value;
    }

    @Override
    byte[] computeEncoding() {
      byte[][] items = new byte[17][];
      for (int i = 0; i < 16; i++) items[i] = referenceOf(children[i]);
      items[16] = value == null ? Rlp.EMPTY_STRING : Rlp.bytes(value);
      return Rlp.list(items);
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
    private byte[] reference;

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
      byte[] r = reference;
      if (r == null) reference = r = Rlp.hash(refHash);
      return r;
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

  /** Decodes a node from its RLP; child references become {@link Ref}s or inline nodes. */
  static Node decode(byte[] encoded) {
    RlpReader outer = Rlp.reader(encoded);
    Node n = decode(outer);
    outer.ensureDone();
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
    if ((raw[0] & 0xFF) >= 0xc0) return decode(raw); // embedded node
    byte[] b = Rlp.reader(raw).readBytes();
    if (b.length == 0) return null;
    if (b.length != 32) throw new IllegalArgumentException("a child reference must be a 32-byte hash");
    return new Ref(Hash.wrap(b));
  }
}
