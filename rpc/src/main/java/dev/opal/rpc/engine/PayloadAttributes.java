package dev.opal.rpc.engine;

import dev.opal.block.Withdrawal;
import dev.opal.types.Address;
import dev.opal.types.Bytes;
import dev.opal.types.Hash;
import java.util.List;

/**
 * PayloadAttributesV1/V2/V3 with the OP Stack's extensions (OP specs, exec-engine.md "Extended
 * PayloadAttributesV*"): the rollup node dictates the block's first transactions ({@code
 * transactions}: L1-info deposit, user deposits, upgrade transactions), may forbid the mempool
 * ({@code noTxPool}), sets the gas limit, Holocene's {@code eip1559Params} (8 bytes: denominator,
 * elasticity) and Jovian's {@code minBaseFee}. Null means absent.
 */
public record PayloadAttributes(
    long timestamp,
    Hash prevRandao,
    Address suggestedFeeRecipient,
    List<Withdrawal> withdrawals,
    Hash parentBeaconBlockRoot,
    List<Bytes> transactions,
    boolean noTxPool,
    Long gasLimit,
    Bytes eip1559Params,
    Long minBaseFee) {

  public PayloadAttributes {
    withdrawals = withdrawals == null ? null : List.copyOf(withdrawals);
    transactions = transactions == null ? List.of() : List.copyOf(transactions);
  }

  /** 1 without withdrawals, 2 with them, 3 with a parent beacon block root. */
  public int structureVersion() {
    if (parentBeaconBlockRoot != null) return 3;
    return withdrawals != null ? 2 : 1;
  }
}
