package dev.opal.optimism;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opal.config.OpFork;
import dev.opal.config.Rules;
import dev.opal.types.Hex;
import dev.opal.types.UInt256;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Expected values are the ones op-geth's core/types/rollup_cost_test.go publishes for the same
 * parameters (baseFee 1000e6, overhead 50, scalar 7e6, blobBaseFee 10e6, scalars 2 and 3) on its
 * "emptyTx" (an unsigned legacy transaction to 0x095e7b..., all fields zero), and the Fjord
 * Solidity-parity case (GasPriceOracle's test in contracts-bedrock).
 */
class L1CostTest {
  /** rlp([0, 0, 0, 0x095e7baea6a6c7c4c2dfeb977efac326af552d87, 0, "", 0, 0, 0]): 30 non-zero bytes. */
  static final byte[] EMPTY_TX = Hex.decode("0xdd80808094095e7baea6a6c7c4c2dfeb977efac326af552d878080808080");

  static final BigInteger BASE_FEE = BigInteger.valueOf(1_000_000_000L);
  static final BigInteger OVERHEAD = BigInteger.valueOf(50);
  static final BigInteger SCALAR = BigInteger.valueOf(7_000_000);
  static final BigInteger BLOB_BASE_FEE = BigInteger.valueOf(10_000_000);
  static final BigInteger BASE_FEE_SCALAR = BigInteger.TWO;
  static final BigInteger BLOB_BASE_FEE_SCALAR = BigInteger.valueOf(3);

  @Test
  void bedrockAndRegolith() {
    RollupCostData d = RollupCostData.of(EMPTY_TX);
    assertThat(d.zeroes()).isZero();
    assertThat(d.ones()).isEqualTo(30);
    assertThat(new L1CostFunction.Bedrock(BASE_FEE, OVERHEAD, SCALAR, false).cost(d))
        .isEqualTo(new L1Cost(BigInteger.valueOf(11_326_000_000_000L), BigInteger.valueOf(1618)));
    assertThat(new L1CostFunction.Bedrock(BASE_FEE, OVERHEAD, SCALAR, true).cost(d))
        .isEqualTo(new L1Cost(BigInteger.valueOf(3_710_000_000_000L), BigInteger.valueOf(530)));
  }

  @Test
  void ecotone() {
    assertThat(new L1CostFunction.Ecotone(BASE_FEE, BLOB_BASE_FEE, BASE_FEE_SCALAR, BLOB_BASE_FEE_SCALAR)
            .cost(RollupCostData.of(EMPTY_TX)))
        .isEqualTo(new L1Cost(BigInteger.valueOf(960_900), BigInteger.valueOf(480)));
  }

  @Test
  void fjordUsesMinimumSizeBelowTheRegressionBound() {
    var fjord = new L1CostFunction.Fjord(BASE_FEE, BLOB_BASE_FEE, BASE_FEE_SCALAR, BLOB_BASE_FEE_SCALAR);
    for (long size : new long[] {100, 150, 170}) {
      assertThat(fjord.cost(new RollupCostData(0, 0, size)))
          .isEqualTo(new L1Cost(BigInteger.valueOf(3_203_000), BigInteger.valueOf(1600)));
    }
    for (long size : new long[] {171, 175, 200}) {
      assertThat(fjord.cost(new RollupCostData(0, 0, size)).fee()).isGreaterThan(BigInteger.valueOf(3_203_000));
    }
  }

  @Test
  void fjordSolidityParity() {
    var fjord = new L1CostFunction.Fjord(
        BigInteger.valueOf(2_000_000), BigInteger.valueOf(3_000_000), BigInteger.valueOf(20), BigInteger.valueOf(15));
    assertThat(fjord.cost(new RollupCostData(0, 0, 235)))
        .isEqualTo(new L1Cost(BigInteger.valueOf(105_484), BigInteger.valueOf(2463)));
  }

  @Test
  void fastLzLengthsMatchOpGethVectors() {
    byte[] ones = new byte[1000];
    Arrays.fill(ones, (byte) 1);
    assertThat(FastLz.compressedLength(new byte[0])).isZero();
    assertThat(FastLz.compressedLength(ones)).isEqualTo(21);
    assertThat(FastLz.compressedLength(new byte[1000])).isEqualTo(21);
    assertThat(FastLz.compressedLength(EMPTY_TX)).isEqualTo(31);
    // OP Mainnet tx 0x8eb9dd4eb6d33f4dc25fb015919e4b1e9f7542f9b0322bf6622e268cd116b594
    byte[] contractCall = Hex.decode("0x02f901550a758302df1483be21b88304743f94f8"
        + "0e51afb613d764fa61751affd3313c190a86bb870151bd62fd12adb8"
        + "e41ef24f3f0000000000000000000000000000000000000000000000"
        + "00000000000000006e000000000000000000000000af88d065e77c8c"
        + "c2239327c5edb3a432268e5831000000000000000000000000000000"
        + "000000000000000000000000000003c1e50000000000000000000000"
        + "00000000000000000000000000000000000000000000000000000000"
        + "000000000000000000000000000000000000000000000000a0000000"
        + "00000000000000000000000000000000000000000000000000000000"
        + "148c89ed219d02f1a5be012c689b4f5b731827bebe00000000000000"
        + "0000000000c001a033fd89cb37c31b2cba46b6466e040c61fc9b2a36"
        + "75a7f5f493ebd5ad77c497f8a07cdf65680e238392693019b4092f61"
        + "0222e71b7cec06449cb922b93b6a12744e");
    assertThat(FastLz.compressedLength(contractCall)).isEqualTo(202);
  }

  @Test
  void selectsFunctionFromL1BlockStorage() {
    // slot 3 holds baseFeeScalar at bytes 16..20 and blobBaseFeeScalar at bytes 20..24.
    byte[] scalars = new byte[32];
    scalars[19] = 2;
    scalars[23] = 3;
    Map<Long, UInt256> slots = Map.of(
        1L, UInt256.fromBigInteger(BASE_FEE),
        3L, UInt256.fromBytes(scalars),
        5L, UInt256.fromBigInteger(OVERHEAD),
        6L, UInt256.fromBigInteger(SCALAR),
        7L, UInt256.fromBigInteger(BLOB_BASE_FEE));
    L1BlockFeeParams.SlotReader reader = i -> slots.getOrDefault(i, UInt256.ZERO);

    assertThat(L1BlockFeeParams.read(reader, Rules.optimism(OpFork.REGOLITH)).l1Cost())
        .isEqualTo(new L1CostFunction.Bedrock(BASE_FEE, OVERHEAD, SCALAR, true));
    assertThat(L1BlockFeeParams.read(reader, Rules.optimism(OpFork.ECOTONE)).l1Cost())
        .isEqualTo(new L1CostFunction.Ecotone(BASE_FEE, BLOB_BASE_FEE, BASE_FEE_SCALAR, BLOB_BASE_FEE_SCALAR));
    assertThat(L1BlockFeeParams.read(reader, Rules.optimism(OpFork.FJORD)).l1Cost())
        .isEqualTo(new L1CostFunction.Fjord(BASE_FEE, BLOB_BASE_FEE, BASE_FEE_SCALAR, BLOB_BASE_FEE_SCALAR));
    assertThat(L1BlockFeeParams.read(reader, Rules.optimism(OpFork.FJORD)).operatorFee()).isEqualTo(OperatorFee.NONE);

    // The first Ecotone block: scalars and blob base fee still unset, so Bedrock's function applies.
    Map<Long, UInt256> bedrockOnly = Map.of(1L, UInt256.fromBigInteger(BASE_FEE),
        5L, UInt256.fromBigInteger(OVERHEAD), 6L, UInt256.fromBigInteger(SCALAR));
    assertThat(L1BlockFeeParams.read(i -> bedrockOnly.getOrDefault(i, UInt256.ZERO), Rules.optimism(OpFork.ECOTONE))
            .l1Cost())
        .isEqualTo(new L1CostFunction.Bedrock(BASE_FEE, OVERHEAD, SCALAR, true));
  }

  @Test
  void operatorFeeIsthmusAndJovian() {
    // slot 8: operatorFeeScalar (u32) at bytes 20..24, operatorFeeConstant (u64) at bytes 24..32.
    byte[] slot8 = new byte[32];
    slot8[23] = 0x10; // scalar 16
    slot8[31] = 0x07; // constant 7
    L1BlockFeeParams.SlotReader reader = i -> i == 8 ? UInt256.fromBytes(slot8) : UInt256.ZERO;
    OperatorFee isthmus = L1BlockFeeParams.read(reader, Rules.optimism(OpFork.ISTHMUS)).operatorFee();
    OperatorFee jovian = L1BlockFeeParams.read(reader, Rules.optimism(OpFork.JOVIAN)).operatorFee();
    assertThat(isthmus).isEqualTo(new OperatorFee(16, 7, false));
    // Isthmus: 1_000_000 * 16 / 1e6 + 7; Jovian: 1_000_000 * 16 * 100 + 7.
    assertThat(isthmus.cost(1_000_000)).isEqualTo(BigInteger.valueOf(23));
    assertThat(jovian.cost(1_000_000)).isEqualTo(BigInteger.valueOf(1_600_000_007L));
    assertThat(OperatorFee.NONE.cost(21_000)).isZero();
  }
}
