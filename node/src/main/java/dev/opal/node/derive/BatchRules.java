package dev.opal.node.derive;

import dev.opal.config.OpFork;
import dev.opal.config.RollupConfig;
import dev.opal.node.derive.batch.SingularBatch;
import dev.opal.node.eth.L1BlockRef;
import dev.opal.node.eth.L2BlockRef;
import dev.opal.types.Bytes;
import java.util.function.LongFunction;

/**
 * Whether a singular batch makes the next safe block, by the rules of OP specs
 * protocol/derivation.md "Batch Queue" as Holocene changes them (holocene/derivation.md "Batch
 * Stage"): a batch for an earlier block is PAST and skipped, a batch that breaks a rule is DROPPED
 * (and, under Holocene, the rest of its channel with it).
 */
public final class BatchRules {
  public enum Validity { ACCEPT, PAST, DROP }

  /** The verdict and, for a drop, why. */
  public record Verdict(Validity validity, String reason) {
    static final Verdict ACCEPT = new Verdict(Validity.ACCEPT, null);
    static final Verdict PAST = new Verdict(Validity.PAST, null);

    static Verdict drop(String reason) {
      return new Verdict(Validity.DROP, reason);
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
    if (batch.timestamp() > next) return Verdict.drop("timestamp " + batch.timestamp() + " is after the next block's " + next);
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
}
