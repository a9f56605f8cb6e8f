package dev.opal.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.Random;
import org.bouncycastle.crypto.digests.KeccakDigest;
import org.junit.jupiter.api.Test;

/** The register-lane Keccak-256 against published digests and against BouncyCastle on every length around the rate boundaries. */
class KeccakFTest {
  private static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }

  @Test
  void knownDigests() {
    assertThat(hex(KeccakF.keccak256(new byte[0], 0, 0))).isEqualTo("c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
    assertThat(hex(KeccakF.keccak256(new byte[] {(byte) 0x80}, 0, 1))).isEqualTo("56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421");
  }

  @Test
  void matchesBouncyCastleOnAllLengthsUpTo600() {
    Random r = new Random(5);
    for (int len = 0; len <= 600; len++) {
      byte[] in = new byte[len + 3];
      r.nextBytes(in);
      KeccakDigest d = new KeccakDigest(256);
      d.update(in, 3, len);
      byte[] expected = new byte[32];
      d.doFinal(expected, 0);
      assertThat(KeccakF.keccak256(in, 3, len)).as("length %d", len).isEqualTo(expected);
    }
  }
}
