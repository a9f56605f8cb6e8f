package dev.opal.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** Cases from EIP-1559's rationale and go-ethereum's eip1559_test.go table (elasticity 2, denominator 8). */
class BaseFeeTest {
  private static BigInteger next(long baseFee, long gasLimit, long gasUsed) {
    return BaseFee.next(BigInteger.valueOf(baseFee), gasLimit, gasUsed, 8, 2);
  }

  @Test
  void atTargetUnchanged() {
    assertThat(next(1_000_000_000, 20_000_000, 10_000_000)).isEqualTo(BigInteger.valueOf(1_000_000_000));
  }

  @Test
  void belowTargetDecreases() {
    assertThat(next(1_000_000_000, 20_000_000, 9_000_000)).isEqualTo(BigInteger.valueOf(987_500_000));
  }

  @Test
  void aboveTargetIncreases() {
    assertThat(next(1_000_000_000, 20_000_000, 11_000_000)).isEqualTo(BigInteger.valueOf(1_012_500_000));
  }

  @Test
  void fullBlockRaisesByOneEighthAndEmptyLowersByOneEighth() {
    assertThat(next(800, 30_000_000, 30_000_000)).isEqualTo(BigInteger.valueOf(900));
    assertThat(next(800, 30_000_000, 0)).isEqualTo(BigInteger.valueOf(700));
  }

  @Test
  void increaseIsAtLeastOneWei() {
    assertThat(next(1, 30_000_000, 15_000_001)).isEqualTo(BigInteger.TWO);
  }

  @Test
  void decreaseFloorsAtZero() {
    assertThat(BaseFee.next(BigInteger.ONE, 30_000_000, 0, 1, 2)).isEqualTo(BigInteger.ZERO);
  }
}
