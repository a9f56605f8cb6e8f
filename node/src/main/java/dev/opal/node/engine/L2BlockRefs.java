package dev.opal.node.engine;

import dev.opal.block.BlockId;
import dev.opal.node.eth.L2BlockRef;
import dev.opal.optimism.L1BlockInfo;
import dev.opal.types.Hash;

/**
 * Builds an {@link L2BlockRef} from a block: the genesis block has the rollup's L1 genesis as
 * origin; every other block's first transaction must be the L1-info deposit, whose calldata names
 * the L1 origin and the sequence number (op-node L2BlockToBlockRef).
 */
public final class L2BlockRefs {
  private L2BlockRefs() {}

  /** @param l1InfoCalldata the input of the block's first transaction, which must be a deposit */
  public static L2BlockRef of(Hash hash, long number, Hash parentHash, long time, byte[] l1InfoCalldata, BlockId genesisL2,
      BlockId genesisL1) {
    if (number == genesisL2.number()) {
      if (!hash.equals(genesisL2.hash())) throw new IllegalStateException("L2 genesis hash " + hash + " does not match the rollup config");
      return new L2BlockRef(hash, number, parentHash, time, genesisL1, 0);
    }
    if (l1InfoCalldata == null) throw new IllegalStateException("L2 block " + number + " has no L1-info deposit");
    L1BlockInfo info = L1BlockInfo.decode(l1InfoCalldata);
    return new L2BlockRef(hash, number, parentHash, time, new BlockId(info.blockHash(), info.number()), info.sequenceNumber());
  }
}
