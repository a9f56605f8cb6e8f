package dev.opal.bench;

import dev.opal.trie.InMemoryNodeStore;
import dev.opal.trie.SecureTrie;
import dev.opal.types.Hash;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Merkle Patricia trie throughput: building a trie of {@code size} random 32-byte keys and computing
 * its root; and updating 10,000 keys of such a trie and recomputing the root.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
// A fixed, pre-touched heap, as in StateCommitBench: otherwise the VM's first touches of fresh memory
// land in whichever iteration grows the heap.
@Fork(value = 1, jvmArgs = {"-Xms6g", "-Xmx6g", "-XX:+AlwaysPreTouch", "-XX:+UseTransparentHugePages"})
public class TrieBench {
  @Param({"1000000"})
  int size;

  byte[][] keys;
  byte[] value;
  SecureTrie built;

  @Setup(Level.Trial)
  public void setup() {
    Random r = new Random(1);
    keys = new byte[size][];
    for (int i = 0; i < size; i++) {
      keys[i] = new byte[32];
      r.nextBytes(keys[i]);
    }
    value = new byte[32];
    r.nextBytes(value);
  }

  @Setup(Level.Iteration)
  public void buildForUpdates() {
    built = new SecureTrie(new InMemoryNodeStore());
    for (byte[] k : keys) built.put(k, value);
    built.rootHash();
  }

  @Benchmark
  public Hash insertAllAndRoot() {
    SecureTrie t = new SecureTrie(new InMemoryNodeStore());
    for (byte[] k : keys) t.put(k, value);
    return t.rootHash();
  }

  @Benchmark
  public Hash update10kAndRoot() {
    byte[] v = value.clone();
    v[0]++;
    for (int i = 0; i < 10_000; i++) built.put(keys[i * (size / 10_000)], v);
    return built.rootHash();
  }
}
