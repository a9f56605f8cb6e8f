package dev.opal.node.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opal.block.BlockId;
import dev.opal.node.eth.L2BlockRef;
import dev.opal.rpc.engine.ExecutionPayload;
import dev.opal.types.Address;
import dev.opal.types.Bytes;
import dev.opal.types.Hash;
import dev.opal.types.UInt256;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** op-node's PayloadsQueue rules (rollup/engine/payloads_queue.go and DropInapplicableUnsafePayloads). */
class UnsafePayloadQueueTest {
  @Test
  void payloadsComeOutByNumberWhateverTheArrivalOrder() {
    UnsafePayloadQueue q = new UnsafePayloadQueue(UnsafePayloadQueue.DEFAULT_MAX_BYTES);
    for (int n : new int[] {5, 3, 4}) assertThat(q.push(entry(n, 'a', 0))).isTrue();
    List<Long> out = new ArrayList<>();
    for (UnsafePayloadQueue.Entry e; (e = q.pop()) != null; ) out.add(e.payload().blockNumber());
    assertThat(out).containsExactly(3L, 4L, 5L);
  }

  @Test
  void aDuplicateHashIsRefused() {
    UnsafePayloadQueue q = new UnsafePayloadQueue(UnsafePayloadQueue.DEFAULT_MAX_BYTES);
    assertThat(q.push(entry(3, 'a', 0))).isTrue();
    assertThat(q.push(entry(3, 'a', 0))).isFalse();
    assertThat(q.push(entry(3, 'b', 0))).as("another block at the same height").isTrue();
    assertThat(q.size()).isEqualTo(2);
  }

  @Test
  void memoryIsCountedAsOpNodeCountsItAndTheLowestGoesFirstWhenFull() {
    // 1,000 bytes per payload plus each transaction's length and 24
    assertThat(UnsafePayloadQueue.memorySize(payload(1, 'a', 2, 100))).isEqualTo(1_000 + 2 * (100 + 24));
    UnsafePayloadQueue q = new UnsafePayloadQueue(3 * 1_000);
    q.push(entry(7, 'a', 0));
    q.push(entry(8, 'a', 0));
    q.push(entry(9, 'a', 0));
    q.push(entry(10, 'a', 0));
    assertThat(q.size()).isEqualTo(3);
    assertThat(q.peek().payload().blockNumber()).isEqualTo(8);
    assertThat(q.bytes()).isEqualTo(3_000);
    assertThat(q.push(new UnsafePayloadQueue.Entry(payload(11, 'a', 1, 2_000), null))).as("alone over the cap").isFalse();
  }

  @Test
  void inapplicablePayloadsAreDropped() {
    L2BlockRef safe = ref(4, 'a');
    L2BlockRef unsafe = ref(6, 'a');
    UnsafePayloadQueue q = new UnsafePayloadQueue(UnsafePayloadQueue.DEFAULT_MAX_BYTES);
    q.push(entry(4, 'x', 0)); // at the safe head
    q.push(entry(6, 'x', 0)); // at the unsafe head
    q.push(entry(7, 'x', 0)); // next, but on another parent
    q.push(entry(8, 'a', 0)); // a gap: kept for later
    q.dropInapplicable(unsafe, safe);
    assertThat(q.size()).isEqualTo(1);
    assertThat(q.peek().payload().blockNumber()).isEqualTo(8);
  }

  @Test
  void theNextBlockOnTheUnsafeHeadStays() {
    UnsafePayloadQueue q = new UnsafePayloadQueue(UnsafePayloadQueue.DEFAULT_MAX_BYTES);
    q.push(entry(7, 'a', 0));
    q.dropInapplicable(ref(6, 'a'), ref(4, 'a'));
    assertThat(q.size()).isEqualTo(1);
  }

  private static UnsafePayloadQueue.Entry entry(int number, char fork, int txs) {
    return new UnsafePayloadQueue.Entry(payload(number, fork, txs, 10), null);
  }

  /** Block {@code number} of chain {@code fork}: its parent is block number-1 of the same chain. */
  private static ExecutionPayload payload(int number, char fork, int txs, int txSize) {
    List<Bytes> transactions = new ArrayList<>();
    for (int i = 0; i < txs; i++) transactions.add(Bytes.wrap(new byte[txSize]));
    return new ExecutionPayload(hash(number - 1, fork), Address.ZERO, Hash.ZERO, Hash.ZERO, Bytes.wrap(new byte[256]), Hash.ZERO, number,
        30_000_000, 0, 1_000 + number, Bytes.EMPTY, UInt256.ONE, hash(number, fork), transactions, List.of(), 0L, 0L, null);
  }

  private static L2BlockRef ref(int number, char fork) {
    return new L2BlockRef(hash(number, fork), number, hash(number - 1, fork), 1_000 + number, new BlockId(Hash.ZERO, 0), number);
  }

  private static Hash hash(int number, char fork) {
    byte[] b = new byte[32];
    b[0] = (byte) fork;
    b[31] = (byte) number;
    return Hash.wrap(b);
  }
}
