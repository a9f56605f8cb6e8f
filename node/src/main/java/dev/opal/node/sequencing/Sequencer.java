package dev.opal.node.sequencing;

import dev.opal.config.OpFork;
import dev.opal.config.RollupConfig;
import dev.opal.node.derive.AttributesBuilder;
import dev.opal.node.derive.SystemConfigTracker;
import dev.opal.node.driver.Waits;
import dev.opal.node.engine.EngineController;
import dev.opal.node.engine.EngineException;
import dev.opal.node.eth.L1Info;
import dev.opal.node.eth.L2BlockRef;
import dev.opal.node.sources.L1Source;
import dev.opal.optimism.SystemConfig;
import dev.opal.rpc.engine.ExecutionPayload;
import dev.opal.rpc.engine.PayloadAttributes;
import dev.opal.rpc.engine.PayloadEnvelope;
import dev.opal.rpc.engine.PayloadId;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sequencer's build loop (op-node sequencing/sequencer.go): for each block time, choose the L1
 * origin, prepare attributes, start the build with the transaction pool enabled (deposits only past
 * the sequencer drift), seal at the block's time, insert and make it canonical; back off after
 * temporary engine errors and reset after the engine rejects the forkchoice.
 */
public final class Sequencer implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(Sequencer.class);

  /** Receives one call per sealed block (for the devnet's log line and status). */
  public interface Listener {
    void onBlock(ExecutionPayload payload, L2BlockRef ref);
  }

  private final RollupConfig rollup;
  private final L1Source l1;
  private final EngineController engine;
  private final AttributesBuilder attributes;
  private final OriginSelector origins;
  private final Clock clock;
  private final Listener listener;
  private final double speed;
  private final SystemConfigTracker systemConfigs;
  private volatile boolean running = true;
  private volatile boolean active = true;

  /**
   * @param clock the chain's clock (L2 timestamps follow it)
   * @param speed chain seconds per wall-clock second: 1 normally, more for a devnet with sub-second blocks
   */
  public Sequencer(RollupConfig rollup, L1Source l1, EngineController engine, Clock clock, double speed, Listener listener) {
    this(rollup, l1, engine, clock, speed, 0, listener);
  }

  /** @param l1Confirmations the sequencer's L1 confirmation depth for new origins */
  public Sequencer(RollupConfig rollup, L1Source l1, EngineController engine, Clock clock, double speed, long l1Confirmations,
      Listener listener) {
    this.rollup = rollup;
    this.l1 = l1;
    this.engine = engine;
    this.attributes = new AttributesBuilder(rollup, l1);
    this.systemConfigs = new SystemConfigTracker(rollup, l1);
    this.origins = new OriginSelector(rollup, l1, l1Confirmations);
    this.clock = clock;
    this.speed = speed;
    this.listener = listener;
  }

  public void stop() {
    running = false;
  }

  /** Whether blocks are being built (admin_startSequencer / admin_stopSequencer). */
  public boolean isActive() {
    return active;
  }

  public void setActive(boolean active) {
    this.active = active;
    LOG.info("Sequencer {}", active ? "started" : "stopped");
  }

  @Override
  public void run() {
    while (running) {
      if (!active) {
        sleep(100);
        continue;
      }
      try {
        buildOne();
      } catch (OriginSelector.OriginReorgedException e) {
        LOG.warn("{}: rebuilding from the last block with a canonical L1 origin", e.getMessage());
        rewindToCanonicalOrigin();
      } catch (EngineException e) {
        long delay = backoffMillis(e.kind());
        LOG.warn("Sequencing step failed ({}): {}; next attempt in {} ms of chain time", e.kind(), e.getMessage(), delay);
        if (e.kind() == EngineException.Kind.RESET) engine.reset();
        sleepChain(delay);
      } catch (RuntimeException e) {
        LOG.warn("Sequencing step failed: {}; next attempt in 1 s of chain time", e.toString());
        sleepChain(1000);
      }
    }
  }

  /**
   * How long the sequencer waits after a failed step (op-node sequencing/sequencer.go): 1 s after a
   * temporary error, 30 s while the engine is syncing, one block time after an invalid build or a reset.
   */
  private long backoffMillis(EngineException.Kind kind) {
    return switch (kind) {
      case TEMPORARY, CRITICAL -> 1000;
      case SYNCING -> 30_000;
      case RESET, INVALID_ATTRIBUTES, UNKNOWN_PAYLOAD, INVALID_PAYLOAD -> rollup.blockTime() * 1000;
    };
  }

  /** Builds the next block when its time has come (immediately when the chain is behind the clock). */
  void buildOne() {
    if (engine.initialElSyncing()) {
      sleepChain(1000); // nothing to build on until the engine has synced
      return;
    }
    engine.finishPendingForkchoice();
    L2BlockRef head = engine.unsafeHead();
    long nextTime = head.time() + rollup.blockTime();
    long startAt = (nextTime - rollup.blockTime()) * 1000; // start building one block time before the block's timestamp
    long wait = startAt - clock.millis();
    if (wait > 0) {
      sleepChain(Math.min(wait, 1000));
      return;
    }
    OriginSelector.Selection sel = origins.select(head);
    L1Info origin = sel.origin();
    SystemConfig sys = systemConfigs.at(origin.ref());
    PayloadAttributes attrs = attributes.prepare(head, origin, sys);
    if (!sel.pastDrift() && !upgradeBlock(nextTime)) {
      attrs = new PayloadAttributes(attrs.timestamp(), attrs.prevRandao(), attrs.suggestedFeeRecipient(), attrs.withdrawals(),
          attrs.parentBeaconBlockRoot(), attrs.transactions(), false, attrs.gasLimit(), attrs.eip1559Params(), attrs.minBaseFee());
    } else if (sel.pastDrift()) {
      LOG.warn("L2 time {} is past the sequencer drift of L1 origin {}: building a deposits-only block", nextTime, origin.ref());
    }
    PayloadId id = engine.startBuild(attrs);
    long untilSeal = nextTime * 1000 - clock.millis();
    if (untilSeal > 0) sleepChain(untilSeal);
    PayloadEnvelope env = engine.sealAndInsert(id, attrs.timestamp());
    if (listener != null) listener.onBlock(env.executionPayload(), engine.unsafeHead());
  }

  /** Upgrades whose activation block carries no pool transactions (op-node sequencing: Ecotone, Fjord, Isthmus, Jovian). */
  private static final OpFork[] DEPOSITS_ONLY_ACTIVATIONS = {OpFork.ECOTONE, OpFork.FJORD, OpFork.ISTHMUS, OpFork.JOVIAN};

  private boolean upgradeBlock(long time) {
    for (OpFork f : DEPOSITS_ONLY_ACTIVATIONS) if (rollup.forks().isActivationBlock(f, time, rollup.blockTime())) return true;
    return false;
  }

  /** Walks the unsafe chain back to its newest block whose L1 origin L1 still has, and builds on from there. */
  private void rewindToCanonicalOrigin() {
    L2BlockRef b = engine.unsafeHead();
    while (b.number() > 0 && !origins.isCanonical(b.l1Origin())) b = engine.blockByNumber(b.number() - 1).ref();
    engine.rewindUnsafe(b);
  }

  private void sleepChain(long chainMillis) {
    sleep(Math.max(1, (long) (chainMillis / speed)));
  }

  private void sleep(long millis) {
    Waits.sleepWhile(millis, () -> running);
  }
}
