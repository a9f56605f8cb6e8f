package dev.opal.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opal.crypto.Keccak;
import dev.opal.state.StateDb;
import dev.opal.types.Address;
import dev.opal.types.Hash;
import dev.opal.types.UInt256;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** World state on RocksDB: reopening reads the same roots and values, a crash mid-commit loses no complete block. */
class RocksDbPersistenceTest {
  private static final Address ALICE = Address.fromHex("0x00000000000000000000000000000000000a11ce");

  @Test
  void committedBlocksSurviveReopeningWithTheirHistory(@TempDir Path dir) {
    List<Hash> roots = new ArrayList<>();
    try (RocksDbKeyValueStore kv = RocksDbKeyValueStore.open(dir)) {
      KvNodeStore nodes = new KvNodeStore(kv);
      Hash root = Keccak.EMPTY_TRIE_ROOT;
      for (int block = 1; block <= 5; block++) {
        StateDb state = new StateDb(nodes, root);
        state.setBalance(ALICE, UInt256.valueOf(block * 100L));
        state.setStorage(ALICE, UInt256.valueOf(block), UInt256.valueOf(block));
        state.finalizeTransaction(false);
        root = state.commit();
        KeyValueStore.WriteBatch batch = kv.newBatch();
        nodes.flushTo(batch);
        batch.commit();
        nodes.committed();
        roots.add(root);
      }
    }
    try (RocksDbKeyValueStore kv = RocksDbKeyValueStore.open(dir)) {
      KvNodeStore nodes = new KvNodeStore(kv);
      for (int block = 1; block <= 5; block++) {
        StateDb state = new StateDb(nodes, roots.get(block - 1));
        assertThat(state.getBalance(ALICE)).isEqualTo(UInt256.valueOf(block * 100L));
        assertThat(state.getStorage(ALICE, UInt256.valueOf(block))).isEqualTo(UInt256.valueOf(block));
        assertThat(state.getStorage(ALICE, UInt256.valueOf(block + 1))).isEqualTo(UInt256.ZERO);
        assertThat(state.rootHash()).isEqualTo(roots.get(block - 1));
      }
    }
  }

  @Test
  void aLockedDatabaseIsAClearError(@TempDir Path dir) {
    try (RocksDbKeyValueStore first = RocksDbKeyValueStore.open(dir)) {
      assertThatThrownBy(() -> RocksDbKeyValueStore.open(dir)).isInstanceOf(DatabaseException.class).hasMessageContaining("in use");
    }
  }

  @Test
  void aKilledWriterLeavesTheLastCompleteBlock(@TempDir Path dir) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    Process p = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
        CrashWriter.class.getName(), dir.toString()).redirectErrorStream(true).start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
      String line;
      int seen = 0;
      while ((line = out.readLine()) != null && seen < 5) {
        if (line.startsWith("block ")) seen++;
      }
      assertThat(seen).as("the writer made progress").isEqualTo(5);
    }
    p.destroyForcibly(); // SIGKILL, most likely in the middle of a block
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    try (RocksDbKeyValueStore kv = RocksDbKeyValueStore.open(dir)) {
      Hash head = Hash.wrap(kv.get(CrashWriter.HEAD_ROOT));
      long n = ByteBuffer.wrap(kv.get(CrashWriter.HEAD_NUMBER)).getLong();
      assertThat(n).isGreaterThanOrEqualTo(50);
      StateDb state = new StateDb(new KvNodeStore(kv), head);
      for (int i = 0; i < CrashWriter.ACCOUNTS; i++) {
        assertThat(state.getBalance(CrashWriter.account(i))).as("account %d at block %d", i, n).isEqualTo(UInt256.valueOf(n));
      }
    }
  }
}
