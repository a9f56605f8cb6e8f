package dev.opal.node.batcher;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opal.block.Block;
import dev.opal.config.RollupConfig;
import dev.opal.node.derive.BlobData;
import dev.opal.node.derive.ChannelCompression;
import dev.opal.node.derive.ChannelOut;
import dev.opal.node.derive.Frame;
import dev.opal.node.derive.batch.SingularBatch;
import dev.opal.node.derive.batch.SpanBatch;
import dev.opal.node.driver.Waits;
import dev.opal.optimism.L1BlockInfo;
import dev.opal.rpc.client.JsonRpcClient;
import dev.opal.tx.DepositTransaction;
import dev.opal.tx.Transaction;
import dev.opal.types.Bytes;
import dev.opal.types.Hash;
import dev.opal.types.Hex;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts the sequencer's unsafe L2 blocks to L1 (op-batcher, reduced): it reads new blocks from the
 * L2 node ({@code debug_getRawBlock}), packs the blocks of one round into a channel (a singular
 * batch per block, or one span batch), compresses it with zlib or brotli, cuts it into frames, and
 * sends one transaction per frame (as calldata, or as a blob) to the batch inbox, one at a time, waiting for each to be
 * included and resending with a higher fee when one waits too long. It starts after the rollup
 * node's safe head, so a restart re-posts only what L1 does not yet have.
 */
