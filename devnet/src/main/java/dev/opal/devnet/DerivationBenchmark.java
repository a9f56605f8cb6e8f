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
import dev.opal.node.derive.ChannelCompression;
import dev.opal.node.derive.ChannelOut;
import dev.opal.node.derive.Frame;
import dev.opal.node.derive.batch.SingularBatch;
import dev.opal.node.derive.batch.SpanBatch;
import dev.opal.node.driver.Deriver;
import dev.opal.node.engine.EngineController;
import dev.opal.node.engine.ExecEngine;
import dev.opal.node.eth.L1Info;
import dev.opal.node.sources.EngineClient;
import dev.opal.rpc.client.JsonRpcClient;
import dev.opal.rpc.engine.ClientVersion;
import dev.opal.rpc.jwt.Jwt;
import dev.opal.rpc.jwt.JwtSecret;
import dev.opal.rpc.server.JsonRpcDispatcher;
import dev.opal.rpc.server.JsonRpcServer;
import dev.opal.tx.DynamicFeeTransaction;
import dev.opal.types.Bytes;
import dev.opal.types.Hash;
import dev.opal.types.UInt256;
import java.math.BigInteger;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Derivation throughput from genesis: an embedded L1 whose batch inbox holds a chain of empty L2
 * blocks (one span batch in a brotli channel, a calldata transaction per frame), and a fresh engine from
 * the L2 genesis that Opal's derivation loop ({@link Deriver}: L1 traversal, retrieval, frames,
 * channels, batches, attributes, consolidation or build) brings to the last block. The L2 chain is
 * never built by a sequencer: it exists only as L1 data until derivation executes it.
 */
public final class DerivationBenchmark {
  private static final long L2_BLOCK_TIME = 2;
  private static final long L1_BLOCK_TIME = 12;

  /** @param setupSeconds building the L1 history, not part of the figure */
  public record Result(long blocks, double seconds, double blocksPerSecond, double setupSeconds) {}

  private DerivationBenchmark() {}

  /** @param overHttp drive the engine over the Engine API (HTTP+JWT) rather than by direct calls */
  public static Result run(int blocks, boolean overHttp) throws InterruptedException {
    long setupStart = System.nanoTime();
    List<DevAccounts.Account> accounts = DevAccounts.derive(DevAccounts.TEST_MNEMONIC, 2);
    DevAccounts.Account batcher = accounts.get(1);
    long genesisTime = System.currentTimeMillis() / 1000 - 10_000_000;
    Genesis l1Genesis = DevnetGenesis.l1(BigInteger.valueOf(900), genesisTime, accounts);
    L1DevChain l1 = new L1DevChain(l1Genesis, ChainStores.inMemory(), new ChainClock(1), L1_BLOCK_TIME, 4);
    ForkSchedule forks = ForkSchedule.allFromGenesis(OpFork.JOVIAN);
    ChainConfig config = new ChainConfig(BigInteger.valueOf(901), forks, RollupConfig.Eip1559Config.OP_MAINNET);
    Genesis l2Genesis = DevnetGenesis.l2(config, genesisTime, accounts);
    ChainStores stores = ChainStores.inMemory();
    Blockchain l2 = new Blockchain(config, l2Genesis, stores.nodes(), stores.chain());
    RollupConfig rollup = DevnetGenesis.rollup(new dev.opal.block.BlockId(l1.chain().genesis().hash(), 0), l2.genesis().hash(), genesisTime, L2_BLOCK_TIME,
        BigInteger.valueOf(900), BigInteger.valueOf(901), forks, batcher.address());

    // the L1 history the L2 blocks take as origins, then the batches in the next L1 block
    long lastL1 = blocks * L2_BLOCK_TIME / L1_BLOCK_TIME;
    for (long n = 1; n <= lastL1; n++) l1.produceAt(genesisTime + n * L1_BLOCK_TIME);
    InProcessL1Source l1Source = new InProcessL1Source(l1.chain(), l1.blobs());
    // one span batch for the whole chain: a later span's parent check would need the hash of a block not yet derived
    List<SingularBatch> span = new ArrayList<>();
    for (long n = 1; n <= blocks; n++) {
      long epoch = n * L2_BLOCK_TIME / L1_BLOCK_TIME;
      span.add(new SingularBatch(n == 1 ? l2.genesis().hash() : Hash.ZERO, epoch, l1Source.byNumber(epoch).ref().hash(),
          genesisTime + n * L2_BLOCK_TIME, List.of()));
    }
    byte[] typed = ChannelOut.typed(SpanBatch.TYPE, SpanBatch.of(span, false).encodeBody(genesisTime, rollup.l2ChainId()));
    long nonce = 0;
    for (Frame f : ChannelOut.frames(List.of(typed), ChannelCompression.Algorithm.BROTLI, 120_000)) {
      l1.pool().add(batcherTx(batcher, nonce++, Bytes.wrap(Frame.batcherData(List.of(f))), rollup), batcher.address());
    }
    l1.produceAt(genesisTime + (lastL1 + 1) * L1_BLOCK_TIME);
    double setup = (System.nanoTime() - setupStart) / 1e9;

    TxPool pool = new TxPool(16);
    EngineApi api = new EngineApi(l2, new PayloadBuilder(l2, pool));
    JwtSecret secret = new JwtSecret(new byte[32]);
    JsonRpcServer server = null;
    ExecEngine exec;
    if (overHttp) {
      JsonRpcDispatcher d = new JsonRpcDispatcher(new ObjectMapper());
      EngineRpc.register(d, api, new ClientVersion("OP", "Opal", "bench", "00000000"));
      new EthRpc(l2, pool, "Opal/bench", false).register(d);
      server = new JsonRpcServer("bench engine", d, new Jwt(secret), 2).start("127.0.0.1", 0);
      exec = new EngineClient(new JsonRpcClient(URI.create("http://127.0.0.1:" + server.port()), new Jwt(secret)), rollup);
    } else {
      exec = new InProcessEngine(api, rollup);
    }
    try {
      EngineController controller = new EngineController(exec);
      controller.reset();
      Deriver deriver = new Deriver(rollup, l1Source, controller, 1);
      Thread t = new Thread(null, deriver, "bench-deriver", 64L * 1024 * 1024);
      long start = System.nanoTime();
      t.start();
      while (controller.safeHead().number() < blocks && t.isAlive()) Thread.sleep(1);
      double seconds = (System.nanoTime() - start) / 1e9;
      deriver.stop();
      t.join();
      long derived = controller.safeHead().number();
      if (derived < blocks) throw new IllegalStateException("derivation stopped at L2 block " + derived + " of " + blocks);
      return new Result(derived, seconds, derived / seconds, setup);
    } finally {
      if (server != null) server.close();
    }
  }

  private static DynamicFeeTransaction batcherTx(DevAccounts.Account from, long nonce, Bytes data, RollupConfig rollup) {
    long gas = 21_000 + 40L * data.size() + 10_000;
    UInt256 fee = UInt256.valueOf(100_000_000_000L);
    return DynamicFeeTransaction.signed(rollup.l1ChainId(), nonce, UInt256.valueOf(1_000_000_000L), fee, gas, rollup.batchInboxAddress(),
        UInt256.ZERO, data, from.privateKey());
  }
}
