package dev.opal.block;

import dev.opal.crypto.Keccak;
import dev.opal.rlp.Rlp;
import dev.opal.rlp.RlpReader;
import dev.opal.types.Address;
import dev.opal.types.Bytes;
import dev.opal.types.Hash;
import dev.opal.types.UInt256;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * An execution block header with every field through Prague. Fields added by later forks are null
 * when absent; they are encoded in order and only as far as the last present one (London
 * baseFeePerGas, Shanghai withdrawalsRoot, Cancun blobGasUsed / excessBlobGas /
 * parentBeaconBlockRoot, Prague requestsHash). Post-merge, {@code mixHash} carries prevRandao.
 */
public record BlockHeader(
    Hash parentHash,
    Hash ommersHash,
    Address coinbase,
    Hash stateRoot,
    Hash transactionsRoot,
    Hash receiptsRoot,
    Bytes logsBloom,
    BigInteger difficulty,
    long number,
    long gasLimit,
    long gasUsed,
    long timestamp,
    Bytes extraData,
    Hash mixHash,
    Bytes nonce,
    UInt256 baseFeePerGas,
    Hash withdrawalsRoot,
    Long blobGasUsed,
    Long excessBlobGas,
    Hash parentBeaconBlockRoot,
    Hash requestsHash) {

  /** keccak256(rlp([])): the ommers hash of every post-merge block. */
  public static final Hash EMPTY_OMMERS_HASH = Hash.wrap(Keccak.hash(Rlp.EMPTY_LIST));

  /** The empty 8-byte proof-of-work nonce of post-merge blocks. */
  public static final Bytes ZERO_NONCE = Bytes.wrap(new byte[8]);

  public BlockHeader {
    if (logsBloom.size() != Bloom.SIZE) throw new IllegalArgumentException("logs bloom must be 256 bytes");
    if (nonce.size() != 8) throw new IllegalArgumentException("nonce must be 8 bytes");
  }

  public byte[] encode() {
    List<byte[]> f = new ArrayList<>(21);
    f.add(Rlp.hash(parentHash));
    f.add(Rlp.hash(ommersHash));
    f.add(Rlp.address(coinbase));
    f.add(Rlp.hash(stateRoot));
    f.add(Rlp.hash(transactionsRoot));
    f.add(Rlp.hash(receiptsRoot));
    f.add(Rlp.bytes(logsBloom));
    f.add(Rlp.uint(difficulty));
    f.add(Rlp.uint(number));
    f.add(Rlp.uint(gasLimit));
    f.add(Rlp.uint(gasUsed));
    f.add(Rlp.uint(timestamp));
    f.add(Rlp.bytes(extraData));
    f.add(Rlp.hash(mixHash));
    f.add(Rlp.bytes(nonce));
    List<byte[]> optional = new ArrayList<>(6);
    optional.add(baseFeePerGas == null ? null : Rlp.bytes(baseFeePerGas.toMinimalBytes()));
    optional.add(withdrawalsRoot == null ? null : Rlp.hash(withdrawalsRoot));
    optional.add(blobGasUsed == null ? null : Rlp.uint(blobGasUsed));
    optional.add(excessBlobGas == null ? null : Rlp.uint(excessBlobGas));
    optional.add(parentBeaconBlockRoot == null ? null : Rlp.hash(parentBeaconBlockRoot));
    optional.add(requestsHash == null ? null : Rlp.hash(requestsHash));
    int last = optional.size() - 1;
    while (last >= 0 && optional.get(last) == null) last--;
    for (int i = 0; i <= last; i++) {
      if (optional.get(i) == null) throw new IllegalStateException("header field " + i + " of the fork extensions is missing");
      f.add(optional.get(i));
    }
    return Rlp.list(f);
  }

  public Hash hash() {
    return Hash.wrap(Keccak.hash(encode()));
  }

  public static BlockHeader decode(byte[] encoded) {
    RlpReader outer = Rlp.reader(encoded);
    BlockHeader h = decode(outer);
    outer.ensureDone();
    return h;
  }

  public static BlockHeader decode(RlpReader in) {
    RlpReader r = in.enterList();
    Hash parentHash = r.readHash();
    Hash ommersHash = r.readHash();
    Address coinbase = r.readAddress();
    Hash stateRoot = r.readHash();
    Hash txRoot = r.readHash();
    Hash receiptsRoot = r.readHash();
    Bytes bloom = r.readBytesValue();
    BigInteger difficulty = r.readBigInteger();
    long number = r.readLong();
    long gasLimit = r.readLong();
    long gasUsed = r.readLong();
    long timestamp = r.readLong();
    Bytes extra = r.readBytesValue();
    Hash mixHash = r.readHash();
    Bytes nonce = r.readBytesValue();
    UInt256 baseFee = r.hasNext() ? UInt256.fromBytes(r.readUIntBytes()) : null;
    Hash withdrawalsRoot = r.hasNext() ? r.readHash() : null;
    Long blobGasUsed = r.hasNext() ? r.readLong() : null;
    Long excessBlobGas = r.hasNext() ? r.readLong() : null;
    Hash beaconRoot = r.hasNext() ? r.readHash() : null;
    Hash requestsHash = r.hasNext() ? r.readHash() : null;
    r.ensureDone();
    return new BlockHeader(parentHash, ommersHash, coinbase, stateRoot, txRoot, receiptsRoot, bloom, difficulty, number, gasLimit,
        gasUsed, timestamp, extra, mixHash, nonce, baseFee, withdrawalsRoot, blobGasUsed, excessBlobGas, beaconRoot, requestsHash);
  }
}
