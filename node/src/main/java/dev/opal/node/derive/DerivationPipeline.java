package dev.opal.node.derive;

import dev.opal.block.BlockId;
import dev.opal.config.OpFork;
import dev.opal.config.RollupConfig;
import dev.opal.node.derive.batch.Batch;
import dev.opal.node.derive.batch.SingularBatch;
import dev.opal.node.derive.batch.SpanBatch;
import dev.opal.node.eth.L1BlockRef;
import dev.opal.node.eth.L1Info;
import dev.opal.node.eth.L2BlockRef;
import dev.opal.node.sources.L1Source;
import dev.opal.optimism.SystemConfig;
import dev.opal.rpc.engine.PayloadAttributes;
import dev.opal.types.Bytes;
import dev.opal.types.Hash;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The derivation pipeline (OP specs protocol/derivation.md; op-node rollup/derive), pulled one
 * block at a time: L1 traversal with reorg detection, L1 retrieval of batcher transactions (to the
 * batch inbox, from the batcher of the SystemConfig in force), frames, Holocene's channel assembly,
 * channel reading, the batch rules, and payload attributes. Empty batches fill the chain once a
 * sequencing window passes without a batch. Before Holocene frames go through the channel bank,
 * batches for later blocks wait, and a span batch is judged whole before any of its blocks is
 * derived; under Holocene a span batch is streamed block by block and a dropped batch flushes the
 * rest of its channel.
 */
public final class DerivationPipeline {
  private static final Logger LOG = LoggerFactory.getLogger(DerivationPipeline.class);
  private static final long MAX_RLP_BYTES_PER_CHANNEL = 10_000_000;
  private static final long FJORD_MAX_RLP_BYTES_PER_CHANNEL = 100_000_000;

  /** L1 was reorganised under the pipeline: the node must reset. */
  public static final class L1ReorgException extends RuntimeException {
    L1ReorgException(String message) {
      super(message);
    }
  }

  private final RollupConfig rollup;
  private final L1Source l1;
  private final SystemConfigTracker configs;
  private final AttributesBuilder attributes;
  private final BatchRules rules;
  private final ChannelAssembler assembler = new ChannelAssembler(); // from Holocene
  private final ChannelBank bank = new ChannelBank(); // before Holocene
  private final Deque<Frame> frames = new ArrayDeque<>();
  private final Deque<Batch> batches = new ArrayDeque<>();
  /** Before Holocene: batches for later blocks, kept with the L1 block they were read from until their turn comes. */
  private final List<PendingBatch> future = new ArrayList<>();

  private record PendingBatch(SingularBatch batch, L1BlockRef inclusion) {}

  /** The blocks still to come from the span batch being streamed. */
  private final Deque<SpanBatch.Element> spanRest = new ArrayDeque<>();
  private final LongFunction<L2BlockRef> l2ByNumber;
  private L1BlockRef origin;
  /** The origin whose batcher data is still to be read (after a reset), or null. */
  private L1BlockRef unread;
  private L1BlockRef batchesFrom;

  /** @param l2ByNumber the node's L2 blocks by number (safe ones are asked for), for span batches that overlap the safe head */
  public DerivationPipeline(RollupConfig rollup, L1Source l1, SystemConfigTracker configs, LongFunction<L2BlockRef> l2ByNumber, L1BlockRef start) {
    this.rollup = rollup;
    this.l2ByNumber = l2ByNumber;
    this.l1 = l1;
    this.configs = configs;
    this.attributes = new AttributesBuilder(rollup, l1);
    this.rules = new BatchRules(rollup);
    reset(start);
  }

  /** Starts reading again at {@code start} (its data included), forgetting every partial channel and batch. */
  public void reset(L1BlockRef start) {
    frames.clear();
    flushChannel();
    future.clear();
    assembler.clear();
    bank.clear();
    origin = start;
    unread = start; // read on the next pull: a failing L1 or beacon read then retries there instead of losing the block
  }

  /** The L1 block the pipeline is reading. */
  public L1BlockRef origin() {
    return origin;
  }

