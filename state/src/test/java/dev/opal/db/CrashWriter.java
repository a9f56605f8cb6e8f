package dev.opal.db;

import dev.opal.crypto.Keccak;
import dev.opal.state.StateDb;
import dev.opal.types.Address;
import dev.opal.types.Hash;
import dev.opal.types.UInt256;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A separate process for the crash test: writes "blocks" forever (each sets every account's
 * balance to the block number and records the head root and number in the same batch) until it is
 * killed.
 */
public final class CrashWriter {
  static final byte[] HEAD_ROOT = "m:head-root".getBytes(StandardCharsets.US_ASCII);
  static final byte[] HEAD_NUMBER = "m:head-number".getBytes(StandardCharsets.US_ASCII);
  static final int ACCOUNTS = 200;

  public static void main(String[] args) {
    try (RocksDbKeyValueStore kv = RocksDbKeyValueStore.open(Path.of(args[0]))) {
      KvNodeStore nodes = new KvNodeStore(kv);
      byte[] root = kv.get(HEAD_ROOT);
      Hash head = root == null ? Keccak.EMPTY_TRIE_ROOT : Hash.wrap(root);
      long n = root == null ? 0 : ByteBuffer.wrap(kv.get(HEAD_NUMBER)).getLong();
      while (true) {
        n++;
        StateDb state = new StateDb(nodes, head);
        for (int i = 0; i < ACCOUNTS; i++) state.setBalance(account(i), UInt256.valueOf(n));
        state.finalizeTransaction(false);
        head = state.commit();
        KeyValueStore.WriteBatch batch = kv.newBatch();
        nodes.flushTo(batch);
        batch.put(HEAD_ROOT, head.toArray()).put(HEAD_NUMBER, ByteBuffer.allocate(8).putLong(n).array()).commit();
        nodes.committed();
        if (n % 10 == 0) System.out.println("block " + n);
      }
    }
  }

  static Address account(int i) {
    byte[] a = new byte[20];
    a[0] = 0x42;
    a[18] = (byte) (i >> 8);
    a[19] = (byte) i;
    return Address.of(a);
  }
}
