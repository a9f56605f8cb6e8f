package dev.opal.node.sequencing;

import dev.opal.block.BlockId;
import dev.opal.config.RollupConfig;
import dev.opal.node.eth.L1Info;
import dev.opal.node.eth.L2BlockRef;
import dev.opal.node.sources.L1Source;

/**
 * Chooses the L1 origin of the next L2 block (op-node sequencing/origin_selector.go): the next L1
 * block as soon as it exists and is not in the L2 block's future, else the current origin; past the
 * maximum sequencer drift the next origin is mandatory.
 */
public final class OriginSelector {
  private final RollupConfig rollup;
  private final L1Source l1;
  private final long confirmations;

  /** @param confirmations how far behind the L1 head a block must be to become an origin (op-node --sequencer.l1-confs) */
  public OriginSelector(RollupConfig rollup, L1Source l1, long confirmations) {
    this.rollup = rollup;
    this.l1 = l1;
    this.confirmations = confirmations;
  }

  /** The L1 origin of the L2 head is no longer on the canonical L1 chain. */
  public static final class OriginReorgedException extends RuntimeException {
    OriginReorgedException(String message) {
      super(message);
    }
  }

  /** The origin for a child of {@code parent}; {@code pastDrift} tells the caller to build a deposits-only block. */
  public Selection select(L2BlockRef parent) {
    if (!isCanonical(parent.l1Origin())) {
      throw new OriginReorgedException("L1 origin " + parent.l1Origin().number() + " of L2 block " + parent + " is not canonical any more");
    }
    L1Info current = l1.byHash(parent.l1Origin().hash());
    long nextTime = parent.time() + rollup.blockTime();
    L1Info next = l1.byNumber(current.ref().number() + 1);
    if (next != null && confirmations > 0) {
      L1Info head = l1.latest();
      if (head == null || head.ref().number() < next.ref().number() + confirmations) next = null;
    }
    if (next != null && next.ref().parentHash().equals(current.ref().hash()) && Long.compareUnsigned(next.ref().time(), nextTime) <= 0) {
      return new Selection(next, false);
    }
    boolean pastDrift = Long.compareUnsigned(nextTime, current.ref().time() + rollup.maxSequencerDrift(nextTime)) > 0;
    return new Selection(current, pastDrift);
  }

  /** Whether an L1 block is on the canonical L1 chain. */
  public boolean isCanonical(BlockId block) {
    L1Info atHeight = l1.byNumber(block.number());
    return atHeight != null && atHeight.ref().hash().equals(block.hash());
  }

  public record Selection(L1Info origin, boolean pastDrift) {}
}