  /**
   * The attributes of the block after {@code safe} (the pending-safe head), or null when the L1 data read so far yields no
   * more blocks. Throws {@link L1ReorgException} when the next L1 block does not extend the origin.
   */
  public DerivedAttributes next(L2BlockRef safe) {
    if (unread != null) {
      frames.addAll(readFrames(unread));
      unread = null;
    }
    while (true) {
      DerivedAttributes waited = fromFutureBatches(safe);
      if (waited != null) return waited;
      if (!spanRest.isEmpty() || !batches.isEmpty()) {
        SingularBatch b = nextSingular(safe);
        if (b == null) continue;
        BatchRules.Verdict v = rules.check(b, safe, batchesFrom, this::l1Ref);
        switch (v.validity()) {
          case PAST, UNDECIDED -> LOG.debug("Skipping batch for L2 time {}: {}", b.timestamp(), v.validity());
          case FUTURE -> future.add(new PendingBatch(b, batchesFrom));
          case DROP -> {
            if (holocene()) {
              LOG.warn("Dropping batch for L2 time {} from L1 block {} and the rest of its channel: {}", b.timestamp(), batchesFrom, v.reason());
              flushChannel();
            } else {
              LOG.warn("Dropping batch for L2 time {} from L1 block {}: {}", b.timestamp(), batchesFrom, v.reason());
            }
          }
          case ACCEPT -> {
            return derive(b, safe, batchesFrom, spanRest.isEmpty());
          }
        }
        continue;
      }
      Frame f = frames.pollFirst();
      if (f != null) {
        if (holocene()) {
          ChannelAssembler.ReadyChannel ch = assembler.add(f, origin.number(), maxRlpBytes());
          if (ch != null) readChannel(ch);
        } else {
          bank.ingest(f, origin.number(), channelTimeout(), maxChannelBankSize());
          readBank();
        }
        continue;
      }
      DerivedAttributes empty = forcedEmptyBatch(safe);
      if (empty != null) return empty;
      if (!advance()) return null;
    }
  }

  /**
   * The next singular batch to judge: the span being streamed goes first (on the current safe
   * head), else the next batch read. A span batch is checked as a whole when it comes up; null
   * means it was skipped or dropped, or its blocks were queued.
   */
  private SingularBatch nextSingular(L2BlockRef safe) {
    SpanBatch.Element e = spanRest.pollFirst();
    if (e != null) {
      L1BlockRef epoch = l1Ref(e.epochNumber());
      if (epoch == null) {
        LOG.warn("Dropping the rest of a span batch: its L1 origin {} is not read yet", e.epochNumber());
        flushChannel();
        return null;
      }
      return new SingularBatch(safe.hash(), e.epochNumber(), epoch.hash(), e.timestamp(), e.transactions());
    }
    return switch (batches.pollFirst()) {
      case SingularBatch s -> s;
      case SpanBatch span -> {
        BatchRules.Verdict v = rules.checkSpanPrefix(span, safe, batchesFrom, this::l1Ref, l2ByNumber);
        switch (v.validity()) {
          case ACCEPT -> {
            String invalid = holocene() ? null : firstInvalidBlock(span, safe);
            if (invalid != null) {
              // before Holocene the batch queue judges a span batch whole: one bad block drops it all, and only it
              LOG.warn("Dropping span batch for L2 time {} from L1 block {}: {}", span.timestamp(), batchesFrom, invalid);
              yield null;
            }
            for (SpanBatch.Element block : span.blocks()) if (block.timestamp() > safe.time()) spanRest.addLast(block);
            LOG.debug("Streaming span batch of {} blocks from L2 time {}", span.blocks().size(), span.timestamp());
          }
          case DROP -> {
            LOG.warn("Dropping span batch for L2 time {} from L1 block {} and the rest of its channel: {}", span.timestamp(), batchesFrom,
                v.reason());
            flushChannel();
          }
          case PAST, UNDECIDED -> LOG.debug("Skipping span batch for L2 time {}: {}", span.timestamp(), v.validity());
        }
        yield null;
      }
    };
  }

