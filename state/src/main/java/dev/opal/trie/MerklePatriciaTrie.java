package dev.opal.trie;

import dev.opal.crypto.Keccak;
import dev.opal.trie.Node.Branch;
import dev.opal.trie.Node.Extension;
import dev.opal.trie.Node.Leaf;
import dev.opal.trie.Node.Ref;
import dev.opal.types.Hash;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The Merkle Patricia trie of the Yellow Paper (appendix D): a radix-16 trie whose nodes are
 * RLP-encoded and referenced by keccak hash (or inline when shorter than 32 bytes). Keys are used
 * as given; {@link SecureTrie} hashes them first, as the state and storage tries do.
 *
 * <p>Nodes are immutable and cache their hashes, so recomputing the root after a few updates
 * rehashes only the changed paths. Nodes not yet loaded are fetched from the {@link NodeStore} on
 * first use; {@link #commit()} writes every new node to it. Not thread-safe.
 */
public final class MerklePatriciaTrie {
  private final NodeStore store;
  private final Map<Hash, Node> loaded = new ConcurrentHashMap<>(); // putAll resolves from several threads
  private Node root;

  /** An empty trie over the given store. */
  public MerklePatriciaTrie(NodeStore store) {
    this.store = store;
  }

  /** The trie with the given root, its nodes loaded lazily from the store. */
  public MerklePatriciaTrie(NodeStore store, Hash rootHash) {
    this.store = store;
    this.root = rootHash.equals(Keccak.EMPTY_TRIE_ROOT) ? null : new Ref(rootHash);
  }

  public Hash rootHash() {
    if (root == null) return Keccak.EMPTY_TRIE_ROOT;
    hashChangedSubtreesInParallel();
    return root.hash();
  }

  /** Changed subtrees under the root from which hashing is worth spreading over the cores. */
  private static final int PARALLEL_MIN_SUBTREES = 4;

  /**
   * A block's account trie has many changed subtrees under its root branch: their hashes are
   * independent, so they are computed on the common fork-join pool. Nodes cache their encoding and
   * hash; the subtrees share only nodes whose hash is already known, so the tasks never race.
   */
  private void hashChangedSubtreesInParallel() {
    List<Node> subtrees = changedSubtrees(n -> !n.hasHash());
    if (subtrees.size() >= PARALLEL_MIN_SUBTREES) subtrees.parallelStream().forEach(Node::hash);
  }

  /** The root branch's changed child branches that still need {@code work}; none when the root is not a branch. */
  private List<Node> changedSubtrees(Predicate<Node> needsWork) {
    if (!(root instanceof Branch b) || b.stored) return List.of();
    return b.changedChildBranches().stream().filter(needsWork).toList();
  }

  public boolean isEmpty() {
    return root == null;
  }

  /** The value under {@code key}, or null. */
  public byte[] get(byte[] key) {
    byte[] path = Nibbles.fromKey(key);
    Node n = root;
    int off = 0;
    while (n != null) {
      n = resolve(n);
      if (n instanceof Leaf leaf) {
        return Arrays.equals(leaf.path, 0, leaf.path.length, path, off, path.length) ? leaf.value : null;
      } else if (n instanceof Extension ext) {
        if (Nibbles.commonPrefix(path, off, ext.path) != ext.path.length) return null;
        off += ext.path.length;
        n = ext.child;
      } else {
        Branch b = (Branch) n;
        if (off == path.length) return b.value;
        n = b.child(path[off++]);
      }
    }
    return null;
  }

  /** Sets {@code key} to {@code value}; an empty value deletes the key, as in Ethereum's tries. */
  public void put(byte[] key, byte[] value) {
    if (value == null || value.length == 0) {
      delete(key);
      return;
    }
    root = insert(root, Nibbles.fromKey(key), 0, value);
  }

  public void delete(byte[] key) {
    root = remove(root, Nibbles.fromKey(key), 0);
  }

  /** Below this many entries a batch is inserted one key at a time. */
  private static final int PARALLEL_MIN_ENTRIES = 256;

  /**
   * Sets many keys at once (non-empty values; a key given twice keeps its last value). The keys are
   * sorted so that each changed branch is rebuilt once rather than once per key below it, and the
   * subtrees under the root branch, which no two keys share, are filled in parallel.
   */
  public void putAll(List<byte[]> keys, List<byte[]> values) {
    int n = keys.size();
    if (n == 0) return;
    Entry[] entries = new Entry[n];
    for (int i = 0; i < n; i++) {
      if (values.get(i) == null || values.get(i).length == 0) throw new IllegalArgumentException("putAll takes non-empty values");
      entries[i] = new Entry(Nibbles.fromKey(keys.get(i)), values.get(i));
    }
    Arrays.sort(entries, (a, b) -> Arrays.compare(a.path, b.path)); // stable: the last of equal keys stays last
    root = insertAll(root, entries, 0, n, 0, n >= PARALLEL_MIN_ENTRIES);
  }

  private record Entry(byte[] path, byte[] value) {}

  private Node insertAll(Node n, Entry[] e, int from, int to, int off, boolean parallel) {
    Node resolved = n == null ? null : resolve(n);
    if (to - from == 1 || !(resolved instanceof Branch b)) {
      for (int i = from; i < to; i++) n = insert(n, e[i].path, off, e[i].value);
      return n;
    }
    byte[] value = b.value;
    int i = from;
    while (i < to && e[i].path.length == off) value = e[i++].value; // keys that end at this branch sort first
    int[] starts = new int[17];
    int groups = 0;
    for (int j = i; j < to; j++) if (j == i || e[j].path[off] != e[j - 1].path[off]) starts[groups++] = j;
    starts[groups] = to;
    final int count = groups;
    Node[] children = new Node[16];
    int changed = 0;
    for (int g = 0; g < count; g++) { // read here, so that the subtasks below share no node
      int nibble = e[starts[g]].path[off];
      children[nibble] = b.child(nibble);
      changed |= 1 << nibble;
    }
    java.util.stream.IntStream range = java.util.stream.IntStream.range(0, count);
    (parallel ? range.parallel() : range).forEach(g -> {
      int nibble = e[starts[g]].path[off];
      children[nibble] = insertAll(children[nibble], e, starts[g], starts[g + 1], off + 1, false);
    });
    return b.derive(children, value, changed);
  }

  /**
   * Writes every node not yet in the store (embedded nodes live inside their parents); returns the
   * root. The changed subtrees under the root are hashed and written in parallel, each task handing
   * its writes to the store in batches.
   */
  public Hash commit() {
    if (root == null) return Keccak.EMPTY_TRIE_ROOT;
    if (!root.stored) {
      int stored = storeChangedSubtreesInParallel();
      Writes writes = new Writes(store);
      stored += store(root, writes);
      writes.flush();
      Hash rootHash = root.hash();
      if (root.isEmbedded()) store.put(rootHash, root.encoded()); // the root is stored by hash even when short
      if (store instanceof CachingNodeStore cache) cache.rememberRoot(rootHash, root, stored); // the next block's trie starts here
    }
    return root.hash();
  }

  /** Like {@link #hashChangedSubtreesInParallel}, but each task also writes its subtree; returns how many nodes. */
  private int storeChangedSubtreesInParallel() {
    List<Node> subtrees = changedSubtrees(n -> !n.stored);
    if (subtrees.size() < PARALLEL_MIN_SUBTREES) return 0;
    return subtrees.parallelStream().mapToInt(n -> {
      Writes writes = new Writes(store);
      int count = store(n, writes);
      writes.flush();
      return count;
    }).sum();
  }

  /**
   * One thread's writes, handed to the store {@value #BATCH} at a time: a store takes each batch
   * under its lock once, so the commit's threads seldom wait for each other there (one write at a
   * time, they handed the lock back and forth thousands of times per block).
   */
  private static final class Writes {
    static final int BATCH = 64;
    private final NodeStore store;
    private final List<Hash> hashes = new ArrayList<>(BATCH);
    private final List<byte[]> encodings = new ArrayList<>(BATCH);

    Writes(NodeStore store) {
      this.store = store;
    }

    void add(Hash hash, byte[] encoding) {
      hashes.add(hash);
      encodings.add(encoding);
      if (hashes.size() == BATCH) flush();
    }

    void flush() {
      if (hashes.isEmpty()) return;
      store.putAll(hashes, encodings);
      hashes.clear();
      encodings.clear();
    }
  }

  /** Hashes and writes the new nodes under {@code n}, children first; returns how many were written. */
  private int store(Node n, Writes writes) {
    if (n == null || n.stored) return 0;
    int count = 0;
    if (n instanceof Extension ext) count += store(ext.child, writes);
    if (n instanceof Branch b) {
      for (int i = 0; i < 16; i++) if (b.isFresh(i)) count += store(b.child(i), writes); // the others are stored already
    }
    boolean embedded = n.isEmbedded(); // encodes the node, a branch from its origin
    if (n instanceof Branch b) b.stored();
    else n.stored = true;
    if (embedded) return count;
    writes.add(n.hash(), n.encoded());
    return count + 1;
  }

  /**
   * The encoded nodes on the path to {@code key}, root first: an {@code eth_getProof} proof. Nodes
   * embedded in their parent are not listed separately. Proves absence too.
   */
  public List<byte[]> proof(byte[] key) {
    List<byte[]> out = new ArrayList<>();
    byte[] path = Nibbles.fromKey(key);
    Node n = root;
    int off = 0;
    boolean first = true;
    while (n != null) {
      n = resolve(n);
      if (first || !n.isEmbedded()) out.add(n.encoded());
      first = false;
      if (n instanceof Leaf) {
        break;
      } else if (n instanceof Extension ext) {
        if (Nibbles.commonPrefix(path, off, ext.path) != ext.path.length) break;
        off += ext.path.length;
        n = ext.child;
      } else {
        Branch b = (Branch) n;
        if (off == path.length) break;
        n = b.child(path[off++]);
      }
    }
    return out;
  }

  /** Above this many loaded nodes a long-lived trie starts its {@link #loaded} map afresh. */
  private static final int MAX_LOADED = 1 << 16;

  /**
   * Resolves a node reference: a remembered committed root, a node this trie loaded before, or one
   * read from the store and decoded. A block reads an account's path while it executes and walks it
   * again when it commits; keeping the loaded nodes with the trie, not the store, lets them die with
   * the block instead of piling up in the old generation.
   */
  private Node resolve(Node n) {
    if (!(n instanceof Ref ref)) return n;
    Node loaded = this.loaded.get(ref.hash());
    if (loaded != null) return loaded;
    if (store instanceof CachingNodeStore cache && (loaded = cache.cachedRoot(ref.hash())) != null) return loaded;
    byte[] encoded = store.get(ref.hash());
    if (encoded == null) throw new MissingNodeException(ref.hash());
    loaded = Node.decode(encoded, ref.hash());
    if (this.loaded.size() >= MAX_LOADED) this.loaded.clear();
    this.loaded.put(ref.hash(), loaded);
    return loaded;
  }

  private Node insert(Node n, byte[] path, int off, byte[] value) {
    if (n == null) return new Leaf(Arrays.copyOfRange(path, off, path.length), value);
    n = resolve(n);
    if (n instanceof Leaf leaf) {
      int common = Nibbles.commonPrefix(path, off, leaf.path);
      if (common == leaf.path.length && off + common == path.length) return new Leaf(leaf.path, value);
      Node[] children = new Node[16];
      byte[] leafValue = place(children, leaf.path, common, leaf.value);
      byte[] newValue = place(children, Arrays.copyOfRange(path, off, path.length), common, value);
      Branch branch = new Branch(children, leafValue != null ? leafValue : newValue);
      return common == 0 ? branch : new Extension(Arrays.copyOfRange(leaf.path, 0, common), branch);
    }
    if (n instanceof Extension ext) {
      int common = Nibbles.commonPrefix(path, off, ext.path);
      if (common == ext.path.length) return new Extension(ext.path, insert(ext.child, path, off + common, value));
      Node[] children = new Node[16];
      byte[] below = Arrays.copyOfRange(ext.path, common + 1, ext.path.length);
      children[ext.path[common]] = below.length == 0 ? ext.child : new Extension(below, ext.child);
      Branch branch = new Branch(children, place(children, Arrays.copyOfRange(path, off, path.length), common, value));
      return common == 0 ? branch : new Extension(Arrays.copyOfRange(ext.path, 0, common), branch);
    }
    Branch b = (Branch) n;
    if (off == path.length) return b.withValue(value);
    return b.withChild(path[off], insert(b.child(path[off]), path, off + 1, value));
  }

  /**
   * Places the entry whose remaining path is {@code rest[at:]} in a new branch at depth {@code at}:
   * as a leaf among {@code children}, or, when the path ends at the branch, returns the value for
   * the branch to hold (null otherwise).
   */
  private static byte[] place(Node[] children, byte[] rest, int at, byte[] value) {
    if (rest.length == at) return value;
    children[rest[at]] = new Leaf(Arrays.copyOfRange(rest, at + 1, rest.length), value);
    return null;
  }

  /** The node with {@code path[off:]} removed under it: the very same object when the key is absent. */
  private Node remove(Node n, byte[] path, int off) {
    if (n == null) return null;
    Node unchanged = n;
    n = resolve(n);
    if (n instanceof Leaf leaf) {
      return Arrays.equals(leaf.path, 0, leaf.path.length, path, off, path.length) ? null : unchanged;
    }
    if (n instanceof Extension ext) {
      if (Nibbles.commonPrefix(path, off, ext.path) != ext.path.length) return unchanged;
      Node child = remove(ext.child, path, off + ext.path.length);
      if (child == ext.child) return unchanged;
      return join(ext.path, child);
    }
    Branch b = (Branch) n;
    Branch updated;
    if (off == path.length) {
      if (b.value == null) return unchanged;
      updated = b.withValue(null);
    } else {
      Node old = b.child(path[off]);
      Node child = remove(old, path, off + 1);
      if (child == old) return unchanged;
      updated = b.withChild(path[off], child);
    }
    return collapse(updated);
  }

  /** A branch left with a single entry is replaced by a leaf or an extension (the trie stays canonical). */
  private Node collapse(Branch b) {
    int count = b.childCount();
    if (count >= 2 || (count == 1 && b.value != null)) return b;
    if (count == 0) return b.value == null ? null : new Leaf(Nibbles.EMPTY, b.value);
    int index = 0;
    while (!b.hasChild(index)) index++;
    return join(new byte[] {(byte) index}, b.child(index));
  }

  /** The node for {@code prefix} followed by {@code child}, merging paths with a leaf or extension child. */
  private Node join(byte[] prefix, Node child) {
    if (child == null) return null;
    Node c = resolve(child);
    if (c instanceof Leaf leaf) return new Leaf(Nibbles.concat(prefix, leaf.path), leaf.value);
    if (c instanceof Extension ext) return new Extension(Nibbles.concat(prefix, ext.path), ext.child);
    return new Extension(prefix, child);
  }
}
