package dev.opal.bench;

import dev.opal.crypto.Keccak;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Keccak-256 throughput at the sizes the node hashes most: 32-byte keys, 64-byte pairs, trie nodes. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class KeccakBench {
  @Param({"32", "64", "532"})
  int size;

  byte[] input;

  @Setup
  public void setup() {
    input = new byte[size];
    new Random(1).nextBytes(input);
  }

  @Benchmark
  public byte[] keccak256() {
    return Keccak.hash(input);
  }
}
