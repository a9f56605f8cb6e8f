package dev.opal.node.derive;

import dev.opal.node.derive.batch.SingularBatch;
import dev.opal.rlp.Rlp;
import dev.opal.types.Bytes;
import java.io.ByteArrayOutputStream;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * The batcher's side of a channel (op-node derive/channel_out.go): batches as RLP strings of type
 * byte and body, compressed with zlib, cut into frames of at most {@code maxFrameData} bytes of
 * data each under a fresh random channel id.
 */
public final class ChannelOut {
  private static final SecureRandom RANDOM = new SecureRandom();

  private ChannelOut() {}

  public static List<Frame> frames(List<SingularBatch> batches, int maxFrameData) {
    if (maxFrameData < 1) throw new IllegalArgumentException("maxFrameData must be positive");
    ByteArrayOutputStream rlp = new ByteArrayOutputStream();
    for (SingularBatch b : batches) {
      byte[] body = b.encodeBody();
      byte[] typed = new byte[body.length + 1];
      typed[0] = SingularBatch.TYPE;
      System.arraycopy(body, 0, typed, 1, body.length);
      rlp.writeBytes(Rlp.bytes(typed));
    }
    byte[] compressed = ChannelCompression.zlib(rlp.toByteArray());
    byte[] id = new byte[Frame.CHANNEL_ID_LENGTH];
    RANDOM.nextBytes(id);
    List<Frame> frames = new ArrayList<>();
    for (int off = 0, n = 0; off < compressed.length; off += maxFrameData, n++) {
      int len = Math.min(maxFrameData, compressed.length - off);
      frames.add(new Frame(Bytes.wrap(id), n, Bytes.wrap(java.util.Arrays.copyOfRange(compressed, off, off + len)), off + len == compressed.length));
    }
    return frames;
  }
}
