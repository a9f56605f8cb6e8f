package dev.opal.node.eth;

import dev.opal.crypto.Keccak;
import dev.opal.types.Address;
import dev.opal.types.Hash;

/**
 * An L2 output (OP specs protocol/proposals.md "L2 Output Commitment Construction"): the block's
 * state root, the storage root of the L2ToL1MessagePasser (withdrawals) and the block hash, under
 * output version 0.
 */
public record L2Output(L2BlockRef block, Hash stateRoot, Hash withdrawalStorageRoot) {
  public static final Address MESSAGE_PASSER = Address.fromHex("0x4200000000000000000000000000000000000016");
  public static final Hash VERSION_0 = Hash.ZERO;

  /** keccak256(version ++ stateRoot ++ withdrawalStorageRoot ++ blockHash). */
  public Hash outputRoot() {
    byte[] b = new byte[128];
    System.arraycopy(VERSION_0.toArray(), 0, b, 0, 32);
    System.arraycopy(stateRoot.toArray(), 0, b, 32, 32);
    System.arraycopy(withdrawalStorageRoot.toArray(), 0, b, 64, 32);
    System.arraycopy(block.hash().toArray(), 0, b, 96, 32);
    return Keccak.hash256(b);
  }
}
