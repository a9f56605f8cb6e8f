package dev.opal.crypto;

/** libsecp256k1 through the fr.acinq JNI binding. */
final class NativeSecp256k1 implements Secp256k1.Backend {
  private final fr.acinq.secp256k1.Secp256k1 lib = fr.acinq.secp256k1.Secp256k1.Companion.get();

  @Override
  public byte[] publicKey(byte[] privateKey) {
    return lib.pubkeyCreate(privateKey);
  }

  @Override
  public byte[] sign(byte[] hash, byte[] privateKey) {
    return lib.sign(hash, privateKey);
  }

  @Override
  public byte[] recover(byte[] hash, byte[] rs64, int recoveryId) {
    try {
      return lib.ecdsaRecover(rs64, hash, recoveryId);
    } catch (RuntimeException e) {
      return null;
    }
  }

  @Override
  public String name() {
    return "native";
  }
}
