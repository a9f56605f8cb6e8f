package dev.opal.trie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opal.types.Hash;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** Structural properties: the root depends only on the final contents; storage and proofs round-trip. */
class TriePropertiesTest {

  private static byte[] key(int k) {
    // short keys from a small alphabet so that paths share prefixes, split and collapse often
    return new byte[] {(byte) (k & 0x3), (byte) ((k >> 2) & 0x3), (byte) (k >> 4)};
  }

  @Property(tries = 300)
  void rootDependsOnlyOnFinalContents(@ForAll @Size(max = 60) List<@net.jqwik.api.constraints.IntRange(min = 0, max = 200) Integer> ops,
      @ForAll long seed) {
    MerklePatriciaTrie trie = new MerklePatriciaTrie(new InMemoryNodeStore());
    Map<Integer, byte[]> contents = new HashMap<>();
    Random r = new Random(seed);
    for (int op : ops) {
      if (r.nextInt(3) == 0) {
        trie.delete(key(op));
        contents.remove(op);
      } else {
        byte[] v = new byte[1 + r.nextInt(40)];
        r.nextBytes(v);
        trie.put(key(op), v);
        contents.put(op, v);
      }
    }
    List<Integer> order = new ArrayList<>(contents.keySet());
    Collections.shuffle(order, r);
    MerklePatriciaTrie rebuilt = new MerklePatriciaTrie(new InMemoryNodeStore());
    for (int k : order) rebuilt.put(key(k), contents.get(k));
    assertThat(trie.rootHash()).isEqualTo(rebuilt.rootHash());
    for (int k : contents.keySet()) assertThat(trie.get(key(k))).isEqualTo(contents.get(k));
  }

  /**
   * A batch put gives the trie a sequence of single puts gives: the same root and values, from an
   * empty trie or a filled one, with keys of different lengths (one a prefix of another, so values
   * sit on branches too) and keys repeated (the last value wins); big batches take the parallel path.
   */
  @Property(tries = 200)
  void putAllMatchesOneByOnePuts(@ForAll @Size(max = 400) List<@net.jqwik.api.constraints.IntRange(min = 0, max = 600) Integer> batch,
      @ForAll @Size(max = 100) List<@net.jqwik.api.constraints.IntRange(min = 0, max = 600) Integer> before, @ForAll long seed) {
    Random r = new Random(seed);
    MerklePatriciaTrie one = new MerklePatriciaTrie(new InMemoryNodeStore());
    MerklePatriciaTrie all = new MerklePatriciaTrie(new InMemoryNodeStore());
    for (int k : before) {
      byte[] v = {(byte) k, 1};
      one.put(varKey(k), v);
      all.put(varKey(k), v);
    }
    all.commit(); // the batch then starts from stored nodes
    List<byte[]> keys = new ArrayList<>();
    List<byte[]> values = new ArrayList<>();
    for (int k : batch) {
      byte[] v = new byte[1 + r.nextInt(40)];
      r.nextBytes(v);
      one.put(varKey(k), v);
      keys.add(varKey(k));
      values.add(v);
    }
    all.putAll(keys, values);
    assertThat(all.rootHash()).isEqualTo(one.rootHash());
    for (byte[] k : keys) assertThat(all.get(k)).isEqualTo(one.get(k));
  }

  /**
   * A chain of blocks over one store: each block reopens the trie at the last root or carries on
   * with the same object, applies puts, deletes and batches (some hashed halfway, as a block
   * builder may), and commits. After every commit the root must be the root of the contents built
   * from scratch, and every node under it must be in the store: it is read back through a view that
   * decodes stored bytes only, so a node the commit failed to write cannot hide in the node cache.
   */
  @Property(tries = 150)
  void everyCommittedVersionIsWholeInTheStore(@ForAll @Size(min = 1, max = 8) List<@Size(max = 80) List<@net.jqwik.api.constraints.IntRange(min = 0, max = 400) Integer>> blocks,
      @ForAll long seed) {
    Random r = new Random(seed);
    InMemoryNodeStore store = new InMemoryNodeStore();
    NodeStore storedBytesOnly = new NodeStore() {
      @Override
      public byte[] get(Hash hash) {
        return store.get(hash);
      }

      @Override
      public void put(Hash hash, byte[] encoded) {
        throw new UnsupportedOperationException();
      }
    };
    Map<Integer, byte[]> contents = new HashMap<>();
    MerklePatriciaTrie trie = new MerklePatriciaTrie(store);
    Hash root = trie.commit();
    for (List<Integer> block : blocks) {
      if (r.nextBoolean()) trie = new MerklePatriciaTrie(store, root);
      List<byte[]> batchKeys = new ArrayList<>();
      List<byte[]> batchValues = new ArrayList<>();
      for (int raw : block) {
        int k = keyIndex(varKey(raw)); // one index per distinct key
        switch (r.nextInt(4)) {
          case 0 -> {
            trie.delete(varKey(k));
            contents.remove(k);
          }
          case 1 -> {
            byte[] v = new byte[1 + r.nextInt(40)];
            r.nextBytes(v);
            batchKeys.add(varKey(k));
            batchValues.add(v);
          }
          default -> {
            byte[] v = new byte[1 + r.nextInt(40)];
            r.nextBytes(v);
            trie.put(varKey(k), v);
            contents.put(k, v);
          }
        }
        if (r.nextInt(20) == 0) trie.rootHash();
      }
      trie.putAll(batchKeys, batchValues);
      for (int i = 0; i < batchKeys.size(); i++) contents.put(keyIndex(batchKeys.get(i)), batchValues.get(i));
      root = trie.commit();

      MerklePatriciaTrie scratch = new MerklePatriciaTrie(new InMemoryNodeStore());
      for (Map.Entry<Integer, byte[]> e : contents.entrySet()) scratch.put(varKey(e.getKey()), e.getValue());
      assertThat(root).isEqualTo(scratch.rootHash());
      MerklePatriciaTrie reread = new MerklePatriciaTrie(storedBytesOnly, root);
      for (Map.Entry<Integer, byte[]> e : contents.entrySet()) assertThat(reread.get(varKey(e.getKey()))).isEqualTo(e.getValue());
    }
  }

