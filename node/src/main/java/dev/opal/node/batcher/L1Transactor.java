package dev.opal.node.batcher;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opal.config.EthereumFork;
import dev.opal.crypto.Kzg;
import dev.opal.crypto.Secp256k1;
import dev.opal.rpc.client.JsonRpcClient;
import dev.opal.tx.BlobTransaction;
import dev.opal.tx.BlobTransactionWithBlobs;
import dev.opal.tx.DynamicFeeTransaction;
import dev.opal.tx.IntrinsicGas;
import dev.opal.types.Address;
import dev.opal.types.Bytes;
import dev.opal.types.Hash;
import dev.opal.types.Hex;
import dev.opal.types.UInt256;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;

/**
 * Sends the batcher's transactions to L1 over JSON-RPC (op-service txmgr, reduced to what one
 * batcher needs): EIP-1559 or EIP-4844 blob transactions signed with the batcher key, the gas limit
 * from the calldata's intrinsic cost (with Prague's floor), and a fee bump when a transaction waits
 * too long.
 */
final class L1Transactor {
  private static final Duration T = Duration.ofSeconds(10);
  private static final BigInteger TIP = BigInteger.valueOf(1_000_000_000L);

  /**
   * A transaction on its way: resending it with a higher fee keeps its nonce. A blob transaction
   * carries its data in {@code blobs} (encoded blobs) with empty calldata, and a blob fee cap.
   */
  record Sent(Hash hash, long nonce, Address to, Bytes data, BigInteger maxFee, long sentAtL1, List<byte[]> blobs, BigInteger maxBlobFee) {}

  private final JsonRpcClient l1;
  private final byte[] key;
  private final Address from;
  private BigInteger chainId;

  L1Transactor(JsonRpcClient l1, byte[] key) {
    this.l1 = l1;
    this.key = key;
    this.from = Secp256k1.address(key);
  }

  Address from() {
    return from;
  }

  long l1Head() {
    return quantity(l1.call(T, "eth_blockNumber")).longValueExact();
  }

  Sent send(Address to, Bytes data) {
    return sign(pendingNonce(), to, data, feeCap(), List.of(), null);
  }

  /** A blob transaction (EIP-4844) carrying {@code blobs}, in network form with their commitments and proofs. */
  Sent sendBlobs(Address to, List<byte[]> blobs) {
    BigInteger maxBlobFee = quantity(l1.call(T, "eth_blobBaseFee")).multiply(BigInteger.TWO);
    return sign(pendingNonce(), to, Bytes.EMPTY, feeCap(), blobs, maxBlobFee);
  }

  private long pendingNonce() {
    return quantity(l1.call(T, "eth_getTransactionCount", from.toHex(), "pending")).longValueExact();
  }

  private BigInteger feeCap() {
    return quantity(l1.call(T, "eth_gasPrice")).multiply(BigInteger.TWO).add(TIP);
  }

  /**
   * The same transaction again with fees raised by a quarter (more than the 10% a replacement
   * needs); a blob transaction's blob fee doubles, as geth's pool requires of a blob replacement.
   */
  Sent resend(Sent s) {
    BigInteger bumped = s.maxFee().multiply(BigInteger.valueOf(5)).divide(BigInteger.valueOf(4)).add(BigInteger.ONE);
    return sign(s.nonce(), s.to(), s.data(), bumped, s.blobs(), s.maxBlobFee() == null ? null : s.maxBlobFee().multiply(BigInteger.TWO));
  }

  /** The L1 block a transaction is in. */
  record Inclusion(long number, Hash blockHash) {}

  /** Where the transaction is included, or null if it is not (yet); throws if it reverted. */
  Inclusion includedIn(Hash tx) {
    JsonNode r = l1.call(T, "eth_getTransactionReceipt", tx.toHex());
    if (r == null || r.isNull()) return null;
    if (!"0x1".equals(r.path("status").asText())) throw new IllegalStateException("batcher transaction " + tx + " failed on L1");
    return new Inclusion(quantity(r.get("blockNumber")).longValueExact(), Hash.fromHex(r.get("blockHash").asText()));
  }

  /** Whether L1 still has the block at that height. */
  boolean isCanonical(Inclusion at) {
    JsonNode b = l1.call(T, "eth_getBlockByNumber", Hex.encodeQuantity(at.number()), false);
    return b != null && !b.isNull() && at.blockHash().toHex().equalsIgnoreCase(b.path("hash").asText());
  }

  private Sent sign(long nonce, Address to, Bytes data, BigInteger maxFee, List<byte[]> blobs, BigInteger maxBlobFee) {
    if (chainId == null) chainId = quantity(l1.call(T, "eth_chainId"));
    UInt256 tip = UInt256.fromBigInteger(TIP.min(maxFee));
    UInt256 cap = UInt256.fromBigInteger(maxFee);
    DynamicFeeTransaction draft = new DynamicFeeTransaction(chainId, nonce, tip, cap, 0, to, UInt256.ZERO, data, List.of(), 0, BigInteger.ONE,
        BigInteger.ONE);
    long gas = Math.max(IntrinsicGas.of(draft, EthereumFork.PRAGUE), IntrinsicGas.floor(data));
    Hash hash;
    String raw;
    if (blobs.isEmpty()) {
      DynamicFeeTransaction tx = DynamicFeeTransaction.signed(chainId, nonce, tip, cap, gas, to, UInt256.ZERO, data, key);
      hash = tx.hash();
      raw = Hex.encode(tx.encode());
    } else {
      List<byte[]> commitments = blobs.stream().map(Kzg::commitment).toList();
      List<Hash> versionedHashes = commitments.stream().map(Kzg::versionedHash).toList();
      BlobTransaction tx = BlobTransaction.signed(chainId, nonce, tip, cap, gas, to, data, UInt256.fromBigInteger(maxBlobFee), versionedHashes, key);
      List<byte[]> proofs = new java.util.ArrayList<>(blobs.size());
      for (int i = 0; i < blobs.size(); i++) proofs.add(Kzg.blobProof(blobs.get(i), commitments.get(i)));
      hash = tx.hash();
      raw = Hex.encode(new BlobTransactionWithBlobs(tx, blobs, commitments, proofs).encode());
    }
    l1.call(T, "eth_sendRawTransaction", raw);
    return new Sent(hash, nonce, to, data, maxFee, l1Head(), blobs, maxBlobFee);
  }

  private static BigInteger quantity(JsonNode n) {
    return Hex.decodeQuantity(n.asText());
  }
}
