package dev.opal.node.derive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opal.node.derive.batch.BatchDecodeException;
import dev.opal.node.derive.batch.SingularBatch;
import dev.opal.node.derive.batch.SpanBatch;
import dev.opal.node.derive.batch.TestTxs;
import dev.opal.rlp.RlpException;
import dev.opal.types.Bytes;
import dev.opal.types.Hash;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Batcher data comes from anyone who can pay for an L1 transaction: no bytes may crash or stall
 * derivation. Random and mutated inputs go through each decoder, which must answer with frames,
 * batches, or its own "invalid" signal, nothing else.
 */
class DecoderFuzzTest {
  private static final SpanBatch SPAN = SpanBatch.of(List.of(
      new SingularBatch(Hash.ZERO, 5, Hash.ZERO, 1_002, List.of(TestTxs.legacy(0, true, TestTxs.TO, Bytes.EMPTY), TestTxs.accessList(1))),
      new SingularBatch(Hash.ZERO, 6, Hash.ZERO, 1_004, List.of(TestTxs.dynamicFee(2, null, Bytes.fromHex("0x60")), TestTxs.setCode(3)))), true);
  private static final byte[] SPAN_BODY = SPAN.encodeBody(1_000, TestTxs.CHAIN_ID);

  @Property(tries = 2000)
  void framesFromAnyBytes(@ForAll @Size(max = 300) byte[] data) {
    Frame.parseBatcherData(data);
  }

  @Property(tries = 1000)
  void framesFromMutatedBatcherData(@ForAll("mutations") Mutation m) {
    byte[] good = Frame.batcherData(ChannelOut.frames(List.of(new byte[] {0, 1, 2, 3}), ChannelCompression.Algorithm.ZLIB, 5));
    List<Frame> frames = Frame.parseBatcherData(m.apply(good));
    assertThat(frames.size()).isLessThanOrEqualTo(good.length / Frame.OVERHEAD);
  }

  @Property(tries = 1000)
  void channelsFromAnyBytes(@ForAll @Size(max = 400) byte[] data, @ForAll boolean fjord) {
    ChannelReader.read(data, 10_000, fjord, true, 1_000, 2, BigInteger.ONE);
  }

  @Property(tries = 500)
  void channelsFromMutatedCompressedSpans(@ForAll("mutations") Mutation m, @ForAll boolean brotli) {
    byte[] channel = ChannelCompression.compress(brotli ? ChannelCompression.Algorithm.BROTLI : ChannelCompression.Algorithm.ZLIB,
        dev.opal.rlp.Rlp.bytes(dev.opal.node.derive.ChannelOut.typed(SpanBatch.TYPE, SPAN_BODY)));
    ChannelReader.read(m.apply(channel), 100_000, true, true, 1_000, 2, TestTxs.CHAIN_ID);
  }

  @Property(tries = 3000)
  void spanBatchesFromMutatedBodies(@ForAll("mutations") Mutation m) {
    try {
      SpanBatch.decodeBody(m.apply(SPAN_BODY), 1_000, 2, TestTxs.CHAIN_ID);
    } catch (BatchDecodeException expected) {
      // dropped as invalid
    }
  }

  @Property(tries = 2000)
  void spanBatchesFromAnyBytes(@ForAll @Size(max = 200) byte[] body) {
    try {
      SpanBatch.decodeBody(body, 1_000, 2, TestTxs.CHAIN_ID);
    } catch (BatchDecodeException expected) {
      // dropped as invalid
    }
  }

  @Property(tries = 2000)
  void singularBatchesFromAnyBytes(@ForAll @Size(max = 200) byte[] body) {
    try {
      SingularBatch.decodeBody(body);
    } catch (RlpException | BatchDecodeException expected) {
      // dropped as invalid
    }
  }

  /** Up to 4 byte flips, and optionally a cut, applied to valid input. */
  record Mutation(List<int[]> flips, int cut) {
    byte[] apply(byte[] input) {
      byte[] out = input.clone();
      for (int[] f : flips) out[f[0] % out.length] ^= (byte) (f[1] == 0 ? 1 : f[1]);
      return cut <= 0 || cut >= out.length ? out : java.util.Arrays.copyOf(out, cut);
    }
  }

  @Provide
  Arbitrary<Mutation> mutations() {
    Arbitrary<int[]> flip = Arbitraries.integers().between(0, 100_000).flatMap(pos -> Arbitraries.integers().between(0, 255).map(v -> new int[] {pos, v}));
    return flip.list().ofMaxSize(4).flatMap(flips -> Arbitraries.integers().between(-1, 2_000).map(cut -> new Mutation(new ArrayList<>(flips), cut)));
  }

}
