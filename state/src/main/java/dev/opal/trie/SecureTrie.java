package dev.opal.trie;

import dev.opal.crypto.Keccak;
import dev.opal.types.Hash;
import java.util.List;

/** A trie keyed by keccak256 of the key: the form of Ethereum's account and storage tries. */
public final class SecureTrie {
  private final MerklePatriciaTrie trie;

  public SecureTrie(NodeStore store) {
    this.trie = new MerklePatriciaTrie(store);
  }

  public SecureTrie(NodeStore store, Hash root) {
    this.trie = new MerklePatriciaTrie(store, root);
  }

  public byte[] get(byte[] key) {
    return trie.get(Keccak.hash(key));
  }

  public void put(byte[] key, byte[] value) {
    trie.put(Keccak.hash(key), value);
  }

  public void delete(byte[] key) {
    trie.delete(Keccak.hash(key));
  }

  /** {@link #get} with the key already hashed (a caller that reads and later writes the key hashes it once). */
  public byte[] getHashed(byte[] hashedKey) {
    return trie.get(hashedKey);
  }

  /** Sets many already-hashed keys at once (see {@link MerklePatriciaTrie#putAll}). */
  public void putAllHashed(List<byte[]> hashedKeys, List<byte[]> values) {
    trie.putAll(hashedKeys, values);
  }

  public void deleteHashed(byte[] hashedKey) {
    trie.delete(hashedKey);
  }

  public Hash rootHash() {
    return trie.rootHash();
  }

  public Hash commit() {
    return trie.commit();
  }

  public List<byte[]> proof(byte[] key) {
    return trie.proof(Keccak.hash(key));
  }
}
