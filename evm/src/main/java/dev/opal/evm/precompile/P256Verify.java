package dev.opal.evm.precompile;

import java.math.BigInteger;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.math.ec.ECPoint;

/**
 * OP's P256VERIFY at 0x100 (RIP-7212, from Fjord): verifies a secp256r1 signature over a 32-byte
 * hash. Input: hash ‖ r ‖ s ‖ x ‖ y (160 bytes). Output: 32-byte 1 when valid, empty otherwise.
 */
final class P256Verify implements Precompile {
  private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256r1");
  private static final ECDomainParameters DOMAIN = new ECDomainParameters(CURVE.getCurve(), CURVE.getG(), CURVE.getN(), CURVE.getH());
  private static final byte[] VALID = Input.toBytes(BigInteger.ONE, 32);

  @Override
  public long gasCost(byte[] input) {
    return 3450;
  }

  @Override
  public byte[] execute(byte[] input) {
    if (input.length != 160) return new byte[0];
    byte[] hash = Input.slice(input, 0, 32);
    BigInteger r = Input.uint(input, 32, 32);
    BigInteger s = Input.uint(input, 64, 32);
    BigInteger x = Input.uint(input, 96, 32);
    BigInteger y = Input.uint(input, 128, 32);
    BigInteger n = DOMAIN.getN();
    if (r.signum() <= 0 || r.compareTo(n) >= 0 || s.signum() <= 0 || s.compareTo(n) >= 0) return new byte[0];
    BigInteger p = CURVE.getCurve().getField().getCharacteristic();
    if (x.compareTo(p) >= 0 || y.compareTo(p) >= 0 || (x.signum() == 0 && y.signum() == 0)) return new byte[0];
    ECPoint q;
    try {
      q = CURVE.getCurve().validatePoint(x, y);
    } catch (IllegalArgumentException notOnCurve) {
      return new byte[0];
    }
    ECDSASigner signer = new ECDSASigner();
    signer.init(false, new ECPublicKeyParameters(q, DOMAIN));
    return signer.verifySignature(hash, r, s) ? VALID : new byte[0];
  }
}
