package dev.opal.optimism;

import dev.opal.types.Address;
import dev.opal.types.Bytes;
import dev.opal.types.Hash;

/**
 * The L1 SystemConfig values derivation tracks (op-node's eth.SystemConfig): the batcher, fee
 * scalars (pre-Ecotone overhead/scalar; from Ecotone the scalar word packs base-fee and blob-fee
 * scalars), the L2 gas limit, Holocene's EIP-1559 parameters, Isthmus's operator fee parameters and
 * Jovian's min base fee and DA footprint scalar. Updated by ConfigUpdate logs.
 */
public record SystemConfig(
    Address batcherAddr, Hash overhead, Hash scalar, long gasLimit, Bytes eip1559Params, Hash operatorFeeParams,
    long minBaseFee, long daFootprintGasScalar) {

  public static final Bytes NO_EIP1559_PARAMS = Bytes.wrap(new byte[8]);

  public SystemConfig {
    if (eip1559Params.size() != 8) throw new IllegalArgumentException("eip1559Params must be 8 bytes");
  }
}
