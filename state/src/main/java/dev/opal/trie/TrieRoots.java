package dev.opal.trie;

import dev.opal.rlp.Rlp;
import dev.opal.types.Hash;
import java.util.List;

/**
 * Roots of the index-keyed tries in a block header: transactions, receipts and withdrawals are
 * stored under {@code rlp(index)} (Yellow Paper §4.3).
 */
public final class TrieRoots {
  private TrieRoots() {}

  public static Hash ordered(List<byte[]> encodedItems) {
    MerklePatriciaTrie trie = new MerklePatriciaTrie(new InMemoryNodeStore());
    for (int i = 0; i < encodedItems.size(); i++) trie.put(Rlp.uint(i), encodedItems.get(i));
    return trie.rootHash();
  }
}
