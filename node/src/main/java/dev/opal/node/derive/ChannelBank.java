package dev.opal.node.derive;

import dev.opal.types.Bytes;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The channel bank of derivation before Holocene (OP specs protocol/derivation.md "Channel Bank";
 * Holocene replaces it with {@link ChannelAssembler}): several channels at once, kept in the order
 * their first frame appeared; frames of a channel may arrive in any order and interleaved with
 * other channels. A channel is ready once its last frame and every frame before it are in. Timed-out
 * channels are dropped, and the oldest channels go when the bank outgrows its size limit. Before
 * Canyon only the oldest channel may be read; from Canyon the first ready one is.
 */
public final class ChannelBank {
  private static final Logger LOG = LoggerFactory.getLogger(ChannelBank.class);
  /** What each frame costs the bank beyond its data (op-node frameOverhead). */
  static final int FRAME_OVERHEAD = 200;

  private static final class Channel {
    final Bytes id;
    final long openedAtL1;
    final TreeMap<Integer, Bytes> frames = new TreeMap<>();
    int endFrame = -1; // the number of the last frame, once it is known
    long size;

    Channel(Bytes id, long openedAtL1) {
      this.id = id;
      this.openedAtL1 = openedAtL1;
    }

    boolean closed() {
      return endFrame >= 0;
    }

    /** Returns why the frame is refused, or null when it was added. */
    String add(Frame f) {
      if (f.last() && closed()) return "the channel already has its last frame";
      if (frames.containsKey(f.number())) return "a duplicate frame";
      if (closed() && f.number() >= endFrame) return "past the channel's last frame";
      if (f.last()) {
        endFrame = f.number();
        // frames numbered past the last one can never belong to the channel
        for (Iterator<Map.Entry<Integer, Bytes>> it = frames.tailMap(endFrame, false).entrySet().iterator(); it.hasNext(); ) {
          size -= it.next().getValue().size() + FRAME_OVERHEAD;
          it.remove();
        }
      }
      frames.put(f.number(), f.data());
      size += f.data().size() + FRAME_OVERHEAD;
      return null;
    }

    boolean ready() {
      return closed() && frames.size() == endFrame + 1;
    }

    byte[] data() {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      for (Bytes d : frames.values()) out.writeBytes(d.toArrayUnsafe());
      return out.toByteArray();
    }
  }

  private final Map<Bytes, Channel> channels = new HashMap<>();
  private final List<Bytes> queue = new ArrayList<>(); // channel ids by first appearance
  private long totalSize;

  /**
   * Adds a frame read from L1 block {@code l1Number}; frames of a timed-out channel, duplicates and
   * frames past a channel's end are ignored.
   *
   * @param maxBankSize {@code MAX_CHANNEL_BANK_SIZE} at this L1 block (100 MB, 1 GB from Fjord)
   */
  public void ingest(Frame f, long l1Number, long channelTimeout, long maxBankSize) {
    Channel ch = channels.get(f.channelId());
    if (ch == null) {
      ch = new Channel(f.channelId(), l1Number);
      channels.put(f.channelId(), ch);
      queue.add(f.channelId());
    }
    if (ch.openedAtL1 + channelTimeout < l1Number) {
      LOG.debug("Ignoring frame {} of timed-out channel {}", f.number(), f.channelId());
      return;
    }
    long before = ch.size;
    String refused = ch.add(f);
    if (refused != null) {
      LOG.debug("Ignoring frame {} of channel {}: {}", f.number(), f.channelId(), refused);
      return;
    }
    totalSize += ch.size - before;
    while (totalSize > maxBankSize && !queue.isEmpty()) {
      LOG.warn("Channel bank over {} bytes: dropping its oldest channel {}", maxBankSize, queue.get(0));
      remove(0);
    }
  }

  /**
   * The next channel to read at L1 block {@code l1Number}, or null: a timed-out oldest channel is
   * dropped first; then the oldest channel if it is ready, or (from Canyon) the first ready channel
   * that has not timed out.
   */
  public ChannelAssembler.ReadyChannel read(long l1Number, long channelTimeout, boolean canyon) {
    while (!queue.isEmpty()) {
      Channel first = channels.get(queue.get(0));
      if (first.openedAtL1 + channelTimeout >= l1Number) break;
      LOG.warn("Channel {} opened at L1 block {} timed out at L1 block {}", first.id, first.openedAtL1, l1Number);
      remove(0);
    }
    int candidates = canyon ? queue.size() : Math.min(1, queue.size());
    for (int i = 0; i < candidates; i++) {
      Channel ch = channels.get(queue.get(i));
      if (ch.openedAtL1 + channelTimeout < l1Number || !ch.ready()) continue;
      remove(i);
      return new ChannelAssembler.ReadyChannel(ch.id, ch.data(), ch.openedAtL1);
    }
    return null;
  }

  public void clear() {
    channels.clear();
    queue.clear();
    totalSize = 0;
  }

  long size() {
    return totalSize;
  }

  private void remove(int index) {
    Channel ch = channels.remove(queue.remove(index));
    totalSize -= ch.size;
  }
}
