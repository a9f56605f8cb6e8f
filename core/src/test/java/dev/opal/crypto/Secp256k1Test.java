package dev.opal.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opal.types.Address;
import dev.opal.types.Hex;
import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class Secp256k1Test {
  /** The first account of the well-known test mnemonic ("test test ... junk"), as anvil and hardhat print it. */
  static final byte[] KEY = Hex.decode("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
  static final Address ADDRESS = Address.fromHex("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266");

  @Test
  void nativeBackendLoads() {
    assertThat(Secp256k1.backend()).isEqualTo("native");
  }

  @Test
  void addressOfWellKnownKey() {
    assertThat(Secp256k1.address(KEY)).isEqualTo(ADDRESS);
    assertThat(Secp256k1.addressOf(new JavaSecp256k1().publicKey(KEY))).isEqualTo(ADDRESS);
  }

  @Test
  void signAndRecover() {
    byte[] hash = Keccak.hash("opal".getBytes());
    Signature sig = Secp256k1.sign(hash, KEY);
    assertThat(sig.s()).isLessThanOrEqualTo(Secp256k1.HALF_N);
    assertThat(Secp256k1.recoverAddress(hash, sig)).contains(ADDRESS);
  }

  @Test
  void highSIsRejectedOnlyWhenLowSIsRequired() {
    byte[] hash = Keccak.hash("opal".getBytes());
    Signature sig = Secp256k1.sign(hash, KEY);
    BigInteger highS = Secp256k1.N.subtract(sig.s());
    int flipped = sig.recoveryId() ^ 1;
    assertThat(Secp256k1.recoverAddress(hash, sig.r(), highS, flipped, true)).isEmpty();
    assertThat(Secp256k1.recoverAddress(hash, sig.r(), highS, flipped, false)).contains(ADDRESS);
  }

  @Test
  void outOfRangeValuesRecoverNothing() {
    byte[] hash = new byte[32];
    assertThat(Secp256k1.recoverAddress(hash, BigInteger.ZERO, BigInteger.ONE, 0, false)).isEmpty();
    assertThat(Secp256k1.recoverAddress(hash, BigInteger.ONE, Secp256k1.N, 0, false)).isEmpty();
    assertThat(Secp256k1.recoverAddress(hash, Secp256k1.N, BigInteger.ONE, 0, false)).isEmpty();
  }

  @Property(tries = 50)
  void javaAndNativeAgree(@ForAll @Size(32) byte[] hash, @ForAll @Size(32) byte[] key) {
    BigInteger d = new BigInteger(1, key);
    if (d.signum() == 0 || d.compareTo(Secp256k1.N) >= 0) return;
    JavaSecp256k1 java = new JavaSecp256k1();
    NativeSecp256k1 nat = new NativeSecp256k1();
    assertThat(java.publicKey(key)).isEqualTo(nat.publicKey(key));
    byte[] rs = nat.sign(hash, key);
    assertThat(java.sign(hash, key)).isEqualTo(rs);
    for (int id = 0; id < 2; id++) {
      assertThat(java.recover(hash, rs, id)).isEqualTo(nat.recover(hash, rs, id));
    }
  }
}
