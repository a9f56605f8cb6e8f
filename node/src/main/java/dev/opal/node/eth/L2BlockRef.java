package dev.opal.node.eth;

import dev.opal.block.BlockId;
import dev.opal.types.Hash;

/**
 * An L2 block with its L1 origin and sequence number, decoded from the block's L1-info deposit
 * (op-node eth.L2BlockRef).
 */
public record L2BlockRef(Hash hash, long number, Hash parentHash, long time, BlockId l1Origin, long sequenceNumber) {
  public BlockId id() {
    return new BlockId(hash, number);
  }

  @Override
  public String toString() {
    return number + ":" + hash.toHex().substring(0, 10);
  }
}
