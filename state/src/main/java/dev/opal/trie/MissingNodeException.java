package dev.opal.trie;

import dev.opal.types.Hash;

/** A trie node that should be in the node store is not: the state at that root is unavailable. */
public class MissingNodeException extends RuntimeException {
  public MissingNodeException(Hash hash) {
    super("trie node " + hash.toHex() + " is missing from the store");
  }
}
