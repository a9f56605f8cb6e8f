package dev.opal.trie;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opal.types.Hash;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The slab store against a plain map: growth of its index segments and slabs must lose nothing. */
class InMemoryNodeStoreTest {
  private static Hash randomHash(Random random) {
    byte[] h = new byte[32];
    random.nextBytes(h);
    return Hash.wrap(h);
  }

  /** Enough records to double every index segment several times and fill several full-size slabs. */
  private static void fillAndReadBack(InMemoryNodeStore store, int records) {
    Random random = new Random(records);
    Map<Hash, byte[]> expected = new HashMap<>();
    for (int i = 0; i < records; i++) {
      Hash h = randomHash(random);
      byte[] encoding = new byte[1 + random.nextInt(600)];
      random.nextBytes(encoding);
      store.put(h, encoding);
      expected.put(h, encoding);
    }
    assertThat(store.size()).isEqualTo(expected.size());
    expected.forEach((h, encoding) -> assertThat(store.get(h)).isEqualTo(encoding));
    for (int i = 0; i < 1000; i++) assertThat(store.get(randomHash(random))).isNull();
  }

  @Test
  void aChainSizedStoreKeepsEveryRecordPastItsInitialSize() {
    fillAndReadBack(new InMemoryNodeStore(50_000), 200_000);
  }

  @Test
  void aSmallStoreGrowsFromOneSegmentAndOneSmallSlab() {
    fillAndReadBack(new InMemoryNodeStore(), 100_000);
  }

  @Test
  void aSecondWriteOfAHashKeepsTheFirst() {
    InMemoryNodeStore store = new InMemoryNodeStore();
    Hash h = randomHash(new Random(1));
    store.put(h, new byte[] {1, 2, 3});
    store.put(h, new byte[] {4});
    assertThat(store.get(h)).containsExactly(1, 2, 3);
    assertThat(store.size()).isEqualTo(1);
  }

  @Test
  void aRecordLargerThanAFullSlabGetsOneOfItsOwn() {
    InMemoryNodeStore store = new InMemoryNodeStore(1_000_000); // starts at a full-size slab
    Random random = new Random(2);
    Map<Hash, byte[]> expected = new HashMap<>();
    for (int i = 0; i < 40_000; i++) { // past the first slab: the one after the second is being prepared
      Hash h = randomHash(random);
      byte[] encoding = new byte[500];
      random.nextBytes(encoding);
      store.put(h, encoding);
      expected.put(h, encoding);
    }
    byte[] huge = new byte[(1 << 24) + 1];
    random.nextBytes(huge);
    Hash big = randomHash(random);
    store.put(big, huge);
    expected.put(big, huge);
    Hash after = randomHash(random);
    store.put(after, new byte[] {7, 7});
    expected.put(after, new byte[] {7, 7});
    expected.forEach((h, encoding) -> assertThat(store.get(h)).isEqualTo(encoding));
  }
}
