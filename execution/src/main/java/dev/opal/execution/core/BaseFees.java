package dev.opal.execution.core;

import dev.opal.block.BlockHeader;
import dev.opal.config.ChainConfig;
import dev.opal.config.OpFork;
import dev.opal.consensus.BaseFee;
import dev.opal.optimism.Eip1559Params;
import java.math.BigInteger;

/**
 * The base fee of a child block from its parent, for the chain's rules: London's parameters on
 * Ethereum; on OP chains the chain's elasticity and (from Canyon, by child time) Canyon
 * denominator, overridden from Holocene (by parent time) by the parent's extraData, and from Jovian
 * metered by the DA footprint and clamped to the minimum base fee (OP specs holocene/jovian
 * exec-engine.md).
 */
public final class BaseFees {
  private BaseFees() {}

  public static BigInteger next(ChainConfig chain, BlockHeader parent, long childTimestamp) {
    BigInteger parentBaseFee = parent.baseFeePerGas().toBigInteger();
    if (!chain.isOptimism()) {
      return BaseFee.next(parentBaseFee, parent.gasLimit(), parent.gasUsed(), BlockValidator.LONDON_DENOMINATOR,
          BlockValidator.LONDON_ELASTICITY);
    }
    var forks = chain.forks();
    long denominator = chain.eip1559().denominatorAt(forks, childTimestamp);
    long elasticity = chain.eip1559().elasticity();
    Long minBaseFee = null;
    boolean holoceneParent = forks.isActive(OpFork.HOLOCENE, parent.timestamp());
    boolean jovianParent = forks.isActive(OpFork.JOVIAN, parent.timestamp());
    if (holoceneParent) {
      Eip1559Params p = Eip1559Params.fromExtraData(parent.extraData().toArrayUnsafe(), jovianParent);
      denominator = p.denominator();
      elasticity = p.elasticity();
      minBaseFee = p.minBaseFee();
    }
    long metered = parent.gasUsed();
    if (jovianParent && parent.blobGasUsed() != null) metered = Math.max(metered, parent.blobGasUsed());
    BigInteger fee = BaseFee.next(parentBaseFee, parent.gasLimit(), metered, denominator, elasticity);
    if (minBaseFee != null) fee = fee.max(new BigInteger(Long.toUnsignedString(minBaseFee)));
    return fee;
  }
}
