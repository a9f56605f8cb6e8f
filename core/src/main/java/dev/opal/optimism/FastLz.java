package dev.opal.optimism;

/**
 * The length of the FastLZ (level 1) compression of some bytes, as the Fjord L1 cost function
 * measures a transaction (specs/protocol/fjord/exec-engine.md, "FastLZ Compression"). Only the
 * length is needed, so no output is produced. The arithmetic mirrors the 32-bit unsigned
 * arithmetic of the reference (Solady's flzCompress) exactly: the result is consensus-critical.
 */
public final class FastLz {
  private static final int HASH_BITS = 13;
  private static final int MAX_DISTANCE = 0x1fff;

  private FastLz() {}

  /**
   * The reference starts every compression with a zeroed 8,192-entry hash table. Zeroing 32 KiB for
   * a transaction of a hundred bytes cost more than the compression itself, so each thread keeps
   * one table whose entries count as zero unless stamped with the current call's generation.
   */
  private static final class Table {
    final int[] position = new int[1 << HASH_BITS];
    final int[] stamp = new int[1 << HASH_BITS];
    int generation;

    void startCall() {
      if (++generation == 0) { // wrapped: old stamps could look current
        java.util.Arrays.fill(stamp, 0);
        generation = 1;
      }
    }

    int get(int h) {
      return stamp[h] == generation ? position[h] : 0;
    }

    void set(int h, int ip) {
      position[h] = ip;
      stamp[h] = generation;
    }
  }

  private static final ThreadLocal<Table> TABLES = ThreadLocal.withInitial(Table::new);

  public static long compressedLength(byte[] in) {
    Table table = TABLES.get();
    table.startCall();
    long n = 0;
    int anchor = 0;
    int limit = in.length < 13 ? 0 : in.length - 13;
    int ip = 2;
    while (ip < limit) {
      int ref;
      // Scan forward for a 3-byte sequence seen recently, recording each position's hash.
      while (true) {
        int seq = u24(in, ip);
        int h = hash(seq);
        ref = table.get(h);
        table.set(h, ip);
        int distance = ip - ref;
        if (ip >= limit) break;
        ip++;
        if (distance <= MAX_DISTANCE && seq == u24(in, ref)) break;
      }
      if (ip >= limit) break;
      ip--;
      if (ip > anchor) n += literalsCost(ip - anchor);
      int len = matchLength(in, ref + 3, ip + 3, limit + 9);
      n += matchCost(len);
      ip += len;
      table.set(hash(u24(in, ip)), ip);
      ip++;
      table.set(hash(u24(in, ip)), ip);
      ip++;
      anchor = ip;
    }
    return n + literalsCost(in.length - anchor);
  }

  private static int u24(byte[] b, int i) {
    return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8 | (b[i + 2] & 0xFF) << 16;
  }

  /** Fibonacci hashing of a 24-bit sequence into 13 bits, in 32-bit wrapping arithmetic. */
  private static int hash(int v) {
    return ((0x9E3779B1 * v) >>> 19) & ((1 << HASH_BITS) - 1);
  }

  /**
   * Counts matching bytes from p and q up to q reaching {@code end}. As in the reference, the first
   * mismatching byte is counted too (the loop stops after incrementing past it).
   */
  private static int matchLength(byte[] in, int p, int q, int end) {
    int l = 0;
    int e = end - q;
    while (l < e) {
      if (in[p + l] != in[q + l]) e = 0;
      l++;
    }
    return l;
  }

  private static long literalsCost(int r) {
    long cost = 0x21L * (r / 0x20);
    int rest = r % 0x20;
    return rest != 0 ? cost + rest + 1 : cost;
  }

  private static long matchCost(int l) {
    l--;
    return 3L * (l / 262) + (l % 262 >= 6 ? 3 : 2);
  }
}
