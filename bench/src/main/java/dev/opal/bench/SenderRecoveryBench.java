package dev.opal.bench;

import dev.opal.crypto.Secp256k1;
import dev.opal.tx.DynamicFeeTransaction;
import dev.opal.types.Address;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Sender recovery of signed transactions (signing hash + ECDSA public-key recovery + keccak), with
 * the native libsecp256k1 backend when it loads; {@code backend} is printed at setup.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class SenderRecoveryBench {
  List<DynamicFeeTransaction> txs;
  int next;

  @Setup
  public void setup() {
    txs = SampleBlocks.signedTransactions(256, 11);
    System.out.println("secp256k1 backend: " + Secp256k1.backend());
  }

  @Benchmark
  public Address recoverSender() {
    DynamicFeeTransaction tx = txs.get(next++ & 255);
    return tx.recoverSender();
  }
}