  /**
   * Before Holocene (op-node checkSpanBatch): each block of the span after the safe head is judged
   * by the singular-batch rules on the blocks of the span before it, before any is derived; returns
   * why the first one fails, or null if all pass.
   */
  private String firstInvalidBlock(SpanBatch span, L2BlockRef safe) {
    L2BlockRef parent = safe;
    for (SpanBatch.Element e : span.blocks()) {
      if (e.timestamp() <= safe.time()) continue;
      L1BlockRef epoch = l1Ref(e.epochNumber());
      if (epoch == null) return "the L1 origin " + e.epochNumber() + " of its block at L2 time " + e.timestamp() + " is not read yet";
      SingularBatch b = new SingularBatch(parent.hash(), e.epochNumber(), epoch.hash(), e.timestamp(), e.transactions());
      BatchRules.Verdict v = rules.check(b, parent, batchesFrom, this::l1Ref);
      if (v.validity() != BatchRules.Validity.ACCEPT) return "its block at L2 time " + e.timestamp() + ": " + (v.reason() == null ? v.validity() : v.reason());
      // stands in for the block the span would derive here: what the rules read of a parent is its time and L1 origin
      long seq = epoch.number() == parent.l1Origin().number() ? parent.sequenceNumber() + 1 : 0;
      parent = new L2BlockRef(Hash.ZERO, parent.number() + 1, parent.hash(), e.timestamp(), new BlockId(epoch.hash(), epoch.number()), seq);
    }
    return null;
  }

  /**
   * Before Holocene, batches that arrived ahead of their block are judged again, oldest first, as
   * the safe head moves: the first acceptable one is the next block; those that can no longer apply
   * go; the rest keep waiting.
   */
  private DerivedAttributes fromFutureBatches(L2BlockRef safe) {
    for (Iterator<PendingBatch> it = future.iterator(); it.hasNext(); ) {
      PendingBatch p = it.next();
      BatchRules.Verdict v = rules.check(p.batch(), safe, p.inclusion(), this::l1Ref);
      switch (v.validity()) {
        case ACCEPT -> {
          it.remove();
          return derive(p.batch(), safe, p.inclusion(), true);
        }
        case FUTURE, UNDECIDED -> { }
        case PAST, DROP -> it.remove();
      }
    }
    return null;
  }

  /** Holocene: a dropped batch takes the rest of its channel (and of its span) with it. */
  private void flushChannel() {
    batches.clear();
    spanRest.clear();
  }

  private void readChannel(ChannelAssembler.ReadyChannel ch) {
    boolean fjord = rollup.forks().isActive(OpFork.FJORD, origin.time());
    boolean delta = rollup.forks().isActive(OpFork.DELTA, origin.time());
    List<Batch> read = ChannelReader.read(ch.data(), maxRlpBytes(), fjord, delta, rollup.l2GenesisTime(), rollup.blockTime(), rollup.l2ChainId());
    batches.addAll(read);
    batchesFrom = origin;
    LOG.debug("Read channel {} from L1 block {}: {} batches", ch.id(), origin, read.size());
  }

  /** Once the sequencing window of the safe head's epoch has passed with no batch, the chain goes on with empty blocks. */
  private DerivedAttributes forcedEmptyBatch(L2BlockRef safe) {
    long epochNumber = safe.l1Origin().number();
    if (origin.number() < epochNumber + rollup.seqWindowSize()) return null;
    long next = safe.time() + rollup.blockTime();
    L1BlockRef epoch = l1Ref(epochNumber);
    L1BlockRef nextEpoch = epochNumber + 1 <= origin.number() ? l1Ref(epochNumber + 1) : null;
    if (nextEpoch != null && next >= nextEpoch.time()) epoch = nextEpoch;
    LOG.info("Sequencing window of epoch {} expired at L1 block {}: empty batch for L2 time {}", epochNumber, origin, next);
    return derive(new SingularBatch(safe.hash(), epoch.number(), epoch.hash(), next, List.of()), safe, origin, true);
  }

  private DerivedAttributes derive(SingularBatch b, L2BlockRef safe, L1BlockRef derivedFrom, boolean concluding) {
    L1Info epoch = l1.byNumber(b.epochNumber());
    SystemConfig sys = configs.at(epoch.ref());
    PayloadAttributes a = attributes.prepare(safe, epoch, sys);
    List<Bytes> txs = new ArrayList<>(a.transactions().size() + b.transactions().size());
    txs.addAll(a.transactions());
    txs.addAll(b.transactions());
    a = new PayloadAttributes(a.timestamp(), a.prevRandao(), a.suggestedFeeRecipient(), a.withdrawals(), a.parentBeaconBlockRoot(), txs, true,
        a.gasLimit(), a.eip1559Params(), a.minBaseFee());
    return new DerivedAttributes(a, safe, derivedFrom, concluding);
  }

