package dev.opal.devnet;

import dev.opal.block.BlockHeader;
import dev.opal.block.Log;
import dev.opal.block.Receipt;
import dev.opal.consensus.BlobGas;
import dev.opal.execution.chain.Blockchain;
import dev.opal.execution.chain.StoredBlock;
import dev.opal.execution.txpool.BlobSidecars;
import dev.opal.node.eth.L1BlockRef;
import dev.opal.node.eth.L1Info;
import dev.opal.node.sources.L1Source;
import dev.opal.types.Hash;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import dev.opal.tx.BlobTransaction;
import dev.opal.tx.DepositTransaction;
import dev.opal.tx.SignedTransaction;
import dev.opal.tx.Transaction;
import dev.opal.types.Address;

/** The rollup node's view of the embedded L1 chain, read directly from its blockchain. */
final class InProcessL1Source implements L1Source {
  private final Blockchain l1;
  private final BlobSidecars blobs;

  InProcessL1Source(Blockchain l1, BlobSidecars blobs) {
    this.l1 = l1;
    this.blobs = blobs;
  }

  private L1Info info(StoredBlock b) {
    if (b == null) return null;
    BlockHeader h = b.block().header();
    BigInteger blobBaseFee = h.excessBlobGas() == null ? BigInteger.ONE
        : BlobGas.baseFee(h.excessBlobGas(), l1.rulesAt(h.timestamp()).eth());
    return new L1Info(new L1BlockRef(h.hash(), h.number(), h.parentHash(), h.timestamp()), h.baseFeePerGas().toBigInteger(), blobBaseFee,
        h.mixHash(), h.parentBeaconBlockRoot() == null ? Hash.ZERO : h.parentBeaconBlockRoot());
  }

  @Override
  public L1Info byNumber(long number) {
    return info(l1.canonicalBlock(number));
  }

  @Override
  public L1Info byHash(Hash hash) {
    return info(l1.block(hash));
  }

  @Override
  public L1Info latest() {
    return info(l1.head());
  }

  @Override
  public L1Info finalized() {
    return info(l1.finalized());
  }

  @Override
  public List<L1Transaction> transactions(Hash blockHash) {
    StoredBlock b = l1.block(blockHash);
    List<L1Transaction> out = new ArrayList<>();
    if (b == null) return out;
    for (Transaction tx : b.block().transactions()) {
      Address from = tx instanceof SignedTransaction s ? s.recoverSender() : ((DepositTransaction) tx).from();
      List<Hash> blobHashes = tx instanceof BlobTransaction blob ? blob.blobVersionedHashes() : List.of();
      out.add(new L1Transaction(tx.type(), from, tx.to(), tx.data(), blobHashes));
    }
    return out;
  }

  @Override
  public List<byte[]> blobs(L1BlockRef block, List<Hash> versionedHashes) {
    List<byte[]> out = new ArrayList<>(versionedHashes.size());
    for (Hash h : versionedHashes) {
      BlobSidecars.Sidecar s = blobs.get(h);
      if (s == null || !L1Source.matches(s.blob(), h)) throw new IllegalStateException("blob " + h + " of L1 block " + block + " is not available");
      out.add(s.blob());
    }
    return out;
  }

  @Override
  public List<IndexedLog> logs(Hash blockHash) {
    StoredBlock b = l1.block(blockHash);
    List<IndexedLog> out = new ArrayList<>();
    if (b == null) return out;
    long index = 0;
    for (Receipt r : b.execution().receipts()) {
      for (Log log : r.logs()) out.add(new IndexedLog(log, index++));
    }
    return out;
  }
}
