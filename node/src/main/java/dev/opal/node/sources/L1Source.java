package dev.opal.node.sources;

import dev.opal.block.Log;
import dev.opal.crypto.Kzg;
import dev.opal.node.eth.L1BlockRef;
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

  /**
   * The blobs with these versioned hashes (all of block's batcher blobs), in that order, each checked
   * against its hash by recomputing its KZG commitment; throws if the source cannot supply one.
   */
  List<byte[]> blobs(L1BlockRef block, List<Hash> versionedHashes);

  int BLOB_TX_TYPE = 3;

  /**
   * What L1 retrieval needs of a transaction: its type, signer, recipient (null for a creation),
   * calldata, and the versioned hashes of its blobs (empty unless it is a blob transaction).
   */
  record L1Transaction(int type, Address from, Address to, Bytes input, List<Hash> blobHashes) {
    public L1Transaction {
      blobHashes = List.copyOf(blobHashes);
    }

    /** A transaction without blobs. */
    public L1Transaction(int type, Address from, Address to, Bytes input) {
      this(type, from, to, input, List.of());
    }
  }

  /** Whether {@code blob} is the one {@code versionedHash} names (op-node's verifyBlob: the commitment recomputed). */
  static boolean matches(byte[] blob, Hash versionedHash) {
    return blob.length == Kzg.BYTES_PER_BLOB && Kzg.versionedHash(Kzg.commitment(blob)).equals(versionedHash);
  }

  /** A log with its block-wide index (the deposit source hash commits to it). */
  record IndexedLog(Log log, long index) {}
}
