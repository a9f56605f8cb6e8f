package dev.opal.tx;

import dev.opal.crypto.Keccak;
import dev.opal.crypto.Secp256k1;
import dev.opal.rlp.Rlp;
import dev.opal.types.Address;
import java.math.BigInteger;
import java.util.Optional;

/**
 * An EIP-7702 authorization tuple: the authority (recovered from the signature) lets its account
 * delegate to {@code address}'s code. {@code chainId} 0 means any chain.
 */
public record Authorization(BigInteger chainId, Address address, BigInteger nonce, int yParity, BigInteger r, BigInteger s) {
  private static final byte MAGIC = 0x05;

  /** keccak256(0x05 ‖ rlp([chain_id, address, nonce])), the hash the authority signs. */
  public byte[] signingHash() {
    byte[] rlp = Rlp.list(Rlp.uint(chainId), Rlp.address(address), Rlp.uint(nonce));
    return Keccak.hash(Rlp.concat(new byte[] {MAGIC}, rlp));
  }

  /**
   * The authority, or empty if the signature is invalid (EIP-7702 requires s at most N/2 and y
   * parity 0 or 1); invalid tuples are skipped, not fatal to the transaction.
   */
  public Optional<Address> authority() {
    if (yParity > 1) return Optional.empty();
    return Secp256k1.recoverAddress(signingHash(), r, s, yParity, true);
  }

  byte[] encode() {
    return Rlp.list(Rlp.uint(chainId), Rlp.address(address), Rlp.uint(nonce), Rlp.uint(yParity), Rlp.uint(r), Rlp.uint(s));
  }
}
