package dev.opal.node.driver;

import dev.opal.config.RollupConfig;
import dev.opal.node.attributes.AttributesHandler;
import dev.opal.node.derive.DerivationPipeline;
import dev.opal.node.derive.DerivedAttributes;
import dev.opal.node.derive.SystemConfigTracker;
import dev.opal.node.engine.EngineController;
import dev.opal.node.engine.EngineException;
import dev.opal.node.eth.L1BlockRef;
import dev.opal.node.eth.L1Info;
import dev.opal.node.eth.L2BlockContent;
import dev.opal.node.eth.L2BlockRef;
import dev.opal.node.finality.Finalizer;
import dev.opal.node.sources.L1Source;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The derivation loop (op-node driver/sync_deriver.go): pulls attributes from the pipeline on top
 * of the safe head, applies them (consolidation or build), records them for finality, and tells
 * the engine the new safe and finalized heads once the pipeline runs out of L1 data or every
 * {@value #FORKCHOICE_EVERY} blocks. L1 reorgs, stale attributes and engine resets start the
 * pipeline again from the safe head's L1 origin, a channel timeout back.
 */
public final class Deriver implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(Deriver.class);
  private static final int FORKCHOICE_EVERY = 64;

  private final RollupConfig rollup;
  private final L1Source l1;
  private final EngineController engine;
  private final DerivationPipeline pipeline;
  private final AttributesHandler handler;
  private final Finalizer finalizer;
  private final long idleMillis;
  private final AtomicLong derivedBlocks = new AtomicLong();
  private volatile boolean running = true;

  /** @param idleMillis how long to wait for new L1 data when the pipeline has read it all */
  public Deriver(RollupConfig rollup, L1Source l1, EngineController engine, long idleMillis) {
    this.rollup = rollup;
    this.l1 = l1;
    this.engine = engine;
    this.pipeline = new DerivationPipeline(rollup, l1, new SystemConfigTracker(rollup, l1), n -> {
      L2BlockContent block = engine.blockByNumber(n);
      return block == null ? null : block.ref();
    }, startOrigin(engine.safeHead()));
    this.handler = new AttributesHandler(engine);
    this.finalizer = new Finalizer(engine, l1);
    this.idleMillis = idleMillis;
  }

  /** The L1 block the pipeline (re)starts from: a channel timeout before the safe head's origin, so open channels are read whole. */
  private L1BlockRef startOrigin(L2BlockRef safe) {
    long n = Math.max(rollup.l1Genesis().number(), safe.l1Origin().number() - rollup.channelTimeout());
    L1Info start = l1.byNumber(n);
    if (start == null) throw new IllegalStateException("L1 block " + n + " is not available");
    return start.ref();
  }

  /** The L1 block the pipeline is reading (optimism_syncStatus current_l1). */
  public L1BlockRef currentL1() {
    return pipeline.origin();
  }

  public long derivedBlocks() {
    return derivedBlocks.get();
  }

  public void stop() {
    running = false;
  }

  @Override
  public void run() {
    int sinceForkchoice = 0;
    boolean waitedForElSync = false;
    while (running) {
      try {
        if (engine.initialElSyncing()) {
          waitedForElSync = true; // op-node SyncStep: no derivation while the engine syncs itself
          sleep(idleMillis);
          continue;
        }
        if (waitedForElSync) {
          waitedForElSync = false;
          LOG.info("EL sync done: deriving from the new safe head {}", engine.localSafeHead());
          finalizer.reset();
          restart();
        }
        DerivedAttributes d = pipeline.next(engine.pendingSafeHead());
        if (d == null) {
          engine.processUnsafePayloads(); // derivation may have moved the heads under queued gossip
          engine.flushForkchoice();
          finalizer.update();
          engine.flushForkchoice();
          sinceForkchoice = 0;
          sleep(idleMillis);
          continue;
        }
        L2BlockRef derived = handler.apply(d);
        if (d.concluding()) finalizer.derived(derived, d.derivedFrom().number());
        derivedBlocks.incrementAndGet();
        if (++sinceForkchoice >= FORKCHOICE_EVERY) {
          engine.flushForkchoice();
          sinceForkchoice = 0;
        }
      } catch (DerivationPipeline.L1ReorgException e) {
        LOG.warn("L1 reorg under derivation: {}", e.getMessage());
        engine.rewindSafeToFinalized();
        finalizer.reset();
        restart();
      } catch (AttributesHandler.StaleAttributesException e) {
        LOG.warn("Restarting derivation from the local-safe head {}: {}", engine.localSafeHead(), e.getMessage());
        restart();
      } catch (EngineException e) {
        LOG.warn("Derivation step failed ({}): {}", e.kind(), e.getMessage());
        if (e.kind() == EngineException.Kind.RESET) {
          engine.reset();
          restart();
        }
        sleep(e.kind() == EngineException.Kind.SYNCING ? 5_000 : 1_000);
      } catch (RuntimeException e) {
        LOG.warn("Derivation step failed: {}", e.toString());
        sleep(1_000);
      }
    }
  }

  /** Derivation starts over from the local-safe head; what an unfinished batch derived past it is judged again. */
  private void restart() {
    engine.dropPendingSafe();
    pipeline.reset(startOrigin(engine.localSafeHead()));
  }

  private void sleep(long millis) {
    Waits.sleepWhile(millis, () -> running);
  }
}
