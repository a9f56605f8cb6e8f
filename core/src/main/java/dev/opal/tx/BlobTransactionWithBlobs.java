package dev.opal.tx;

import dev.opal.crypto.Kzg;
import dev.opal.rlp.Rlp;
import dev.opal.rlp.RlpException;
import dev.opal.rlp.RlpReader;
import dev.opal.types.Hash;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A blob transaction in its network form (EIP-4844 "PooledTransactions"): {@code 0x03 ‖
 * rlp([tx_payload_body, blobs, commitments, proofs])}, as {@code eth_sendRawTransaction} takes it.
 * Blocks carry only {@link #tx()}; the blobs travel beside it to the consensus layer.
 */
public record BlobTransactionWithBlobs(BlobTransaction tx, List<byte[]> blobs, List<byte[]> commitments, List<byte[]> proofs) {
  public BlobTransactionWithBlobs {
    blobs = List.copyOf(blobs);
    commitments = List.copyOf(commitments);
    proofs = List.copyOf(proofs);
  }

  /**
   * Whether {@code raw} is a blob transaction in network form: a type-3 envelope whose RLP list
   * starts with a list (the transaction body) rather than with the chain id.
   */
  public static boolean isNetworkForm(byte[] raw) {
    if (raw.length < 2 || raw[0] != Transaction.BLOB) return false;
    try {
      RlpReader outer = Rlp.reader(raw, 1).enterList();
      return outer.hasNext() && outer.nextIsList();
    } catch (RlpException e) {
      return false;
    }
  }

  public static BlobTransactionWithBlobs decode(byte[] raw) {
    if (!isNetworkForm(raw)) throw new InvalidTransactionException("not a blob transaction in network form");
    try {
      RlpReader whole = Rlp.reader(raw, 1);
      RlpReader r = whole.enterList();
      whole.ensureDone();
      BlobTransaction tx = (BlobTransaction) TransactionDecoder.decode(TxFields.typed(Transaction.BLOB, r.readRaw()));
      List<byte[]> blobs = sized(r.enterList(), Kzg.BYTES_PER_BLOB, "blob");
      List<byte[]> commitments = sized(r.enterList(), Kzg.COMMITMENT_SIZE, "commitment");
      List<byte[]> proofs = sized(r.enterList(), Kzg.PROOF_SIZE, "proof");
      r.ensureDone();
      return new BlobTransactionWithBlobs(tx, blobs, commitments, proofs);
    } catch (RlpException e) {
      throw new InvalidTransactionException("malformed blob transaction RLP: " + e.getMessage());
    }
  }

  private static List<byte[]> sized(RlpReader list, int size, String what) {
    List<byte[]> out = new ArrayList<>();
    while (list.hasNext()) {
      byte[] item = list.readBytes();
      if (item.length != size) throw new InvalidTransactionException(what + " of " + item.length + " bytes (must be " + size + ")");
      out.add(item);
    }
    return out;
  }

  public byte[] encode() {
    byte[] typed = tx.encode();
    byte[] body = Arrays.copyOfRange(typed, 1, typed.length);
    byte[] wrapped = Rlp.list(body, Rlp.list(items(blobs)), Rlp.list(items(commitments)), Rlp.list(items(proofs)));
    return TxFields.typed(Transaction.BLOB, wrapped);
  }

  private static List<byte[]> items(List<byte[]> values) {
    List<byte[]> out = new ArrayList<>(values.size());
    for (byte[] v : values) out.add(Rlp.bytes(v));
    return out;
  }

  /**
   * The pool's checks (EIP-4844 "Networking"): one blob, commitment and proof per versioned hash,
   * each hash the commitment's, and every blob proven against its commitment.
   */
  public void verify() {
    List<Hash> hashes = tx.blobVersionedHashes();
    if (hashes.isEmpty()) throw new InvalidTransactionException("blob transaction without blobs");
    if (blobs.size() != hashes.size() || commitments.size() != hashes.size() || proofs.size() != hashes.size()) {
      throw new InvalidTransactionException("blob transaction has " + hashes.size() + " versioned hashes but " + blobs.size() + " blobs, "
          + commitments.size() + " commitments and " + proofs.size() + " proofs");
    }
    for (int i = 0; i < hashes.size(); i++) {
      if (!Kzg.versionedHash(commitments.get(i)).equals(hashes.get(i))) {
        throw new InvalidTransactionException("blob " + i + ": versioned hash " + hashes.get(i) + " is not its commitment's");
      }
    }
    if (!Kzg.verifyBlobProofs(blobs, commitments, proofs)) throw new InvalidTransactionException("blob KZG proofs do not verify");
  }
}
