package dev.opal.node.derive.batch;

import dev.opal.rlp.Rlp;
import dev.opal.rlp.RlpReader;
import dev.opal.types.Bytes;
import dev.opal.types.Hash;
import java.util.ArrayList;
import java.util.List;

/**
 * One L2 block's batch (OP specs protocol/derivation.md "Batch Format", version 0):
 * {@code rlp([parent_hash, epoch_number, epoch_hash, timestamp, transaction_list])}, where the
 * transactions are the block's non-deposit transactions in their typed (EIP-2718) encoding.
 *
 * @param transactions each an opaque EIP-2718 encoding, as in the execution payload
 */
public record SingularBatch(Hash parentHash, long epochNumber, Hash epochHash, long timestamp, List<Bytes> transactions) implements Batch {
  public static final int TYPE = 0;

  public SingularBatch {
    transactions = List.copyOf(transactions);
  }

  /** The RLP body, without the batch type byte. */
  public byte[] encodeBody() {
    List<byte[]> txs = new ArrayList<>(transactions.size());
    for (Bytes t : transactions) txs.add(Rlp.bytes(t));
    return Rlp.list(Rlp.hash(parentHash), Rlp.uint(epochNumber), Rlp.hash(epochHash), Rlp.uint(timestamp), Rlp.list(txs));
  }

  /** Decodes the RLP body (after the type byte); throws {@link dev.opal.rlp.RlpException} on malformed input. */
  public static SingularBatch decodeBody(byte[] body) {
    RlpReader top = Rlp.reader(body);
    RlpReader r = top.enterList();
    Hash parent = r.readHash();
    long epochNumber = r.readLong();
    Hash epochHash = r.readHash();
    long timestamp = r.readLong();
    RlpReader txr = r.enterList();
    List<Bytes> txs = new ArrayList<>();
    while (txr.hasNext()) txs.add(txr.readBytesValue());
    if (r.hasNext() || top.hasNext()) throw new dev.opal.rlp.RlpException("trailing data after the singular batch");
    return new SingularBatch(parent, epochNumber, epochHash, timestamp, txs);
  }
}
