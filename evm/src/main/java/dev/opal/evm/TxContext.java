package dev.opal.evm;

import dev.opal.types.Address;
import dev.opal.types.Hash;
import dev.opal.types.UInt256;
import java.util.List;

/** What the EVM can see of the transaction: ORIGIN, GASPRICE and BLOBHASH. */
public record TxContext(Address origin, UInt256 gasPrice, List<Hash> blobHashes) {
  public TxContext {
    blobHashes = List.copyOf(blobHashes);
  }
}
