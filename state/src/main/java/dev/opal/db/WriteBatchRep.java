package dev.opal.db;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A RocksDB write batch assembled on the Java side, in RocksDB's own encoding of a batch (its
 * {@code WriteBatch::rep_}, db/write_batch.cc): a 12-byte header of sequence number (fixed64, set
 * by RocksDB at write time) and record count (fixed32), both little-endian, then one record per
 * operation on the default column family: a type tag, then the key and, for a put, the value, each
 * as a varint32 length followed by the bytes.
 *
 * <p>The batch reaches RocksDB in one native call ({@code new WriteBatch(byte[])}) rather than one
 * per key: a block's batch holds thousands of trie nodes, and the per-call crossing cost about 2 ms
 * of a block's commit.
 */
final class WriteBatchRep {
  private static final VarHandle LE_INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final int HEADER = 12;
  private static final byte TYPE_DELETION = 0x0;
  private static final byte TYPE_VALUE = 0x1;

  private byte[] bytes = new byte[1 << 12];
  private int size = HEADER;
  private int count;

  void put(byte[] key, byte[] value) {
    ensure(1 + 5 + key.length + 5 + value.length);
    bytes[size++] = TYPE_VALUE;
    appendSlice(key);
    appendSlice(value);
    count++;
  }

  void delete(byte[] key) {
    ensure(1 + 5 + key.length);
    bytes[size++] = TYPE_DELETION;
    appendSlice(key);
    count++;
  }

  int count() {
    return count;
  }

  /** The encoded batch, header included. */
  byte[] toBytes() {
    byte[] out = Arrays.copyOf(bytes, size);
    LE_INT.set(out, 8, count);
    return out;
  }

  private void appendSlice(byte[] data) {
    int n = data.length;
    while ((n & ~0x7F) != 0) {
      bytes[size++] = (byte) ((n & 0x7F) | 0x80);
      n >>>= 7;
    }
    bytes[size++] = (byte) n;
    System.arraycopy(data, 0, bytes, size, data.length);
    size += data.length;
  }

  private void ensure(int more) {
    if (size + more > bytes.length) bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
  }
}
