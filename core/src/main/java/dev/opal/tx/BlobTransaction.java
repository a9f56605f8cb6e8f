package dev.opal.tx;

import dev.opal.consensus.BlobGas;
import dev.opal.crypto.Secp256k1;
import dev.opal.crypto.Signature;
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
 * the embedded L1 accepts them for the batcher. This is the canonical (block) form; the network
 * form with blobs, commitments and proofs is {@link BlobTransactionWithBlobs}.
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

  /** A transaction with these fields, no value and an empty access list, signed with {@code privateKey}. */
  public static BlobTransaction signed(BigInteger chainId, long nonce, UInt256 maxPriorityFeePerGas, UInt256 maxFeePerGas, long gasLimit,
      Address to, Bytes data, UInt256 maxFeePerBlobGas, List<Hash> blobVersionedHashes, byte[] privateKey) {
    BlobTransaction unsigned = new BlobTransaction(chainId, nonce, maxPriorityFeePerGas, maxFeePerGas, gasLimit, to, UInt256.ZERO, data,
        List.of(), maxFeePerBlobGas, blobVersionedHashes, 0, BigInteger.ONE, BigInteger.ONE);
    Signature sig = Secp256k1.sign(unsigned.signingHash(), privateKey);
    return new BlobTransaction(chainId, nonce, maxPriorityFeePerGas, maxFeePerGas, gasLimit, to, UInt256.ZERO, data, List.of(), maxFeePerBlobGas,
        blobVersionedHashes, sig.recoveryId(), sig.r(), sig.s());
  }

  /** The blob gas the transaction uses: {@code GAS_PER_BLOB} per versioned hash (EIP-4844). */
  public long blobGas() {
    return blobVersionedHashes.size() * BlobGas.GAS_PER_BLOB;
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
