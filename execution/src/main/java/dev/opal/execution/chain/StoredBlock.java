package dev.opal.execution.chain;

import dev.opal.block.Block;
import dev.opal.execution.core.BlockExecution;
import dev.opal.types.Hash;

/**
 * A block the engine has executed, with the execution's receipts and per-transaction results. The
 * block hash is computed once here: lookups, indexes and JSON ask for it many times per block.
 */
public record StoredBlock(Block block, BlockExecution execution, Hash hash) {
  public StoredBlock(Block block, BlockExecution execution) {
    this(block, execution, block.header().hash());
  }

  public long number() {
    return block.header().number();
  }
}
