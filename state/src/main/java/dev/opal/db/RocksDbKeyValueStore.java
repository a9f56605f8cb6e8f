package dev.opal.db;

import java.nio.file.Files;
import java.nio.file.Path;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.LRUCache;
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

  /**
   * The cache of uncompressed blocks. Trie nodes are read by hash, at random: without a cache of
   * its own every read of a block's state paths would go to the files (the nodes are not kept
   * decoded across blocks, see {@code CachingNodeStore}).
   */
  private static final long BLOCK_CACHE_BYTES = 256L << 20;
  /**
   * The memtable size. A block's trie nodes are keyed by hash, so each lands at a random place of
   * the memtable, and applying a batch costs more the larger the memtable has grown: a batch of
   * 3,300 nodes (1 MB, a block touching 1,000 of 200k accounts) took 8-10 ms to apply with the
   * default 64 MB and 5-6 ms with 16 MB; with 4 MB the frequent flushes made it 18-20 ms. 16 MB
   * still holds about 16 such blocks.
   */
  private static final long WRITE_BUFFER_BYTES = 16L << 20;
  /** Bloom filter bits per key: a lookup of a node that is not there (a new node's write) rarely reads a block. */
  private static final int BLOOM_BITS_PER_KEY = 10;

  private final RocksDB db;
  private final Options options;
  private final LRUCache cache;
  private final BloomFilter filter;
  private final WriteOptions syncWrites = new WriteOptions().setSync(true);
  private final Path dir;

  private RocksDbKeyValueStore(RocksDB db, Options options, LRUCache cache, BloomFilter filter, Path dir) {
    this.db = db;
    this.options = options;
    this.cache = cache;
    this.filter = filter;
    this.dir = dir;
  }

  /** Opens (creating if needed) the database in {@code dir}; a clear {@link DatabaseException} if that fails. */
  public static RocksDbKeyValueStore open(Path dir) {
    LRUCache cache = new LRUCache(BLOCK_CACHE_BYTES);
    BloomFilter filter = new BloomFilter(BLOOM_BITS_PER_KEY);
    Options options = new Options().setCreateIfMissing(true).setMaxOpenFiles(512).setWriteBufferSize(WRITE_BUFFER_BYTES)
        .setTableFormatConfig(new BlockBasedTableConfig().setBlockCache(cache).setFilterPolicy(filter));
    try {
      Files.createDirectories(dir);
      RocksDB db = RocksDB.open(options, dir.toString());
      LOG.debug("Opened database {}", dir);
      return new RocksDbKeyValueStore(db, options, cache, filter, dir);
    } catch (RocksDBException e) {
      closeAll(options, cache, filter);
      String msg = e.getMessage() == null ? e.toString() : e.getMessage();
      if (msg.contains("lock")) {
        throw new DatabaseException("database " + dir + " is in use by another process (" + msg + ")", e);
      }
      throw new DatabaseException("cannot open database " + dir + ": " + msg, e);
    } catch (java.io.IOException e) {
      closeAll(options, cache, filter);
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
    WriteBatchRep rep = new WriteBatchRep();
    return new WriteBatch() {
      @Override
      public WriteBatch put(byte[] key, byte[] value) {
        rep.put(key, value);
        return this;
      }

      @Override
      public WriteBatch delete(byte[] key) {
        rep.delete(key);
        return this;
      }

      @Override
      public void commit() {
        if (rep.count() == 0) return;
        try (org.rocksdb.WriteBatch batch = new org.rocksdb.WriteBatch(rep.toBytes())) {
          db.write(syncWrites, batch);
        } catch (RocksDBException e) {
          throw new DatabaseException("write to " + dir + " failed: " + e.getMessage(), e);
        }
      }
    };
  }

  @Override
  public void close() {
    syncWrites.close();
    db.close();
    closeAll(options, cache, filter);
  }

  private static void closeAll(org.rocksdb.RocksObject... resources) {
    for (org.rocksdb.RocksObject r : resources) r.close();
  }
}
