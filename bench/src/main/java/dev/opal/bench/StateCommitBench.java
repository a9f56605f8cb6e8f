package dev.opal.bench;

import dev.opal.crypto.Keccak;
import dev.opal.db.KeyValueStore;
import dev.opal.db.KvNodeStore;
import dev.opal.db.RocksDbKeyValueStore;
import dev.opal.state.StateDb;
import dev.opal.trie.InMemoryNodeStore;
import dev.opal.trie.NodeStore;
import dev.opal.types.Address;
import dev.opal.types.Hash;
import dev.opal.types.UInt256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The commit of a block that touched 1,000 accounts of a large state: root computation and the
 * storing of its new trie nodes (the block's execution is prepared outside the measurement), on the
 * two stores the engine runs with: {@code memory} is the ephemeral chain's {@link InMemoryNodeStore},
 * {@code rocksdb} the {@code --datadir} one, whose batch is written with a synced WAL.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
// A fixed, pre-touched heap on transparent huge pages, as ./opal runs it: on this project's VMs the
// first write to a 4 kB page of fresh memory costs 2-4 ms per megabyte, so a heap still growing
// adds tens of milliseconds to whichever commit allocates into new pages; a node that has run for
// a few minutes has touched its heap already. Without the pre-touch (200k accounts, memory):
// mean 15.7 ms p99 62 ms on 4 kB pages, 12.0 ms p99 32 ms on huge pages.
@Fork(value = 1, jvmArgs = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch", "-XX:+UseTransparentHugePages"})
public class StateCommitBench {
  @Param({"200000"})
  int accounts;

  @Param({"memory", "rocksdb"})
  String store;

  Path dir;
  RocksDbKeyValueStore kv;
  KvNodeStore kvNodes;
  NodeStore nodes;
  Hash root;
  long block;

  private static Address account(int i) {
    byte[] a = new byte[20];
    a[16] = (byte) (i >> 24);
    a[17] = (byte) (i >> 16);
    a[18] = (byte) (i >> 8);
    a[19] = (byte) i;
    return Address.of(a);
  }

  @Setup
  public void setup() throws IOException {
    if (store.equals("rocksdb")) {
      dir = Files.createTempDirectory("opal-commit-bench");
      kv = RocksDbKeyValueStore.open(dir);
      nodes = kvNodes = new KvNodeStore(kv);
    } else {
      nodes = new InMemoryNodeStore(InMemoryNodeStore.CHAIN_NODES);
    }
    StateDb s = new StateDb(nodes, Keccak.EMPTY_TRIE_ROOT);
    for (int i = 0; i < accounts; i++) s.setBalance(account(i), UInt256.valueOf(i + 1));
    s.finalizeTransaction(false);
    root = s.commit();
    commitBatch();
  }

  private void commitBatch() {
    if (kv == null) return; // the in-memory store took the nodes in commit()
    KeyValueStore.WriteBatch b = kv.newBatch();
    kvNodes.flushTo(b);
    b.commit();
    kvNodes.committed();
  }

  @TearDown
  public void tearDown() throws IOException {
    if (kv == null) return;
    kv.close();
    try (var paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }
  }

  StateDb pending;

  /** The block's execution: 1,000 balance updates (not measured by the commit benchmark). */
  @Setup(Level.Invocation)
  public void executeBlock() {
    block++;
    pending = new StateDb(nodes, root);
    for (int i = 0; i < 1000; i++) {
      Address a = account((int) ((i * 7919L + block * 104729L) % accounts));
      pending.setBalance(a, pending.getBalance(a).add(UInt256.ONE));
    }
    pending.finalizeTransaction(true);
  }

  /** The commit: new state root over the touched accounts, trie nodes into one write batch. */
  @Benchmark
  public Hash commitBlockTouching1000Accounts() {
    root = pending.commit();
    commitBatch();
    return root;
  }
}
