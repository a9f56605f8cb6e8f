package dev.opal.evm.precompile;

import java.math.BigInteger;

/**
 * 0x05 MODEXP (EIP-198): {@code base^exp mod modulus} with lengths given in the input; priced by
 * EIP-2565 from Berlin (minimum 200, complexity from the larger of base and modulus in 8-byte
 * words, iteration count from the exponent's bit length).
 */
final class ModExp implements Precompile {
  private static final BigInteger MAX_LEN = BigInteger.valueOf(Integer.MAX_VALUE);

  @Override
  public long gasCost(byte[] input) {
    BigInteger baseLen = Input.uint(input, 0, 32);
    BigInteger expLen = Input.uint(input, 32, 32);
    BigInteger modLen = Input.uint(input, 64, 32);
    BigInteger words = baseLen.max(modLen).add(BigInteger.valueOf(7)).shiftRight(3);
    BigInteger complexity = words.multiply(words);
    if (complexity.signum() == 0) return 200; // nothing to multiply, however long the exponent claims to be
    if (baseLen.compareTo(MAX_LEN) > 0 || expLen.compareTo(MAX_LEN) > 0) return Long.MAX_VALUE;
    BigInteger iterations = iterationCount(input, baseLen.longValue(), expLen.longValue());
    BigInteger gas = complexity.multiply(iterations.max(BigInteger.ONE)).divide(BigInteger.valueOf(3));
    return gas.bitLength() > 62 ? Long.MAX_VALUE : Math.max(200, gas.longValue());
  }

  /** EIP-2565: from the exponent's highest set bit, counting 8 per byte beyond the first 32. */
  private static BigInteger iterationCount(byte[] input, long baseLen, long expLen) {
    BigInteger head = Input.uint(input, 96 + baseLen, (int) Math.min(expLen, 32));
    long headBits = Math.max(head.bitLength() - 1, 0);
    if (expLen <= 32) return BigInteger.valueOf(headBits);
    return BigInteger.valueOf(expLen - 32).shiftLeft(3).add(BigInteger.valueOf(headBits));
  }

  @Override
  public byte[] execute(byte[] input) {
    BigInteger modLength = Input.uint(input, 64, 32);
    if (modLength.signum() == 0) return new byte[0];
    // the gas check has bounded the other lengths by now
    int baseLen = Input.uint(input, 0, 32).intValueExact();
    int expLen = Input.uint(input, 32, 32).intValueExact();
    int modLen = modLength.intValueExact();
    BigInteger base = Input.uint(input, 96, baseLen);
    BigInteger exp = Input.uint(input, 96L + baseLen, expLen);
    BigInteger mod = Input.uint(input, 96L + baseLen + expLen, modLen);
    BigInteger result = mod.signum() == 0 ? BigInteger.ZERO : base.modPow(exp, mod);
    return Input.toBytes(result, modLen);
  }
}
