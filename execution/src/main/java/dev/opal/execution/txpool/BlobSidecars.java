package dev.opal.execution.txpool;

import dev.opal.crypto.Kzg;
import dev.opal.tx.BlobTransactionWithBlobs;
import dev.opal.types.Hash;
import java.util.Arrays;
import java.util.LinkedHashMap;

/**
 * The blobs of the blob transactions a node accepted, by versioned hash: what its beacon API
 * serves once they are in a block (the devnet's L1 has no consensus client to keep them). Blobs
 * are held without their trailing zeros, and the oldest go first once {@code maxBytes} is reached
 * (a beacon node likewise keeps blobs for a limited time only).
 */
public final class BlobSidecars {
  /** A blob with its KZG commitment and proof. */
  public record Sidecar(byte[] blob, byte[] commitment, byte[] proof) {}

  private record Stored(byte[] trimmedBlob, byte[] commitment, byte[] proof) {}

  private final long maxBytes;
  private final LinkedHashMap<Hash, Stored> byHash = new LinkedHashMap<>();
  private long bytes;

  public BlobSidecars(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** Keeps the blobs of a verified transaction. */
  public synchronized void add(BlobTransactionWithBlobs tx) {
    for (int i = 0; i < tx.blobs().size(); i++) {
      Hash h = tx.tx().blobVersionedHashes().get(i);
      if (byHash.containsKey(h)) continue;
      Stored s = new Stored(trim(tx.blobs().get(i)), tx.commitments().get(i), tx.proofs().get(i));
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
    if (s == null) return null;
    return new Sidecar(Arrays.copyOf(s.trimmedBlob(), Kzg.BYTES_PER_BLOB), s.commitment(), s.proof());
  }

  public synchronized int size() {
    return byHash.size();
  }

  private static long size(Stored s) {
    return s.trimmedBlob().length + 96L + 64;
  }

  private static byte[] trim(byte[] blob) {
    int end = blob.length;
    while (end > 0 && blob[end - 1] == 0) end--;
    return Arrays.copyOf(blob, end);
  }
}
