package dev.opal.devnet;

import dev.opal.config.Genesis;
import dev.opal.crypto.Keccak;
import dev.opal.execution.chain.Blockchain;
import dev.opal.execution.chain.StoredBlock;
import dev.opal.execution.engine.EngineApi;
import dev.opal.execution.miner.PayloadBuilder;
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
  private final EngineApi engine;
  private final ChainClock clock;
  private final long blockTimeSeconds;
  private final int finalityDepth;
  private volatile boolean running = true;

  L1DevChain(Genesis genesis, ChainStores stores, ChainClock clock, long blockTimeSeconds, int finalityDepth) {
    this.chain = new Blockchain(genesis.config(), genesis, stores.nodes(), stores.chain());
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

  void stop() {
    running = false;
  }

  @Override
  public void run() {
    while (running) {
      try {
        StoredBlock head = chain.head();
        long next = head.block().header().timestamp() + blockTimeSeconds;
        long wait = next * 1000 - clock.millis();
        if (wait > 0) {
          clock.sleepChainMillis(wait);
          continue;
        }
        produce(head, Math.max(next, clock.millis() / 1000));
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
  void produceAt(long timestamp) {
    produce(chain.head(), timestamp);
  }

  private void produce(StoredBlock head, long timestamp) {
    long number = head.number() + 1;
    Hash randao = Keccak.hash256(ByteBuffer.allocate(16).putLong(0x7261_6e64_616fL).putLong(number).array());
    Hash beaconRoot = Keccak.hash256(ByteBuffer.allocate(16).putLong(0x6265_6163_6f6eL).putLong(number).array());
    PayloadAttributes attrs = new PayloadAttributes(timestamp, randao, Address.ZERO, List.of(), beaconRoot, List.of(), false, null, null, null);
    Hash safe = ancestor(head, finalityDepth / 2);
    Hash finalized = ancestor(head, finalityDepth);
    ForkchoiceUpdatedResult started = engine.forkchoiceUpdated(3, new ForkchoiceState(head.hash(), safe, finalized), attrs);
    PayloadEnvelope env = (PayloadEnvelope) engine.getPayload(3, started.payloadId());
    PayloadStatus status = engine.newPayload(3, env.executionPayload(), List.of(), beaconRoot, null);
    if (status.status() != PayloadStatus.Status.VALID) throw new IllegalStateException("L1 payload not valid: " + status);
    Hash newHead = env.executionPayload().blockHash();
    engine.forkchoiceUpdated(3, new ForkchoiceState(newHead, safe, finalized), null);
    var p = env.executionPayload();
    LOG.debug("L1 block {} {} txs={} gas={}", p.blockNumber(), p.blockHash(), p.transactions().size(), p.gasUsed());
  }

  private Hash ancestor(StoredBlock head, int depth) {
    StoredBlock b = chain.canonicalBlock(Math.max(0, head.number() - depth));
    return b.hash();
  }
}
