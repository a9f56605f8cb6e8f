package dev.opal.trie;

import dev.opal.types.Hash;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A node store in memory: for tests, proofs and ephemeral chains.
 *
 * <p>An ephemeral chain keeps every node it ever wrote, millions of them, for as long as it runs.
 * Held as objects they would be copied by each young collection that finds them, pauses of 100 ms
 * and more every few dozen blocks. So the encodings are appended to large byte arrays (slabs) and
 * found through an open-addressing index of primitive longs: the collector sees a few big arrays
 * that hold no references and never move. Records are {@code hash ‖ length ‖ encoding}; keys are
 * keccak hashes, so their first eight bytes are already uniformly spread and serve as the probe
 * key. Content addressing makes a second write of a hash a no-op.
 *
 * <p>Such a store grows by about a megabyte per busy block, into memory the process never touched,
 * and first touches are slow (on the 2-core VMs this project runs on, 2 to 4 ms per megabyte). So
 * the index is split into segments that each double on their own, rather than one table that
 * doubles in one go (a pause of seconds once it is hundreds of megabytes), and a big store's next
 * slab is allocated ahead of need on a background thread, not in the middle of a block's commit.
 */
public final class InMemoryNodeStore extends CachingNodeStore {
  private static final VarHandle BE_LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle BE_INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
  private static final int MAX_SLAB = 1 << 24;
  private static final int HEADER = 32 + 4;
  private static final int NODES_PER_SEGMENT = 1 << 12;
  private static final int MAX_SEGMENTS = 1 << 8;
  private static final Executor SLAB_MAKER = Executors.newSingleThreadExecutor(
      r -> Thread.ofPlatform().daemon().name("opal-node-slabs").unstarted(r));

  /** The size an ephemeral chain's store starts at. */
  public static final int CHAIN_NODES = 1_000_000;

  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private byte[][] slabs = new byte[1][];
  private int slabCount = 1;
  private int slabPos;
  private CompletableFuture<byte[]> nextSlab; // a full-size slab being prepared, or null
  /**
   * Index segments, chosen by the hash's top bits. Two longs per slot, side by side so that a probe
   * touches one cache line: the hash's first eight bytes, then 0 for an empty slot or else
   * {@code slab << 32 | offset + 1} of the record.
   */
  private final long[][] segments;
  private final int[] segmentSizes;
  private final int segmentShift;
  private int size;

  /** A store for a few tries (tests, proofs, one-off state). */
  public InMemoryNodeStore() {
    this(16);
  }

  /** A store sized for {@code expectedNodes} from the start. */
  public InMemoryNodeStore(int expectedNodes) {
    int count = Math.min(MAX_SEGMENTS, Integer.highestOneBit(Math.max(1, expectedNodes / NODES_PER_SEGMENT)));
    segments = new long[count][];
    segmentSizes = new int[count];
    segmentShift = 64 - Integer.numberOfTrailingZeros(count);
    int perSegment = Math.max(16, expectedNodes / count);
    for (int s = 0; s < count; s++) segments[s] = new long[2 * Integer.highestOneBit(perSegment * 2 - 1) * 2];
    slabs[0] = new byte[(int) Math.min(MAX_SLAB, Math.max(4096L, expectedNodes * 128L))];
  }

  @Override
  public byte[] get(Hash hash) {
    byte[] h = hash.toArrayUnsafe();
    long prefix = (long) BE_LONG.get(h, 0);
    lock.readLock().lock();
    try {
      long loc = locate(segments[segment(prefix)], h, prefix);
      if (loc == 0) return null;
      byte[] slab = slabs[(int) (loc >>> 32)];
      int offset = (int) loc - 1;
      int length = (int) BE_INT.get(slab, offset + 32);
      return Arrays.copyOfRange(slab, offset + HEADER, offset + HEADER + length);
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public void put(Hash hash, byte[] encoded) {
    lock.writeLock().lock();
    try {
      putLocked(hash, encoded);
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public void putAll(List<Hash> hashes, List<byte[]> encodings) {
    lock.writeLock().lock();
    try {
      for (int i = 0; i < hashes.size(); i++) putLocked(hashes.get(i), encodings.get(i));
    } finally {
      lock.writeLock().unlock();
    }
  }

  private void putLocked(Hash hash, byte[] encoded) {
    byte[] h = hash.toArrayUnsafe();
    long prefix = (long) BE_LONG.get(h, 0);
    int s = segment(prefix);
    if (locate(segments[s], h, prefix) != 0) return;
    if ((segmentSizes[s] + 1) * 4L > segments[s].length) segments[s] = grown(segments[s]);
    insert(segments[s], prefix, append(h, encoded));
    segmentSizes[s]++;
    size++;
  }

  public int size() {
    lock.readLock().lock();
    try {
      return size;
    } finally {
      lock.readLock().unlock();
    }
  }

  private int segment(long prefix) {
    return segmentShift == 64 ? 0 : (int) (prefix >>> segmentShift);
  }

  /** The record's location, or 0. Linear probing; a full-hash compare settles equal prefixes. */
  private long locate(long[] slots, byte[] h, long prefix) {
    int mask = slots.length / 2 - 1;
    for (int i = (int) prefix & mask; ; i = (i + 1) & mask) {
      long loc = slots[2 * i + 1];
      if (loc == 0) return 0;
      if (slots[2 * i] == prefix) {
        int offset = (int) loc - 1;
        if (Arrays.equals(slabs[(int) (loc >>> 32)], offset, offset + 32, h, 0, 32)) return loc;
      }
    }
  }

  private static void insert(long[] slots, long prefix, long loc) {
    int mask = slots.length / 2 - 1;
    int i = (int) prefix & mask;
    while (slots[2 * i + 1] != 0) i = (i + 1) & mask;
    slots[2 * i] = prefix;
    slots[2 * i + 1] = loc;
  }

  private static long[] grown(long[] old) {
    long[] slots = new long[old.length * 2];
    for (int i = 0; i < old.length; i += 2) if (old[i + 1] != 0) insert(slots, old[i], old[i + 1]);
    return slots;
  }

  /** Copies the record into the current slab, opening a new one (twice as big, up to 16 MiB) when it does not fit. */
  private long append(byte[] h, byte[] encoded) {
    int recordLength = HEADER + encoded.length;
    byte[] slab = slabs[slabCount - 1];
    if (slab.length - slabPos < recordLength) {
      slab = newSlab(Math.max(recordLength, Math.min(MAX_SLAB, slab.length * 2)));
      if (slabCount == slabs.length) slabs = Arrays.copyOf(slabs, slabCount * 2);
      slabs[slabCount++] = slab;
      slabPos = 0;
    }
    int offset = slabPos;
    System.arraycopy(h, 0, slab, offset, 32);
    BE_INT.set(slab, offset + 32, encoded.length);
    System.arraycopy(encoded, 0, slab, offset + HEADER, encoded.length);
    slabPos += recordLength;
    return ((long) (slabCount - 1) << 32) | (offset + 1);
  }

  /** A slab of {@code length} bytes; once slabs are full-size, the one after it starts being made in the background. */
  private byte[] newSlab(int length) {
    byte[] slab = null;
    if (nextSlab != null) {
      byte[] prepared = nextSlab.join();
      nextSlab = null;
      if (prepared.length >= length) slab = prepared;
    }
    if (slab == null) slab = new byte[length];
    if (length == MAX_SLAB) nextSlab = CompletableFuture.supplyAsync(() -> new byte[MAX_SLAB], SLAB_MAKER);
    return slab;
  }
}
