package dev.opal.node.derive;

import dev.opal.config.OpFork;
import dev.opal.config.RollupConfig;
import dev.opal.node.derive.batch.SingularBatch;
import dev.opal.node.derive.batch.SpanBatch;
import dev.opal.node.eth.L1BlockRef;
import dev.opal.node.eth.L2BlockRef;
import dev.opal.types.Bytes;
import java.util.function.LongFunction;

/**
 * Whether a singular batch makes the next safe block, by the rules of OP specs
 * protocol/derivation.md "Batch Queue" as Holocene changes them (holocene/derivation.md "Batch
 * Stage"): a batch for an earlier block is PAST and skipped, a batch that breaks a rule is DROPPED
 * (and, under Holocene, the rest of its channel with it). A span batch's prefix is checked as a
 * whole (delta/span-batches.md "Span Batch Validation"); its blocks then go through the singular
 * rules one by one.
 */
public final class BatchRules {
  /** UNDECIDED: the batch cannot be judged with the data at hand; it is skipped without dropping its channel. */
  public enum Validity { ACCEPT, PAST, DROP, UNDECIDED, FUTURE }

  /** The verdict and, for a drop, why. */
  public record Verdict(Validity validity, String reason) {
    static final Verdict ACCEPT = new Verdict(Validity.ACCEPT, null);
    static final Verdict PAST = new Verdict(Validity.PAST, null);
    static final Verdict FUTURE = new Verdict(Validity.FUTURE, null);

    static Verdict drop(String reason) {
      return new Verdict(Validity.DROP, reason);
    }

    static Verdict undecided(String reason) {
      return new Verdict(Validity.UNDECIDED, reason);
    }
  }

  private final RollupConfig rollup;

  public BatchRules(RollupConfig rollup) {
    this.rollup = rollup;
  }

  /**
   * @param safe the current safe head
   * @param inclusion the L1 block the batch was read from
   * @param l1ByNumber canonical L1 blocks up to {@code inclusion}
   */
  public Verdict check(SingularBatch batch, L2BlockRef safe, L1BlockRef inclusion, LongFunction<L1BlockRef> l1ByNumber) {
    long next = safe.time() + rollup.blockTime();
    if (batch.timestamp() < next) return Verdict.PAST;
    if (batch.timestamp() > next) {
      // before Holocene a batch for a later block waits in the batch queue (derivation.md "Batch Queue"); Holocene drops it
      if (!rollup.forks().isActive(OpFork.HOLOCENE, inclusion.time())) return Verdict.FUTURE;
      return Verdict.drop("timestamp " + batch.timestamp() + " is after the next block's " + next);
    }
    if (!batch.parentHash().equals(safe.hash())) return Verdict.drop("parent " + batch.parentHash() + " is not the safe head " + safe);
    if (batch.epochNumber() + rollup.seqWindowSize() < inclusion.number()) {
      return Verdict.drop("epoch " + batch.epochNumber() + " is outside the sequencing window at L1 block " + inclusion.number());
    }
    long epoch = safe.l1Origin().number();
    if (batch.epochNumber() < epoch) return Verdict.drop("epoch " + batch.epochNumber() + " is before the safe head's " + epoch);
    if (batch.epochNumber() > epoch + 1) return Verdict.drop("epoch " + batch.epochNumber() + " skips past " + (epoch + 1));
    if (batch.epochNumber() > inclusion.number()) return Verdict.drop("epoch " + batch.epochNumber() + " is after its inclusion block");
    L1BlockRef origin = l1ByNumber.apply(batch.epochNumber());
    if (origin == null || !origin.hash().equals(batch.epochHash())) return Verdict.drop("epoch hash " + batch.epochHash() + " is not canonical");
    if (batch.timestamp() < origin.time()) return Verdict.drop("timestamp is before its L1 origin's");
    if (rollup.forks().isActivationBlock(OpFork.JOVIAN, batch.timestamp(), rollup.blockTime()) && !batch.transactions().isEmpty()) {
      return Verdict.drop("the Jovian activation block must not carry user transactions");
    }
    long maxDrift = rollup.forks().isActive(OpFork.FJORD, batch.timestamp()) ? RollupConfig.FJORD_MAX_SEQUENCER_DRIFT : rollup.maxSequencerDrift();
    if (batch.timestamp() > origin.time() + maxDrift) {
      if (!batch.transactions().isEmpty()) return Verdict.drop("past the sequencer drift with transactions");
      L1BlockRef nextOrigin = batch.epochNumber() + 1 <= inclusion.number() ? l1ByNumber.apply(batch.epochNumber() + 1) : null;
      if (nextOrigin != null && batch.timestamp() >= nextOrigin.time()) return Verdict.drop("past the sequencer drift although the next origin was available");
    }
    boolean isthmus = rollup.forks().isActive(OpFork.ISTHMUS, batch.timestamp());
    for (Bytes tx : batch.transactions()) {
      if (tx.isEmpty()) return Verdict.drop("empty transaction");
      int type = tx.get(0) & 0xff;
      if (type == 0x7e) return Verdict.drop("deposit transaction in a batch");
      if (type == 0x04 && !isthmus) return Verdict.drop("set-code transaction before Isthmus");
    }
    return Verdict.ACCEPT;
  }

