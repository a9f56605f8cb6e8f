package dev.opal.db;

import java.nio.file.Files;
import java.nio.file.Path;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RocksDB (org.rocksdb:rocksdbjni) as the persistent store: every batch is a RocksDB write batch
 * committed with a synced write-ahead log, so an acknowledged batch survives a crash and a batch
 * interrupted by one leaves no trace.
 */
public final class RocksDbKeyValueStore implements KeyValueStore {
  private static final Logger LOG = LoggerFactory.getLogger(RocksDbKeyValueStore.class);

  static {
    RocksDB.loadLibrary();
  }

  private final RocksDB db;
  private final Options options;
  private final WriteOptions syncWrites = new WriteOptions().setSync(true);
  private final Path dir;

  private RocksDbKeyValueStore(RocksDB db, Options options, Path dir) {
    this.db = db;
    this.options = options;
    this.dir = dir;
  }

  /** Opens (creating if needed) the database in {@code dir}; a clear {@link DatabaseException} if that fails. */
  public static RocksDbKeyValueStore open(Path dir) {
    Options options = new Options().setCreateIfMissing(true).setMaxOpenFiles(512);
    try {
      Files.createDirectories(dir);
      RocksDB db = RocksDB.open(options, dir.toString());
      LOG.debug("Opened database {}", dir);
      return new RocksDbKeyValueStore(db, options, dir);
    } catch (RocksDBException e) {
      options.close();
      String msg = e.getMessage() == null ? e.toString() : e.getMessage();
      if (msg.contains("lock")) {
        throw new DatabaseException("database " + dir + " is in use by another process (" + msg + ")", e);
      }
      throw new DatabaseException("cannot open database " + dir + ": " + msg, e);
    } catch (java.io.IOException e) {
      options.close();
      throw new DatabaseException("cannot create database directory " + dir + ": " + e.getMessage(), e);
    }
  }

  @Override
  public byte[] get(byte[] key) {
    try {
      return db.get(key);
    } catch (RocksDBException e) {
      throw new DatabaseException("read from " + dir + " failed: " + e.getMessage(), e);
    }
  }

  @Override
  public WriteBatch newBatch() {
    org.rocksdb.WriteBatch batch = new org.rocksdb.WriteBatch();
    return new WriteBatch() {
      @Override
      public WriteBatch put(byte[] key, byte[] value) {
        try {
          batch.put(key, value);
        } catch (RocksDBException e) {
          throw new DatabaseException("batch put failed: " + e.getMessage(), e);
        }
        return this;
      }

      @Override
      public WriteBatch delete(byte[] key) {
        try {
          batch.delete(key);
        } catch (RocksDBException e) {
          throw new DatabaseException("batch delete failed: " + e.getMessage(), e);
        }
        return this;
      }

      @Override
      public void commit() {
        try {
          db.write(syncWrites, batch);
        } catch (RocksDBException e) {
          throw new DatabaseException("write to " + dir + " failed: " + e.getMessage(), e);
        } finally {
          batch.close();
        }
      }
    };
  }

  @Override
  public void close() {
    syncWrites.close();
    db.close();
    options.close();
  }
}
