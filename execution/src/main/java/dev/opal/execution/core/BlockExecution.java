package dev.opal.execution.core;

import dev.opal.block.Receipt;
import dev.opal.evm.TransactionResult;
import dev.opal.types.Bytes;
import java.util.List;

/** What executing a block's body produced: receipts, per-transaction results, gas and blob gas used, the bloom. */
public record BlockExecution(List<Receipt> receipts, List<TransactionResult> results, long gasUsed, long blobGasUsed, Bytes logsBloom) {
  public BlockExecution {
    receipts = List.copyOf(receipts);
    results = List.copyOf(results);
  }
}
