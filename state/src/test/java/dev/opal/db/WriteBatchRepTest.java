package dev.opal.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

/** Our batch encoding against RocksDB's own: the bytes a native batch holds after the same puts and deletes. */
class WriteBatchRepTest {
  static {
    RocksDB.loadLibrary();
  }

  /** One operation: a key, and a value for a put or null for a delete. */
  record Op(byte[] key, byte[] value) {}

  @Provide
  Arbitrary<List<Op>> ops() {
    // lengths across the varint32 boundaries (127/128, 16383/16384)
    Arbitrary<byte[]> bytes = Arbitraries.bytes().array(byte[].class)
        .ofMinSize(0).ofMaxSize(20_000).edgeCases(c -> c.add(new byte[127]).add(new byte[128]).add(new byte[16_384]));
    Arbitrary<byte[]> values = Arbitraries.frequencyOf(
        Tuple.of(3, bytes), Tuple.of(1, Arbitraries.just((byte[]) null)));
    return Combinators.combine(bytes, values).as(Op::new).list().ofMaxSize(40);
  }

  @Property(tries = 200)
  void encodesAsRocksDbDoes(@ForAll("ops") List<Op> ops) throws RocksDBException {
    WriteBatchRep rep = new WriteBatchRep();
    try (WriteBatch native_ = new WriteBatch()) {
      for (Op op : ops) {
        if (op.value() == null) {
          rep.delete(op.key());
          native_.delete(op.key());
        } else {
          rep.put(op.key(), op.value());
          native_.put(op.key(), op.value());
        }
      }
      assertThat(rep.toBytes()).isEqualTo(native_.data());
      assertThat(rep.count()).isEqualTo(native_.count());
    }
  }

  @Test
  void aBatchOfPutsAndDeletesLandsInTheStore(@TempDir Path dir) {
    try (RocksDbKeyValueStore kv = RocksDbKeyValueStore.open(dir)) {
      kv.newBatch().put(new byte[] {1}, new byte[] {10}).put(new byte[] {2}, new byte[200]).commit();
      kv.newBatch().delete(new byte[] {1}).put(new byte[] {3}, new byte[] {30}).commit();
      assertThat(kv.get(new byte[] {1})).isNull();
      assertThat(kv.get(new byte[] {2})).hasSize(200);
      assertThat(kv.get(new byte[] {3})).containsExactly(30);
    }
  }
}
