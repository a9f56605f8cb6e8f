package dev.opal.node.attributes;

import dev.opal.node.derive.DerivedAttributes;
import dev.opal.node.engine.EngineController;
import dev.opal.node.eth.L2BlockContent;
import dev.opal.node.eth.L2BlockRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies derived attributes to the engine (op-node rollup/attributes): when the unsafe chain
 * already has a block at that height and it matches the attributes, it is promoted (consolidation,
 * no execution); otherwise the block is built from the attributes on the pending-safe head, which
 * reorgs out a mismatching unsafe chain. Either way the block becomes pending-safe, and safe when
 * its batch concludes.
 */
public final class AttributesHandler {
  private static final Logger LOG = LoggerFactory.getLogger(AttributesHandler.class);

  /** The derived attributes do not build on the current pending-safe head: the pipeline must start again. */
  public static final class StaleAttributesException extends RuntimeException {
    StaleAttributesException(String message) {
      super(message);
    }
  }

  private final EngineController engine;

  public AttributesHandler(EngineController engine) {
    this.engine = engine;
  }

  /** Returns the derived block, now the pending-safe head. */
  public L2BlockRef apply(DerivedAttributes d) {
    L2BlockRef safe = engine.pendingSafeHead();
    if (!d.parent().hash().equals(safe.hash())) {
      throw new StaleAttributesException("attributes build on " + d.parent() + " but the pending-safe head is " + safe);
    }
    if (engine.unsafeHead().number() > safe.number()) {
      L2BlockContent existing = engine.blockByNumber(safe.number() + 1);
      String mismatch = existing == null ? "no block" : AttributesMatch.mismatch(d.attributes(), safe.hash(), existing);
      if (mismatch == null) {
        engine.promotePendingSafe(existing.ref(), d.concluding(), d.derivedFrom());
        LOG.debug("Consolidated unsafe block {} (from L1 block {})", existing.ref(), d.derivedFrom());
        return existing.ref();
      }
      LOG.warn("L2 reorg: block {} does not match the attributes derived from L1 block {} ({}); building it from L1",
          safe.number() + 1, d.derivedFrom(), mismatch);
    }
    L2BlockRef built = engine.insertDerived(d.attributes(), d.parent());
    engine.promotePendingSafe(built, d.concluding(), d.derivedFrom());
    return built;
  }
}
