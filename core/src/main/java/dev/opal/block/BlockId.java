package dev.opal.block;

import dev.opal.types.Hash;

/** A block named by hash and number (op-node's eth.BlockID). */
public record BlockId(Hash hash, long number) {
  @Override
  public String toString() {
    return number + ":" + hash.toHex();
  }
}
