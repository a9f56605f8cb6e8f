package dev.opal.trie;

import dev.opal.crypto.Keccak;
import dev.opal.types.Hash;
import java.util.List;

/** Verification of {@code eth_getProof}-style Merkle proofs against a trie root. */
public final class Proofs {
  private Proofs() {}

  /**
   * Walks the proof from {@code root} along {@code key}. Returns the value, or null when the proof
   * shows the key is absent; throws {@link InvalidProofException} when the proof is inconsistent.
   */
  public static byte[] verify(Hash root, byte[] key, List<byte[]> proof) {
    InMemoryNodeStore nodes = new InMemoryNodeStore();
    for (byte[] node : proof) nodes.put(Keccak.hash256(node), node);
    if (root.equals(Keccak.EMPTY_TRIE_ROOT)) return null;
    if (nodes.get(root) == null) throw new InvalidProofException("the proof does not contain the root node");
    try {
      return new MerklePatriciaTrie(nodes, root).get(key);
    } catch (MissingNodeException | IllegalArgumentException e) {
      throw new InvalidProofException("incomplete or malformed proof: " + e.getMessage());
    }
  }

  public static final class InvalidProofException extends RuntimeException {
    public InvalidProofException(String message) {
      super(message);
    }
  }
}
