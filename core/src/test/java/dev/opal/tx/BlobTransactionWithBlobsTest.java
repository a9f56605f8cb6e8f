package dev.opal.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opal.crypto.Kzg;
import dev.opal.crypto.Secp256k1;
import dev.opal.types.Address;
import dev.opal.types.Bytes;
import dev.opal.types.Hash;
import dev.opal.types.Hex;
import dev.opal.types.UInt256;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The EIP-4844 network form: {@code 0x03 ‖ rlp([tx_payload_body, blobs, commitments, proofs])} and the pool's checks on it. */
class BlobTransactionWithBlobsTest {
  private static final byte[] KEY = Hex.decode("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");

  private static byte[] blob(int seed) {
    byte[] b = new byte[Kzg.BYTES_PER_BLOB];
    for (int i = 0; i < 4096; i++) b[i * 32 + 31] = (byte) (i + seed);
    return b;
  }

  private static BlobTransaction tx(List<Hash> hashes) {
    return BlobTransaction.signed(BigInteger.valueOf(900), 3, UInt256.valueOf(1_000_000_000L), UInt256.valueOf(30_000_000_000L), 21_000,
        Address.fromHex("0xff00000000000000000000000000000000000901"), Bytes.EMPTY, UInt256.valueOf(2), hashes, KEY);
  }

  @Test
  void encodesDecodesAndVerifies() {
    byte[] blob = blob(1);
    byte[] commitment = Kzg.commitment(blob);
    BlobTransaction tx = tx(List.of(Kzg.versionedHash(commitment)));
    BlobTransactionWithBlobs wrapped = new BlobTransactionWithBlobs(tx, List.of(blob), List.of(commitment), List.of(Kzg.blobProof(blob, commitment)));
    byte[] raw = wrapped.encode();

    assertThat(raw[0]).isEqualTo((byte) 3);
    assertThat(BlobTransactionWithBlobs.isNetworkForm(raw)).isTrue();
    assertThat(BlobTransactionWithBlobs.isNetworkForm(tx.encode())).as("the canonical form starts with the chain id").isFalse();
    BlobTransactionWithBlobs decoded = BlobTransactionWithBlobs.decode(raw);
    assertThat(decoded.tx()).isEqualTo(tx);
    assertThat(decoded.tx().hash()).as("the hash is the canonical form's").isEqualTo(tx.hash());
    assertThat(decoded.tx().recoverSender()).isEqualTo(Secp256k1.address(KEY));
    assertThat(decoded.blobs().getFirst()).isEqualTo(blob);
    decoded.verify();
  }

  @Test
  void rejectsBlobsThatAreNotTheTransactions() {
    byte[] blob = blob(1);
    byte[] commitment = Kzg.commitment(blob);
    byte[] proof = Kzg.blobProof(blob, commitment);
    byte[] otherCommitment = Kzg.commitment(blob(2));

    var wrongHash = new BlobTransactionWithBlobs(tx(List.of(Kzg.versionedHash(otherCommitment))), List.of(blob), List.of(commitment), List.of(proof));
    assertThatThrownBy(wrongHash::verify).hasMessageContaining("is not its commitment's");
    var wrongBlob = new BlobTransactionWithBlobs(tx(List.of(Kzg.versionedHash(commitment))), List.of(blob(3)), List.of(commitment), List.of(proof));
    assertThatThrownBy(wrongBlob::verify).hasMessageContaining("proofs do not verify");
    var missing = new BlobTransactionWithBlobs(tx(List.of(Kzg.versionedHash(commitment))), List.of(), List.of(), List.of());
    assertThatThrownBy(missing::verify).hasMessageContaining("1 versioned hashes but 0 blobs");
    byte[] truncated = wrongHash.encode();
    assertThatThrownBy(() -> BlobTransactionWithBlobs.decode(java.util.Arrays.copyOf(truncated, truncated.length - 1)))
        .isInstanceOf(InvalidTransactionException.class);
  }
}
