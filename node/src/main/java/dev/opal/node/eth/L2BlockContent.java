package dev.opal.node.eth;

import dev.opal.types.Address;
import dev.opal.types.Bytes;
import dev.opal.types.Hash;
import java.util.List;

/**
 * What consolidation compares between derived attributes and an existing L2 block (op-node
 * AttributesMatchBlock): the header fields the attributes set and the transactions, by hash (a
 * transaction's hash commits to its exact encoding, deposits included).
 */
public record L2BlockContent(L2BlockRef ref, Hash prevRandao, Address feeRecipient, long gasLimit, Hash parentBeaconBlockRoot,
    Hash withdrawalsRoot, Bytes extraData, List<Hash> transactionHashes) {
  public L2BlockContent {
    transactionHashes = List.copyOf(transactionHashes);
  }
}
