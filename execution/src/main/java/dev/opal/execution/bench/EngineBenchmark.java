package dev.opal.execution.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opal.config.ChainConfig;
import dev.opal.config.ForkSchedule;
import dev.opal.config.Genesis;
import dev.opal.config.GenesisAccount;
import dev.opal.config.OpFork;
import dev.opal.config.RollupConfig;
import dev.opal.crypto.Secp256k1;
import dev.opal.execution.chain.Blockchain;
import dev.opal.execution.chain.InMemoryChainStore;
import dev.opal.execution.engine.EngineApi;
import dev.opal.execution.miner.PayloadBuilder;
import dev.opal.execution.rpc.EngineRpc;
import dev.opal.execution.txpool.TxPool;
import dev.opal.optimism.Eip1559Params;
import dev.opal.rpc.client.JsonRpcClient;
import dev.opal.rpc.engine.ClientVersion;
import dev.opal.rpc.engine.EngineJson;
import dev.opal.rpc.engine.ExecutionPayload;
import dev.opal.rpc.engine.ForkchoiceState;
import dev.opal.rpc.engine.PayloadAttributes;
import dev.opal.rpc.engine.PayloadEnvelope;
import dev.opal.rpc.jwt.Jwt;
import dev.opal.rpc.jwt.JwtSecret;
import dev.opal.rpc.server.JsonRpcDispatcher;
import dev.opal.rpc.server.JsonRpcServer;
import dev.opal.trie.InMemoryNodeStore;
import dev.opal.tx.DynamicFeeTransaction;
import dev.opal.types.Address;
import dev.opal.types.Bytes;
import dev.opal.types.Hash;
import dev.opal.types.UInt256;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Engine API cycle over HTTP with JWT, as a rollup node drives it: empty blocks
 * (forkchoiceUpdated with attributes → getPayload → newPayload → forkchoiceUpdated), and the import
 * of blocks full of transfers with newPayload.
 */
public final class EngineBenchmark {
  private static final Duration T = Duration.ofSeconds(60);
  private static final BigInteger CHAIN_ID = BigInteger.valueOf(901);

  /** @param perCall p50 and p99 of each Engine API call of the cycle, in cycle order */
  public record EmptyCycle(double blocksPerSecond, double p50Millis, double p99Millis, List<CallLatency> perCall) {}

  public record CallLatency(String call, double p50Millis, double p99Millis) {}

  /** The four calls of a cycle, in order. */
  private static final String[] CALLS = {"engine_forkchoiceUpdatedV3+attributes", "engine_getPayloadV4", "engine_newPayloadV4",
      "engine_forkchoiceUpdatedV3"};

  private record Engine(Blockchain chain, TxPool pool, EngineApi api, JsonRpcServer server, JsonRpcClient client) implements AutoCloseable {
    @Override
    public void close() {
      server.close();
    }
  }

  private final Map<Address, GenesisAccount> alloc = new HashMap<>();
  private final List<byte[]> senders = new ArrayList<>();

  public EngineBenchmark(int senderCount) {
    for (int i = 0; i < senderCount; i++) {
      byte[] key = new byte[32];
      key[30] = (byte) (i >> 8);
      key[31] = (byte) (i + 1);
      senders.add(key);
      alloc.put(Secp256k1.address(key), new GenesisAccount(0, UInt256.fromBigInteger(BigInteger.TEN.pow(24)), Bytes.EMPTY, Map.of()));
    }
  }

  private Engine engine() {
    ChainConfig config = new ChainConfig(CHAIN_ID, ForkSchedule.allFromGenesis(OpFork.ISTHMUS), RollupConfig.Eip1559Config.OP_MAINNET);
    Genesis g = new Genesis(config, 1_700_000_000L, Bytes.wrap(new Eip1559Params(250, 6, null).toExtraData()), 1_000_000_000L, BigInteger.ZERO,
        Hash.ZERO, Address.ZERO, UInt256.valueOf(1_000_000_000L), 0, Hash.ZERO, null, null, alloc);
    Blockchain chain = new Blockchain(config, g, new InMemoryNodeStore(), new InMemoryChainStore());
    TxPool pool = new TxPool(1_000_000);
    EngineApi api = new EngineApi(chain, new PayloadBuilder(chain, pool));
    JwtSecret secret = new JwtSecret(new byte[32]);
    JsonRpcDispatcher d = new JsonRpcDispatcher(new ObjectMapper());
    EngineRpc.register(d, api, new ClientVersion("OP", "Opal", "bench", "00000000"));
    JsonRpcServer server = new JsonRpcServer("bench engine", d, new Jwt(secret), 2).start("127.0.0.1", 0);
    return new Engine(chain, pool, api, server, new JsonRpcClient(URI.create("http://127.0.0.1:" + server.port()), new Jwt(secret)));
  }

  private static PayloadAttributes attributes(long timestamp, boolean noTxPool) {
    return new PayloadAttributes(timestamp, Hash.ZERO, Address.ZERO, List.of(), Hash.ZERO, List.of(), noTxPool, 1_000_000_000L,
        Bytes.wrap(new byte[8]), null);
  }

