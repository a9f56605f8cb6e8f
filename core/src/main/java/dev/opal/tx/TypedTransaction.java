package dev.opal.tx;

import dev.opal.rlp.Rlp;

/**
 * A signed EIP-2718 transaction: the signed payload is {@code type ‖ rlp(fields)} and the binary
 * form {@code type ‖ rlp(fields ‖ yParity ‖ r ‖ s)} (EIP-2930, 1559, 4844, 7702).
 */
sealed interface TypedTransaction extends SignedTransaction
    permits AccessListTransaction, DynamicFeeTransaction, BlobTransaction, SetCodeTransaction {

  /** The RLP items of the transaction without its signature, in the type's order. */
  byte[][] payloadFields();

  @Override
  default byte[] signingPayload() {
    return TxFields.typed(type(), Rlp.list(payloadFields()));
  }

  @Override
  default byte[] encodeUncached() {
    return TxFields.typed(type(), TxFields.withSignature(payloadFields(), recoveryId(), r(), s()));
  }
}
