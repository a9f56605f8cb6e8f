package dev.opal.evm.precompile;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import org.junit.jupiter.api.Test;

/**
 * RIP-7212 P256VERIFY against signatures made by an independent implementation (the JDK's SunEC
 * provider, raw r‖s format), and its rejection of tampered inputs.
 */
class P256VerifyTest {
  @Test
  void verifiesJdkSignaturesAndRejectsTampering() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    var pair = g.generateKeyPair();
    byte[] message = "opal".getBytes();
    java.security.Signature signer = java.security.Signature.getInstance("SHA256withECDSAinP1363Format");
    signer.initSign(pair.getPrivate());
    signer.update(message);
    byte[] rs = signer.sign();
    ECPublicKey pub = (ECPublicKey) pair.getPublic();
    byte[] input = new byte[160];
    System.arraycopy(MessageDigest.getInstance("SHA-256").digest(message), 0, input, 0, 32);
    System.arraycopy(rs, 0, input, 32, 64);
    System.arraycopy(Input.toBytes(pub.getW().getAffineX(), 32), 0, input, 96, 32);
    System.arraycopy(Input.toBytes(pub.getW().getAffineY(), 32), 0, input, 128, 32);
    P256Verify p = new P256Verify();
    assertThat(new BigInteger(1, p.execute(input))).isEqualTo(BigInteger.ONE);
    assertThat(p.gasCost(input)).isEqualTo(3450);
    byte[] tampered = input.clone();
    tampered[0] ^= 1;
    assertThat(p.execute(tampered)).isEmpty();
    byte[] offCurve = input.clone();
    offCurve[159] ^= 1;
    assertThat(p.execute(offCurve)).isEmpty();
    assertThat(p.execute(new byte[159])).isEmpty();
  }
}
