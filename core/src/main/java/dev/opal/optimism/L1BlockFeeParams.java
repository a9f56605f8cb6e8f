package dev.opal.optimism;

import dev.opal.config.OpFork;
import dev.opal.config.Rules;
import dev.opal.types.Address;
import dev.opal.types.UInt256;
import java.math.BigInteger;

/**
 * Reads the fee parameters that the L1-info deposit writes into the L1Block predeploy's storage and
 * selects the fee functions in force. Reading must happen after the block's L1-info deposit has
 * executed, i.e. at the first non-deposit transaction (consensus-critical; op-geth
 * core/types/rollup_cost.go reads lazily for this reason).
 *
 * <p>Storage layout of L1Block (contracts-bedrock storageLayout/L1Block.json): slot 1 basefee,
 * slot 3 sequenceNumber | blobBaseFeeScalar (bytes 20..24) | baseFeeScalar (bytes 16..20), slot 5
 * overhead, slot 6 scalar, slot 7 blobBaseFee, slot 8 operatorFeeConstant (bytes 24..32) |
 * operatorFeeScalar (bytes 20..24).
 */
public record L1BlockFeeParams(L1CostFunction l1Cost, OperatorFee operatorFee) {
  public static final Address L1_BLOCK = Address.fromHex("0x4200000000000000000000000000000000000015");

  /** Reads one storage slot of the L1Block contract. */
  @FunctionalInterface
  public interface SlotReader {
    UInt256 slot(long index);
  }

  public static L1BlockFeeParams read(SlotReader storage, Rules rules) {
    return new L1BlockFeeParams(l1CostFunction(storage, rules), operatorFee(storage, rules));
  }

  static L1CostFunction l1CostFunction(SlotReader storage, Rules rules) {
    BigInteger l1BaseFee = storage.slot(1).toBigInteger();
    if (rules.isAtLeast(OpFork.ECOTONE)) {
      byte[] scalars = storage.slot(3).toBytes32();
      BigInteger blobBaseFee = storage.slot(7).toBigInteger();
      BigInteger baseFeeScalar = uint(scalars, 16, 4);
      BigInteger blobBaseFeeScalar = uint(scalars, 20, 4);
      // The Ecotone activation block still runs the Bedrock L1-info setter, so the Ecotone
      // parameters are unset there and the Bedrock function applies (ecotone/exec-engine.md).
      boolean firstEcotoneBlock =
          blobBaseFee.signum() == 0 && baseFeeScalar.signum() == 0 && blobBaseFeeScalar.signum() == 0;
      if (!firstEcotoneBlock) {
        return rules.isAtLeast(OpFork.FJORD)
            ? new L1CostFunction.Fjord(l1BaseFee, blobBaseFee, baseFeeScalar, blobBaseFeeScalar)
            : new L1CostFunction.Ecotone(l1BaseFee, blobBaseFee, baseFeeScalar, blobBaseFeeScalar);
      }
    }
    return new L1CostFunction.Bedrock(
        l1BaseFee, storage.slot(5).toBigInteger(), storage.slot(6).toBigInteger(), rules.isAtLeast(OpFork.REGOLITH));
  }

  static OperatorFee operatorFee(SlotReader storage, Rules rules) {
    if (!rules.isAtLeast(OpFork.ISTHMUS)) return OperatorFee.NONE;
    byte[] slot = storage.slot(8).toBytes32();
    long scalar = uint(slot, 20, 4).longValueExact();
    long constant = uint(slot, 24, 8).longValue();
    return new OperatorFee(scalar, constant, rules.isAtLeast(OpFork.JOVIAN));
  }

  private static BigInteger uint(byte[] word, int from, int len) {
    byte[] part = new byte[len];
    System.arraycopy(word, from, part, 0, len);
    return new BigInteger(1, part);
  }
}
