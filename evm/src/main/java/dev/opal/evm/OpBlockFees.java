package dev.opal.evm;

import dev.opal.optimism.L1BlockFeeParams;
import dev.opal.optimism.L1Cost;
import dev.opal.state.WorldState;
import dev.opal.tx.Transaction;
import dev.opal.types.Address;
import dev.opal.types.UInt256;
import java.math.BigInteger;

/**
 * The OP fee parameters of one block, read from the L1Block predeploy at the block's first
 * non-deposit transaction, i.e. after the L1-info deposit has written them (op-geth reads them
 * lazily for the same reason). Also names the fee vaults (OP specs, predeploys.md).
 */
final class OpBlockFees {
  static final Address BASE_FEE_VAULT = Address.fromHex("0x4200000000000000000000000000000000000019");
  static final Address L1_FEE_VAULT = Address.fromHex("0x420000000000000000000000000000000000001a");
  static final Address OPERATOR_FEE_VAULT = Address.fromHex("0x420000000000000000000000000000000000001b");

  private final WorldState state;
  private final BlockContext block;
  private L1BlockFeeParams params;

  OpBlockFees(WorldState state, BlockContext block) {
    this.state = state;
    this.block = block;
  }

  L1BlockFeeParams params() {
    if (params == null) {
      params = L1BlockFeeParams.read(i -> state.getStorage(L1BlockFeeParams.L1_BLOCK, UInt256.valueOf(i)), block.rules());
    }
    return params;
  }

  L1Cost l1Cost(Transaction tx) {
    return params().l1Cost().cost(tx.rollupCostData());
  }

  BigInteger operatorFee(long gas) {
    return params().operatorFee().isZero() ? BigInteger.ZERO : params().operatorFee().cost(gas);
  }
}
