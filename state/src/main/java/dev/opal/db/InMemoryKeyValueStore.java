package dev.opal.db;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A key-value store in memory, for tests and ephemeral chains. Batches apply under one lock. Keys
 * and values are kept as given: callers hand over arrays they no longer modify.
 */
public final class InMemoryKeyValueStore implements KeyValueStore {
  private final ConcurrentHashMap<Key, byte[]> map = new ConcurrentHashMap<>();

  /** A key with its hash computed once (the map rehashes every key each time it grows). */
  private record Key(byte[] bytes, int hash) {
    Key(byte[] bytes) {
      this(bytes, Arrays.hashCode(bytes));
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.hash == hash && Arrays.equals(k.bytes, bytes);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  @Override
  public byte[] get(byte[] key) {
    return map.get(new Key(key));
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
            if (op[1] == null) map.remove(new Key(op[0]));
            else map.put(new Key(op[0]), op[1]);
          }
        }
      }
    };
  }

  @Override
  public void close() {}
}