  private boolean advance() {
    L1Info next = l1.byNumber(origin.number() + 1);
    if (next == null) return false;
    if (!next.ref().parentHash().equals(origin.hash())) {
      throw new L1ReorgException("L1 block " + next.ref() + " does not extend the pipeline's origin " + origin);
    }
    List<Frame> read = readFrames(next.ref()); // before the origin moves, so a failed read is retried
    origin = next.ref();
    if (holocene()) {
      bank.clear(); // Holocene swaps the bank for the assembler (op-node ChannelMux.Transform)
      assembler.checkTimeout(origin.number(), channelTimeout());
    } else {
      readBank(); // a timed-out oldest channel may have been holding back a ready one
    }
    frames.addAll(read);
    return true;
  }

  private void readBank() {
    boolean canyon = rollup.forks().isActive(OpFork.CANYON, origin.time());
    for (ChannelAssembler.ReadyChannel ch; (ch = bank.read(origin.number(), channelTimeout(), canyon)) != null; ) readChannel(ch);
  }

  private boolean holocene() {
    return rollup.forks().isActive(OpFork.HOLOCENE, origin.time());
  }

  /** MAX_CHANNEL_BANK_SIZE (specs protocol/derivation.md; fjord/derivation.md raises it). */
  private long maxChannelBankSize() {
    return rollup.forks().isActive(OpFork.FJORD, origin.time()) ? 1_000_000_000L : 100_000_000L;
  }

  /**
   * L1 retrieval (specs protocol/derivation.md, "L1 Retrieval"; ecotone/derivation.md): the frames
   * of the block's transactions to the batch inbox signed by the batcher of the SystemConfig in
   * force, in transaction order. From Ecotone a blob transaction contributes its blobs, fetched and
   * verified against their versioned hashes, and its calldata is ignored; a blob that does not
   * decode is skipped. Throws if a blob cannot be had, so that the block is read again.
   */
  private List<Frame> readFrames(L1BlockRef block) {
    SystemConfig sys = configs.at(block);
    boolean blobs = rollup.forks().isActive(OpFork.ECOTONE, block.time());
    List<L1Source.L1Transaction> batcherTxs = new ArrayList<>();
    List<Hash> hashes = new ArrayList<>();
    for (L1Source.L1Transaction tx : l1.transactions(block.hash())) {
      if (tx.to() == null || !tx.to().equals(rollup.batchInboxAddress()) || !tx.from().equals(sys.batcherAddr())) continue;
      batcherTxs.add(tx);
      if (blobs && tx.type() == L1Source.BLOB_TX_TYPE) hashes.addAll(tx.blobHashes());
    }
    List<byte[]> fetched = hashes.isEmpty() ? List.of() : l1.blobs(block, hashes);
    List<Frame> out = new ArrayList<>();
    int next = 0;
    for (L1Source.L1Transaction tx : batcherTxs) {
      if (blobs && tx.type() == L1Source.BLOB_TX_TYPE) {
        for (Hash h : tx.blobHashes()) {
          byte[] data;
          try {
            data = BlobData.decode(fetched.get(next++));
          } catch (BlobData.InvalidBlobException e) {
            LOG.warn("Ignoring blob {} in L1 block {}: {}", h, block, e.getMessage());
            continue;
          }
          addFrames(out, data, block);
        }
      } else {
        addFrames(out, tx.input().toArrayUnsafe(), block);
      }
    }
    return out;
  }

  private static void addFrames(List<Frame> out, byte[] batcherData, L1BlockRef block) {
    List<Frame> parsed = Frame.parseBatcherData(batcherData);
    if (parsed.isEmpty()) LOG.warn("Dropping batcher data in L1 block {}: no valid frames", block);
    out.addAll(parsed);
  }

  private L1BlockRef l1Ref(long number) {
    if (number > origin.number()) return null;
    L1Info info = l1.byNumber(number);
    return info == null ? null : info.ref();
  }

  private long maxRlpBytes() {
    return rollup.forks().isActive(OpFork.FJORD, origin.time()) ? FJORD_MAX_RLP_BYTES_PER_CHANNEL : MAX_RLP_BYTES_PER_CHANNEL;
  }

  private long channelTimeout() {
    return rollup.channelTimeout(origin.time());
  }
}
