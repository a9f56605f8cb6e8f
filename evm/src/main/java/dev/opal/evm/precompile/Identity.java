package dev.opal.evm.precompile;

/** 0x04 IDENTITY: returns its input; 15 gas plus 3 per word. */
final class Identity implements Precompile {
  @Override
  public long gasCost(byte[] input) {
    return 15 + 3 * Input.words(input.length);
  }

  @Override
  public byte[] execute(byte[] input) {
    return input.clone();
  }
}
