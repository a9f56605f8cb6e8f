package dev.opal.optimism;

import java.math.BigInteger;

/**
 * The Isthmus operator fee (specs/protocol/isthmus/exec-engine.md "Operator Fee"), with Jovian's
 * corrected scaling (jovian/exec-engine.md): Isthmus charges {@code gas * scalar / 1e6 + constant},
 * Jovian {@code gas * scalar * 100 + constant}. Deposits never pay it.
 */
public record OperatorFee(long scalar, long constant, boolean jovian) {
  private static final BigInteger ONE_MILLION = BigInteger.valueOf(1_000_000);
  private static final BigInteger HUNDRED = BigInteger.valueOf(100);

  /** No operator fee (before Isthmus, or with both parameters zero). */
  public static final OperatorFee NONE = new OperatorFee(0, 0, false);

  public boolean isZero() {
    return scalar == 0 && constant == 0;
  }

  public BigInteger cost(long gas) {
    if (isZero()) return BigInteger.ZERO;
    BigInteger product = BigInteger.valueOf(gas).multiply(BigInteger.valueOf(scalar));
    BigInteger scaled = jovian ? product.multiply(HUNDRED) : product.divide(ONE_MILLION);
    return scaled.add(new BigInteger(Long.toUnsignedString(constant)));
  }
}
