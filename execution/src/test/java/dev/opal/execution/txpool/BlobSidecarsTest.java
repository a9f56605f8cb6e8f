package dev.opal.execution.txpool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opal.crypto.Kzg;
import dev.opal.db.InMemoryKeyValueStore;
import dev.opal.tx.BlobTransaction;
import dev.opal.tx.BlobTransactionWithBlobs;
import dev.opal.types.Address;
import dev.opal.types.Bytes;
import dev.opal.types.Hash;
import dev.opal.types.Hex;
import dev.opal.types.UInt256;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Blobs kept for the beacon API: whole again on the way out, evicted oldest first in memory, found again in the store after a restart. */
class BlobSidecarsTest {
  private static final byte[] KEY = Hex.decode("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");

  private static BlobTransactionWithBlobs withBlob(int seed, int nonce) {
    byte[] blob = new byte[Kzg.BYTES_PER_BLOB];
    for (int i = 0; i < 100; i++) blob[i * 32 + 31] = (byte) (seed + i); // the rest stays zero, as a small batch leaves it
    byte[] commitment = Kzg.commitment(blob);
    BlobTransaction tx = BlobTransaction.signed(BigInteger.valueOf(900), nonce, UInt256.ONE, UInt256.valueOf(10), 21_000, Address.ZERO,
        Bytes.EMPTY, UInt256.ONE, List.of(Kzg.versionedHash(commitment)), KEY);
    return new BlobTransactionWithBlobs(tx, List.of(blob), List.of(commitment), List.of(Kzg.blobProof(blob, commitment)));
  }

  @Test
  void evictsTheOldestInMemoryButKeepsEveryBlobInTheStore() {
    InMemoryKeyValueStore kv = new InMemoryKeyValueStore();
    BlobTransactionWithBlobs first = withBlob(1, 0);
    BlobTransactionWithBlobs second = withBlob(2, 1);
    Hash h1 = first.tx().blobVersionedHashes().getFirst();
    Hash h2 = second.tx().blobVersionedHashes().getFirst();

    BlobSidecars memoryOnly = new BlobSidecars(5_000); // room for one trimmed blob
    memoryOnly.add(first);
    memoryOnly.add(second);
    assertThat(memoryOnly.get(h1)).as("evicted").isNull();
    assertThat(memoryOnly.get(h2).blob()).isEqualTo(second.blobs().getFirst());

    BlobSidecars persistent = new BlobSidecars(5_000, kv);
    persistent.add(first);
    persistent.add(second);
    BlobSidecars reopened = new BlobSidecars(5_000, kv);
    BlobSidecars.Sidecar s = reopened.get(h1);
    assertThat(s.blob()).isEqualTo(first.blobs().getFirst());
    assertThat(Kzg.versionedHash(s.commitment())).isEqualTo(h1);
    assertThat(Kzg.verifyBlobProofs(List.of(s.blob()), List.of(s.commitment()), List.of(s.proof()))).isTrue();
  }
}
