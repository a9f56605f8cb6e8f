package dev.opal.node.engine;

import dev.opal.node.eth.L2BlockRef;
import dev.opal.rpc.engine.ExecutionPayload;
import dev.opal.types.Bytes;
import dev.opal.types.Hash;
import java.util.Comparator;
import java.util.HashSet;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Unsafe blocks received from outside the node (op-node's PayloadsQueue, fed by P2P gossip or
 * {@code admin_postUnsafePayload}): ordered by block number, one entry per hash, and bounded by an
 * estimate of their memory (1,000 bytes per payload plus each transaction's length and 24). When
 * over the cap the lowest-numbered payload goes first, as in op-node.
 */
final class UnsafePayloadQueue {
  /** op-node's maxUnsafePayloadsMemory. */
  static final long DEFAULT_MAX_BYTES = 500L * 1024 * 1024;

  /** A payload and the beacon root that newPayload needs with it. */
  record Entry(ExecutionPayload payload, Hash parentBeaconBlockRoot) {}

  private final long maxBytes;
  private final PriorityQueue<Entry> byNumber = new PriorityQueue<>(Comparator.comparingLong(e -> e.payload().blockNumber()));
  private final Set<Hash> hashes = new HashSet<>();
  private long bytes;

  UnsafePayloadQueue(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  static long memorySize(ExecutionPayload p) {
    long size = 1_000;
    for (Bytes tx : p.transactions()) size += tx.size() + 24;
    return size;
  }

  /** Adds a payload; false when it is already queued or alone exceeds the cap. */
  synchronized boolean push(Entry e) {
    long size = memorySize(e.payload());
    if (size > maxBytes || !hashes.add(e.payload().blockHash())) return false;
    byNumber.add(e);
    bytes += size;
    while (bytes > maxBytes) pop();
    return true;
  }

  synchronized Entry peek() {
    return byNumber.peek();
  }

  synchronized Entry pop() {
    Entry e = byNumber.poll();
    if (e != null) {
      hashes.remove(e.payload().blockHash());
      bytes -= memorySize(e.payload());
    }
    return e;
  }

  /**
   * Drops what can never apply (op-node DropInapplicableUnsafePayloads): blocks at or below the
   * safe or unsafe head, and a next block whose parent is not the unsafe head.
   */
  synchronized void dropInapplicable(L2BlockRef unsafe, L2BlockRef safe) {
    for (Entry e; (e = byNumber.peek()) != null; ) {
      ExecutionPayload p = e.payload();
      boolean stale = p.blockHash().equals(unsafe.hash()) || p.blockNumber() <= safe.number() || p.blockNumber() <= unsafe.number()
          || p.blockNumber() == unsafe.number() + 1 && !p.parentHash().equals(unsafe.hash());
      if (!stale) return;
      pop();
    }
  }

  synchronized int size() {
    return byNumber.size();
  }

  synchronized long bytes() {
    return bytes;
  }
}
