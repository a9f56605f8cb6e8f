package dev.opal.node.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opal.block.BlockId;
import dev.opal.node.eth.L2BlockRef;
import dev.opal.rpc.engine.ForkchoiceState;
import dev.opal.rpc.engine.ForkchoiceUpdatedResult;
import dev.opal.rpc.engine.PayloadAttributes;
import dev.opal.rpc.engine.PayloadEnvelope;
import dev.opal.rpc.engine.PayloadId;
import dev.opal.rpc.engine.PayloadStatus;
import dev.opal.types.Address;
import dev.opal.types.Hash;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * op-node's backup unsafe head: a block rebuilt from L1 on the pending-safe head (3) replaces the
 * unsafe chain up to 5; when the rebuild fails after the engine's head went back to 3, the old
 * unsafe head 5 is made canonical again, so the engine and the node agree on the chain.
 */
class BackupUnsafeTest {
  private final List<Hash> forkchoiceHeads = new ArrayList<>();

  @Test
  void aFailedRebuildRestoresTheUnsafeChainItWasReplacing() {
    EngineController controller = new EngineController(new HeadsOnlyEngine(label -> switch (label) {
      case "latest" -> ref(5);
      case "safe" -> ref(3);
      default -> ref(0);
    }) {
      @Override
      public ForkchoiceUpdatedResult forkchoiceUpdate(ForkchoiceState state, PayloadAttributes attributes) {
        forkchoiceHeads.add(state.headBlockHash());
        return new ForkchoiceUpdatedResult(PayloadStatus.valid(state.headBlockHash()), attributes == null ? null : new PayloadId(0x0102030405060708L));
      }

      @Override
      public PayloadEnvelope getPayload(PayloadId id, long timestamp) {
        throw new EngineException(EngineException.Kind.TEMPORARY, "connection reset", null);
      }
    });
    controller.reset();

    assertThatThrownBy(() -> controller.insertDerived(attributesOnBlock3(), ref(3))).isInstanceOf(EngineException.class);

    assertThat(forkchoiceHeads).as("the build on block 3, then back to block 5").containsExactly(hash(3), hash(5));
    assertThat(controller.unsafeHead()).isEqualTo(ref(5));
    assertThat(controller.backupUnsafeHead()).as("restored, so no backup is left").isNull();
  }

  private static PayloadAttributes attributesOnBlock3() {
    return new PayloadAttributes(ref(4).time(), Hash.ZERO, Address.ZERO, List.of(), Hash.ZERO, List.of(), true, 30_000_000L, null, null);
  }

  private static Hash hash(int n) {
    byte[] b = new byte[32];
    b[0] = 2;
    b[31] = (byte) n;
    return Hash.wrap(b);
  }

  private static L2BlockRef ref(int n) {
    return new L2BlockRef(hash(n), n, hash(n - 1), 1_000 + 2L * n, new BlockId(Hash.ZERO, 0), n);
  }
}
