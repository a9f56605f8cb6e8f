package dev.opal.bench;

import dev.opal.block.Block;
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

/** Strict RLP decoding (and re-encoding) of a whole block of signed EIP-1559 transactions. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class BlockRlpBench {
  @Param({"200"})
  int transactions;

  byte[] encoded;
  Block block;

  @Setup
  public void setup() {
    block = SampleBlocks.block(transactions);
    encoded = block.encode();
  }

  @Benchmark
  public Block decodeBlock() {
    return Block.decode(encoded);
  }

  @Benchmark
  public byte[] encodeBlock() {
    return block.encode();
  }
}
