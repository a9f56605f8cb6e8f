package dev.opal.node.eth;

import dev.opal.block.BlockId;
import dev.opal.types.Hash;

/** An L1 block as the rollup node tracks it (op-node eth.L1BlockRef). */
public record L1BlockRef(Hash hash, long number, Hash parentHash, long time) {
  public BlockId id() {
    return new BlockId(hash, number);
  }

  @Override
  public String toString() {
    return number + ":" + hash.toHex().substring(0, 10);
  }
}
