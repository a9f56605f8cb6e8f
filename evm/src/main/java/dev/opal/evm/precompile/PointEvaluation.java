package dev.opal.evm.precompile;

import dev.opal.crypto.Kzg;
import ethereum.ckzg4844.CKZG4844JNI;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * 0x0a POINT_EVALUATION (EIP-4844): verifies a KZG proof that the blob committed to by
 * {@code commitment} (whose versioned hash is given) evaluates to y at z, by {@link Kzg}.
 */
final class PointEvaluation implements Precompile {
  private static final byte[] RESULT;

  static {
    byte[] out = new byte[64];
    System.arraycopy(Input.toBytes(BigInteger.valueOf(4096), 32), 0, out, 0, 32);
    System.arraycopy(Input.toBytes(CKZG4844JNI.BLS_MODULUS, 32), 0, out, 32, 32);
    RESULT = out;
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
    if (!Arrays.equals(Kzg.versionedHash(commitment).toArrayUnsafe(), versionedHash)) {
      throw new PrecompileFailure("point evaluation: versioned hash mismatch");
    }
    boolean ok;
    try {
      ok = Kzg.verifyProof(commitment, z, y, proof);
    } catch (RuntimeException e) {
      throw new PrecompileFailure("point evaluation: " + e.getMessage());
    }
    if (!ok) throw new PrecompileFailure("point evaluation: proof does not verify");
    return RESULT.clone();
  }
}
