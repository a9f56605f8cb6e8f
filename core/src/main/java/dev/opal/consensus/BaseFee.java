package dev.opal.consensus;

import java.math.BigInteger;

/**
 * The EIP-1559 base fee update rule: the base fee moves towards balancing gas use at
 * {@code gasLimit / elasticity}, by at most {@code 1 / denominator} per block, and rises by at
 * least 1 wei when the parent was over target. Which denominator, elasticity and metered gas apply
 * (London, Canyon, Holocene, Jovian) is the caller's choice; this class is only the arithmetic.
 */
public final class BaseFee {
  private BaseFee() {}

  public static BigInteger next(
      BigInteger parentBaseFee, long parentGasLimit, long gasMetered, long denominator, long elasticity) {
    long target = parentGasLimit / elasticity;
    if (gasMetered == target) return parentBaseFee;
    if (gasMetered > target) {
      BigInteger delta = parentBaseFee.multiply(BigInteger.valueOf(gasMetered - target))
          .divide(BigInteger.valueOf(target))
          .divide(BigInteger.valueOf(denominator));
      return parentBaseFee.add(delta.max(BigInteger.ONE));
    }
    BigInteger delta = parentBaseFee.multiply(BigInteger.valueOf(target - gasMetered))
        .divide(BigInteger.valueOf(target))
        .divide(BigInteger.valueOf(denominator));
    return parentBaseFee.subtract(delta).max(BigInteger.ZERO);
  }
}
