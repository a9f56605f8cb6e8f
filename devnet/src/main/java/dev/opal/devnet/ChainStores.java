package dev.opal.devnet;

import dev.opal.config.ChainConfig;
import dev.opal.db.KvNodeStore;
import dev.opal.db.RocksDbKeyValueStore;
import dev.opal.execution.chain.ChainStore;
import dev.opal.execution.chain.InMemoryChainStore;
import dev.opal.execution.chain.KvChainStore;
import dev.opal.trie.InMemoryNodeStore;
import dev.opal.trie.NodeStore;
import java.nio.file.Path;

/** Where one chain of the devnet keeps its state and blocks: memory, or a RocksDB directory. */
record ChainStores(NodeStore nodes, ChainStore chain, AutoCloseable closeable) implements AutoCloseable {
  static ChainStores inMemory() {
    return new ChainStores(new InMemoryNodeStore(InMemoryNodeStore.CAPACITY), new InMemoryChainStore(), () -> {});
  }

  static ChainStores rocksDb(Path dir, ChainConfig config) {
    RocksDbKeyValueStore kv = RocksDbKeyValueStore.open(dir);
    KvNodeStore nodes = new KvNodeStore(kv);
    return new ChainStores(nodes, new KvChainStore(kv, nodes, config), kv);
  }

  @Override
  public void close() throws Exception {
    closeable.close();
  }
}
