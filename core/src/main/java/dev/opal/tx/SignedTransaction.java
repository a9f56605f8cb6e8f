package dev.opal.tx;

import dev.opal.crypto.Keccak;
import dev.opal.crypto.Secp256k1;
import dev.opal.types.Address;
import java.math.BigInteger;

/** The ECDSA-signed transaction types; the sender is recovered from the signature. */
public sealed interface SignedTransaction extends Transaction
    permits LegacyTransaction, TypedTransaction {

  long nonce();

  /** The chain id the signature commits to, or null for a pre-EIP-155 legacy transaction. */
  BigInteger chainId();

  BigInteger r();

  BigInteger s();

  /** 0 or 1, derived from v for legacy transactions. */
  int recoveryId();

  /** The bytes whose keccak the sender signed. */
  byte[] signingPayload();

  default byte[] signingHash() {
    return Keccak.hash(signingPayload());
  }

  /** Recovers the sender; EIP-2 low-s is required. */
  default Address recoverSender() {
    return Secp256k1.recoverAddress(signingHash(), r(), s(), recoveryId(), true)
        .orElseThrow(() -> new InvalidTransactionException("invalid transaction signature"));
  }
}
