package dev.opal.node.derive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opal.node.derive.batch.Batch;
import dev.opal.node.derive.batch.SingularBatch;
import dev.opal.types.Bytes;
import dev.opal.types.Hash;
import dev.opal.types.Hex;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Frames, channel assembly and channel reading, against the byte layouts of OP specs protocol/derivation.md and Holocene's rules. */
class FrameAndChannelTest {
  private static final String ID_A = "00112233445566778899aabbccddeeff";
  private static final String ID_B = "ffeeddccbbaa99887766554433221100";

  @Test
  void parsesFramesLaidOutAsTheSpecSays() {
    // version 0, then channel_id ‖ frame_number(u16) ‖ frame_data_length(u32) ‖ frame_data ‖ is_last, twice
    byte[] data = Hex.decode("0x00" + ID_A + "0000" + "00000003" + "aabbcc" + "00" + ID_A + "0001" + "00000000" + "" + "01");
    List<Frame> frames = Frame.parseBatcherData(data);
    assertThat(frames).containsExactly(new Frame(Bytes.fromHex("0x" + ID_A), 0, Bytes.fromHex("0xaabbcc"), false),
        new Frame(Bytes.fromHex("0x" + ID_A), 1, Bytes.EMPTY, true));
    assertThat(Frame.batcherData(frames)).isEqualTo(data);
  }

  @Test
  void oneBadFrameVoidsTheWholeTransaction() {
    String good = ID_A + "0000" + "00000001" + "aa" + "00";
    assertThat(Frame.parseBatcherData(Hex.decode("0x00" + good))).hasSize(1);
    assertThat(Frame.parseBatcherData(Hex.decode("0x01" + good))).as("unknown version").isEmpty();
    assertThat(Frame.parseBatcherData(Hex.decode("0x00" + good + ID_A + "0001" + "00000001" + "aa" + "02"))).as("is_last 2").isEmpty();
    assertThat(Frame.parseBatcherData(Hex.decode("0x00" + good + ID_A + "0001" + "00000005" + "aa" + "01"))).as("truncated").isEmpty();
    assertThat(Frame.parseBatcherData(Hex.decode("0x00" + good + "ee"))).as("trailing byte").isEmpty();
    assertThat(Frame.parseBatcherData(Hex.decode("0x00" + ID_A + "0000" + "000f4241" + "00"))).as("longer than 1,000,000").isEmpty();
    assertThat(Frame.parseBatcherData(new byte[0])).isEmpty();
    assertThat(Frame.parseBatcherData(new byte[] {0})).isEmpty();
  }

  @Test
  void assemblerTakesFramesStrictlyInOrder() {
    ChannelAssembler a = new ChannelAssembler();
    assertThat(a.add(frame(ID_A, 1, "0x02", true), 1, 1000)).as("no frame 0 yet").isNull();
    assertThat(a.add(frame(ID_A, 0, "0x01", false), 1, 1000)).isNull();
    assertThat(a.add(frame(ID_A, 2, "0x03", true), 1, 1000)).as("gap").isNull();
    assertThat(a.add(frame(ID_B, 1, "0x09", true), 1, 1000)).as("other channel").isNull();
    ChannelAssembler.ReadyChannel ready = a.add(frame(ID_A, 1, "0x0203", true), 2, 1000);
    assertThat(ready.data()).containsExactly(1, 2, 3);
    assertThat(ready.openedAtL1()).isEqualTo(1);
  }

  @Test
  void aNewChannelReplacesAnUnfinishedOne() {
    ChannelAssembler a = new ChannelAssembler();
    a.add(frame(ID_A, 0, "0x01", false), 1, 1000);
    a.add(frame(ID_B, 0, "0x07", false), 1, 1000);
    assertThat(a.add(frame(ID_A, 1, "0x02", true), 1, 1000)).isNull();
    assertThat(a.add(frame(ID_B, 1, "0x08", true), 1, 1000).data()).containsExactly(7, 8);
  }

