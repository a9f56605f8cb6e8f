package dev.opal.config;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * When each fork activates, by block timestamp: the one place that answers "which rules apply at
 * time T". An OP chain is scheduled by its OP upgrades (Bedrock from genesis; Regolith … Jovian at
 * their {@code *_time}), and its Ethereum fork follows from the OP upgrade (Canyon brings Shanghai,
 * Ecotone Cancun, Isthmus Prague). A plain Ethereum chain (the embedded L1) is scheduled by its
 * Ethereum forks, with everything up to Paris active from genesis. A fork without a time never
 * activates; a fork is active at T iff its time is set and T ≥ time.
 */
public final class ForkSchedule {
  private final Map<OpFork, Long> opTimes; // null for a plain Ethereum chain
  private final Map<EthereumFork, Long> ethTimes;

  private ForkSchedule(Map<OpFork, Long> opTimes, Map<EthereumFork, Long> ethTimes) {
    this.opTimes = opTimes;
    this.ethTimes = ethTimes;
  }

  /** An OP chain; {@code times} holds the upgrades from Regolith on (Bedrock is implied at genesis). */
  public static ForkSchedule optimism(Map<OpFork, Long> times) {
    EnumMap<OpFork, Long> op = new EnumMap<>(OpFork.class);
    op.putAll(times);
    op.put(OpFork.BEDROCK, 0L);
    requireOrdered(op, OpFork.values(), "OP upgrade");
    EnumMap<EthereumFork, Long> eth = new EnumMap<>(EthereumFork.class);
    for (OpFork f : OpFork.values()) {
      Long t = op.get(f);
      if (t == null) continue;
      for (EthereumFork e : EthereumFork.values()) {
        if (!f.ethereumFork().isAtLeast(e)) continue;
        eth.merge(e, t, Math::min);
      }
    }
    return new ForkSchedule(Collections.unmodifiableMap(op), Collections.unmodifiableMap(eth));
  }

  /** A plain Ethereum chain; forks up to Paris are active from genesis, later ones at the given times. */
  public static ForkSchedule ethereum(Map<EthereumFork, Long> times) {
    EnumMap<EthereumFork, Long> eth = new EnumMap<>(EthereumFork.class);
    for (EthereumFork f : EthereumFork.values()) if (!f.isAtLeast(EthereumFork.SHANGHAI)) eth.put(f, 0L);
    eth.putAll(times);
    requireOrdered(eth, EthereumFork.values(), "Ethereum fork");
    return new ForkSchedule(null, Collections.unmodifiableMap(eth));
  }

  /** Every fork active from genesis: OP up to {@code latest}. */
  public static ForkSchedule allFromGenesis(OpFork latest) {
    EnumMap<OpFork, Long> times = new EnumMap<>(OpFork.class);
    for (OpFork f : OpFork.values()) if (latest.isAtLeast(f)) times.put(f, 0L);
    return optimism(times);
  }

  public boolean isOptimism() {
    return opTimes != null;
  }

  public boolean isActive(OpFork fork, long timestamp) {
    Long t = opTimes == null ? null : opTimes.get(fork);
    return t != null && Long.compareUnsigned(timestamp, t) >= 0;
  }

  public boolean isActive(EthereumFork fork, long timestamp) {
    Long t = ethTimes.get(fork);
    return t != null && Long.compareUnsigned(timestamp, t) >= 0;
  }

  /** The activation time of an OP upgrade, or null if it is not scheduled. */
  public Long activationTime(OpFork fork) {
    return opTimes == null ? null : opTimes.get(fork);
  }

  public Long activationTime(EthereumFork fork) {
    return ethTimes.get(fork);
  }

  /** The latest OP upgrade active at {@code timestamp}; null on a plain Ethereum chain. */
  public OpFork opForkAt(long timestamp) {
    if (opTimes == null) return null;
    OpFork active = OpFork.BEDROCK;
    for (OpFork f : OpFork.values()) if (isActive(f, timestamp)) active = f;
    return active;
  }

  public EthereumFork ethereumForkAt(long timestamp) {
    EthereumFork active = EthereumFork.FRONTIER;
    for (EthereumFork f : EthereumFork.values()) if (isActive(f, timestamp)) active = f;
    return active;
  }

  public Rules rulesAt(long timestamp) {
    return new Rules(ethereumForkAt(timestamp), opForkAt(timestamp));
  }

  /**
   * True for the first block of {@code fork}: active at {@code timestamp} but not at the previous
   * block's time (op-node's {@code IsXActivationBlock}). Upgrade transactions go into this block.
   */
  public boolean isActivationBlock(OpFork fork, long timestamp, long blockTime) {
    return isActive(fork, timestamp) && Long.compareUnsigned(timestamp, blockTime) >= 0 && !isActive(fork, timestamp - blockTime);
  }

  /** Later forks may not activate before earlier ones, nor be scheduled when an earlier one is not. */
  private static <F extends Enum<F>> void requireOrdered(Map<F, Long> times, F[] order, String kind) {
    F previous = null;
    for (F f : order) {
      Long t = times.get(f);
      if (previous != null && t != null) {
        Long before = times.get(previous);
        if (before == null) throw new ConfigException(kind + " " + f + " is scheduled but the earlier " + previous + " is not");
        if (Long.compareUnsigned(t, before) < 0) {
          throw new ConfigException(kind + " " + f + " at " + t + " activates before " + previous + " at " + before);
        }
      }
      previous = f;
    }
  }

  @Override
  public String toString() {
    return opTimes != null ? "ForkSchedule" + opTimes : "ForkSchedule" + ethTimes;
  }
}