  /** One full cycle over HTTP; returns the new head. */
  /** One empty-block cycle; {@code callNanos}, if given, receives each call's time in {@link #CALLS} order. */
  private static Hash cycle(JsonRpcClient c, Hash head, long timestamp, boolean noTxPool, long[] callNanos) {
    long t0 = System.nanoTime();
    ForkchoiceState fcs = new ForkchoiceState(head, head, head);
    JsonNode started = c.call(T, "engine_forkchoiceUpdatedV3", EngineJson.encode(fcs), EngineJson.encode(attributes(timestamp, noTxPool)));
    String id = started.get("payloadId").asText();
    long t1 = System.nanoTime();
    PayloadEnvelope env = EngineJson.payloadEnvelope(c.call(T, "engine_getPayloadV4", id));
    ExecutionPayload p = env.executionPayload();
    long t2 = System.nanoTime();
    var empty = new ObjectMapper().createArrayNode();
    JsonNode status = c.call(T, "engine_newPayloadV4", EngineJson.encode(p), empty, Hash.ZERO.toHex(), empty);
    if (!"VALID".equals(status.get("status").asText())) throw new IllegalStateException("payload not valid: " + status);
    long t3 = System.nanoTime();
    c.call(T, "engine_forkchoiceUpdatedV3", EngineJson.encode(new ForkchoiceState(p.blockHash(), p.blockHash(), p.blockHash())), null);
    long t4 = System.nanoTime();
    if (callNanos != null) {
      callNanos[0] = t1 - t0;
      callNanos[1] = t2 - t1;
      callNanos[2] = t3 - t2;
      callNanos[3] = t4 - t3;
    }
    return p.blockHash();
  }

  public EmptyCycle emptyBlocks(int warmup, int blocks) {
    try (Engine e = engine()) {
      Hash head = e.chain().head().hash();
      long time = e.chain().head().block().header().timestamp();
      for (int i = 0; i < warmup; i++) head = cycle(e.client(), head, ++time, true, null);
      long[] nanos = new long[blocks];
      long[][] perCall = new long[CALLS.length][blocks];
      long[] calls = new long[CALLS.length];
      long start = System.nanoTime();
      for (int i = 0; i < blocks; i++) {
        long t0 = System.nanoTime();
        head = cycle(e.client(), head, ++time, true, calls);
        nanos[i] = System.nanoTime() - t0;
        for (int k = 0; k < CALLS.length; k++) perCall[k][i] = calls[k];
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      List<CallLatency> latencies = new ArrayList<>();
      for (int k = 0; k < CALLS.length; k++) latencies.add(new CallLatency(CALLS[k], percentile(perCall[k], 50), percentile(perCall[k], 99)));
      return new EmptyCycle(blocks / seconds, percentile(nanos, 50), percentile(nanos, 99), latencies);
    }
  }

  /** The p-th percentile of {@code nanos} (sorted in place), in milliseconds. */
  private static double percentile(long[] nanos, int p) {
    Arrays.sort(nanos);
    return nanos[Math.min(nanos.length - 1, nanos.length * p / 100)] / 1e6;
  }

  /** Builds blocks of transfers on one engine, then times their newPayload import into a second engine over HTTP. */
  public double transfersPerSecond(int blocks, int transfersPerBlock) {
    List<ExecutionPayload> payloads = new ArrayList<>();
    try (Engine builder = engine()) {
      Hash head = builder.chain().head().hash();
      long time = builder.chain().head().block().header().timestamp();
      long[] nonces = new long[senders.size()];
      for (int b = 0; b < blocks; b++) {
        for (int i = 0; i < transfersPerBlock; i++) {
          int s = i % senders.size();
          builder.pool().add(transfer(senders.get(s), nonces[s]++, i), Secp256k1.address(senders.get(s)));
        }
        ForkchoiceState fcs = new ForkchoiceState(head, head, head);
        var started = builder.api().forkchoiceUpdated(3, fcs, attributes(++time, false));
        ExecutionPayload p = ((PayloadEnvelope) builder.api().getPayload(4, started.payloadId())).executionPayload();
        builder.api().newPayload(4, p, List.of(), Hash.ZERO, List.of());
        builder.api().forkchoiceUpdated(3, new ForkchoiceState(p.blockHash(), p.blockHash(), p.blockHash()), null);
        head = p.blockHash();
        payloads.add(p);
      }
    }
    try (Engine importer = engine()) {
      var empty = new ObjectMapper().createArrayNode();
      long txs = 0;
      long start = System.nanoTime();
      for (ExecutionPayload p : payloads) {
        JsonNode status = importer.client().call(T, "engine_newPayloadV4", EngineJson.encode(p), empty, Hash.ZERO.toHex(), empty);
        if (!"VALID".equals(status.get("status").asText())) throw new IllegalStateException("import not valid: " + status);
        importer.client().call(T, "engine_forkchoiceUpdatedV3", EngineJson.encode(new ForkchoiceState(p.blockHash(), p.blockHash(), p.blockHash())), null);
        txs += p.transactions().size();
      }
      return txs / ((System.nanoTime() - start) / 1e9);
    }
  }

  private static DynamicFeeTransaction transfer(byte[] key, long nonce, int salt) {
    byte[] to = new byte[20];
    to[0] = 0x7e;
    to[18] = (byte) (salt >> 8);
    to[19] = (byte) salt;
    return DynamicFeeTransaction.signed(CHAIN_ID, nonce, UInt256.ONE, UInt256.valueOf(100_000_000_000L), 21_000, Address.of(to), UInt256.ONE,
        Bytes.EMPTY, key);
  }
}
