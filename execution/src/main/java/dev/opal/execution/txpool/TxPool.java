package dev.opal.execution.txpool;

import dev.opal.tx.SignedTransaction;
import dev.opal.types.Address;
import dev.opal.types.Hash;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

/**
 * Pending user transactions, per sender in nonce order. The builder asks for the executable ones
 * (a gap-free nonce run from each sender's state nonce), best priority fee first; included or stale
 * transactions are dropped when the head moves. Deposits never enter the pool. As in geth's legacy
 * pool, a transaction replaces the one with the same sender and nonce only if it raises both fee
 * caps by {@value #PRICE_BUMP_PERCENT}%, and a full pool makes room for a better-paying transaction
 * by evicting the cheapest last-in-line transaction of some sender (never one a later nonce needs).
 */
public final class TxPool {
  /** A pooled transaction with its recovered sender. */
  public record Pooled(SignedTransaction tx, Address sender, Hash hash) {}

  /** What became of an offered transaction. */
  public enum Admission {
    ADDED, REPLACED, EVICTED_OTHER,
    /** Same sender and nonce as a pooled transaction, without the required fee bump. */
    UNDERPRICED_REPLACEMENT,
    /** Full, and the transaction pays no more than the cheapest evictable one. */
    FULL;

    public boolean accepted() {
      return this == ADDED || this == REPLACED || this == EVICTED_OTHER;
    }
  }

  /** geth's default {@code --txpool.pricebump}. */
  static final int PRICE_BUMP_PERCENT = 10;

  private final Map<Address, TreeMap<Long, Pooled>> bySender = new HashMap<>();
  private final Map<Hash, Pooled> byHash = new HashMap<>();
  private final int capacity;

  public TxPool(int capacity) {
    this.capacity = capacity;
  }

  /** Offers a transaction to the pool. */
  public synchronized Admission add(SignedTransaction tx, Address sender) {
    Pooled p = new Pooled(tx, sender, tx.hash());
    TreeMap<Long, Pooled> own = bySender.get(sender);
    Pooled existing = own == null ? null : own.get(tx.nonce());
    if (existing != null) {
      if (!bumps(tx, existing.tx())) return Admission.UNDERPRICED_REPLACEMENT;
      own.put(tx.nonce(), p);
      byHash.remove(existing.hash());
      byHash.put(p.hash(), p);
      return Admission.REPLACED;
    }
    Admission result = Admission.ADDED;
    if (byHash.size() >= capacity) {
      Pooled victim = cheapestTail(sender);
      if (victim == null || tip(victim).compareTo(tip(p)) >= 0) return Admission.FULL;
      remove(victim.hash());
      result = Admission.EVICTED_OTHER;
    }
    bySender.computeIfAbsent(sender, s -> new TreeMap<>(Long::compareUnsigned)).put(tx.nonce(), p);
    byHash.put(p.hash(), p);
    return result;
  }

  /** Both the fee cap and the priority-fee cap rise by at least the price bump. */
  private static boolean bumps(SignedTransaction next, SignedTransaction old) {
    return raisedEnough(next.maxFeePerGas().toBigInteger(), old.maxFeePerGas().toBigInteger())
        && raisedEnough(next.maxPriorityFeePerGas().toBigInteger(), old.maxPriorityFeePerGas().toBigInteger());
  }

  private static boolean raisedEnough(BigInteger next, BigInteger old) {
    return next.multiply(BigInteger.valueOf(100)).compareTo(old.multiply(BigInteger.valueOf(100 + PRICE_BUMP_PERCENT))) >= 0;
  }

  /** The lowest-paying highest-nonce transaction of another sender: evicting it leaves no nonce gap. */
  private Pooled cheapestTail(Address except) {
    Pooled cheapest = null;
    for (Map.Entry<Address, TreeMap<Long, Pooled>> e : bySender.entrySet()) {
      if (e.getKey().equals(except)) continue;
      Pooled tail = e.getValue().lastEntry().getValue();
      if (cheapest == null || tip(tail).compareTo(tip(cheapest)) < 0) cheapest = tail;
    }
    return cheapest;
  }

  /** The priority fee a transaction offers (its tip cap), for eviction. */
  private static BigInteger tip(Pooled p) {
    return p.tx().maxPriorityFeePerGas().toBigInteger();
  }

  public synchronized Pooled get(Hash hash) {
    return byHash.get(hash);
  }

  public synchronized int size() {
    return byHash.size();
  }

  /** The executable transactions, senders interleaved by best priority fee at {@code baseFee}. */
  public synchronized List<Pooled> executable(ToLongFunction<Address> stateNonce, BigInteger baseFee) {
    List<List<Pooled>> runs = new ArrayList<>();
    for (Map.Entry<Address, TreeMap<Long, Pooled>> e : bySender.entrySet()) {
      long next = stateNonce.applyAsLong(e.getKey());
      List<Pooled> run = new ArrayList<>();
      for (Pooled p : e.getValue().tailMap(next, true).values()) {
        if (p.tx().nonce() != next) break;
        run.add(p);
        next++;
      }
      if (!run.isEmpty()) runs.add(run);
    }
    // merge by the tip of each sender's next transaction, which keeps every sender's nonce order
    record Cursor(List<Pooled> run, int index, BigInteger tip) {}
    java.util.PriorityQueue<Cursor> heads = new java.util.PriorityQueue<>(Comparator.comparing(Cursor::tip).reversed());
    for (List<Pooled> run : runs) heads.add(new Cursor(run, 0, tip(run.get(0), baseFee)));
    List<Pooled> out = new ArrayList<>();
    while (!heads.isEmpty()) {
      Cursor c = heads.poll();
      out.add(c.run().get(c.index()));
      int next = c.index() + 1;
      if (next < c.run().size()) heads.add(new Cursor(c.run(), next, tip(c.run().get(next), baseFee)));
    }
    return out;
  }

  private static BigInteger tip(Pooled p, BigInteger baseFee) {
    return p.tx().effectiveGasPrice(baseFee).subtract(baseFee);
  }

  /** Drops transactions whose nonce is below their sender's state nonce (included or replaced on chain). */
  public synchronized void prune(ToLongFunction<Address> stateNonce) {
    var it = bySender.entrySet().iterator();
    while (it.hasNext()) {
      var e = it.next();
      long nonce = stateNonce.applyAsLong(e.getKey());
      var stale = e.getValue().headMap(nonce, false);
      for (Pooled p : stale.values()) byHash.remove(p.hash());
      stale.clear();
      if (e.getValue().isEmpty()) it.remove();
    }
  }

  public synchronized void remove(Hash hash) {
    Pooled p = byHash.remove(hash);
    if (p == null) return;
    TreeMap<Long, Pooled> m = bySender.get(p.sender());
    m.remove(p.tx().nonce());
    if (m.isEmpty()) bySender.remove(p.sender());
  }
}
