package dev.opal.node.derive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The OP blob encoding (specs protocol/derivation.md, "Blob Encoding"), laid out by hand from the spec's description. */
class BlobDataTest {
  @Test
  void layoutOfTheFirstRound() {
    byte[] data = new byte[40];
    for (int i = 0; i < data.length; i++) data[i] = (byte) (0x80 + i); // every byte has its top bits set
    byte[] blob = BlobData.encode(data);
    // element 0: bytes 1..31 = version 0, length 40 as uint24, then the first 27 data bytes
    assertThat(blob[1]).isEqualTo((byte) 0);
    assertThat(new byte[] {blob[2], blob[3], blob[4]}).containsExactly(0, 0, 40);
    for (int i = 0; i < 27; i++) assertThat(blob[5 + i]).isEqualTo(data[i]);
    // the stream byte after the first 31 (data[27] = 0x9b = 0b10_011011) is split: low six bits into element 0's
    // leading byte, top two bits into bits 4-5 of element 1's
    assertThat(blob[0]).isEqualTo((byte) 0x1b);
    assertThat(blob[32] & 0x30).isEqualTo(0x20);
    // element 1 takes the next 31 stream bytes: data[28..39], then zeros
    for (int i = 0; i < 12; i++) assertThat(blob[33 + i]).isEqualTo(data[28 + i]);
    for (int i = 45; i < blob.length; i++) if (i != 32) assertThat(blob[i]).as("byte %d", i).isZero();
    assertThat(BlobData.decode(blob)).isEqualTo(data);
  }

  @Test
  void holdsExactlyTheSpecsMaximum() {
    assertThat(BlobData.MAX_DATA_SIZE).isEqualTo(130_044);
    byte[] full = new byte[BlobData.MAX_DATA_SIZE];
    for (int i = 0; i < full.length; i++) full[i] = (byte) (i * 31 + 7);
    byte[] blob = BlobData.encode(full);
    for (int e = 0; e < 4096; e++) assertThat(blob[e * 32] & 0xc0).as("top bits of element %d", e).isZero();
    assertThat(BlobData.decode(blob)).isEqualTo(full);
    assertThatThrownBy(() -> BlobData.encode(new byte[BlobData.MAX_DATA_SIZE + 1])).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsWhatTheEncoderCannotProduce() {
    byte[] good = BlobData.encode("frames".getBytes(StandardCharsets.US_ASCII));
    byte[] version = good.clone();
    version[1] = 1;
    assertThatThrownBy(() -> BlobData.decode(version)).hasMessageContaining("version");
    byte[] tooLong = good.clone();
    tooLong[2] = (byte) 0x02; // 0x020006 > 130,044
    assertThatThrownBy(() -> BlobData.decode(tooLong)).hasMessageContaining("exceeds");
    byte[] topBits = good.clone();
    topBits[32 * 100] = (byte) 0x40;
    assertThatThrownBy(() -> BlobData.decode(topBits)).hasMessageContaining("top bits");
    byte[] trailing = good.clone();
    trailing[32 * 2000 + 5] = 1; // data after the stated length
    assertThatThrownBy(() -> BlobData.decode(trailing)).hasMessageContaining("non-zero data");
    byte[] shortLength = good.clone();
    shortLength[4] = 5; // the sixth byte ('s') is now past the length
    assertThatThrownBy(() -> BlobData.decode(shortLength)).hasMessageContaining("non-zero data");
    assertThatThrownBy(() -> BlobData.decode(new byte[100])).hasMessageContaining("blob of 100 bytes");
  }

  @Property(tries = 200)
  void roundTrips(@ForAll @Size(max = 3000) byte[] data) {
    assertThat(BlobData.decode(BlobData.encode(data))).isEqualTo(data);
  }

  /** Any 128 KiB decodes or is rejected as invalid: nothing else escapes (derivation then ignores the blob). */
  @Property(tries = 200)
  void arbitraryBlobsDecodeOrAreRejected(@ForAll @Size(min = 8, max = 64) byte[] head, @ForAll boolean clearTopBits) {
    byte[] blob = new byte[BlobData.BLOB_SIZE];
    for (int i = 0; i < blob.length; i += head.length) System.arraycopy(head, 0, blob, i, Math.min(head.length, blob.length - i));
    if (clearTopBits) for (int e = 0; e < 4096; e++) blob[e * 32] &= 0x3f;
    try {
      BlobData.decode(blob);
    } catch (BlobData.InvalidBlobException expected) {
      // rejected
    }
  }
}
