package dev.opal.node.derive;

import dev.opal.types.Bytes;
import java.io.ByteArrayOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holocene's channel assembly (OP specs holocene/derivation.md "Channel Assembler"): one channel
 * at a time, frames strictly in order. A frame 0 starts a new channel and drops an unfinished one;
 * any other frame must continue the open channel with the next number, or it is dropped. A channel
 * that times out (opened more than the channel timeout of L1 blocks ago) or grows past the size
 * limit is dropped.
 */
public final class ChannelAssembler {
  private static final Logger LOG = LoggerFactory.getLogger(ChannelAssembler.class);

  /** A complete channel's data: its frames' data joined, and the L1 block that completed it. */
  public record ReadyChannel(Bytes id, byte[] data, long openedAtL1) {}

  private Bytes channelId;
  private int nextFrame;
  private long openedAtL1;
  private ByteArrayOutputStream data;

  /**
   * Adds a frame read from an L1 block; returns the channel the frame completes, if any.
   *
   * @param maxChannelBytes {@code MAX_RLP_BYTES_PER_CHANNEL} at this L1 block
   */
  public ReadyChannel add(Frame frame, long l1Number, long maxChannelBytes) {
    if (frame.number() == 0) {
      if (data != null) LOG.info("Dropping unfinished channel {} for new channel {}", channelId, frame.channelId());
      channelId = frame.channelId();
      nextFrame = 0;
      openedAtL1 = l1Number;
      data = new ByteArrayOutputStream();
    } else if (data == null || !frame.channelId().equals(channelId) || frame.number() != nextFrame) {
      LOG.debug("Dropping frame {} of channel {}: not the next frame of the open channel", frame.number(), frame.channelId());
      return null;
    }
    if ((long) data.size() + frame.data().size() > maxChannelBytes) {
      LOG.warn("Dropping channel {}: larger than {} bytes", channelId, maxChannelBytes);
      clear();
      return null;
    }
    data.writeBytes(frame.data().toArrayUnsafe());
    nextFrame++;
    if (!frame.last()) return null;
    ReadyChannel ready = new ReadyChannel(channelId, data.toByteArray(), openedAtL1);
    clear();
    return ready;
  }

  /** Drops the open channel if it timed out by L1 block {@code l1Number}. */
  public void checkTimeout(long l1Number, long channelTimeout) {
    if (data != null && openedAtL1 + channelTimeout < l1Number) {
      LOG.warn("Channel {} opened at L1 block {} timed out at L1 block {}", channelId, openedAtL1, l1Number);
      clear();
    }
  }

  public void clear() {
    channelId = null;
    data = null;
    nextFrame = 0;
  }
}
