package dev.opal.evm.precompile;

import ethereum.ckzg4844.CKZG4844JNI;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * 0x0a POINT_EVALUATION (EIP-4844): verifies a KZG proof that the blob committed to by
 * {@code commitment} (whose versioned hash is given) evaluates to y at z. Verification runs in
 * c-kzg-4844 (Maven Central {@code jc-kzg-4844}) with the Ethereum mainnet trusted setup, which is
 * packaged as a resource (from the c-kzg npm package, sha256 d39b9f2d…26b7).
 */
final class PointEvaluation implements Precompile {
  private static final byte[] RESULT;

  static {
    byte[] out = new byte[64];
    System.arraycopy(Input.toBytes(BigInteger.valueOf(4096), 32), 0, out, 0, 32);
    System.arraycopy(Input.toBytes(CKZG4844JNI.BLS_MODULUS, 32), 0, out, 32, 32);
    RESULT = out;
  }

  /** Loads the native library and trusted setup on first use. */
  private static final class Setup {
    static {
      CKZG4844JNI.loadNativeLibrary();
      CKZG4844JNI.loadTrustedSetupFromResource("/dev/opal/evm/kzg/trusted_setup.txt", PointEvaluation.class, 0);
    }

    static void ensureLoaded() {}
  }

  @Override
  public long gasCost(byte[] input) {
    return 50_000;
  }

  @Override
  public byte[] execute(byte[] input) {
    if (input.length != 192) throw new PrecompileFailure("point evaluation: input must be 192 bytes");
    byte[] versionedHash = Arrays.copyOfRange(input, 0, 32);
    byte[] z = Arrays.copyOfRange(input, 32, 64);
    byte[] y = Arrays.copyOfRange(input, 64, 96);
    byte[] commitment = Arrays.copyOfRange(input, 96, 144);
    byte[] proof = Arrays.copyOfRange(input, 144, 192);
    byte[] expected = sha256(commitment);
    expected[0] = 0x01; // VERSIONED_HASH_VERSION_KZG
    if (!Arrays.equals(expected, versionedHash)) throw new PrecompileFailure("point evaluation: versioned hash mismatch");
    Setup.ensureLoaded();
    boolean ok;
    try {
      ok = CKZG4844JNI.verifyKzgProof(commitment, z, y, proof);
    } catch (RuntimeException e) {
      throw new PrecompileFailure("point evaluation: " + e.getMessage());
    }
    if (!ok) throw new PrecompileFailure("point evaluation: proof does not verify");
    return RESULT.clone();
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
