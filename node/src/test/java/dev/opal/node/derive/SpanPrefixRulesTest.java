package dev.opal.node.derive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opal.block.BlockId;
import dev.opal.config.ForkSchedule;
import dev.opal.config.OpFork;
import dev.opal.config.RollupConfig;
import dev.opal.node.derive.BatchRules.Validity;
import dev.opal.node.derive.batch.SingularBatch;
import dev.opal.node.derive.batch.SpanBatch;
import dev.opal.node.eth.L1BlockRef;
import dev.opal.node.eth.L2BlockRef;
import dev.opal.optimism.SystemConfig;
import dev.opal.types.Address;
import dev.opal.types.Hash;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The span batch checks of OP specs protocol/delta/span-batches.md "Span Batch Validation" as Holocene applies them. */
class SpanPrefixRulesTest {
  private static final long T0 = 1_000_000;
  private final FakeL1 l1 = new FakeL1(T0);
  private final List<L2BlockRef> l2 = new ArrayList<>();

  SpanPrefixRulesTest() {
    for (int i = 0; i < 4; i++) l1.mine(List.of());
    for (int n = 0; n <= 10; n++) {
      long epoch = 2L * n / FakeL1.BLOCK_TIME;
      l2.add(new L2BlockRef(Hash.wrap(dev.opal.crypto.Keccak.hash(new byte[] {(byte) n})), n, n == 0 ? Hash.ZERO : l2.get(n - 1).hash(), T0 + 2L * n,
          new BlockId(l1.ref(epoch).hash(), epoch), 0));
    }
  }

  @Test
  void acceptsASpanThatContinuesOrOverlapsTheSafeChain() {
    assertThat(check(span(6, 9), l2.get(5), all())).isEqualTo(Validity.ACCEPT);
    assertThat(check(span(2, 9), l2.get(5), all())).as("overlapping").isEqualTo(Validity.ACCEPT);
  }

  @Test
  void judgesTimestampsAgainstTheNextBlock() {
    assertThat(check(span(7, 9), l2.get(5), all())).as("starts after the next block").isEqualTo(Validity.DROP);
    assertThat(check(span(2, 5), l2.get(5), all())).as("ends at the safe head").isEqualTo(Validity.PAST);
  }

  @Test
  void dropsSpansThatDoNotFitTheChains() {
    List<SingularBatch> wrongParent = batches(6, 9);
    wrongParent.set(0, new SingularBatch(Hash.ZERO, wrongParent.get(0).epochNumber(), wrongParent.get(0).epochHash(), wrongParent.get(0).timestamp(),
        List.of()));
    assertThat(check(SpanBatch.of(wrongParent, false), l2.get(5), all())).as("parent check").isEqualTo(Validity.DROP);
    List<SingularBatch> wrongOrigin = batches(6, 9);
    SingularBatch last = wrongOrigin.getLast();
    wrongOrigin.set(wrongOrigin.size() - 1, new SingularBatch(last.parentHash(), last.epochNumber(), Hash.ZERO, last.timestamp(), List.of()));
    assertThat(check(SpanBatch.of(wrongOrigin, false), l2.get(5), all())).as("L1 origin check").isEqualTo(Validity.DROP);
    List<SingularBatch> skipsEpoch = new ArrayList<>();
    for (SingularBatch b : batches(6, 9)) skipsEpoch.add(new SingularBatch(b.parentHash(), 3, l1.ref(3).hash(), b.timestamp(), List.of()));
    assertThat(check(SpanBatch.of(skipsEpoch, false), l2.get(5), all())).as("start epoch beyond the next").isEqualTo(Validity.DROP);
  }

  @Test
  void dropsSpansBeforeDelta() {
    Map<OpFork, Long> forks = new EnumMap<>(OpFork.class);
    forks.put(OpFork.REGOLITH, 0L);
    forks.put(OpFork.CANYON, 0L);
    forks.put(OpFork.DELTA, T0 + 1_000);
    RollupConfig preDelta = rollup(ForkSchedule.optimism(forks));
    assertThat(new BatchRules(preDelta).checkSpanPrefix(span(6, 9), l2.get(5), l1.ref(4), this::l1Ref, n -> l2.get((int) n)).validity())
        .isEqualTo(Validity.DROP);
  }

  private Validity check(SpanBatch span, L2BlockRef safe, RollupConfig rollup) {
    return new BatchRules(rollup).checkSpanPrefix(span, safe, l1.ref(4), this::l1Ref, n -> l2.get((int) n)).validity();
  }

  private L1BlockRef l1Ref(long n) {
    return n <= 4 ? l1.ref(n) : null;
  }

  private SpanBatch span(int from, int to) {
    return SpanBatch.of(batches(from, to), false);
  }

  private List<SingularBatch> batches(int from, int to) {
    List<SingularBatch> out = new ArrayList<>();
    for (int n = from; n <= to; n++) {
      L2BlockRef b = l2.get(n);
      out.add(new SingularBatch(b.parentHash(), b.l1Origin().number(), b.l1Origin().hash(), b.time(), List.of()));
    }
    return out;
  }

  private RollupConfig all() {
    return rollup(ForkSchedule.allFromGenesis(OpFork.ISTHMUS));
  }

  private RollupConfig rollup(ForkSchedule forks) {
    SystemConfig sys = new SystemConfig(Address.ZERO, Hash.ZERO, Hash.ZERO, 30_000_000, SystemConfig.NO_EIP1559_PARAMS, Hash.ZERO, 0, 0);
    return new RollupConfig(new BlockId(l1.ref(0).hash(), 0), new BlockId(l2.get(0).hash(), 0), T0, sys, 2, 600, 3600, 300, BigInteger.ONE,
        BigInteger.TWO, forks, Address.ZERO, Address.ZERO, Address.ZERO, null, RollupConfig.Eip1559Config.OP_MAINNET);
  }
}