  /** The smallest k with this {@link #varKey}: the expected contents are keyed by it. */
  private static int keyIndex(byte[] key) {
    for (int k = 0; ; k++) if (java.util.Arrays.equals(varKey(k), key)) return k;
  }

  /** Keys of one to three bytes over a small alphabet: shared prefixes, and some keys are prefixes of others. */
  private static byte[] varKey(int k) {
    byte[] full = {(byte) (k & 0x7), (byte) ((k >> 3) & 0x7), (byte) ((k >> 6) & 0x7)};
    return java.util.Arrays.copyOf(full, 1 + (k % 3));
  }

  @Test
  void committedTrieReopensFromItsRootAndKeepsOldVersions() {
    InMemoryNodeStore store = new InMemoryNodeStore();
    SecureTrie trie = new SecureTrie(store);
    Random r = new Random(1);
    byte[][] keys = new byte[500][];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = new byte[20];
      r.nextBytes(keys[i]);
      trie.put(keys[i], ("value-" + i).getBytes());
    }
    Hash first = trie.commit();
    trie.put(keys[0], "changed".getBytes());
    trie.delete(keys[1]);
    Hash second = trie.commit();

    SecureTrie old = new SecureTrie(store, first);
    assertThat(old.get(keys[0])).isEqualTo("value-0".getBytes());
    assertThat(old.get(keys[1])).isEqualTo("value-1".getBytes());
    SecureTrie now = new SecureTrie(store, second);
    assertThat(now.get(keys[0])).isEqualTo("changed".getBytes());
    assertThat(now.get(keys[1])).isNull();
    now.put(keys[2], "again".getBytes());
    old.put(keys[0], "changed".getBytes());
    old.delete(keys[1]);
    old.put(keys[2], "again".getBytes());
    assertThat(now.rootHash()).isEqualTo(old.rootHash());
    assertThatThrownBy(() -> new SecureTrie(new InMemoryNodeStore(), second).get(keys[0])).isInstanceOf(MissingNodeException.class);
  }

  /** A stored branch whose first child reference is a 5-byte string, not a hash: the read fails clearly. */
  @Test
  void aBranchWithAMalformedChildReferenceIsRejected() {
    byte[] items = new byte[6 + 15 + 1];
    items[0] = (byte) 0x85; // a 5-byte string where a 32-byte hash belongs
    java.util.Arrays.fill(items, 6, items.length, (byte) 0x80);
    byte[] branch = new byte[1 + items.length];
    branch[0] = (byte) (0xc0 + items.length);
    System.arraycopy(items, 0, branch, 1, items.length);
    Hash root = Hash.wrap(dev.opal.crypto.Keccak.hash(branch));
    InMemoryNodeStore store = new InMemoryNodeStore();
    store.put(root, branch);
    assertThatThrownBy(() -> new MerklePatriciaTrie(store, root).get(new byte[] {0x01}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("32-byte hash");
  }

  @Test
  void proofsProveValuesAndAbsenceAndRejectTampering() {
    SecureTrie trie = new SecureTrie(new InMemoryNodeStore());
    Random r = new Random(2);
    byte[][] keys = new byte[200][];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = new byte[20];
      r.nextBytes(keys[i]);
      trie.put(keys[i], ("v" + i).getBytes());
    }
    Hash root = trie.rootHash();
    for (int i = 0; i < keys.length; i += 17) {
      byte[] hashedKey = dev.opal.crypto.Keccak.hash(keys[i]);
      assertThat(Proofs.verify(root, hashedKey, trie.proof(keys[i]))).isEqualTo(("v" + i).getBytes());
    }
    byte[] absent = new byte[20];
    assertThat(Proofs.verify(root, dev.opal.crypto.Keccak.hash(absent), trie.proof(absent))).isNull();

    List<byte[]> proof = new ArrayList<>(trie.proof(keys[3]));
    byte[] last = proof.get(proof.size() - 1).clone();
    last[last.length - 1] ^= 1;
    proof.set(proof.size() - 1, last);
    assertThatThrownBy(() -> Proofs.verify(root, dev.opal.crypto.Keccak.hash(keys[3]), proof))
        .isInstanceOf(Proofs.InvalidProofException.class);
  }
}
