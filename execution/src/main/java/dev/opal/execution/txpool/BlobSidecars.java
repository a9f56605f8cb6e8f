package dev.opal.execution.txpool;

import dev.opal.crypto.Kzg;
import dev.opal.db.KeyValueStore;
import dev.opal.tx.BlobTransactionWithBlobs;
import dev.opal.types.Hash;
import java.util.Arrays;
import java.util.LinkedHashMap;

/**
 * The blobs of the blob transactions a node accepted, by versioned hash: what its beacon API
 * serves once they are in a block (the devnet's L1 has no consensus client to keep them). Blobs
 * are held without their trailing zeros; in memory the oldest go first once {@code maxBytes} is
 * reached. With a key-value store ({@code --datadir}) every blob is also written there, under
 * {@code 'x'+versionedHash} as {@code commitment ‖ proof ‖ blob}, so that derivation after a
 * restart still finds the blobs of the blocks it has yet to read.
 */
public final class BlobSidecars {
  /** A blob with its KZG commitment and proof. */
  public record Sidecar(byte[] blob, byte[] commitment, byte[] proof) {}

  private record Stored(byte[] trimmedBlob, byte[] commitment, byte[] proof) {}

  private final long maxBytes;
  private final KeyValueStore kv;
  private final LinkedHashMap<Hash, Stored> byHash = new LinkedHashMap<>();
  private long bytes;

  /** Blobs in memory only. */
  public BlobSidecars(long maxBytes) {
    this(maxBytes, null);
  }

  /** @param kv where blobs are kept for good, or null */
  public BlobSidecars(long maxBytes, KeyValueStore kv) {
    this.maxBytes = maxBytes;
    this.kv = kv;
  }

  /** Keeps the blobs of a verified transaction. */
  public synchronized void add(BlobTransactionWithBlobs tx) {
    for (int i = 0; i < tx.blobs().size(); i++) {
      Hash h = tx.tx().blobVersionedHashes().get(i);
      if (byHash.containsKey(h)) continue;
      Stored s = new Stored(trim(tx.blobs().get(i)), tx.commitments().get(i), tx.proofs().get(i));
      if (kv != null) kv.newBatch().put(key(h), encode(s)).commit();
      byHash.put(h, s);
      bytes += size(s);
    }
    var oldest = byHash.entrySet().iterator();
    while (bytes > maxBytes && oldest.hasNext()) {
      bytes -= size(oldest.next().getValue());
      oldest.remove();
    }
  }

  /** The blob with that versioned hash, or null if this node does not have it (any more). */
  public synchronized Sidecar get(Hash versionedHash) {
    Stored s = byHash.get(versionedHash);
    if (s == null && kv != null) {
      byte[] raw = kv.get(key(versionedHash));
      if (raw != null) s = decode(raw);
    }
    if (s == null) return null;
    return new Sidecar(Arrays.copyOf(s.trimmedBlob(), Kzg.BYTES_PER_BLOB), s.commitment(), s.proof());
  }

  public synchronized int size() {
    return byHash.size();
  }

  private static long size(Stored s) {
    return s.trimmedBlob().length + 96L + 64;
  }

  private static byte[] key(Hash versionedHash) {
    byte[] k = new byte[33];
    k[0] = 'x';
    System.arraycopy(versionedHash.toArrayUnsafe(), 0, k, 1, 32);
    return k;
  }

  private static byte[] encode(Stored s) {
    byte[] out = new byte[Kzg.COMMITMENT_SIZE + Kzg.PROOF_SIZE + s.trimmedBlob().length];
    System.arraycopy(s.commitment(), 0, out, 0, Kzg.COMMITMENT_SIZE);
    System.arraycopy(s.proof(), 0, out, Kzg.COMMITMENT_SIZE, Kzg.PROOF_SIZE);
    System.arraycopy(s.trimmedBlob(), 0, out, Kzg.COMMITMENT_SIZE + Kzg.PROOF_SIZE, s.trimmedBlob().length);
    return out;
  }

  private static Stored decode(byte[] raw) {
    int head = Kzg.COMMITMENT_SIZE + Kzg.PROOF_SIZE;
    return new Stored(Arrays.copyOfRange(raw, head, raw.length), Arrays.copyOfRange(raw, 0, Kzg.COMMITMENT_SIZE),
        Arrays.copyOfRange(raw, Kzg.COMMITMENT_SIZE, head));
  }

  private static byte[] trim(byte[] blob) {
    int end = blob.length;
    while (end > 0 && blob[end - 1] == 0) end--;
    return Arrays.copyOf(blob, end);
  }
}
