package dev.opal.devnet;

import dev.opal.config.ChainConfig;
import dev.opal.config.ForkSchedule;
import dev.opal.config.Genesis;
import dev.opal.config.OpFork;
import dev.opal.config.RollupConfig;
import dev.opal.execution.beacon.BeaconApiServer;
import dev.opal.execution.chain.Blockchain;
import dev.opal.execution.engine.EngineApi;
import dev.opal.execution.miner.PayloadBuilder;
import dev.opal.execution.rpc.EngineRpc;
import dev.opal.execution.rpc.EthRpc;
import dev.opal.execution.rpc.EthSubscriptions;
import dev.opal.execution.txpool.TxPool;
import dev.opal.node.batcher.Batcher;
import dev.opal.node.derive.ChannelCompression;
import dev.opal.node.driver.Deriver;
import dev.opal.node.engine.EngineController;
import dev.opal.node.engine.ExecEngine;
import dev.opal.block.BlockId;
import dev.opal.node.eth.L1Info;
import dev.opal.node.eth.L2BlockRef;
import dev.opal.node.rpc.RollupRpc;
import dev.opal.node.sequencing.Sequencer;
import dev.opal.node.sources.EngineClient;
import dev.opal.node.sources.L1Source;
import dev.opal.node.sources.RpcL1Source;
import dev.opal.rpc.client.JsonRpcClient;
import dev.opal.rpc.engine.ClientVersion;
import dev.opal.rpc.engine.ExecutionPayload;
import dev.opal.rpc.jwt.Jwt;
import dev.opal.rpc.jwt.JwtSecret;
import dev.opal.rpc.server.JsonRpcDispatcher;
import dev.opal.rpc.server.JsonRpcServer;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A whole local OP chain in one JVM: the embedded L1 with its block producer, the L2 execution
 * engine serving the Engine API (HTTP + JWT) and eth_ JSON-RPC, and the rollup node sequencing
 * blocks through the Engine API — over loopback HTTP by default, in-process on request.
 */
