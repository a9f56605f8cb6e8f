package dev.opal.consensus;

import dev.opal.config.EthereumFork;
import java.math.BigInteger;

/**
 * EIP-4844 blob gas accounting: the blob base fee from the excess blob gas, and the excess for the
 * next block. Prague (EIP-7691) raises the target and max and changes the update fraction.
 */
public final class BlobGas {
  public static final long GAS_PER_BLOB = 1 << 17;
  private static final BigInteger MIN_BLOB_BASE_FEE = BigInteger.ONE;

  private BlobGas() {}

  public static long targetPerBlock(EthereumFork fork) {
    return (fork.isAtLeast(EthereumFork.PRAGUE) ? 6 : 3) * GAS_PER_BLOB;
  }

  public static long maxPerBlock(EthereumFork fork) {
    return (fork.isAtLeast(EthereumFork.PRAGUE) ? 9 : 6) * GAS_PER_BLOB;
  }

  private static BigInteger updateFraction(EthereumFork fork) {
    return BigInteger.valueOf(fork.isAtLeast(EthereumFork.PRAGUE) ? 5_007_716 : 3_338_477);
  }

  /** {@code fake_exponential(MIN_BLOB_BASE_FEE, excessBlobGas, BLOB_BASE_FEE_UPDATE_FRACTION)} (EIP-4844). */
  public static BigInteger baseFee(long excessBlobGas, EthereumFork fork) {
    return fakeExponential(MIN_BLOB_BASE_FEE, BigInteger.valueOf(excessBlobGas), updateFraction(fork));
  }

  /** The next block's excess blob gas from the parent's excess and usage. */
  public static long nextExcess(long parentExcess, long parentUsed, EthereumFork fork) {
    long sum = parentExcess + parentUsed;
    long target = targetPerBlock(fork);
    return sum < target ? 0 : sum - target;
  }

  static BigInteger fakeExponential(BigInteger factor, BigInteger numerator, BigInteger denominator) {
    BigInteger output = BigInteger.ZERO;
    BigInteger accum = factor.multiply(denominator);
    for (int i = 1; accum.signum() > 0; i++) {
      output = output.add(accum);
      accum = accum.multiply(numerator).divide(denominator.multiply(BigInteger.valueOf(i)));
    }
    return output.divide(denominator);
  }
}
