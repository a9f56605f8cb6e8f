package dev.opal.block;

import dev.opal.rlp.Rlp;
import dev.opal.rlp.RlpReader;
import dev.opal.tx.BlobTransaction;
import dev.opal.tx.Transaction;
import dev.opal.tx.TransactionDecoder;
import dev.opal.types.Hash;
import java.util.ArrayList;
import java.util.List;

/**
 * A block: header and body. The body is the transactions, the ommers (always empty after the
 * merge) and, from Shanghai (OP Canyon), the withdrawals (null before).
 */
public record Block(BlockHeader header, List<Transaction> transactions, List<BlockHeader> ommers, List<Withdrawal> withdrawals) {
  public Block {
    transactions = List.copyOf(transactions);
    ommers = List.copyOf(ommers);
    withdrawals = withdrawals == null ? null : List.copyOf(withdrawals);
  }

  /** The versioned hashes of the block's blob transactions, in order: what newPayloadV3 is given and a beacon block's blobs are indexed by. */
  public List<Hash> blobVersionedHashes() {
    List<Hash> out = new ArrayList<>();
    for (Transaction tx : transactions) if (tx instanceof BlobTransaction b) out.addAll(b.blobVersionedHashes());
    return out;
  }

  public byte[] encode() {
    List<byte[]> txs = new ArrayList<>(transactions.size());
    for (Transaction tx : transactions) txs.add(TransactionDecoder.encodeBlockItem(tx));
    List<byte[]> uncles = new ArrayList<>(ommers.size());
    for (BlockHeader o : ommers) uncles.add(o.encode());
    if (withdrawals == null) return Rlp.list(header.encode(), Rlp.list(txs), Rlp.list(uncles));
    List<byte[]> ws = new ArrayList<>(withdrawals.size());
    for (Withdrawal w : withdrawals) ws.add(w.encode());
    return Rlp.list(header.encode(), Rlp.list(txs), Rlp.list(uncles), Rlp.list(ws));
  }

  public static Block decode(byte[] encoded) {
    RlpReader outer = Rlp.reader(encoded);
    RlpReader r = outer.enterList();
    outer.ensureDone();
    BlockHeader header = BlockHeader.decode(r);
    RlpReader txr = r.enterList();
    List<Transaction> txs = new ArrayList<>();
    while (txr.hasNext()) txs.add(TransactionDecoder.decodeBlockItem(txr));
    RlpReader ur = r.enterList();
    List<BlockHeader> ommers = new ArrayList<>();
    while (ur.hasNext()) ommers.add(BlockHeader.decode(ur));
    List<Withdrawal> withdrawals = null;
    if (r.hasNext()) {
      RlpReader wr = r.enterList();
      withdrawals = new ArrayList<>();
      while (wr.hasNext()) withdrawals.add(Withdrawal.decode(wr));
    }
    r.ensureDone();
    return new Block(header, txs, ommers, withdrawals);
  }
}
