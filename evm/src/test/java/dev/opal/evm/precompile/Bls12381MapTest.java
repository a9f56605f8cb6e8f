package dev.opal.evm.precompile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import supranational.blst.P1;
import supranational.blst.P2;

/**
 * MAP_FP_TO_G1 and MAP_FP2_TO_G2 against blst's own RFC 9380 hash_to_curve: hash_to_curve(msg) is
 * clear_cofactor(map(u0) + map(u1)) with (u0, u1) = hash_to_field(msg, 2), and clearing the
 * cofactor is linear, so MAP(u0) + MAP(u1) through the precompiles must equal blst's result.
 * hash_to_field (expand_message_xmd with SHA-256, RFC 9380 section 5) is computed here.
 */
class Bls12381MapTest {
  private static final String G1_DST = "QUUX-V01-CS02-with-BLS12381G1_XMD:SHA-256_SSWU_RO_";
  private static final String G2_DST = "QUUX-V01-CS02-with-BLS12381G2_XMD:SHA-256_SSWU_RO_";
  private static final String[] MESSAGES = {"", "abc", "abcdef0123456789", "q128_" + "q".repeat(128), "a512_" + "a".repeat(512), "opal"};

  @Test
  void mapFpToG1AgreesWithBlstHashToCurve() throws Exception {
    for (String msg : MESSAGES) {
      byte[] uniform = expandMessageXmd(msg.getBytes(StandardCharsets.US_ASCII), G1_DST, 128);
      byte[] q0 = new Bls12381.MapFpToG1().execute(fpInput(uniform, 0));
      byte[] q1 = new Bls12381.MapFpToG1().execute(fpInput(uniform, 64));
      byte[] sum = new Bls12381.G1Add().execute(concat(q0, q1));
      byte[] expected = Bls12381.encode(new P1().hash_to(msg.getBytes(StandardCharsets.US_ASCII), G1_DST));
      assertThat(expected).isNotEqualTo(new byte[128]);
      assertThat(q0).isNotEqualTo(q1);
      assertThat(sum).as("hash_to_curve G1 of '%s'", msg).isEqualTo(expected);
    }
  }

  @Test
  void mapFp2ToG2AgreesWithBlstHashToCurve() throws Exception {
    for (String msg : MESSAGES) {
      byte[] uniform = expandMessageXmd(msg.getBytes(StandardCharsets.US_ASCII), G2_DST, 256);
      byte[] q0 = new Bls12381.MapFp2ToG2().execute(concat(fpInput(uniform, 0), fpInput(uniform, 64)));
      byte[] q1 = new Bls12381.MapFp2ToG2().execute(concat(fpInput(uniform, 128), fpInput(uniform, 192)));
      byte[] sum = new Bls12381.G2Add().execute(concat(q0, q1));
      byte[] expected = Bls12381.encode(new P2().hash_to(msg.getBytes(StandardCharsets.US_ASCII), G2_DST));
      assertThat(expected).isNotEqualTo(new byte[256]);
      assertThat(q0).isNotEqualTo(q1);
      assertThat(sum).as("hash_to_curve G2 of '%s'", msg).isEqualTo(expected);
    }
  }

  @Test
  void outputsAreInTheSubgroupAndInputsAreChecked() {
    byte[] g1 = new Bls12381.MapFpToG1().execute(new byte[64]);
    assertThat(Bls12381.g1(g1, 0, true)).as("map of 0 is a subgroup point").isNotNull();
    byte[] g2 = new Bls12381.MapFp2ToG2().execute(new byte[128]);
    assertThat(Bls12381.g2(g2, 0, true)).isNotNull();
    assertThatThrownBy(() -> new Bls12381.MapFpToG1().execute(new byte[63])).isInstanceOf(PrecompileFailure.class);
    byte[] notCanonical = new byte[64];
    System.arraycopy(Input.toBytes(Bls12381.P, 48), 0, notCanonical, 16, 48);
    assertThatThrownBy(() -> new Bls12381.MapFpToG1().execute(notCanonical)).hasMessageContaining("modulus");
    byte[] badPadding = new byte[128];
    badPadding[64] = 1;
    assertThatThrownBy(() -> new Bls12381.MapFp2ToG2().execute(badPadding)).hasMessageContaining("padding");
    assertThat(new Bls12381.MapFpToG1().gasCost(new byte[64])).isEqualTo(5_500);
    assertThat(new Bls12381.MapFp2ToG2().gasCost(new byte[128])).isEqualTo(23_800);
  }

  /** One field element of hash_to_field: 64 bytes of uniform output, reduced mod p, as a padded 64-byte precompile input. */
  private static byte[] fpInput(byte[] uniform, int off) {
    BigInteger e = new BigInteger(1, Arrays.copyOfRange(uniform, off, off + 64)).mod(Bls12381.P);
    return Input.toBytes(e, 64);
  }

  /** RFC 9380 section 5.3.1 with SHA-256. */
  private static byte[] expandMessageXmd(byte[] msg, String dst, int lenInBytes) throws Exception {
    byte[] dstPrime = concat(dst.getBytes(StandardCharsets.US_ASCII), new byte[] {(byte) dst.length()});
    int ell = (lenInBytes + 31) / 32;
    byte[] b0 = sha256(concat(new byte[64], msg, new byte[] {(byte) (lenInBytes >> 8), (byte) lenInBytes, 0}, dstPrime));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] prev = sha256(concat(b0, new byte[] {1}, dstPrime));
    out.writeBytes(prev);
    for (int i = 2; i <= ell; i++) {
      byte[] x = new byte[32];
      for (int j = 0; j < 32; j++) x[j] = (byte) (b0[j] ^ prev[j]);
      prev = sha256(concat(x, new byte[] {(byte) i}, dstPrime));
      out.writeBytes(prev);
    }
    return Arrays.copyOf(out.toByteArray(), lenInBytes);
  }

  private static byte[] sha256(byte[] in) throws Exception {
    return MessageDigest.getInstance("SHA-256").digest(in);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) out.writeBytes(p);
    return out.toByteArray();
  }
}
