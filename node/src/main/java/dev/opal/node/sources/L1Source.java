package dev.opal.node.sources;

import dev.opal.block.Log;
import dev.opal.node.eth.L1Info;
import dev.opal.types.Address;
import dev.opal.types.Bytes;
import dev.opal.types.Hash;
import java.util.List;

/** What the rollup node reads from L1: blocks by number or label, and the logs of a block's receipts. */
public interface L1Source {
  /** The L1 block at a height on the canonical chain, or null if there is none yet. */
  L1Info byNumber(long number);

  L1Info byHash(Hash hash);

  L1Info latest();

  L1Info finalized();

  /** All logs of the block's receipts, in order, each with the index it has in the block. */
  List<IndexedLog> logs(Hash blockHash);

  /** The block's transactions as derivation reads them (batcher data), in block order. */
  List<L1Transaction> transactions(Hash blockHash);

  /** What L1 retrieval needs of a transaction: its type, signer, recipient (null for a creation) and calldata. */
  record L1Transaction(int type, Address from, Address to, Bytes input) {}

  /** A log with its block-wide index (the deposit source hash commits to it). */
  record IndexedLog(Log log, long index) {}
}
