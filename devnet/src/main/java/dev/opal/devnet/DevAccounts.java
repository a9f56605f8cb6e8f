package dev.opal.devnet;

import dev.opal.crypto.Secp256k1;
import dev.opal.types.Address;
import dev.opal.types.Hex;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Funded development accounts derived from the well-known test mnemonic, as anvil and hardhat do:
 * BIP-39 seed (PBKDF2-HMAC-SHA512), BIP-32 derivation along m/44'/60'/0'/0/i. Public keys only for
 * local chains: everyone knows these keys.
 */
public final class DevAccounts {
  public static final String TEST_MNEMONIC = "test test test test test test test test test test test junk";
  private static final int HARDENED = 0x80000000;

  public record Account(Address address, byte[] privateKey) {
    public String privateKeyHex() {
      return Hex.encode(privateKey);
    }
  }

  private DevAccounts() {}

  public static List<Account> derive(String mnemonic, int count) {
    byte[] seed = seed(mnemonic, "");
    byte[][] master = hmac("Bitcoin seed".getBytes(StandardCharsets.US_ASCII), seed);
    byte[][] node = master;
    for (int index : new int[] {44 | HARDENED, 60 | HARDENED, HARDENED, 0}) node = child(node, index);
    List<Account> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      byte[] key = child(node, i)[0];
      out.add(new Account(Secp256k1.address(key), key));
    }
    return out;
  }

  static byte[] seed(String mnemonic, String passphrase) {
    try {
      String m = Normalizer.normalize(mnemonic, Normalizer.Form.NFKD);
      String salt = Normalizer.normalize("mnemonic" + passphrase, Normalizer.Form.NFKD);
      PBEKeySpec spec = new PBEKeySpec(m.toCharArray(), salt.getBytes(StandardCharsets.UTF_8), 2048, 512);
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** BIP-32 CKDpriv: {key, chainCode} → child. */
  private static byte[][] child(byte[][] parent, int index) {
    byte[] key = parent[0];
    byte[] data;
    if ((index & HARDENED) != 0) {
      data = ByteBuffer.allocate(37).put((byte) 0).put(key).putInt(index).array();
    } else {
      data = ByteBuffer.allocate(37).put(compressedPublicKey(key)).putInt(index).array();
    }
    byte[][] i = hmac(parent[1], data);
    BigInteger k = new BigInteger(1, i[0]).add(new BigInteger(1, key)).mod(Secp256k1.N);
    byte[] childKey = new byte[32];
    byte[] kb = k.toByteArray();
    int len = Math.min(kb.length, 32);
    System.arraycopy(kb, kb.length - len, childKey, 32 - len, len);
    return new byte[][] {childKey, i[1]};
  }

  private static byte[] compressedPublicKey(byte[] privateKey) {
    byte[] uncompressed = Secp256k1.publicKey(privateKey);
    byte[] out = new byte[33];
    out[0] = (byte) ((uncompressed[64] & 1) == 0 ? 0x02 : 0x03);
    System.arraycopy(uncompressed, 1, out, 1, 32);
    return out;
  }

  private static byte[][] hmac(byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA512");
      mac.init(new SecretKeySpec(key, "HmacSHA512"));
      byte[] r = mac.doFinal(data);
      return new byte[][] {Arrays.copyOfRange(r, 0, 32), Arrays.copyOfRange(r, 32, 64)};
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
