package dev.opal.execution.chain;

import dev.opal.block.Block;
import dev.opal.execution.core.BlockExecution;
import dev.opal.types.Hash;

/** A block the engine has executed, with the execution's receipts and per-transaction results. */
public record StoredBlock(Block block, BlockExecution execution) {
  public Hash hash() {
    return block.header().hash();
  }

  public long number() {
    return block.header().number();
  }
}
