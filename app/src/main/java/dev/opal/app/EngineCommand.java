package dev.opal.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opal.config.Genesis;
import dev.opal.db.KvNodeStore;
import dev.opal.db.RocksDbKeyValueStore;
import dev.opal.execution.chain.Blockchain;
import dev.opal.execution.chain.ChainStore;
import dev.opal.execution.chain.InMemoryChainStore;
import dev.opal.execution.chain.KvChainStore;
import dev.opal.execution.engine.EngineApi;
import dev.opal.execution.miner.PayloadBuilder;
import dev.opal.execution.rpc.EngineRpc;
import dev.opal.execution.rpc.EthRpc;
import dev.opal.execution.rpc.EthSubscriptions;
import dev.opal.execution.txpool.TxPool;
import dev.opal.rpc.engine.ClientVersion;
import dev.opal.rpc.jwt.Jwt;
import dev.opal.rpc.jwt.JwtSecret;
import dev.opal.rpc.server.JsonRpcDispatcher;
import dev.opal.rpc.server.JsonRpcServer;
import dev.opal.trie.InMemoryNodeStore;
import dev.opal.trie.NodeStore;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code opal engine}: the L2 execution engine alone, for op-node (or Opal's node) to drive, with op-geth-like flags. */
@Command(
    name = "engine",
    mixinStandardHelpOptions = true,
    description = {"Runs the execution engine: the Engine API (JWT) on --authrpc.port and eth_ JSON-RPC on --http.port,",
        "from an op-geth genesis.json. Without --datadir the chain lives in memory."})
final class EngineCommand implements Callable<Integer> {
  @Option(names = "--datadir", paramLabel = "DIR", description = "Database directory (RocksDB); omitted = in-memory.")
  Path datadir;

  @Option(names = "--genesis", required = true, paramLabel = "FILE", description = "op-geth genesis.json (chain config, alloc).")
  Path genesis;

  @Option(names = "--authrpc.addr", defaultValue = "127.0.0.1", description = "Engine API listen address (default ${DEFAULT-VALUE}).")
  String authAddr;

  @Option(names = "--authrpc.port", defaultValue = "8551", description = "Engine API port (default ${DEFAULT-VALUE}).")
  int authPort;

  @Option(names = "--authrpc.jwtsecret", paramLabel = "FILE",
      description = "JWT secret (32 bytes hex); created if missing (default: DATADIR/jwt.hex, or a temporary file).")
  Path jwtSecret;

  @Option(names = "--http.addr", defaultValue = "127.0.0.1", description = "eth_ JSON-RPC listen address (default ${DEFAULT-VALUE}).")
  String httpAddr;

  @Option(names = "--http.port", defaultValue = "8545", description = "eth_ JSON-RPC port (default ${DEFAULT-VALUE}).")
  int httpPort;

  @Override
  public Integer call() throws Exception {
    Genesis g = Genesis.load(genesis);
    NodeStore nodes;
    ChainStore store;
    AutoCloseable db = () -> {};
    if (datadir != null) {
      RocksDbKeyValueStore kv = RocksDbKeyValueStore.open(datadir.resolve("chaindata"));
      KvNodeStore kvNodes = new KvNodeStore(kv);
      nodes = kvNodes;
      store = new KvChainStore(kv, kvNodes, g.config());
      db = kv;
    } else {
      nodes = new InMemoryNodeStore(InMemoryNodeStore.CHAIN_NODES);
      store = new InMemoryChainStore();
    }
    Blockchain chain = new Blockchain(g.config(), g, nodes, store);
    TxPool pool = new TxPool(10_000);
    EngineApi api = new EngineApi(chain, new PayloadBuilder(chain, pool));
    Path secretFile = jwtSecret != null ? jwtSecret
        : datadir != null ? datadir.resolve("jwt.hex") : java.nio.file.Files.createTempDirectory("opal-engine-").resolve("jwt.hex");
    JwtSecret secret = JwtSecret.loadOrGenerate(secretFile);
    JsonRpcDispatcher auth = new JsonRpcDispatcher(new ObjectMapper());
    EngineRpc.register(auth, api, new ClientVersion("OP", "Opal", OpalVersion.version(), "00000000"));
    new EthRpc(chain, pool, "Opal/v" + OpalVersion.version(), false).register(auth);
    JsonRpcDispatcher http = new JsonRpcDispatcher(new ObjectMapper());
    new EthRpc(chain, pool, "Opal/v" + OpalVersion.version(), true).register(http);
    JsonRpcServer authServer = new JsonRpcServer("Engine API", auth, new Jwt(secret), 4).start(authAddr, authPort);
    JsonRpcServer httpServer = new JsonRpcServer("eth RPC", http, null, 4).start(httpAddr, httpPort).subscriptions(new EthSubscriptions(chain));
    System.out.printf("Opal engine: chain %s at block %d (%s)%n  Engine API: http://%s:%d (JWT secret %s)%n  eth RPC:    http://%s:%d%n",
        g.config().chainId(), chain.head().number(), chain.head().hash(), authAddr, authServer.port(), secretFile, httpAddr, httpServer.port());
    CountDownLatch stopped = new CountDownLatch(1);
    AutoCloseable database = db;
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      authServer.close();
      httpServer.close();
      try {
        database.close();
      } catch (Exception ignored) {
        // shutting down
      }
      stopped.countDown();
    }));
    stopped.await();
    return 0;
  }
}
