package dev.opal.optimism;

import java.math.BigInteger;

/**
 * The L1 data fee formulas of each OP upgrade (specs/protocol/exec-engine.md "L1-Cost fees",
 * ecotone/exec-engine.md, fjord/exec-engine.md). All arithmetic is unbounded integer arithmetic
 * with truncating division, as the specs define it.
 */
public sealed interface L1CostFunction {
  BigInteger SIXTEEN = BigInteger.valueOf(16);
  BigInteger ONE_MILLION = BigInteger.valueOf(1_000_000);

  L1Cost cost(RollupCostData data);

  /**
   * Bedrock and Regolith: {@code (calldataGas + overhead) * l1BaseFee * scalar / 1e6}. Before
   * Regolith the calldata gas counts 68 extra non-zero bytes for the signature.
   */
  record Bedrock(BigInteger l1BaseFee, BigInteger overhead, BigInteger scalar, boolean regolith)
      implements L1CostFunction {
    @Override
    public L1Cost cost(RollupCostData d) {
      long ones = regolith ? d.ones() : d.ones() + 68;
      BigInteger gas = BigInteger.valueOf(d.zeroes() * 4 + ones * 16).add(overhead);
      return new L1Cost(gas.multiply(l1BaseFee).multiply(scalar).divide(ONE_MILLION), gas);
    }
  }

  /** Ecotone: {@code calldataGas * (16 * l1BaseFee * baseFeeScalar + blobBaseFee * blobBaseFeeScalar) / 16e6}. */
  record Ecotone(BigInteger l1BaseFee, BigInteger blobBaseFee, BigInteger baseFeeScalar, BigInteger blobBaseFeeScalar)
      implements L1CostFunction {
    private static final BigInteger DIVISOR = BigInteger.valueOf(16_000_000);

    @Override
    public L1Cost cost(RollupCostData d) {
      BigInteger gas = BigInteger.valueOf(d.zeroes() * 4 + d.ones() * 16);
      BigInteger perByte = SIXTEEN.multiply(l1BaseFee).multiply(baseFeeScalar)
          .add(blobBaseFee.multiply(blobBaseFeeScalar));
      return new L1Cost(gas.multiply(perByte).divide(DIVISOR), gas);
    }
  }

  /**
   * Fjord: the compressed size is estimated from the FastLZ length by a linear regression,
   * {@code max(100e6, -42_585_600 + 836_500 * fastLzSize)} (scaled by 1e6), and
   * {@code fee = estimate * (16 * l1BaseFee * baseFeeScalar + blobBaseFee * blobBaseFeeScalar) / 1e12}.
   */
  record Fjord(BigInteger l1BaseFee, BigInteger blobBaseFee, BigInteger baseFeeScalar, BigInteger blobBaseFeeScalar)
      implements L1CostFunction {
    private static final long INTERCEPT = -42_585_600;
    private static final long FASTLZ_COEF = 836_500;
    private static final long MIN_SIZE_SCALED = 100_000_000;
    private static final BigInteger DIVISOR = BigInteger.valueOf(1_000_000_000_000L);

    /** The estimated compressed size times 1e6 (also the basis of Jovian's DA footprint). */
    public static long estimatedSizeScaled(long fastLzSize) {
      return Math.max(MIN_SIZE_SCALED, INTERCEPT + Math.multiplyExact(FASTLZ_COEF, fastLzSize));
    }

    @Override
    public L1Cost cost(RollupCostData d) {
      BigInteger size = BigInteger.valueOf(estimatedSizeScaled(d.fastLzSize()));
      BigInteger feeScaled = SIXTEEN.multiply(l1BaseFee).multiply(baseFeeScalar)
          .add(blobBaseFee.multiply(blobBaseFeeScalar));
      return new L1Cost(size.multiply(feeScaled).divide(DIVISOR), size.multiply(SIXTEEN).divide(ONE_MILLION));
    }
  }
}
