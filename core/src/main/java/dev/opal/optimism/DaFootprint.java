package dev.opal.optimism;

import dev.opal.tx.Transaction;

/**
 * Jovian's data-availability footprint (OP specs jovian/exec-engine.md): each non-deposit
 * transaction counts its Fjord-estimated compressed size (at least 100 bytes) times the
 * {@code daFootprintGasScalar} of the block's L1-info deposit. The block's total is stored in the
 * header's blobGasUsed, may not exceed the gas limit, and meters the next base fee.
 */
public final class DaFootprint {
  private DaFootprint() {}

  public static long of(Transaction tx, int scalar) {
    if (tx.isDeposit() || scalar == 0) return 0;
    return L1CostFunction.Fjord.estimatedSizeScaled(tx.rollupCostData().fastLzSize()) / 1_000_000 * scalar;
  }

  /** The scalar carried by an L1-info deposit's calldata: only the Jovian format has it (0 otherwise, e.g. on the activation block). */
  public static int scalarOf(byte[] l1InfoCalldata) {
    try {
      return L1BlockInfo.formatOf(l1InfoCalldata) == L1BlockInfo.Format.JOVIAN ? L1BlockInfo.decode(l1InfoCalldata).daFootprintGasScalar() : 0;
    } catch (IllegalArgumentException e) {
      return 0;
    }
  }
}
