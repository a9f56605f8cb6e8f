package dev.opal.node.derive;

import dev.opal.rlp.Rlp;
import dev.opal.types.Bytes;
import java.io.ByteArrayOutputStream;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The batcher's side of a channel (op-node derive/channel_out.go): batches as RLP strings of type
 * byte and body, compressed, and cut into frames of at most {@code maxFrameData} bytes of data each
 * under a fresh random channel id.
 */
public final class ChannelOut {
  private static final SecureRandom RANDOM = new SecureRandom();

  private ChannelOut() {}

  /** @param typedBatches each a batch type byte followed by the batch body */
  public static List<Frame> frames(List<byte[]> typedBatches, ChannelCompression.Algorithm compression, int maxFrameData) {
    if (maxFrameData < 1) throw new IllegalArgumentException("maxFrameData must be positive");
    ByteArrayOutputStream rlp = new ByteArrayOutputStream();
    for (byte[] b : typedBatches) rlp.writeBytes(Rlp.bytes(b));
    byte[] compressed = ChannelCompression.compress(compression, rlp.toByteArray());
    byte[] id = new byte[Frame.CHANNEL_ID_LENGTH];
    RANDOM.nextBytes(id);
    List<Frame> frames = new ArrayList<>();
    for (int off = 0, n = 0; off < compressed.length; off += maxFrameData, n++) {
      int len = Math.min(maxFrameData, compressed.length - off);
      frames.add(new Frame(Bytes.wrap(id), n, Bytes.wrap(Arrays.copyOfRange(compressed, off, off + len)), off + len == compressed.length));
    }
    return frames;
  }

  /** A batch's channel form: its type byte, then its body. */
  public static byte[] typed(int type, byte[] body) {
    return Rlp.concat(new byte[] {(byte) type}, body);
  }
}
