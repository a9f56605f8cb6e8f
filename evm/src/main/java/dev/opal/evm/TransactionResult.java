package dev.opal.evm;

import dev.opal.block.Log;
import dev.opal.optimism.L1Cost;
import dev.opal.types.Address;
import java.util.List;

/**
 * An executed transaction: whether its call succeeded, the gas it used (after refunds and the
 * EIP-7623 floor), its logs, output, the created contract address and the error of a failed call.
 * On OP chains: the deposit nonce of a deposit (Regolith) and the L1 data fee of other transactions.
 */
public record TransactionResult(
    boolean success, long gasUsed, List<Log> logs, byte[] output, Address contractAddress, String error, Long depositNonce,
    L1Cost l1Cost) {
  public TransactionResult {
    logs = List.copyOf(logs);
  }
}
