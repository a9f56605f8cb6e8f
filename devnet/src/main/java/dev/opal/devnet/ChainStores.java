package dev.opal.devnet;

import dev.opal.config.ChainConfig;
import dev.opal.db.KeyValueStore;
import dev.opal.db.KvNodeStore;
import dev.opal.db.RocksDbKeyValueStore;
import dev.opal.execution.chain.ChainStore;
import dev.opal.execution.chain.InMemoryChainStore;
import dev.opal.execution.chain.KvChainStore;
import dev.opal.trie.InMemoryNodeStore;
import dev.opal.trie.NodeStore;
import java.nio.file.Path;

/**
 * Where one chain of the devnet keeps its state and blocks: memory, or a RocksDB directory
 * ({@code kv}, null in memory, for what else the chain keeps there).
 */
record ChainStores(NodeStore nodes, ChainStore chain, KeyValueStore kv, AutoCloseable closeable) implements AutoCloseable {
  static ChainStores inMemory() {
    return new ChainStores(new InMemoryNodeStore(InMemoryNodeStore.CHAIN_NODES), new InMemoryChainStore(), null, () -> {});
  }

  static ChainStores rocksDb(Path dir, ChainConfig config) {
    RocksDbKeyValueStore kv = RocksDbKeyValueStore.open(dir);
    KvNodeStore nodes = new KvNodeStore(kv);
    return new ChainStores(nodes, new KvChainStore(kv, nodes, config), kv, kv);
  }

  @Override
  public void close() throws Exception {
    closeable.close();
  }
}