  @Test
  void channelsTimeOutAndHaveASizeLimit() {
    ChannelAssembler a = new ChannelAssembler();
    a.add(frame(ID_A, 0, "0x01", false), 10, 1000);
    a.checkTimeout(60, 50);
    assertThat(a.add(frame(ID_A, 1, "0x02", true), 60, 1000)).as("still within 50 blocks").isNotNull();
    a.add(frame(ID_A, 0, "0x01", false), 10, 1000);
    a.checkTimeout(61, 50);
    assertThat(a.add(frame(ID_A, 1, "0x02", true), 61, 1000)).as("timed out").isNull();
    a.add(frame(ID_A, 0, "0x0102", false), 1, 3);
    assertThat(a.add(frame(ID_A, 1, "0x0304", true), 1, 3)).as("over 3 bytes").isNull();
  }

  @Test
  void brotliAndZlibChannelsDecompressUpToTheLimit() throws ChannelException {
    byte[] content = new byte[50_000];
    for (int i = 0; i < content.length; i++) content[i] = (byte) (i * 31 % 251);
    for (ChannelCompression.Algorithm algorithm : ChannelCompression.Algorithm.values()) {
      byte[] channel = ChannelCompression.compress(algorithm, content);
      assertThat(ChannelCompression.decompress(channel, 1_000_000, true)).as(algorithm.name()).isEqualTo(content);
      assertThat(ChannelCompression.decompress(channel, 1_000, true)).as(algorithm + " cut at the limit").isEqualTo(Arrays.copyOf(content, 1_000));
    }
    byte[] brotli = ChannelCompression.compress(ChannelCompression.Algorithm.BROTLI, content);
    assertThat(brotli[0]).isEqualTo(ChannelCompression.BROTLI_VERSION);
    assertThatThrownBy(() -> ChannelCompression.decompress(brotli, 1_000_000, false)).hasMessageContaining("before Fjord");
    assertThatThrownBy(() -> ChannelCompression.decompress(new byte[] {0x02, 1, 2}, 1_000_000, true)).hasMessageContaining("unknown");
    byte[] corrupt = ChannelCompression.compress(ChannelCompression.Algorithm.ZLIB, content);
    for (int i = 2; i < corrupt.length; i += 7) corrupt[i] ^= 0x55;
    assertThatThrownBy(() -> ChannelCompression.decompress(corrupt, 1_000_000, true)).isInstanceOf(ChannelException.class);
  }

  @Test
  void readerKeepsTheBatchesBeforeABadOne() {
    SingularBatch one = new SingularBatch(Hash.ZERO, 1, Hash.ZERO, 100, List.of(Bytes.fromHex("0x02aa")));
    SingularBatch two = new SingularBatch(Hash.ZERO, 1, Hash.ZERO, 102, List.of());
    List<byte[]> typed = new ArrayList<>(List.of(ChannelOut.typed(SingularBatch.TYPE, one.encodeBody()),
        ChannelOut.typed(SingularBatch.TYPE, two.encodeBody()), new byte[] {0x07, 1, 2, 3}, ChannelOut.typed(SingularBatch.TYPE, one.encodeBody())));
    byte[] channel = ChannelCompression.zlib(rlpStrings(typed));
    List<Batch> read = ChannelReader.read(channel, 1_000_000, true, true, 0, 2, BigInteger.ONE);
    assertThat(read).containsExactly(one, two);
    assertThat(ChannelReader.read(new byte[] {1, 2, 3}, 1_000_000, true, true, 0, 2, BigInteger.ONE)).isEmpty();
  }

  private static byte[] rlpStrings(List<byte[]> items) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (byte[] b : items) out.writeBytes(dev.opal.rlp.Rlp.bytes(b));
    return out.toByteArray();
  }

  private static Frame frame(String id, int number, String data, boolean last) {
    return new Frame(Bytes.fromHex("0x" + id), number, Bytes.fromHex(data), last);
  }
}
