package dev.opal.tx;

import dev.opal.rlp.Rlp;
import dev.opal.types.Address;
import dev.opal.types.Bytes;
import dev.opal.types.Hash;
import dev.opal.types.UInt256;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * EIP-4844 (type 3): a dynamic-fee transaction that carries blob commitments by their versioned
 * hashes. It cannot create a contract. OP L2 blocks never contain one (the engine rejects them);
 * the embedded L1 accepts them for the batcher. Only the canonical (block) form is modelled here:
 * the network form with blobs, commitments and proofs is the mempool's concern.
 */
public record BlobTransaction(
    BigInteger chainId, long nonce, UInt256 maxPriorityFeePerGas, UInt256 maxFeePerGas, long gasLimit, Address to,
    UInt256 value, Bytes data, List<AccessListEntry> accessList, UInt256 maxFeePerBlobGas, List<Hash> blobVersionedHashes,
    int recoveryId, BigInteger r, BigInteger s)
    implements TypedTransaction {

  public BlobTransaction {
    Objects.requireNonNull(to, "a blob transaction cannot create a contract");
    accessList = List.copyOf(accessList);
    blobVersionedHashes = List.copyOf(blobVersionedHashes);
  }

  @Override
  public int type() {
    return BLOB;
  }

  @Override
  public byte[][] payloadFields() {
    List<byte[]> hashes = new ArrayList<>();
    for (Hash h : blobVersionedHashes) hashes.add(Rlp.hash(h));
    return new byte[][] {Rlp.uint(chainId), Rlp.uint(nonce), TxFields.uint(maxPriorityFeePerGas), TxFields.uint(maxFeePerGas),
        Rlp.uint(gasLimit), TxFields.to(to), TxFields.uint(value), TxFields.data(data), TxFields.accessList(accessList),
        TxFields.uint(maxFeePerBlobGas), Rlp.list(hashes)};
  }
}
