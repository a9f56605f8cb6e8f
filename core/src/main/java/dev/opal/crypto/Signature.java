package dev.opal.crypto;

import java.math.BigInteger;

/** A recoverable secp256k1 ECDSA signature: r, s and the recovery id (0 or 1; 2 and 3 are never produced). */
public record Signature(BigInteger r, BigInteger s, int recoveryId) {
  public Signature {
    if (recoveryId < 0 || recoveryId > 3) throw new IllegalArgumentException("recovery id must be 0..3: " + recoveryId);
  }
}