  /**
   * The checks on a span batch as a whole, before its blocks are streamed as singular batches. A
   * span may start at or before the safe head (its first blocks are then skipped) if it lines up
   * with the safe chain's block times and parent.
   *
   * @param l2ByNumber safe L2 blocks by number, for a span that overlaps them
   */
  public Verdict checkSpanPrefix(SpanBatch span, L2BlockRef safe, L1BlockRef inclusion, LongFunction<L1BlockRef> l1ByNumber,
      LongFunction<L2BlockRef> l2ByNumber) {
    long epoch = safe.l1Origin().number();
    long start = span.startEpoch();
    L1BlockRef batchOrigin = l1ByNumber.apply(start == epoch + 1 ? epoch + 1 : epoch);
    if (batchOrigin == null) return Verdict.undecided("its first L1 origin " + start + " is not read yet");
    if (!rollup.forks().isActive(OpFork.DELTA, batchOrigin.time())) return Verdict.drop("span batch with an L1 origin before Delta");
    long next = safe.time() + rollup.blockTime();
    if (span.timestamp() > next) return Verdict.drop("span starts at " + span.timestamp() + ", after the next block's " + next);
    if (span.lastTimestamp() < next) return Verdict.PAST;
    L2BlockRef parent = safe;
    if (span.timestamp() < next) {
      if (span.timestamp() > safe.time()) return Verdict.drop("span timestamp " + span.timestamp() + " is not on the block time grid");
      if ((safe.time() - span.timestamp()) % rollup.blockTime() != 0) return Verdict.drop("span does not overlap the safe chain block for block");
      long parentNumber = safe.number() - (safe.time() - span.timestamp()) / rollup.blockTime() - 1;
      parent = parentNumber < 0 ? null : l2ByNumber.apply(parentNumber);
      if (parent == null) return Verdict.undecided("L2 block " + parentNumber + " is not available");
    }
    if (!span.parentMatches(parent.hash())) return Verdict.drop("parent check does not match L2 block " + parent);
    if (start + rollup.seqWindowSize() < inclusion.number()) {
      return Verdict.drop("start epoch " + start + " is outside the sequencing window at L1 block " + inclusion.number());
    }
    if (start > parent.l1Origin().number() + 1) return Verdict.drop("start epoch " + start + " skips past " + (parent.l1Origin().number() + 1));
    L1BlockRef end = l1ByNumber.apply(span.endEpoch());
    if (end == null) return Verdict.undecided("its last L1 origin " + span.endEpoch() + " is not read yet");
    if (!span.originMatches(end.hash())) return Verdict.drop("L1 origin check does not match L1 block " + end);
    if (start < parent.l1Origin().number()) return Verdict.drop("start epoch " + start + " is before its parent's " + parent.l1Origin().number());
    return Verdict.ACCEPT;
  }
}
