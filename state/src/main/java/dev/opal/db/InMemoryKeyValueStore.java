package dev.opal.db;

import dev.opal.types.ByteKey;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A key-value store in memory, for tests and ephemeral chains. Batches apply under one lock. Keys
 * and values are kept as given: callers hand over arrays they no longer modify.
 */
public final class InMemoryKeyValueStore implements KeyValueStore {
  private final ConcurrentHashMap<ByteKey, byte[]> map = new ConcurrentHashMap<>();

  @Override
  public byte[] get(byte[] key) {
    return map.get(ByteKey.of(key));
  }

  @Override
  public WriteBatch newBatch() {
    List<byte[][]> ops = new ArrayList<>();
    return new WriteBatch() {
      @Override
      public WriteBatch put(byte[] key, byte[] value) {
        ops.add(new byte[][] {key, value});
        return this;
      }

      @Override
      public WriteBatch delete(byte[] key) {
        ops.add(new byte[][] {key, null});
        return this;
      }

      @Override
      public void commit() {
        synchronized (map) {
          for (byte[][] op : ops) {
            if (op[1] == null) map.remove(ByteKey.of(op[0]));
            else map.put(ByteKey.of(op[0]), op[1]);
          }
        }
      }
    };
  }

  @Override
  public void close() {}
}
