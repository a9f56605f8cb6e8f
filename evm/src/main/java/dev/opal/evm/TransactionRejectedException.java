package dev.opal.evm;

import dev.opal.tx.InvalidTransactionException;

/**
 * A transaction that cannot be included in the block as it stands: the state or block rejects it
 * before execution, so it has no receipt and changes nothing. {@link Reason} names the rule.
 */
public final class TransactionRejectedException extends InvalidTransactionException {
  public enum Reason {
    NONCE_TOO_LOW,
    NONCE_TOO_HIGH,
    NONCE_MAX,
    SENDER_NOT_EOA,
    INSUFFICIENT_FUNDS,
    FEE_CAP_BELOW_BASE_FEE,
    BLOB_FEE_CAP_BELOW_BLOB_BASE_FEE,
    BLOB_TRANSACTION_INVALID,
    GAS_LIMIT_EXCEEDS_BLOCK,
    INVALID
  }

  private final Reason reason;

  public TransactionRejectedException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
