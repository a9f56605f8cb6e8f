package dev.opal.node.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opal.block.BlockId;
import dev.opal.node.eth.L1BlockRef;
import dev.opal.node.eth.L2BlockRef;
import dev.opal.types.Hash;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The safe heads as op-node moves them (op-node rollup/engine: PromotePendingSafe, then on a
 * concluding batch PromoteLocalSafe and, without interop, PromoteSafe): a span batch's blocks are
 * pending-safe until its last one, and a restart of derivation drops what was only pending.
 */
class EngineControllerHeadsTest {
  private static final L1BlockRef SOURCE = new L1BlockRef(hash(100), 7, hash(99), 84);
  private final L2BlockRef genesis = ref(0);
  private final List<EngineEvent> events = new ArrayList<>();
  private EngineController controller;

  @BeforeEach
  void start() {
    controller = new EngineController(new HeadsOnlyEngine(label -> genesis));
    controller.reset();
    controller.addListener(events::add);
  }

  @Test
  void blocksOfAnUnfinishedBatchArePendingSafeOnly() {
    controller.promotePendingSafe(ref(1), false, SOURCE);
    controller.promotePendingSafe(ref(2), false, SOURCE);

    assertThat(controller.pendingSafeHead()).isEqualTo(ref(2));
    assertThat(controller.localSafeHead()).isEqualTo(genesis);
    assertThat(controller.safeHead()).isEqualTo(genesis);
    assertThat(events).containsExactly(new EngineEvent.PendingSafeUpdate(ref(1), genesis), new EngineEvent.PendingSafeUpdate(ref(2), genesis));
  }

  @Test
  void theConcludingBlockMakesTheBatchLocalSafeAndSafe() {
    controller.promotePendingSafe(ref(1), false, SOURCE);
    events.clear();
    controller.promotePendingSafe(ref(2), true, SOURCE);

    assertThat(controller.pendingSafeHead()).isEqualTo(ref(2));
    assertThat(controller.localSafeHead()).isEqualTo(ref(2));
    assertThat(controller.safeHead()).isEqualTo(ref(2));
    assertThat(events).containsExactly(new EngineEvent.PendingSafeUpdate(ref(2), genesis), new EngineEvent.LocalSafeUpdate(ref(2), SOURCE),
        new EngineEvent.SafeDerived(ref(2), SOURCE));
  }

  @Test
  void restartingDerivationDropsWhatWasOnlyPending() {
    controller.promotePendingSafe(ref(1), true, SOURCE);
    controller.promotePendingSafe(ref(2), false, SOURCE);

    controller.dropPendingSafe();

    assertThat(controller.pendingSafeHead()).isEqualTo(ref(1));
    assertThat(controller.safeHead()).isEqualTo(ref(1));
  }

  @Test
  void anOlderBlockDoesNotMovePendingSafeBack() {
    controller.promotePendingSafe(ref(2), true, SOURCE);
    events.clear();
    controller.promotePendingSafe(ref(1), true, SOURCE);

    assertThat(controller.pendingSafeHead()).isEqualTo(ref(2));
    assertThat(events).isEmpty();
  }

  private static Hash hash(int n) {
    byte[] b = new byte[32];
    b[0] = 1;
    b[31] = (byte) n;
    return Hash.wrap(b);
  }

  private static L2BlockRef ref(int n) {
    return new L2BlockRef(hash(n), n, n == 0 ? Hash.ZERO : hash(n - 1), 1_000 + 2L * n, new BlockId(hash(100), 7), n);
  }
}
