package dev.opal.evm.precompile;

import org.bouncycastle.crypto.digests.RIPEMD160Digest;

/** 0x03 RIPEMD160: 600 gas plus 120 per word; the 20-byte digest is left-padded to 32 bytes. */
final class Ripemd160 implements Precompile {
  @Override
  public long gasCost(byte[] input) {
    return 600 + 120 * Input.words(input.length);
  }

  @Override
  public byte[] execute(byte[] input) {
    RIPEMD160Digest d = new RIPEMD160Digest();
    d.update(input, 0, input.length);
    byte[] out = new byte[20];
    d.doFinal(out, 0);
    return Input.leftPad(out, 32);
  }
}
