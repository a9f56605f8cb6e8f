package dev.opal.node.derive;

import dev.opal.types.Bytes;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A piece of a channel as carried in batcher transactions (OP specs protocol/derivation.md
 * "Frame Format"): {@code channel_id(16) ++ frame_number(u16) ++ frame_data_length(u32) ++
 * frame_data ++ is_last(u8)}.
 */
public record Frame(Bytes channelId, int number, Bytes data, boolean last) {
  public static final int CHANNEL_ID_LENGTH = 16;
  /** Bytes a frame adds around its data. */
  public static final int OVERHEAD = CHANNEL_ID_LENGTH + 2 + 4 + 1;
  /** The largest frame_data_length a reader accepts (op-node MaxFrameLen). */
  public static final int MAX_DATA_LENGTH = 1_000_000;
  /** The first byte of batcher transaction data carrying frames (derivation_version 0). */
  public static final byte DERIVATION_VERSION_0 = 0;

  public Frame {
    if (channelId.size() != CHANNEL_ID_LENGTH) throw new IllegalArgumentException("channel id must be 16 bytes");
    if (number < 0 || number > 0xffff) throw new IllegalArgumentException("frame number out of range: " + number);
  }

  public void writeTo(ByteBuffer out) {
    out.put(channelId.toArrayUnsafe()).putShort((short) number).putInt(data.size()).put(data.toArrayUnsafe()).put((byte) (last ? 1 : 0));
  }

  public int encodedLength() {
    return OVERHEAD + data.size();
  }

  /** Batcher transaction data for these frames: the derivation version byte, then each frame. */
  public static byte[] batcherData(List<Frame> frames) {
    int n = 1;
    for (Frame f : frames) n += f.encodedLength();
    ByteBuffer out = ByteBuffer.allocate(n).put(DERIVATION_VERSION_0);
    for (Frame f : frames) f.writeTo(out);
    return out.array();
  }

  /**
   * The frames in batcher transaction data. All or nothing, as op-node's ParseFrames: if the
   * version byte is unknown or any frame is malformed or truncated, or bytes trail the last frame,
   * the whole transaction contributes no frames.
   */
  public static List<Frame> parseBatcherData(byte[] data) {
    if (data.length == 0 || data[0] != DERIVATION_VERSION_0) return List.of();
    ByteBuffer in = ByteBuffer.wrap(data, 1, data.length - 1);
    List<Frame> frames = new ArrayList<>();
    while (in.hasRemaining()) {
      if (in.remaining() < OVERHEAD) return List.of();
      byte[] id = new byte[CHANNEL_ID_LENGTH];
      in.get(id);
      int number = Short.toUnsignedInt(in.getShort());
      long length = Integer.toUnsignedLong(in.getInt());
      if (length > MAX_DATA_LENGTH || length + 1 > in.remaining()) return List.of();
      byte[] body = new byte[(int) length];
      in.get(body);
      byte last = in.get();
      if (last != 0 && last != 1) return List.of();
      frames.add(new Frame(Bytes.wrap(id), number, Bytes.wrap(body), last == 1));
    }
    return frames.isEmpty() ? List.of() : frames;
  }
}
