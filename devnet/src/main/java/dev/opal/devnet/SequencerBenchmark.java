package dev.opal.devnet;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opal.config.ChainConfig;
import dev.opal.config.ForkSchedule;
import dev.opal.config.Genesis;
import dev.opal.config.OpFork;
import dev.opal.config.RollupConfig;
import dev.opal.execution.chain.Blockchain;
import dev.opal.execution.engine.EngineApi;
import dev.opal.execution.miner.PayloadBuilder;
import dev.opal.execution.rpc.EngineRpc;
import dev.opal.execution.rpc.EthRpc;
import dev.opal.execution.txpool.TxPool;
import dev.opal.node.derive.AttributesBuilder;
import dev.opal.node.engine.EngineController;
import dev.opal.node.eth.L1Info;
import dev.opal.node.sources.EngineClient;
import dev.opal.rpc.client.JsonRpcClient;
import dev.opal.rpc.engine.ClientVersion;
import dev.opal.rpc.engine.PayloadAttributes;
import dev.opal.rpc.jwt.Jwt;
import dev.opal.rpc.jwt.JwtSecret;
import dev.opal.rpc.server.JsonRpcDispatcher;
import dev.opal.rpc.server.JsonRpcServer;
import dev.opal.tx.DynamicFeeTransaction;
import dev.opal.types.Address;
import dev.opal.types.Bytes;
import dev.opal.types.UInt256;
import java.math.BigInteger;
import java.net.URI;
import java.util.Arrays;
import java.util.List;

/**
 * The sequencing loop through the real client and server: Opal's rollup-node engine controller and
 * Engine API client driving Opal's engine over HTTP with JWT, one block after another as fast as
 * they go (attributes with the L1-info deposit, forkchoiceUpdated, getPayload, newPayload,
 * forkchoiceUpdated), optionally with {@code txsPerBlock} pool transfers per block. A warm-up run of
 * blocks comes first, so the figures are those of compiled code.
 */
public final class SequencerBenchmark {
  public record Result(double blocksPerSecond, double p50Millis, double p99Millis, long transactions) {}

  /** Blocks built before the measurement starts, at least (a tenth of the measured ones if more). */
  private static final int WARMUP_BLOCKS = 300;

  private SequencerBenchmark() {}

  public static Result run(int blocks, int txsPerBlock) {
    List<DevAccounts.Account> accounts = DevAccounts.derive(DevAccounts.TEST_MNEMONIC, 10);
    long now = System.currentTimeMillis() / 1000 - 1_000_000; // far in the past: no waiting on the clock
    Genesis l1Genesis = DevnetGenesis.l1(BigInteger.valueOf(900), now, accounts);
    L1DevChain l1 = new L1DevChain(l1Genesis, ChainStores.inMemory(), new ChainClock(1), 12, 4);
    ForkSchedule forks = ForkSchedule.allFromGenesis(OpFork.JOVIAN);
    ChainConfig config = new ChainConfig(BigInteger.valueOf(901), forks, RollupConfig.Eip1559Config.OP_MAINNET);
    Genesis l2Genesis = DevnetGenesis.l2(config, now, accounts);
    ChainStores stores = ChainStores.inMemory();
    Blockchain l2 = new Blockchain(config, l2Genesis, stores.nodes(), stores.chain());
    TxPool pool = new TxPool(1_000_000);
    EngineApi api = new EngineApi(l2, new PayloadBuilder(l2, pool));
    RollupConfig rollup = DevnetGenesis.rollup(new dev.opal.block.BlockId(l1.chain().genesis().hash(), 0), l2.genesis().hash(), now, 1, BigInteger.valueOf(900),
        BigInteger.valueOf(901), forks, accounts.get(1).address());
    JwtSecret secret = new JwtSecret(new byte[32]);
    JsonRpcDispatcher d = new JsonRpcDispatcher(new ObjectMapper());
    EngineRpc.register(d, api, new ClientVersion("OP", "Opal", "bench", "00000000"));
    new EthRpc(l2, pool, "Opal/bench", false).register(d);
    try (JsonRpcServer server = new JsonRpcServer("bench engine", d, new Jwt(secret), 2).start("127.0.0.1", 0)) {
      EngineController controller = new EngineController(
          new EngineClient(new JsonRpcClient(URI.create("http://127.0.0.1:" + server.port()), new Jwt(secret)), rollup));
      controller.reset();
      InProcessL1Source l1Source = new InProcessL1Source(l1.chain(), l1.blobs());
      L1Info origin = l1Source.byNumber(0);
      AttributesBuilder builder = new AttributesBuilder(rollup, l1Source);
      long[] nonces = new long[accounts.size()];
      long[] nanos = new long[blocks];
      long txs = 0;
      long start = 0;
      // the first blocks run while the JIT compiles the hot paths: built, but not measured
      int warmup = Math.max(WARMUP_BLOCKS, blocks / 10);
      for (int b = -warmup; b < blocks; b++) {
        if (b == 0) {
          start = System.nanoTime();
          txs = 0;
        }
        for (int i = 0; i < txsPerBlock; i++) {
          int a = i % accounts.size();
          pool.add(transfer(accounts.get(a).privateKey(), nonces[a]++), accounts.get(a).address());
        }
        long t0 = System.nanoTime();
        PayloadAttributes attrs = builder.prepare(controller.unsafeHead(), origin, rollup.genesisSystemConfig());
        if (txsPerBlock > 0) {
          attrs = new PayloadAttributes(attrs.timestamp(), attrs.prevRandao(), attrs.suggestedFeeRecipient(), attrs.withdrawals(),
              attrs.parentBeaconBlockRoot(), attrs.transactions(), false, attrs.gasLimit(), attrs.eip1559Params(), attrs.minBaseFee());
        }
        var env = controller.sealAndInsert(controller.startBuild(attrs), attrs.timestamp());
        if (b >= 0) nanos[b] = System.nanoTime() - t0;
        txs += env.executionPayload().transactions().size() - 1;
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      Arrays.sort(nanos);
      return new Result(blocks / seconds, nanos[blocks / 2] / 1e6, nanos[Math.min(blocks - 1, (int) (blocks * 0.99))] / 1e6, txs);
    }
  }

  private static DynamicFeeTransaction transfer(byte[] key, long nonce) {
    Address to = Address.fromHex("0x000000000000000000000000000000000000b0b0");
    return DynamicFeeTransaction.signed(BigInteger.valueOf(901), nonce, UInt256.valueOf(1_000), UInt256.valueOf(10_000_000_000L), 21_000, to,
        UInt256.ONE, Bytes.EMPTY, key);
  }
}
