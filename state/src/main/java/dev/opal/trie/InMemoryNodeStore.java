package dev.opal.trie;

import dev.opal.types.Hash;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
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
 */
public final class InMemoryNodeStore extends CachingNodeStore {
  private static final VarHandle BE_LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle BE_INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
  private static final int MAX_SLAB = 1 << 24;
  private static final int HEADER = 32 + 4;

  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private byte[][] slabs = new byte[1][];
  private int slabCount = 1;
  private int slabPos;
  /**
   * Two longs per slot, side by side so that a probe touches one cache line: the hash's first eight
   * bytes, then 0 for an empty slot or else {@code slab << 32 | offset + 1} of the record.
   */
  private long[] slots;
  private int size;

  /** A store for a few tries (tests, proofs, one-off state). */
  public InMemoryNodeStore() {
    this(16);
  }

  /** A store sized for {@code expectedNodes} from the start: an ephemeral chain passes {@link #CAPACITY}. */
  public InMemoryNodeStore(int expectedNodes) {
    super(expectedNodes);
    slots = new long[2 * Integer.highestOneBit(Math.max(16, expectedNodes) * 2 - 1) * 2];
    slabs[0] = new byte[(int) Math.min(MAX_SLAB, Math.max(4096L, expectedNodes * 128L))];
  }

  @Override
  public byte[] get(Hash hash) {
    byte[] h = hash.toArrayUnsafe();
    long prefix = (long) BE_LONG.get(h, 0);
    lock.readLock().lock();
    try {
      long loc = locate(h, prefix);
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
    byte[] h = hash.toArrayUnsafe();
    long prefix = (long) BE_LONG.get(h, 0);
    lock.writeLock().lock();
    try {
      if (locate(h, prefix) != 0) return;
      if ((size + 1) * 4L > slots.length) grow();
      insert(prefix, append(h, encoded));
      size++;
    } finally {
      lock.writeLock().unlock();
    }
  }

  public int size() {
    lock.readLock().lock();
    try {
      return size;
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The record's location, or 0. Linear probing; a full-hash compare settles equal prefixes. */
  private long locate(byte[] h, long prefix) {
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

  private void insert(long prefix, long loc) {
    int mask = slots.length / 2 - 1;
    int i = (int) prefix & mask;
    while (slots[2 * i + 1] != 0) i = (i + 1) & mask;
    slots[2 * i] = prefix;
    slots[2 * i + 1] = loc;
  }

  private void grow() {
    long[] old = slots;
    slots = new long[old.length * 2];
    for (int i = 0; i < old.length; i += 2) if (old[i + 1] != 0) insert(old[i], old[i + 1]);
  }

  /** Copies the record into the current slab, opening a new one (twice as big, up to 16 MiB) when it does not fit. */
  private long append(byte[] h, byte[] encoded) {
    int recordLength = HEADER + encoded.length;
    byte[] slab = slabs[slabCount - 1];
    if (slab.length - slabPos < recordLength) {
      slab = new byte[Math.max(recordLength, Math.min(MAX_SLAB, slab.length * 2))];
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
}
