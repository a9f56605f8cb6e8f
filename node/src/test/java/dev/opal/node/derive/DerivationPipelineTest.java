package dev.opal.node.derive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opal.block.BlockId;
import dev.opal.config.ForkSchedule;
import dev.opal.config.OpFork;
import dev.opal.config.RollupConfig;
import dev.opal.crypto.Keccak;
import dev.opal.node.derive.batch.SingularBatch;
import dev.opal.node.derive.batch.SpanBatch;
import dev.opal.node.derive.batch.TestTxs;
import dev.opal.node.eth.L1BlockRef;
import dev.opal.node.eth.L2BlockRef;
import dev.opal.node.sources.L1Source.L1Transaction;
import dev.opal.optimism.L1BlockInfo;
import dev.opal.optimism.SystemConfig;
import dev.opal.tx.DepositTransaction;
import dev.opal.tx.TransactionDecoder;
import dev.opal.types.Address;
import dev.opal.types.Bytes;
import dev.opal.types.Hash;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The pipeline on an in-memory L1 (OP specs protocol/derivation.md, with Holocene's rules): the
 * batcher's frames in, one attributes per L2 block out, with junk around the batches ignored.
 */
class DerivationPipelineTest {
  private static final long T0 = 1_700_000_000L;
  private static final long BLOCK_TIME = 2;
  private static final Address BATCHER = Address.fromHex("0x00000000000000000000000000000000000ba7c4");
  private static final Address INBOX = Address.fromHex("0xff00000000000000000000000000000000000901");
  private static final BigInteger CHAIN_ID = BigInteger.valueOf(901);

  private final FakeL1 l1 = new FakeL1(T0);

  @Test
  void singularBatchesInAZlibChannel() {
    RollupConfig rollup = rollup(3600);
    List<SingularBatch> batches = new ArrayList<>();
    for (int n = 1; n <= 5; n++) batches.add(singular(n, txs(n)));
    l1.mine(List.of(batcherTx(frames(singularChannel(batches), ChannelCompression.Algorithm.ZLIB, 120_000))));

    List<DerivedAttributesView> derived = deriveAll(rollup);

    assertThat(derived).extracting(DerivedAttributesView::number).containsExactly(1L, 2L, 3L, 4L, 5L);
    for (DerivedAttributesView d : derived) {
      assertThat(d.timestamp()).isEqualTo(time(d.number()));
      assertThat(d.epoch()).isEqualTo(epoch(d.number()));
      assertThat(d.userTxs()).isEqualTo(txs(d.number()));
      assertThat(d.noTxPool()).isTrue();
      assertThat(d.concluding()).as("a singular batch is a batch of its own").isTrue();
    }
  }

  @Test
  void spanBatchInABrotliChannelAcrossTransactionsAndJunk() {
    RollupConfig rollup = rollup(3600);
    l1.mine(List.of());
    l1.mine(List.of());
    List<SingularBatch> batches = new ArrayList<>();
    for (int n = 1; n <= 14; n++) batches.add(singular(n, txs(n)));
    byte[] span = ChannelOut.typed(SpanBatch.TYPE, SpanBatch.of(batches, true).encodeBody(T0, CHAIN_ID));
    List<Frame> frames = frames(List.of(span), ChannelCompression.Algorithm.BROTLI, 200);
    assertThat(frames).hasSizeGreaterThan(2);
    List<L1Transaction> first = new ArrayList<>();
    first.add(new L1Transaction(2, Address.fromHex("0x0000000000000000000000000000000000000bad"), INBOX,
        Bytes.wrap(Frame.batcherData(frames.subList(0, 1))))); // not the batcher
    first.add(new L1Transaction(2, BATCHER, Address.fromHex("0x0000000000000000000000000000000000000001"),
        Bytes.wrap(Frame.batcherData(frames.subList(0, 1))))); // not the inbox
    first.add(new L1Transaction(2, BATCHER, INBOX, Bytes.fromHex("0x00deadbeef"))); // a malformed frame
    first.add(batcherTx(frames.subList(0, 2)));
    l1.mine(first);
    l1.mine(List.of(batcherTx(frames.subList(2, frames.size()))));

    List<DerivedAttributesView> derived = deriveAll(rollup);

    assertThat(derived).extracting(DerivedAttributesView::number).containsExactlyElementsOf(range(1, 14));
    for (DerivedAttributesView d : derived) {
      assertThat(d.timestamp()).isEqualTo(time(d.number()));
      assertThat(d.epoch()).as("epoch of block %d", d.number()).isEqualTo(epoch(d.number()));
      assertThat(d.userTxs()).isEqualTo(txs(d.number()));
      // op-node: only a span's last block concludes its batch; the ones before leave the chain pending-safe
      assertThat(d.concluding()).as("block %d concludes the span", d.number()).isEqualTo(d.number() == 14);
    }
  }

  /**
   * Ecotone's blob retrieval: a blob transaction's blobs carry the frames (its calldata is ignored),
   * a blob that is not validly encoded is skipped, and an unavailable beacon node makes the pipeline
   * retry the block rather than lose it.
   */
  @Test
  void framesFromBlobsSkipBadBlobsAndRetryWhenBlobsAreUnavailable() {
    RollupConfig rollup = rollup(3600);
    l1.mine(List.of());
    List<SingularBatch> batches = new ArrayList<>();
    for (int n = 1; n <= 6; n++) batches.add(singular(n, txs(n)));
    List<Frame> frames = frames(singularChannel(batches), ChannelCompression.Algorithm.ZLIB, 150);
    assertThat(frames).hasSizeGreaterThan(2);
    byte[] badVersion = BlobData.encode(Frame.batcherData(frames.subList(0, 1)));
    badVersion[1] = 1; // encoding version 1 does not exist: the blob is ignored
    Hash bad = l1.publishBlob(badVersion);
    Hash first = l1.publishBlob(BlobData.encode(Frame.batcherData(frames.subList(0, 1))));
    Hash rest = l1.publishBlob(BlobData.encode(Frame.batcherData(frames.subList(1, frames.size()))));
    // the calldata of a blob transaction is ignored: junk there must not matter
    l1.mine(List.of(new L1Transaction(3, BATCHER, INBOX, Bytes.fromHex("0x00deadbeef"), List.of(bad, first)),
        new L1Transaction(3, BATCHER, INBOX, Bytes.EMPTY, List.of(rest))));

    DerivationPipeline pipeline = new DerivationPipeline(rollup, l1, new SystemConfigTracker(rollup, l1), this::l2Ref, l1.ref(0));
    l1.blobsUnavailable = true;
    for (int attempt = 0; attempt < 2; attempt++) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> pipeline.next(l2Ref(0))).hasMessageContaining("beacon node unreachable");
    }
    l1.blobsUnavailable = false;
    L2BlockRef safe = l2Ref(0);
    List<Long> derived = new ArrayList<>();
    for (DerivedAttributes d; (d = pipeline.next(safe)) != null; ) {
      List<Bytes> user = d.attributes().transactions().stream().filter(t -> (t.get(0) & 0xff) != 0x7e).toList();
      assertThat(user).isEqualTo(txs(safe.number() + 1));
      safe = l2Ref(safe.number() + 1);
      derived.add(safe.number());
    }
    assertThat(derived).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
  }

  /**
   * A span batch whose third block moves to the next L1 origin before that origin's time: before
   * Holocene the batch queue rejects the whole span, so none of it is derived; Holocene streams it
   * and derives the two good blocks before the bad one ends the channel.
   */
  @Test
  void beforeHoloceneABadBlockDropsTheWholeSpan() {
    assertThat(deriveSpanWithBadThirdBlock(OpFork.GRANITE)).isEmpty();
  }

  @Test
  void fromHoloceneABadBlockDropsOnlyTheRestOfTheSpan() {
    assertThat(deriveSpanWithBadThirdBlock(OpFork.HOLOCENE)).containsExactly(1L, 2L);
  }

  private List<Long> deriveSpanWithBadThirdBlock(OpFork latest) {
    RollupConfig rollup = rollup(3600, latest);
    l1.mine(List.of());
    List<SingularBatch> batches = new ArrayList<>();
    for (int n = 1; n <= 8; n++) {
      // blocks 3-5 belong to L1 origin 0 (its successor is 12 s later); block 3 claims origin 1 early
      long epoch = n >= 3 ? 1 : 0;
      batches.add(new SingularBatch(l2Hash(n - 1), epoch, l1.ref(epoch).hash(), time(n), txs(n)));
    }
    byte[] span = ChannelOut.typed(SpanBatch.TYPE, SpanBatch.of(batches, true).encodeBody(T0, CHAIN_ID));
    l1.mine(List.of(batcherTx(frames(List.of(span), ChannelCompression.Algorithm.ZLIB, 120_000))));
    return deriveAll(rollup).stream().map(DerivedAttributesView::number).toList();
  }

  @Test
  void beforeHoloceneTheChannelBankTakesFramesInAnyOrder() {
    List<SingularBatch> batches = new ArrayList<>();
    for (int n = 1; n <= 4; n++) batches.add(singular(n, txs(n)));
    List<Frame> frames = frames(singularChannel(batches), ChannelCompression.Algorithm.ZLIB, 100);
    assertThat(frames).hasSizeGreaterThan(2);
    for (int i = frames.size() - 1; i >= 0; i--) l1.mine(List.of(batcherTx(List.of(frames.get(i))))); // the last frame lands first

    assertThat(deriveAll(rollup(3600, OpFork.GRANITE))).extracting(DerivedAttributesView::number).containsExactly(1L, 2L, 3L, 4L);
    // Holocene's assembler takes frames only in order: the same L1 data yields no blocks
    assertThat(deriveAll(rollup(3600, OpFork.HOLOCENE))).isEmpty();
  }

  @Test
  void beforeHoloceneBatchesAheadOfTheirBlockWaitForIt() {
    // batches 2 and 3 land first, batch 1 a block later
    l1.mine(List.of(batcherTx(frames(singularChannel(List.of(singular(2, txs(2)), singular(3, txs(3)))), ChannelCompression.Algorithm.ZLIB,
        120_000))));
    l1.mine(List.of(batcherTx(frames(singularChannel(List.of(singular(1, txs(1)))), ChannelCompression.Algorithm.ZLIB, 120_000))));

    List<DerivedAttributesView> derived = deriveAll(rollup(3600, OpFork.GRANITE));
    assertThat(derived).extracting(DerivedAttributesView::number).containsExactly(1L, 2L, 3L);
    assertThat(derived.get(1).userTxs()).isEqualTo(txs(2));
    // Holocene drops batches from the future: only block 1 is derived
    assertThat(deriveAll(rollup(3600, OpFork.HOLOCENE))).extracting(DerivedAttributesView::number).containsExactly(1L);
  }

  @Test
  void anInvalidBatchDropsTheRestOfItsChannel() {
    RollupConfig rollup = rollup(3600);
    List<Bytes> later = List.of(TestTxs.dynamicFee(99, TestTxs.TO, Bytes.fromHex("0x99")));
    // a batch with the wrong parent, then a valid batch 3 that Holocene must not use: it came after the drop in the same channel
    List<SingularBatch> bad = List.of(singular(1, txs(1)), singular(2, txs(2)), new SingularBatch(Hash.ZERO, 0, l1.ref(0).hash(), time(3), List.of()),
        singular(3, txs(3)));
    l1.mine(List.of(batcherTx(frames(singularChannel(bad), ChannelCompression.Algorithm.ZLIB, 120_000))));
    l1.mine(List.of(batcherTx(frames(singularChannel(List.of(singular(3, later), singular(4, txs(4)), singular(5, txs(5)))),
        ChannelCompression.Algorithm.ZLIB, 120_000))));

    List<DerivedAttributesView> derived = deriveAll(rollup);

    assertThat(derived).extracting(DerivedAttributesView::number).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(derived.get(2).userTxs()).as("block 3 comes from the second channel").isEqualTo(later);
  }

  @Test
  void aSpanOverlappingTheSafeChainContinuesAfterIt() {
    RollupConfig rollup = rollup(3600);
    l1.mine(List.of());
    List<SingularBatch> all = new ArrayList<>();
    for (int n = 1; n <= 6; n++) all.add(singular(n, txs(n)));
    l1.mine(List.of(batcherTx(frames(singularChannel(all.subList(0, 3)), ChannelCompression.Algorithm.ZLIB, 120_000))));
    byte[] span = ChannelOut.typed(SpanBatch.TYPE, SpanBatch.of(all, true).encodeBody(T0, CHAIN_ID));
    l1.mine(List.of(batcherTx(frames(List.of(span), ChannelCompression.Algorithm.ZLIB, 120_000))));

    List<DerivedAttributesView> derived = deriveAll(rollup);
    assertThat(derived).extracting(DerivedAttributesView::number).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    assertThat(derived).extracting(DerivedAttributesView::concluding).as("singular batches 1-3, then the span's 4-6")
        .containsExactly(true, true, true, false, false, true);
  }

  @Test
  void withoutBatchesTheSequencingWindowForcesEmptyBlocks() {
    RollupConfig rollup = rollup(4);
    for (int i = 0; i < 5; i++) l1.mine(List.of());

    List<DerivedAttributesView> derived = deriveAll(rollup);

    // the window of epoch 0 closes at L1 block 4 and that of epoch 1 at block 5: blocks up to the first of epoch 2
    assertThat(derived).extracting(DerivedAttributesView::number).containsExactlyElementsOf(range(1, 12));
    for (DerivedAttributesView d : derived) {
      assertThat(d.userTxs()).isEmpty();
      assertThat(d.epoch()).as("epoch of block %d", d.number()).isEqualTo(epoch(d.number()));
    }
  }

  /** What a test checks of derived attributes, for L2 block {@code number}. */
  private record DerivedAttributesView(long number, long timestamp, long epoch, List<Bytes> userTxs, boolean noTxPool, boolean concluding) {}

  private List<DerivedAttributesView> deriveAll(RollupConfig rollup) {
    DerivationPipeline pipeline = new DerivationPipeline(rollup, l1, new SystemConfigTracker(rollup, l1), this::l2Ref, l1.ref(0));
    List<DerivedAttributesView> out = new ArrayList<>();
    L2BlockRef safe = l2Ref(0);
    for (DerivedAttributes d; (d = pipeline.next(safe)) != null; ) {
      assertThat(d.parent()).isEqualTo(safe);
      long number = safe.number() + 1;
      List<Bytes> txs = d.attributes().transactions();
      DepositTransaction info = (DepositTransaction) TransactionDecoder.decode(txs.getFirst().toArray());
      long epoch = L1BlockInfo.decode(info.data().toArray()).number();
      List<Bytes> user = txs.stream().filter(t -> (t.get(0) & 0xff) != 0x7e).toList();
      out.add(new DerivedAttributesView(number, d.attributes().timestamp(), epoch, user, d.attributes().noTxPool(), d.concluding()));
      safe = l2Ref(number);
      assertThat(epoch).as("derived epoch of block %d", number).isEqualTo(safe.l1Origin().number());
    }
    return out;
  }

  private RollupConfig rollup(long seqWindow) {
    return rollup(seqWindow, OpFork.ISTHMUS);
  }

  private RollupConfig rollup(long seqWindow, OpFork latest) {
    SystemConfig sys = new SystemConfig(BATCHER, Hash.ZERO, Hash.ZERO, 30_000_000, SystemConfig.NO_EIP1559_PARAMS, Hash.ZERO, 0, 0);
    return new RollupConfig(new BlockId(l1.ref(0).hash(), 0), new BlockId(l2Hash(0), 0), T0, sys, BLOCK_TIME, 600, seqWindow, 300,
        BigInteger.valueOf(900), CHAIN_ID, ForkSchedule.allFromGenesis(latest), INBOX, Address.ZERO, Address.ZERO, null,
        RollupConfig.Eip1559Config.OP_MAINNET);
  }

  private static long time(long n) {
    return T0 + BLOCK_TIME * n;
  }

  /** The L1 origin the test's sequencer uses: the newest L1 block not after the L2 block. */
  private static long epoch(long n) {
    return time(n) >= T0 ? (time(n) - T0) / FakeL1.BLOCK_TIME : 0;
  }

  private static Hash l2Hash(long n) {
    return Hash.wrap(Keccak.hash(("l2 block " + n).getBytes(StandardCharsets.UTF_8)));
  }

  private L2BlockRef l2Ref(long n) {
    long epoch = epoch(n);
    return new L2BlockRef(l2Hash(n), n, n == 0 ? Hash.ZERO : l2Hash(n - 1), time(n), new BlockId(l1.ref(epoch).hash(), epoch),
        n - epoch * (FakeL1.BLOCK_TIME / BLOCK_TIME));
  }

  private SingularBatch singular(long n, List<Bytes> txs) {
    return new SingularBatch(l2Hash(n - 1), epoch(n), l1.ref(epoch(n)).hash(), time(n), txs);
  }

  /** Some blocks carry user transactions; their exact bytes must come out of derivation. */
  private static List<Bytes> txs(long n) {
    if (n % 3 == 0) return List.of();
    List<Bytes> txs = new ArrayList<>();
    for (int i = 0; i < n % 3; i++) txs.add(TestTxs.dynamicFee(n * 10 + i, TestTxs.TO, Bytes.fromHex("0x1234")));
    return txs;
  }

  private static List<byte[]> singularChannel(List<SingularBatch> batches) {
    return batches.stream().map(b -> ChannelOut.typed(SingularBatch.TYPE, b.encodeBody())).toList();
  }

  private static List<Frame> frames(List<byte[]> typed, ChannelCompression.Algorithm algorithm, int maxFrameData) {
    return ChannelOut.frames(typed, algorithm, maxFrameData);
  }

  private static L1Transaction batcherTx(List<Frame> frames) {
    return new L1Transaction(2, BATCHER, INBOX, Bytes.wrap(Frame.batcherData(frames)));
  }

  private static List<Long> range(long from, long to) {
    List<Long> out = new ArrayList<>();
    for (long i = from; i <= to; i++) out.add(i);
    return out;
  }
}
