package dev.opal.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opal.types.Hash;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** KZG over blobs with the mainnet trusted setup, against values that follow from the definitions. */
class KzgTest {
  @Test
  void theZeroBlobCommitsToThePointAtInfinity() {
    byte[] commitment = Kzg.commitment(new byte[Kzg.BYTES_PER_BLOB]);
    byte[] infinity = new byte[48];
    infinity[0] = (byte) 0xc0; // compressed G1 encoding: compression and infinity flags, nothing else
    assertThat(commitment).isEqualTo(infinity);
    // EIP-4844 kzg_to_versioned_hash: 0x01 ‖ sha256(commitment)[1:]; this is the empty blob's well-known hash
    assertThat(Kzg.versionedHash(commitment)).isEqualTo(Hash.fromHex("0x010657f37554c781402a22917dee2f75def7ab966d7b770905398eba3c444014"));
  }

  @Test
  void aBlobProofVerifiesOnlyForItsOwnBlob() {
    byte[] blob = new byte[Kzg.BYTES_PER_BLOB];
    for (int i = 0; i < 4096; i++) blob[i * 32 + 31] = (byte) (i * 7 + 1); // small field elements, all canonical
    byte[] commitment = Kzg.commitment(blob);
    byte[] proof = Kzg.blobProof(blob, commitment);
    assertThat(Kzg.verifyBlobProofs(List.of(blob), List.of(commitment), List.of(proof))).isTrue();

    byte[] other = blob.clone();
    other[31] ^= 1;
    assertThat(Kzg.verifyBlobProofs(List.of(other), List.of(commitment), List.of(proof))).isFalse();
    byte[] notAFieldElement = blob.clone();
    Arrays.fill(notAFieldElement, 0, 32, (byte) 0xff); // above the BLS modulus
    assertThat(Kzg.verifyBlobProofs(List.of(notAFieldElement), List.of(commitment), List.of(proof))).isFalse();
    assertThat(Kzg.verifyBlobProofs(List.of(blob), List.of(commitment), List.of())).as("a missing proof").isFalse();
  }
}
