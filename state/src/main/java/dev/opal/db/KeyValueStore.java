package dev.opal.db;

/** A byte-keyed store whose writes land through atomic batches. */
public interface KeyValueStore extends AutoCloseable {
  /** The value under {@code key}, or null. */
  byte[] get(byte[] key);

  WriteBatch newBatch();

  @Override
  void close();

  /** Writes that land together or not at all. */
  interface WriteBatch {
    WriteBatch put(byte[] key, byte[] value);

    WriteBatch delete(byte[] key);

    /** Applies every write atomically (and durably, for a persistent store). */
    void commit();
  }
}
