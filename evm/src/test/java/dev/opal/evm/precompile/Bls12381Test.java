package dev.opal.evm.precompile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/**
 * EIP-2537 precompiles on the curve's standard generators (the constants of the BLS12-381
 * definition): G + (−G) is the point at infinity, 2·G by MSM equals G + G, e(G1, G2)·e(−G1, G2) = 1
 * while e(G1, G2) ≠ 1, and malformed encodings fail.
 */
class Bls12381Test {
  private static final BigInteger GX = new BigInteger("17f1d3a73197d7942695638c4fa9ac0fc3688c4f9774b905a14e3a3f171bac586c55e83ff97a1aeffb3af00adb22c6bb", 16);
  private static final BigInteger GY = new BigInteger("08b3f481e3aaa0f1a09e30ed741d8ae4fcf5e095d5d00af600db18cb2c04b3edd03cc744a2888ae40caa232946c5e7e1", 16);

  private static byte[] g1(BigInteger x, BigInteger y) {
    byte[] out = new byte[128];
    System.arraycopy(Input.toBytes(x, 64), 0, out, 0, 64);
    System.arraycopy(Input.toBytes(y, 64), 0, out, 64, 64);
    return out;
  }

  private static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) n += p.length;
    byte[] out = new byte[n];
    int off = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, off, p.length);
      off += p.length;
    }
    return out;
  }

  private static byte[] g2Generator() {
    return Bls12381.encode(supranational.blst.P2.generator());
  }

  @Test
  void g1Arithmetic() {
    byte[] g = g1(GX, GY);
    byte[] minusG = g1(GX, Bls12381.P.subtract(GY));
    assertThat(new Bls12381.G1Add().execute(concat(g, minusG))).isEqualTo(new byte[128]);
    byte[] doubled = new Bls12381.G1Add().execute(concat(g, g));
    byte[] two = Input.toBytes(BigInteger.TWO, 32);
    assertThat(new Bls12381.G1Msm(0).execute(concat(g, two))).isEqualTo(doubled);
    assertThat(new Bls12381.G1Add().gasCost(new byte[256])).isEqualTo(375);
    assertThat(new Bls12381.G1Msm(0).gasCost(new byte[160 * 2])).isEqualTo(2 * 12000 * 949 / 1000);
  }

  @Test
  void pairingCheck() {
    byte[] g = g1(GX, GY);
    byte[] minusG = g1(GX, Bls12381.P.subtract(GY));
    byte[] q = g2Generator();
    assertThat(new BigInteger(1, new Bls12381.Pairing(0).execute(concat(g, q, minusG, q)))).isEqualTo(BigInteger.ONE);
    assertThat(new BigInteger(1, new Bls12381.Pairing(0).execute(concat(g, q)))).isEqualTo(BigInteger.ZERO);
    assertThat(new Bls12381.Pairing(0).gasCost(new byte[384 * 2])).isEqualTo(37_700 + 2 * 32_600);
  }

  @Test
  void rejectsMalformedPoints() {
    byte[] offCurve = g1(GX, GY.add(BigInteger.ONE));
    assertThatThrownBy(() -> new Bls12381.G1Add().execute(concat(offCurve, g1(GX, GY)))).isInstanceOf(PrecompileFailure.class);
    byte[] badPadding = g1(GX, GY);
    badPadding[0] = 1;
    assertThatThrownBy(() -> new Bls12381.G1Add().execute(concat(badPadding, g1(GX, GY)))).isInstanceOf(PrecompileFailure.class);
    assertThatThrownBy(() -> new Bls12381.G1Add().execute(new byte[255])).isInstanceOf(PrecompileFailure.class);
  }
}
