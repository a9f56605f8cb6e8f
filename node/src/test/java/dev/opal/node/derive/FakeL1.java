package dev.opal.node.derive;

import dev.opal.crypto.Keccak;
import dev.opal.crypto.Kzg;
import dev.opal.node.eth.L1BlockRef;
import dev.opal.node.eth.L1Info;
import dev.opal.node.sources.L1Source;
import dev.opal.types.Hash;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** An L1 chain in memory for derivation tests: blocks every {@value #BLOCK_TIME} s, each with the transactions a test puts in it. */
final class FakeL1 implements L1Source {
  static final long BLOCK_TIME = 12;

  private final long genesisTime;
  private final List<L1Info> blocks = new ArrayList<>();
  private final Map<Hash, List<L1Transaction>> txs = new HashMap<>();
  private final Map<Hash, byte[]> blobs = new HashMap<>();
  /** While set, blob requests fail as an unreachable beacon node's would. */
  boolean blobsUnavailable;

  FakeL1(long genesisTime) {
    this.genesisTime = genesisTime;
    mine(List.of());
  }

  /** Adds the next block with these transactions and returns it. */
  L1BlockRef mine(List<L1Transaction> transactions) {
    long n = blocks.size();
    Hash parent = n == 0 ? Hash.ZERO : blocks.getLast().ref().hash();
    Hash hash = Hash.wrap(Keccak.hash(("l1 block " + n + " on " + parent).getBytes(StandardCharsets.UTF_8)));
    L1BlockRef ref = new L1BlockRef(hash, n, parent, genesisTime + n * BLOCK_TIME);
    blocks.add(new L1Info(ref, BigInteger.valueOf(1_000_000_000L), BigInteger.ONE, hash, Hash.ZERO));
    txs.put(hash, List.copyOf(transactions));
    return ref;
  }

  L1BlockRef ref(long number) {
    return blocks.get((int) number).ref();
  }

  @Override
  public L1Info byNumber(long number) {
    return number >= 0 && number < blocks.size() ? blocks.get((int) number) : null;
  }

  @Override
  public L1Info byHash(Hash hash) {
    return blocks.stream().filter(b -> b.ref().hash().equals(hash)).findFirst().orElse(null);
  }

  @Override
  public L1Info latest() {
    return blocks.getLast();
  }

  @Override
  public L1Info finalized() {
    return blocks.getFirst();
  }

  /** Makes a blob available (as a beacon node would hold it) and returns its versioned hash. */
  Hash publishBlob(byte[] blob) {
    Hash h = Kzg.versionedHash(Kzg.commitment(blob));
    blobs.put(h, blob);
    return h;
  }

  @Override
  public List<byte[]> blobs(L1BlockRef block, List<Hash> versionedHashes) {
    if (blobsUnavailable) throw new IllegalStateException("beacon node unreachable");
    List<byte[]> out = new ArrayList<>();
    for (Hash h : versionedHashes) {
      byte[] b = blobs.get(h);
      if (b == null || !L1Source.matches(b, h)) throw new IllegalStateException("blob " + h + " not available");
      out.add(b);
    }
    return out;
  }

  @Override
  public List<IndexedLog> logs(Hash blockHash) {
    return List.of();
  }

  @Override
  public List<L1Transaction> transactions(Hash blockHash) {
    return txs.getOrDefault(blockHash, List.of());
  }
}
