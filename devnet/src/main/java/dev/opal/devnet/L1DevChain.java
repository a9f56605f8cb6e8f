package dev.opal.devnet;

import dev.opal.config.Genesis;
import dev.opal.crypto.Keccak;
import dev.opal.execution.chain.Blockchain;
import dev.opal.execution.chain.StoredBlock;
import dev.opal.execution.engine.EngineApi;
import dev.opal.execution.miner.PayloadBuilder;
import dev.opal.execution.txpool.BlobSidecars;
import dev.opal.execution.txpool.TxPool;
import dev.opal.rpc.engine.ForkchoiceState;
import dev.opal.rpc.engine.ForkchoiceUpdatedResult;
import dev.opal.rpc.engine.PayloadAttributes;
import dev.opal.rpc.engine.PayloadEnvelope;
import dev.opal.rpc.engine.PayloadStatus;
import dev.opal.types.Address;
import dev.opal.types.Hash;
import java.nio.ByteBuffer;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded L1: Opal's execution engine in plain-Ethereum mode with a small block producer in
 * place of a beacon chain (like geth's dev mode): a block every {@code blockTimeSeconds}, marked
 * safe and finalized {@code finalityDepth} blocks behind the head.
 */
final class L1DevChain implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger("opal.devnet.l1");

  private final Blockchain chain;
  private final TxPool pool = new TxPool(10_000);
  /** The blobs of accepted blob transactions, for the beacon API and derivation (1 GiB in memory; all of them with a datadir). */
  private final BlobSidecars blobs;
  private final EngineApi engine;
  private final ChainClock clock;
  private final long blockTimeSeconds;
  private final int finalityDepth;
  private volatile boolean running = true;

  L1DevChain(Genesis genesis, ChainStores stores, ChainClock clock, long blockTimeSeconds, int finalityDepth) {
    this.chain = new Blockchain(genesis.config(), genesis, stores.nodes(), stores.chain());
    this.blobs = new BlobSidecars(1L << 30, stores.kv());
    this.engine = new EngineApi(chain, new PayloadBuilder(chain, pool));
    this.clock = clock;
    this.blockTimeSeconds = blockTimeSeconds;
    this.finalityDepth = finalityDepth;
  }

  Blockchain chain() {
    return chain;
  }

  TxPool pool() {
    return pool;
  }

  BlobSidecars blobs() {
    return blobs;
  }

  void stop() {
    running = false;
  }

  @Override
  public void run() {
    while (running) {
      try {
        long next = chain.head().block().header().timestamp() + blockTimeSeconds;
        long wait = next * 1000 - clock.millis();
        if (wait > 0) {
          clock.sleepChainMillis(wait);
          continue;
        }
        produceDue(Math.max(next, clock.millis() / 1000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.warn("L1 block production failed: {}", e.toString());
        try {
          clock.sleepChainMillis(1000);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /** Produces the next block at {@code timestamp} from the pool now (benchmarks build L1 history this way). */
  synchronized void produceAt(long timestamp) {
    produce(chain.head(), timestamp, 0);
  }

  /** The producer's block, unless a reorg moved the head past its time meanwhile. */
  private synchronized void produceDue(long timestamp) {
    StoredBlock head = chain.head();
    if (head.block().header().timestamp() < timestamp) produce(head, timestamp, 0);
  }

  /**
   * An L1 reorg, for tests: the blocks from {@code firstReplaced} to the head are replaced by
   * siblings, plus one block more, so the new chain is longer; the old blocks' transactions are gone
   * from L1 (and from the pool, which dropped them when they were included).
   */
  synchronized void reorgFrom(long firstReplaced) {
    StoredBlock head = chain.head();
    if (firstReplaced < 1 || firstReplaced > head.number()) throw new IllegalArgumentException("no L1 block " + firstReplaced + " to replace");
    StoredBlock parent = chain.canonicalBlock(firstReplaced - 1);
    LOG.warn("L1 reorg: replacing blocks {}-{} with new siblings", firstReplaced, head.number());
    for (long n = firstReplaced; n <= head.number() + 1; n++) parent = produce(parent, parent.block().header().timestamp() + blockTimeSeconds, 1);
  }

  private StoredBlock produce(StoredBlock head, long timestamp, long salt) {
    long number = head.number() + 1;
    Hash randao = Keccak.hash256(ByteBuffer.allocate(24).putLong(0x7261_6e64_616fL).putLong(number).putLong(salt).array());
    Hash beaconRoot = Keccak.hash256(ByteBuffer.allocate(16).putLong(0x6265_6163_6f6eL).putLong(number).array());
    PayloadAttributes attrs = new PayloadAttributes(timestamp, randao, Address.ZERO, List.of(), beaconRoot, List.of(), false, null, null, null);
    Hash safe = ancestor(head, finalityDepth / 2);
    Hash finalized = ancestor(head, finalityDepth);
    ForkchoiceUpdatedResult started = engine.forkchoiceUpdated(3, new ForkchoiceState(head.hash(), safe, finalized), attrs);
    PayloadEnvelope env = (PayloadEnvelope) engine.getPayload(3, started.payloadId());
    // the versioned hashes a consensus client passes along: those of the block just built
    List<Hash> blobHashes = chain.block(env.executionPayload().blockHash()).block().blobVersionedHashes();
    PayloadStatus status = engine.newPayload(3, env.executionPayload(), blobHashes, beaconRoot, null);
    if (status.status() != PayloadStatus.Status.VALID) throw new IllegalStateException("L1 payload not valid: " + status);
    Hash newHead = env.executionPayload().blockHash();
    engine.forkchoiceUpdated(3, new ForkchoiceState(newHead, safe, finalized), null);
    var p = env.executionPayload();
    LOG.debug("L1 block {} {} txs={} gas={}", p.blockNumber(), p.blockHash(), p.transactions().size(), p.gasUsed());
    return chain.head();
  }

  /** The ancestor {@code depth} blocks below {@code head} on head's own chain (during a reorg it is not yet canonical). */
  private Hash ancestor(StoredBlock head, int depth) {
    StoredBlock b = head;
    for (int i = 0; i < depth && b.number() > 0; i++) b = chain.block(b.block().header().parentHash());
    return b.hash();
  }
}