public final class Batcher implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(Batcher.class);
  private static final Duration T = Duration.ofSeconds(10);

  /**
   * @param maxFrameData frame data per transaction (well under the 128 KiB transaction size limit)
   * @param maxBlocksPerChannel blocks packed into one channel at most
   * @param resendAfterL1Blocks L1 blocks a transaction may wait before it is sent again with a higher fee
   */
  public record Options(Duration pollInterval, int maxFrameData, int maxBlocksPerChannel, long resendAfterL1Blocks, BatchType batchType,
      ChannelCompression.Algorithm compression, DataAvailability dataAvailability) {
    /** op-batcher's defaults: singular batches in zlib channels, as calldata. */
    public static final Options DEFAULTS = new Options(Duration.ofSeconds(1), 120_000, 2_000, 5, BatchType.SINGULAR,
        ChannelCompression.Algorithm.ZLIB, DataAvailability.CALLDATA);

    /** Frame data per transaction: the option for calldata; for blobs, what one blob holds besides the version byte and frame header. */
    int frameDataLimit() {
      return dataAvailability == DataAvailability.BLOBS ? BlobData.MAX_DATA_SIZE - 1 - Frame.OVERHEAD : maxFrameData;
    }
  }

  /** op-batcher's {@code --data-availability-type}: frames as calldata, or in EIP-4844 blobs (one frame per blob, one blob per transaction). */
  public enum DataAvailability {
    CALLDATA, BLOBS;

    /** The value of a {@code --…data-availability-type} flag ({@code option} names it in the error). */
    public static DataAvailability fromFlag(String option, String value) {
      return switch (value.toLowerCase(Locale.ROOT)) {
        case "calldata" -> CALLDATA;
        case "blobs" -> BLOBS;
        default -> throw new IllegalArgumentException(option + " must be calldata or blobs, got " + value);
      };
    }
  }

  /** op-batcher's {@code --batch-type}: 0 singular, 1 span (from Delta). */
  public enum BatchType { SINGULAR, SPAN }

  /** A block's hash, its batch and its place in its epoch (the L1-info sequence number). */
  private record BlockBatch(Hash hash, SingularBatch batch, long sequenceNumber) {}

  private final RollupConfig rollup;
  private final JsonRpcClient l2;
  private final JsonRpcClient rollupNode;
  private final L1Transactor l1;
  private final Options options;
  private final Deque<Frame> queued = new ArrayDeque<>();
  private final AtomicLong postedBlocks = new AtomicLong();
  private L1Transactor.Sent inFlight;
  private long nextBlock = -1;
  private long lastSafe = -1;
  /** The last block put into a channel: the next one must be its child, or the L2 chain was reorged. */
  private Hash lastPosted;
  /** The first L2 block of the channel being sent, and of the channel of the transaction in flight. */
  private long queuedChannelStart;
  private long inFlightChannelStart;
  /** The L1 block that took the first frame of the channel being sent, or -1: its frames must all land within the channel timeout. */
  private long channelOpenedAt = -1;
  /** Frames a new channel may have: half the channel timeout (a frame per L1 block leaves room), halved again after each timeout. */
  private long frameBudget = -1;
  /** Where our recent transactions landed on L1, to notice an L1 reorg taking them back. */
  private final Deque<Landed> landed = new ArrayDeque<>();
  private static final int MAX_LANDED = 256;

  private record Landed(L1Transactor.Inclusion inclusion, long channelStart) {}
  private volatile boolean running = true;

  public Batcher(RollupConfig rollup, JsonRpcClient l1, JsonRpcClient l2, JsonRpcClient rollupNode, byte[] batcherKey, Options options) {
    this.rollup = rollup;
    this.l2 = l2;
    this.rollupNode = rollupNode;
    this.l1 = new L1Transactor(l1, batcherKey);
    this.options = options;
  }

  public void stop() {
    running = false;
  }

  /** L2 blocks put into channels so far. */
  public long postedBlocks() {
    return postedBlocks.get();
  }

  @Override
  public void run() {
    LOG.info("Batcher {} posting to {} on L1", l1.from(), rollup.batchInboxAddress());
    while (running) {
      try {
        step();
      } catch (RuntimeException e) {
        LOG.warn("Batcher step failed: {}", e.getMessage());
      }
      Waits.sleepWhile(options.pollInterval().toMillis(), () -> running);
    }
  }

  /** One round: follow the transaction in flight, or send the next frame, or open a channel with the new blocks. */
  void step() {
    JsonNode status = rollupNode.call(T, "optimism_syncStatus");
    long unsafe = status.path("unsafe_l2").path("number").asLong();
    long safe = status.path("safe_l2").path("number").asLong();
    long repostFrom = Math.min(reorgedFrom(), safe < lastSafe ? safe + 1 : Long.MAX_VALUE);
    lastSafe = safe;
    if (repostFrom != Long.MAX_VALUE) {
      // an L1 reorg took batches back (seen in our own inclusions, or as the rollup node's safe head going back)
      LOG.warn("L1 reorg took batcher data back: posting again from L2 block {}", repostFrom);
      queued.clear();
      inFlight = null; // its nonce may now be past the account's: the next send asks L1 again
      nextBlock = repostFrom;
      lastPosted = null;
    }
    if (inFlight != null) {
      L1Transactor.Inclusion included = l1.includedIn(inFlight.hash());
      if (included == null) {
        if (l1.l1Head() >= inFlight.sentAtL1() + options.resendAfterL1Blocks()) {
          LOG.warn("Batcher transaction {} not included after {} L1 blocks: sending it again with a higher fee", inFlight.hash(),
              options.resendAfterL1Blocks());
          inFlight = l1.resend(inFlight);
        }
        return;
      }
      LOG.debug("Batcher transaction {} included in L1 block {}", inFlight.hash(), included.number());
      landed.addLast(new Landed(included, inFlightChannelStart));
      while (landed.size() > MAX_LANDED) landed.pollFirst();
      inFlight = null;
      if (channelOpenedAt < 0) channelOpenedAt = included.number();
      if (timedOut(included.number())) return;
    }
    if (!queued.isEmpty() && timedOut(l1.l1Head())) return;
    if (queued.isEmpty()) openChannel(safe, unsafe);
    if (queued.isEmpty()) return;
    // one frame per transaction keeps every transaction well under the L1 size limit
    Frame f = queued.pollFirst();
    byte[] data = Frame.batcherData(List.of(f));
    inFlight = options.dataAvailability() == DataAvailability.BLOBS
        ? l1.sendBlobs(rollup.batchInboxAddress(), List.of(BlobData.encode(data)))
        : l1.send(rollup.batchInboxAddress(), Bytes.wrap(data));
    inFlightChannelStart = queuedChannelStart;
  }

  /**
   * Whether the channel being sent can no longer complete: derivation drops a channel whose frames
   * do not all land within the channel timeout of its first (op-batcher's channel.isTimedOut, with
   * Granite's shorter timeout as the bound). Its blocks are then posted again in a new channel.
   */
  private boolean timedOut(long l1Block) {
    if (channelOpenedAt < 0 || l1Block - channelOpenedAt < channelTimeout()) return false;
    LOG.warn("Channel with L2 blocks from {} timed out: opened in L1 block {}, now L1 block {}; posting its blocks again", queuedChannelStart,
        channelOpenedAt, l1Block);
    queued.clear();
    inFlight = null;
    nextBlock = queuedChannelStart;
    lastPosted = null;
    channelOpenedAt = -1;
    frameBudget = Math.max(1, frameBudget / 2); // L1 takes our frames slower than one a block: smaller channels
    return true;
  }

  /** The channel timeout in L1 blocks that holds whichever side of Granite the frames land on: the smaller one. */
  private long channelTimeout() {
    return Math.min(rollup.channelTimeout(rollup.l2GenesisTime()), RollupConfig.GRANITE_CHANNEL_TIMEOUT);
  }

  /**
   * The first L2 block of the oldest channel whose data an L1 reorg took back, or Long.MAX_VALUE.
   * A reorg that removes any of our inclusion blocks also replaces the newest one, so one look at
   * L1 per round finds it.
   */
  private long reorgedFrom() {
    long from = Long.MAX_VALUE;
    while (!landed.isEmpty() && !l1.isCanonical(landed.peekLast().inclusion())) from = Math.min(from, landed.pollLast().channelStart());
    return from;
  }

  private void openChannel(long safe, long unsafe) {
    if (nextBlock <= safe) {
      nextBlock = safe + 1;
      lastPosted = null;
    }
    if (nextBlock > unsafe) return;
    long last = Math.min(unsafe, nextBlock + options.maxBlocksPerChannel() - 1);
    List<BlockBatch> blocks = new ArrayList<>();
    Hash parent = lastPosted;
    for (long n = nextBlock; n <= last; n++) {
      BlockBatch b = batchOf(n);
      if (parent != null && !b.batch().parentHash().equals(parent)) {
        // the sequencer replaced blocks we posted (it rebuilt after an L1 reorg): what L1 has of them is void
        LOG.warn("L2 reorg at block {}: its parent is not the block posted before; posting again from L2 block {}", n, safe + 1);
        queued.clear();
        nextBlock = safe + 1;
        lastPosted = null;
        return;
      }
      parent = b.hash();
      blocks.add(b);
    }
    List<Frame> frames = ChannelOut.frames(encode(blocks), options.compression(), options.frameDataLimit());
    // one frame lands per L1 block at best: a channel of more frames than the budget may never complete, so it takes fewer blocks
    if (frameBudget < 0) frameBudget = Math.max(1, channelTimeout() / 2);
    while (frames.size() > frameBudget && blocks.size() > 1) {
      blocks = new ArrayList<>(blocks.subList(0, blocks.size() / 2));
      frames = ChannelOut.frames(encode(blocks), options.compression(), options.frameDataLimit());
    }
    last = nextBlock + blocks.size() - 1;
    lastPosted = blocks.getLast().hash();
    queued.addAll(frames);
    queuedChannelStart = nextBlock;
    channelOpenedAt = -1;
    LOG.info("Channel {} with L2 blocks {}-{} ({} {}, {}) in {} frames as {}", frames.get(0).channelId(), nextBlock, last, blocks.size(),
        options.batchType() == BatchType.SPAN ? "blocks in a span batch" : "singular batches", options.compression().name().toLowerCase(Locale.ROOT),
        frames.size(), options.dataAvailability().name().toLowerCase(Locale.ROOT));
    postedBlocks.addAndGet(last - nextBlock + 1);
    nextBlock = last + 1;
  }

  private List<byte[]> encode(List<BlockBatch> blocks) {
    if (options.batchType() == BatchType.SPAN) {
      SpanBatch span = SpanBatch.of(blocks.stream().map(BlockBatch::batch).toList(), blocks.getFirst().sequenceNumber() == 0);
      return List.of(ChannelOut.typed(SpanBatch.TYPE, span.encodeBody(rollup.l2GenesisTime(), rollup.l2ChainId())));
    }
    List<byte[]> out = new ArrayList<>(blocks.size());
    for (BlockBatch b : blocks) out.add(ChannelOut.typed(SingularBatch.TYPE, b.batch().encodeBody()));
    return out;
  }

  private BlockBatch batchOf(long number) {
    JsonNode raw = l2.call(T, "debug_getRawBlock", Hex.encodeQuantity(number));
    if (raw == null || raw.isNull()) throw new IllegalStateException("L2 block " + number + " is not available");
    Block block = Block.decode(Hex.decode(raw.asText()));
    if (block.transactions().isEmpty() || !(block.transactions().get(0) instanceof DepositTransaction info)) {
      throw new IllegalStateException("L2 block " + number + " has no L1-info deposit");
    }
    L1BlockInfo origin = L1BlockInfo.decode(info.data().toArrayUnsafe());
    List<Bytes> txs = new ArrayList<>();
    for (Transaction tx : block.transactions()) if (!(tx instanceof DepositTransaction)) txs.add(Bytes.wrap(tx.encode()));
    return new BlockBatch(block.header().hash(), new SingularBatch(block.header().parentHash(), origin.number(), origin.blockHash(), block.header().timestamp(), txs),
        origin.sequenceNumber());
  }
}
