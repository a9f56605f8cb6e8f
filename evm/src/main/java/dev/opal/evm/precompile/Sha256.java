package dev.opal.evm.precompile;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** 0x02 SHA256: 60 gas plus 12 per word. */
final class Sha256 implements Precompile {
  @Override
  public long gasCost(byte[] input) {
    return 60 + 12 * Input.words(input.length);
  }

  @Override
  public byte[] execute(byte[] input) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(input);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
