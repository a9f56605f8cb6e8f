package dev.opal.crypto;

import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/** Pure-Java secp256k1 on BouncyCastle's curve arithmetic (the fallback when JNI is unavailable). */
final class JavaSecp256k1 implements Secp256k1.Backend {
  private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");
  private static final ECDomainParameters DOMAIN =
      new ECDomainParameters(CURVE.getCurve(), CURVE.getG(), CURVE.getN(), CURVE.getH());

  @Override
  public byte[] publicKey(byte[] privateKey) {
    return new FixedPointCombMultiplier().multiply(DOMAIN.getG(), new BigInteger(1, privateKey)).getEncoded(false);
  }

  @Override
  public byte[] sign(byte[] hash, byte[] privateKey) {
    ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
    signer.init(true, new ECPrivateKeyParameters(new BigInteger(1, privateKey), DOMAIN));
    BigInteger[] rs = signer.generateSignature(hash);
    BigInteger s = rs[1].compareTo(Secp256k1.HALF_N) > 0 ? Secp256k1.N.subtract(rs[1]) : rs[1];
    byte[] out = new byte[64];
    Secp256k1.put32(out, 0, rs[0]);
    Secp256k1.put32(out, 32, s);
    return out;
  }

  /** SEC 1 v2, section 4.1.6: rebuild R from r and the recovery id, then Q = r^-1 (sR - eG). */
  @Override
  public byte[] recover(byte[] hash, byte[] rs64, int recoveryId) {
    BigInteger n = DOMAIN.getN();
    BigInteger r = new BigInteger(1, Arrays.copyOf(rs64, 32));
    BigInteger s = new BigInteger(1, Arrays.copyOfRange(rs64, 32, 64));
    BigInteger x = recoveryId >= 2 ? r.add(n) : r;
    BigInteger p = CURVE.getCurve().getField().getCharacteristic();
    if (x.compareTo(p) >= 0) return null;
    byte[] compressed = new byte[33];
    compressed[0] = (byte) ((recoveryId & 1) == 1 ? 0x03 : 0x02);
    Secp256k1.put32(compressed, 1, x);
    ECPoint bigR;
    try {
      bigR = CURVE.getCurve().decodePoint(compressed);
    } catch (IllegalArgumentException e) {
      return null;
    }
    if (!bigR.multiply(n).isInfinity()) return null;
    BigInteger e = new BigInteger(1, hash);
    BigInteger rInv = r.modInverse(n);
    BigInteger u1 = e.negate().mod(n).multiply(rInv).mod(n);
    BigInteger u2 = s.multiply(rInv).mod(n);
    ECPoint q = ECAlgorithms.sumOfTwoMultiplies(DOMAIN.getG(), u1, bigR, u2).normalize();
    return q.isInfinity() ? null : q.getEncoded(false);
  }

  @Override
  public String name() {
    return "java";
  }
}
