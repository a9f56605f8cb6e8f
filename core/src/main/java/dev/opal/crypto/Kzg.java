package dev.opal.crypto;

import dev.opal.types.Hash;
import ethereum.ckzg4844.CKZG4844JNI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * KZG commitments over blobs (EIP-4844), computed by c-kzg-4844 (Maven Central {@code jc-kzg-4844})
 * with the Ethereum mainnet trusted setup, packaged as a resource (from the c-kzg npm package,
 * sha256 d39b9f2d…26b7). The native library and setup load once, on first use.
 */
public final class Kzg {
  public static final int BYTES_PER_BLOB = 131_072;
  public static final int COMMITMENT_SIZE = 48;
  public static final int PROOF_SIZE = 48;
  /** EIP-4844's {@code VERSIONED_HASH_VERSION_KZG}. */
  public static final byte VERSIONED_HASH_VERSION = 0x01;

  private Kzg() {}

  private static final class Setup {
    static {
      CKZG4844JNI.loadNativeLibrary();
      CKZG4844JNI.loadTrustedSetupFromResource("/dev/opal/crypto/kzg/trusted_setup.txt", Kzg.class, 0);
    }

    static void ensureLoaded() {}
  }

  /** {@code kzg_to_versioned_hash}: sha256 of the commitment with its first byte replaced by the version. */
  public static Hash versionedHash(byte[] commitment) {
    byte[] h = sha256(commitment);
    h[0] = VERSIONED_HASH_VERSION;
    return Hash.wrap(h);
  }

  public static byte[] commitment(byte[] blob) {
    Setup.ensureLoaded();
    return CKZG4844JNI.blobToKzgCommitment(blob);
  }

  /** The proof that {@code blob} is what {@code commitment} commits to (what a blob sidecar carries). */
  public static byte[] blobProof(byte[] blob, byte[] commitment) {
    Setup.ensureLoaded();
    return CKZG4844JNI.computeBlobKzgProof(blob, commitment);
  }

  /** Whether every blob matches its commitment by its proof; malformed input (a non-canonical field element) is false. */
  public static boolean verifyBlobProofs(List<byte[]> blobs, List<byte[]> commitments, List<byte[]> proofs) {
    int n = blobs.size();
    if (commitments.size() != n || proofs.size() != n) return false;
    if (n == 0) return true;
    Setup.ensureLoaded();
    try {
      return CKZG4844JNI.verifyBlobKzgProofBatch(concat(blobs, BYTES_PER_BLOB), concat(commitments, COMMITMENT_SIZE), concat(proofs, PROOF_SIZE), n);
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** Whether the polynomial committed to evaluates to {@code y} at {@code z} (the point-evaluation precompile). */
  public static boolean verifyProof(byte[] commitment, byte[] z, byte[] y, byte[] proof) {
    Setup.ensureLoaded();
    return CKZG4844JNI.verifyKzgProof(commitment, z, y, proof);
  }

  private static byte[] concat(List<byte[]> parts, int size) {
    byte[] out = new byte[parts.size() * size];
    for (int i = 0; i < parts.size(); i++) {
      byte[] p = parts.get(i);
      if (p.length != size) throw new IllegalArgumentException("expected " + size + " bytes, got " + p.length);
      System.arraycopy(p, 0, out, i * size, size);
    }
    return out;
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