public final class Devnet implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger("opal.devnet");

  private final DevnetOptions options;
  private final List<AutoCloseable> closeables = new java.util.ArrayList<>();
  private final List<AutoCloseable> databases = new java.util.ArrayList<>();
  private L1DevChain l1;
  private Sequencer sequencer;
  private EngineController controller;
  private ScheduledExecutorService status;
  private Thread l1Thread;
  private Thread sequencerThread;
  private final List<Runnable> stoppers = new java.util.ArrayList<>();
  private final List<Thread> workers = new java.util.ArrayList<>();
  private Deriver deriver;
  private Batcher batcher;
  private java.util.function.Supplier<Batcher> batcherFactory;
  private Thread batcherThread;
  private EngineController verifierController;
  private URI verifierUrl;
  private URI l1Url;
  private URI l1BeaconUrl;
  private L1Source l1Status; // where the status line reads the L1 heads
  private URI l2Url;
  private URI rollupUrl;
  private java.util.function.UnaryOperator<ExecEngine> engineWrapper = java.util.function.UnaryOperator.identity();
  private java.util.function.Consumer<dev.opal.node.engine.EngineEvent> engineListener = e -> {};

  public Devnet(DevnetOptions options) {
    this.options = options;
  }

  /** Puts a layer between the engine controller and the engine (fault-injection tests); call before {@link #start}. */
  Devnet wrapEngine(java.util.function.UnaryOperator<ExecEngine> wrapper) {
    this.engineWrapper = wrapper;
    return this;
  }

  /** Receives the engine controller's events from the first one on; call before {@link #start}. */
  Devnet onEngineEvent(java.util.function.Consumer<dev.opal.node.engine.EngineEvent> listener) {
    this.engineListener = listener;
    return this;
  }

  /** Where a run keeps its chains, its clock, the dev accounts, and the genesis time. */
  private record Setup(Path dir, ChainClock clock, List<DevAccounts.Account> accounts, long genesisTime) {}

  private Setup prepare(String tempDirPrefix) throws IOException {
    Path dir = options.datadir() != null ? options.datadir() : Files.createTempDirectory(tempDirPrefix);
    Files.createDirectories(dir);
    ChainClock clock = new ChainClock(options.speed());
    List<DevAccounts.Account> accounts = DevAccounts.derive(DevAccounts.TEST_MNEMONIC, Math.max(1, options.accounts()));
    // genesis one L2 block time back, so the first block is due as soon as the sequencer runs;
    // a persistent run keeps its genesis time, so that a restart rebuilds the same genesis blocks
    long fresh = clock.millis() / 1000 - options.rollupBlockTime();
    long genesisTime = options.datadir() == null ? fresh : GenesisTime.loadOrCreate(dir, fresh);
    return new Setup(dir, clock, accounts, genesisTime);
  }

  /** Starts everything and prints the banner to {@code out}. */
  public void start(PrintStream out) throws IOException {
    JsonRpcServer.preload(); // meanwhile the genesis states are built
    Setup setup = prepare("opal-devnet-");
    Path dir = setup.dir();
    ChainClock clock = setup.clock();
    List<DevAccounts.Account> accounts = setup.accounts();
    long now = setup.genesisTime();

    L1Source l1Source;
    BlockId l1Anchor; // the L1 block the rollup starts from (rollup.json genesis.l1)
    JsonRpcServer l1Rpc = null;
    if (options.l1() == null) {
      l1Rpc = startEmbeddedL1(dir, clock, accounts, now);
      l1Source = new InProcessL1Source(l1.chain(), l1.blobs());
      l1Anchor = new BlockId(l1.chain().genesis().hash(), 0);
    } else {
      l1Url = options.l1();
      L1Info head = ExternalL1.check(l1Url, options.l1ChainId());
      l1Source = new RpcL1Source(new JsonRpcClient(l1Url, null));
      l1Anchor = new BlockId(head.ref().hash(), head.ref().number());
      now = Math.max(now, head.ref().time()); // an L2 block may not be older than its L1 origin
      LOG.info("Using the L1 at {}: the rollup starts from its block {}", l1Url, head.ref());
    }
    l1Status = l1Source;

    ForkSchedule forks = forks(now);
    ChainConfig l2Config = new ChainConfig(options.l2ChainId(), forks, RollupConfig.Eip1559Config.OP_MAINNET);
    Genesis l2Genesis = DevnetGenesis.l2(l2Config, now, accounts);
    ChainStores l2Stores = stores(dir.resolve("l2"), l2Config);
    Blockchain l2 = new Blockchain(l2Config, l2Genesis, l2Stores.nodes(), l2Stores.chain());
    if (options.datadir() != null) LOG.info("Chains in {}: L2 at block {}", dir, l2.head().number());
    TxPool l2Pool = new TxPool(10_000);
    EngineApi engineApi = new EngineApi(l2, new PayloadBuilder(l2, l2Pool));
    RollupConfig rollup = DevnetGenesis.rollup(l1Anchor, l2.genesis().hash(), now, options.rollupBlockTime(),
        options.l1ChainId(), options.l2ChainId(), forks, accounts.size() > 1 ? accounts.get(1).address() : accounts.get(0).address());
    Files.writeString(dir.resolve("rollup.json"), rollupJson(rollup));
    Files.writeString(dir.resolve("genesis-l2.json"), dev.opal.config.GenesisJson.write(l2Genesis));

    JsonRpcServer l2Rpc = server("L2 RPC", d -> new EthRpc(l2, l2Pool, "Opal/devnet-l2", true).register(d), null, options.l2HttpPort())
        .subscriptions(new EthSubscriptions(l2));
    Path jwtFile = dir.resolve("jwt.hex");
    JwtSecret secret = JwtSecret.loadOrGenerate(jwtFile);
    JsonRpcServer auth = server("Engine API", d -> {
      EngineRpc.register(d, engineApi, new ClientVersion("OP", "Opal", "0.1.0", "00000000"));
      new EthRpc(l2, l2Pool, "Opal", false).register(d);
    }, new Jwt(secret), options.l2AuthPort());

    ExecEngine exec = options.inProcess() ? new InProcessEngine(engineApi, rollup)
        : new EngineClient(new JsonRpcClient(URI.create("http://" + options.host() + ":" + auth.port()), new Jwt(secret)), rollup);
    controller = new EngineController(engineWrapper.apply(exec));
    controller.addListener(engineListener);
    controller.reset();
    sequencer = new Sequencer(rollup, l1Source, controller, clock, options.speed(), this::logBlock);

    l2Url = URI.create("http://" + options.host() + ":" + l2Rpc.port());
    JsonRpcServer rollupRpc = server("Rollup RPC", d -> RollupRpc.register(d, rollup, controller, l1Source, sequencer), null, 0);
    rollupUrl = URI.create("http://" + options.host() + ":" + rollupRpc.port());
    long l1BlockWallMillis = Math.max(50, (long) (options.l1BlockTimeSeconds() * 1000 / options.speed()));
    deriver = new Deriver(rollup, l1Source, controller, l1BlockWallMillis / 2);
    worker("deriver", deriver, deriver::stop);
    if (options.batcher()) {
      DevAccounts.Account batcherAccount = accounts.size() > 1 ? accounts.get(1) : accounts.get(0);
      batcherFactory = () -> new Batcher(rollup, new JsonRpcClient(l1Url, null), new JsonRpcClient(l2Url, null),
          new JsonRpcClient(rollupUrl, null), batcherAccount.privateKey(), new Batcher.Options(Duration.ofMillis(l1BlockWallMillis / 2), 120_000,
          2_000, 5, Batcher.BatchType.SPAN, ChannelCompression.Algorithm.BROTLI,
          options.blobs() ? Batcher.DataAvailability.BLOBS : Batcher.DataAvailability.CALLDATA));
      startBatcher();
    }
    if (options.verifier()) startVerifier(dir, l2Config, l2Genesis, rollup, l1Source, secret, l1BlockWallMillis / 2);
    banner(out, l1Rpc == null ? "(its own process)" : "(chain id " + options.l1ChainId() + ", a block every " + options.l1BlockTimeSeconds() + " s)",
        l2Rpc.port(), auth.port(), jwtFile, dir, accounts, forks, now);
    if (l1 != null) l1Thread = Thread.ofPlatform().name("l1-producer").daemon().start(l1);
    sequencerThread = new Thread(null, sequencer, "sequencer", 256L * 1024 * 1024);
    sequencerThread.setDaemon(true);
    sequencerThread.start();
    status = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().name("status").daemon().unstarted(r));
    status.scheduleAtFixedRate(this::logStatus, 10, 10, TimeUnit.SECONDS);
  }

  /**
   * The embedded L1 chain and its JSON-RPC server, ready to produce blocks once its thread starts:
   * part of a devnet, or alone ({@code opal l1}).
   */
  private JsonRpcServer startEmbeddedL1(Path dir, ChainClock clock, List<DevAccounts.Account> accounts, long genesisTime) {
    Genesis l1Genesis = DevnetGenesis.l1(options.l1ChainId(), genesisTime, accounts);
    ChainStores l1Stores = stores(dir.resolve("l1"), l1Genesis.config());
    l1 = new L1DevChain(l1Genesis, l1Stores, clock, options.l1BlockTimeSeconds(), options.finalityDepth());
    if (options.datadir() != null) LOG.info("L1 chain in {} at block {}", dir.resolve("l1"), l1.chain().head().number());
    JsonRpcServer rpc = server("L1 RPC", d -> new EthRpc(l1.chain(), l1.pool(), "Opal/devnet-l1", true, l1.blobs()).register(d), null,
        options.l1HttpPort()).subscriptions(new EthSubscriptions(l1.chain()));
    l1Url = URI.create("http://" + options.host() + ":" + rpc.port());
    BeaconApiServer beacon = new BeaconApiServer(l1.chain(), l1.blobs(), options.l1BlockTimeSeconds()).start(options.host(), options.l1BeaconPort());
    closeables.add(beacon);
    l1BeaconUrl = URI.create("http://" + options.host() + ":" + beacon.port());
    return rpc;
  }

  /**
   * Only the L1 of a devnet ({@code opal l1}): its chain with the deposit and SystemConfig contracts
   * and funded accounts, producing blocks, for a devnet started with {@code --l1 URL} to use.
   */
  public void startL1Only(PrintStream out) throws IOException {
    Setup setup = prepare("opal-l1-");
    startEmbeddedL1(setup.dir(), setup.clock(), setup.accounts(), setup.genesisTime());
    out.println();
    out.println("Opal L1: the devnet's L1 dev chain on its own");
    out.printf("  L1 RPC: %s  (chain id %s, a block every %d s, finalized %d blocks behind)%n", l1Url, options.l1ChainId(),
        options.l1BlockTimeSeconds(), options.finalityDepth());
    out.printf("  L1 Beacon API: %s  (blobs; slot = L1 block)%n", l1BeaconUrl);
    out.printf("  L1 contracts: deposit (portal) %s, SystemConfig %s, batch inbox %s%n", DevnetGenesis.PORTAL.toHex(),
        DevnetGenesis.SYSTEM_CONFIG.toHex(), DevnetGenesis.BATCH_INBOX.toHex());
    printAccounts(out, setup.accounts());
    out.printf("An L2 on it: ./opal devnet --l1 %s%n%n", l1Url);
    out.flush();
    l1Thread = Thread.ofPlatform().name("l1-producer").daemon().start(l1);
  }

  /**
   * A second rollup node and engine that follow the chain from L1 data alone: a fresh engine from
   * the same genesis, driven over HTTP+JWT by a node whose only input is the L1.
   */
  private void startVerifier(Path dir, ChainConfig l2Config, Genesis l2Genesis, RollupConfig rollup, L1Source l1Source, JwtSecret secret,
      long idleMillis) {
    ChainStores stores = stores(dir.resolve("verifier"), l2Config);
    Blockchain chain = new Blockchain(l2Config, l2Genesis, stores.nodes(), stores.chain());
    TxPool pool = new TxPool(16);
    EngineApi api = new EngineApi(chain, new PayloadBuilder(chain, pool));
    JsonRpcServer auth = server("Verifier Engine API", d -> {
      EngineRpc.register(d, api, new ClientVersion("OP", "Opal", "0.1.0", "00000000"));
      new EthRpc(chain, pool, "Opal", false).register(d);
    }, new Jwt(secret), 0);
    ExecEngine exec = new EngineClient(new JsonRpcClient(URI.create("http://" + options.host() + ":" + auth.port()), new Jwt(secret)), rollup);
    verifierController = new EngineController(exec);
    verifierController.reset();
    Deriver d = new Deriver(rollup, l1Source, verifierController, idleMillis);
    JsonRpcServer rpc = server("Verifier RPC", disp -> RollupRpc.register(disp, rollup, verifierController, l1Source, null), null, 0);
    verifierUrl = URI.create("http://" + options.host() + ":" + rpc.port());
    worker("verifier", d, d::stop);
  }

  /** Replaces the L1 blocks from {@code firstReplaced} on with new siblings (tests of L1 reorg handling). */
  void reorgL1From(long firstReplaced) {
    if (l1 == null) throw new IllegalStateException("the L1 runs in its own process");
    l1.reorgFrom(firstReplaced);
  }

  /** Stops the batcher and waits for it (tests use it to take the batcher down for a while). */
  synchronized void stopBatcher() {
    if (batcher == null) return;
    batcher.stop();
    join(batcherThread);
    batcher = null;
  }

  /** Starts a fresh batcher, which begins after the rollup node's safe head. */
  synchronized void startBatcher() {
    if (batcher != null) return;
    Batcher b = batcherFactory.get();
    batcher = b;
    batcherThread = worker("batcher", b, b::stop);
  }

  private Thread worker(String name, Runnable r, Runnable stop) {
    Thread t = new Thread(null, r, name, 64L * 1024 * 1024);
    t.setDaemon(true);
    stoppers.add(stop);
    workers.add(t);
    t.start();
    return t;
  }

  private ForkSchedule forks(long genesisTime) {
    Map<OpFork, Long> times = new EnumMap<>(OpFork.class);
    for (OpFork f : OpFork.values()) {
      if (f == OpFork.BEDROCK || !DevnetOptions.LATEST.isAtLeast(f)) continue;
      Long offset = options.forkOffsets().get(f);
      times.put(f, genesisTime + (offset == null ? 0 : offset));
    }
    // an explicit later fork time also delays every later fork to at least that time
    long latest = genesisTime;
    for (OpFork f : OpFork.values()) {
      Long t = times.get(f);
      if (t == null) continue;
      latest = Math.max(latest, t);
      times.put(f, latest);
    }
    return ForkSchedule.optimism(times);
  }

  private ChainStores stores(Path dir, ChainConfig config) {
    if (options.datadir() == null) return ChainStores.inMemory();
    ChainStores s = ChainStores.rocksDb(dir, config);
    databases.add(s);
    return s;
  }

  private JsonRpcServer server(String name, java.util.function.Consumer<JsonRpcDispatcher> methods, Jwt jwt, int port) {
    JsonRpcDispatcher d = new JsonRpcDispatcher(new ObjectMapper());
    methods.accept(d);
    JsonRpcServer s = new JsonRpcServer(name, d, jwt, 4).start(options.host(), port);
    closeables.add(s);
    return s;
  }

  private void logBlock(ExecutionPayload p, L2BlockRef ref) {
    LOG.info(String.format(Locale.ROOT, "L2 block %d %s txs=%d gas=%d l1origin=%d", p.blockNumber(), p.blockHash().toHex(),
        p.transactions().size(), p.gasUsed(), ref.l1Origin().number()));
  }

  private void logStatus() {
    try {
      LOG.info("status: unsafe={} safe={} finalized={} l1={} l1finalized={}{}", controller.unsafeHead().number(), controller.safeHead().number(),
          controller.finalizedHead().number(), l1Status.latest().ref().number(), l1Status.finalized().ref().number(),
          verifierController == null ? "" : " verifier_safe=" + verifierController.safeHead().number());
    } catch (RuntimeException e) {
      LOG.debug("status unavailable: {}", e.toString());
    }
  }

  private void banner(PrintStream out, String l1Note, int l2Port, int authPort, Path jwt, Path dir, List<DevAccounts.Account> accounts,
      ForkSchedule forks, long genesisTime) {
    String h = options.host();
    out.println();
    out.println("Opal devnet: a local OP Stack chain");
    out.printf("  L1 RPC: %s  %s%n", l1Url, l1Note);
    if (l1BeaconUrl != null) out.printf("  L1 Beacon API: %s  (blobs; slot = L1 block)%n", l1BeaconUrl);
    out.printf("  L2 RPC: http://%s:%d  (chain id %s, a block every %s; ws:// on the same port)%n", h, l2Port, options.l2ChainId(), blockTimeText());
    out.printf("  Engine API: http://%s:%d  (JWT secret %s)%n", h, authPort, jwt);
    out.printf("  Rollup node: sequencer driving the engine %s; rollup RPC %s%n", options.inProcess() ? "in-process" : "over HTTP+JWT", rollupUrl);
    out.printf("  Batcher: %s%n", batcherFactory == null ? "off" : "span batches in brotli channels to the batch inbox on L1 as "
        + (options.blobs() ? "blobs" : "calldata") + "; the safe head follows L1");
    if (verifierUrl != null) out.printf("  Verifier RPC: %s%n", verifierUrl);
    out.printf("  Rollup config: %s (L2 genesis: %s)%n", dir.resolve("rollup.json"), dir.resolve("genesis-l2.json"));
    out.printf("  L1 contracts: deposit (portal) %s, SystemConfig %s, batch inbox %s%n", DevnetGenesis.PORTAL.toHex(),
        DevnetGenesis.SYSTEM_CONFIG.toHex(), DevnetGenesis.BATCH_INBOX.toHex());
    StringBuilder f = new StringBuilder();
    for (OpFork fork : OpFork.values()) {
      Long t = forks.activationTime(fork);
      if (t != null && fork != OpFork.BEDROCK) f.append(fork.name().toLowerCase(Locale.ROOT)).append(t == genesisTime ? "@genesis" : "@+" + (t - genesisTime) + "s").append(' ');
    }
    out.printf("  Forks: %s%n", f.toString().trim());
    printAccounts(out, accounts);
    out.println("Deposit from L1: ./opal devnet deposit --to ADDRESS --value 1eth");
    out.println();
    out.flush();
  }

  private static void printAccounts(PrintStream out, List<DevAccounts.Account> accounts) {
    out.printf("Funded accounts (10000 ETH on L1 and L2; mnemonic \"%s\"):%n", DevAccounts.TEST_MNEMONIC);
    for (int i = 0; i < accounts.size(); i++) {
      out.printf("  (%d) %s  %s%n", i, accounts.get(i).address().toHex(), accounts.get(i).privateKeyHex());
    }
  }

  private String blockTimeText() {
    return options.blockTimeMillis() % 1000 == 0 ? options.blockTimeMillis() / 1000 + " s" : options.blockTimeMillis() + " ms";
  }

  private static String rollupJson(RollupConfig r) {
    StringBuilder s = new StringBuilder("{\n");
    s.append("  \"genesis\": {\"l1\": {\"hash\": \"").append(r.l1Genesis().hash().toHex()).append("\", \"number\": 0}, \"l2\": {\"hash\": \"")
        .append(r.l2Genesis().hash().toHex()).append("\", \"number\": 0}, \"l2_time\": ").append(r.l2GenesisTime())
        .append(", \"system_config\": {\"batcherAddr\": \"").append(r.genesisSystemConfig().batcherAddr().toHex())
        .append("\", \"overhead\": \"").append(r.genesisSystemConfig().overhead().toHex()).append("\", \"scalar\": \"")
        .append(r.genesisSystemConfig().scalar().toHex()).append("\", \"gasLimit\": ").append(r.genesisSystemConfig().gasLimit()).append("}},\n");
    s.append("  \"block_time\": ").append(r.blockTime()).append(", \"max_sequencer_drift\": ").append(r.maxSequencerDrift())
        .append(", \"seq_window_size\": ").append(r.seqWindowSize()).append(", \"channel_timeout\": ").append(r.channelTimeout()).append(",\n");
    s.append("  \"l1_chain_id\": ").append(r.l1ChainId()).append(", \"l2_chain_id\": ").append(r.l2ChainId()).append(",\n");
    String[] names = {"regolith", "canyon", "delta", "ecotone", "fjord", "granite", "holocene", "isthmus", "jovian"};
    for (int i = 0; i < names.length; i++) {
      Long t = r.forks().activationTime(OpFork.values()[i + 1]);
      if (t != null) s.append("  \"").append(names[i]).append("_time\": ").append(t).append(",\n");
    }
    s.append("  \"batch_inbox_address\": \"").append(r.batchInboxAddress().toHex()).append("\",\n");
    s.append("  \"deposit_contract_address\": \"").append(r.depositContractAddress().toHex()).append("\",\n");
    s.append("  \"l1_system_config_address\": \"").append(r.l1SystemConfigAddress().toHex()).append("\"\n}\n");
    return s.toString();
  }

  public URI l1RpcUrl() {
    return l1Url;
  }

  /** The embedded L1's beacon API (blobs), or null with an L1 of its own. */
  public URI l1BeaconUrl() {
    return l1BeaconUrl;
  }

  public URI l2RpcUrl() {
    return l2Url;
  }

  /** The verifier's rollup RPC, or null without --verifier. */
  public URI verifierRpcUrl() {
    return verifierUrl;
  }

  public URI rollupRpcUrl() {
    return rollupUrl;
  }

  /** Blocks until the process is interrupted. */
  public void awaitShutdown() throws InterruptedException {
    (sequencerThread != null ? sequencerThread : l1Thread).join();
  }

  @Override
  public synchronized void close() {
    if (sequencer != null) sequencer.stop();
    if (l1 != null) l1.stop();
    if (status != null) status.shutdownNow();
    stoppers.forEach(Runnable::run);
    join(sequencerThread);
    workers.forEach(Devnet::join);
    join(l1Thread);
    for (AutoCloseable c : closeables) closeQuietly(c);
    // the databases last: nothing writes any more
    for (AutoCloseable c : databases) closeQuietly(c);
    closeables.clear();
    databases.clear();
    LOG.info("Devnet stopped");
  }

  private static void join(Thread t) {
    if (t == null) return;
    try {
      t.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      LOG.debug("close: {}", e.toString());
    }
  }
}
