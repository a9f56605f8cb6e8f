package dev.opal.crypto;

import dev.opal.types.Address;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * secp256k1 as Ethereum uses it: recoverable ECDSA over keccak-256 hashes, addresses as the last
 * 20 bytes of keccak(uncompressed public key without its 0x04 prefix).
 *
 * <p>The native libsecp256k1 binding (fr.acinq secp256k1-kmp) does the work when it loads; a
 * pure-Java implementation on BouncyCastle takes over otherwise, with identical results.
 */
public final class Secp256k1 {
  private static final Logger LOG = LoggerFactory.getLogger(Secp256k1.class);

  /** The order of the curve's base point. */
  public static final BigInteger N =
      new BigInteger("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", 16);
  /** N/2: transaction signatures must have s at most this (EIP-2, Homestead). */
  public static final BigInteger HALF_N = N.shiftRight(1);

  private static final Backend BACKEND = loadBackend();

  private Secp256k1() {}

  /** The operations a backend provides; inputs are already range-checked. */
  interface Backend {
    /** 65-byte uncompressed public key (0x04 ‖ x ‖ y). */
    byte[] publicKey(byte[] privateKey);

    /** Deterministic (RFC 6979) signature with low s, as 64 bytes r ‖ s. */
    byte[] sign(byte[] hash, byte[] privateKey);

    /** The 65-byte public key, or null when no key matches. */
    byte[] recover(byte[] hash, byte[] rs64, int recoveryId);

    String name();
  }

  private static Backend loadBackend() {
    try {
      Backend b = new NativeSecp256k1();
      b.publicKey(Arrays.copyOf(new byte[] {1}, 32)); // forces the native library to load now
      return b;
    } catch (Throwable t) {
      LOG.warn("native libsecp256k1 unavailable ({}); using the pure-Java implementation", t.toString());
      return new JavaSecp256k1();
    }
  }

  /** Which implementation is in use: "native" or "java". */
  public static String backend() {
    return BACKEND.name();
  }

  public static byte[] publicKey(byte[] privateKey) {
    checkPrivateKey(privateKey);
    return BACKEND.publicKey(privateKey);
  }

  public static Address address(byte[] privateKey) {
    return addressOf(publicKey(privateKey));
  }

  /** The address of a 65-byte uncompressed public key. */
  public static Address addressOf(byte[] publicKey) {
    byte[] h = Keccak.hash(publicKey, 1, 64);
    return Address.fromWord(h);
  }

  /** Signs a 32-byte hash; the result always has low s. */
  public static Signature sign(byte[] hash, byte[] privateKey) {
    checkPrivateKey(privateKey);
    if (hash.length != 32) throw new IllegalArgumentException("hash must be 32 bytes");
    byte[] rs = BACKEND.sign(hash, privateKey);
    byte[] pub = BACKEND.publicKey(privateKey);
    for (int id = 0; id < 2; id++) {
      if (Arrays.equals(pub, BACKEND.recover(hash, rs, id))) {
        return new Signature(new BigInteger(1, Arrays.copyOf(rs, 32)), new BigInteger(1, Arrays.copyOfRange(rs, 32, 64)), id);
      }
    }
    throw new IllegalStateException("signature does not recover to the signing key");
  }

  /**
   * Recovers the 65-byte public key that signed {@code hash}. Empty when r or s is out of
   * [1, N-1], s is above N/2 while {@code requireLowS}, or no key matches. Never throws on bad input.
   */
  public static Optional<byte[]> recoverPublicKey(byte[] hash, BigInteger r, BigInteger s, int recoveryId, boolean requireLowS) {
    if (hash.length != 32 || recoveryId < 0 || recoveryId > 3) return Optional.empty();
    if (r.signum() <= 0 || r.compareTo(N) >= 0 || s.signum() <= 0 || s.compareTo(N) >= 0) return Optional.empty();
    if (requireLowS && s.compareTo(HALF_N) > 0) return Optional.empty();
    try {
      byte[] rs = new byte[64];
      put32(rs, 0, r);
      put32(rs, 32, s);
      return Optional.ofNullable(BACKEND.recover(hash, rs, recoveryId));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  public static Optional<Address> recoverAddress(byte[] hash, BigInteger r, BigInteger s, int recoveryId, boolean requireLowS) {
    return recoverPublicKey(hash, r, s, recoveryId, requireLowS).map(Secp256k1::addressOf);
  }

  public static Optional<Address> recoverAddress(byte[] hash, Signature sig) {
    return recoverAddress(hash, sig.r(), sig.s(), sig.recoveryId(), true);
  }

  static void put32(byte[] out, int offset, BigInteger v) {
    byte[] b = v.toByteArray();
    int len = Math.min(b.length, 32);
    System.arraycopy(b, b.length - len, out, offset + 32 - len, len);
  }

  private static void checkPrivateKey(byte[] key) {
    if (key.length != 32) throw new IllegalArgumentException("private key must be 32 bytes");
    BigInteger d = new BigInteger(1, key);
    if (d.signum() == 0 || d.compareTo(N) >= 0) throw new IllegalArgumentException("private key out of range");
  }
}
