package dev.opal.evm;

import dev.opal.block.Log;
import dev.opal.types.Address;
import java.util.List;

/**
 * An executed transaction: whether its call succeeded, the gas it used (after refunds and the
 * EIP-7623 floor), its logs, output, the created contract address and the error of a failed call.
 */
public record TransactionResult(boolean success, long gasUsed, List<Log> logs, byte[] output, Address contractAddress, String error) {
  public TransactionResult {
    logs = List.copyOf(logs);
  }
}
