package dev.opal.execution.txpool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opal.tx.DynamicFeeTransaction;
import dev.opal.types.Address;
import dev.opal.types.Bytes;
import dev.opal.types.UInt256;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Admission rules as geth's pool has them: a replacement (same sender and nonce) must raise both fee
 * caps by 10%; a full pool evicts the cheapest last-in-line transaction of another sender for a
 * better-paying one, and refuses otherwise; executable transactions stay in nonce order.
 */
class TxPoolTest {
  private static final Address ALICE = Address.fromHex("0x00000000000000000000000000000000000a11ce");
  private static final Address BOB = Address.fromHex("0x0000000000000000000000000000000000000b0b");
  private static final Address CAROL = Address.fromHex("0x00000000000000000000000000000000000ca201");

  /** Unsigned is enough: the pool trusts the sender it is given (the RPC layer recovered it). */
  private static DynamicFeeTransaction tx(long nonce, long tip, long feeCap) {
    return new DynamicFeeTransaction(BigInteger.ONE, nonce, UInt256.valueOf(tip), UInt256.valueOf(feeCap), 21_000, BOB, UInt256.ONE, Bytes.EMPTY,
        List.of(), 0, BigInteger.valueOf(nonce + 1), BigInteger.valueOf(tip * 1000 + feeCap));
  }

  @Test
  void replacementNeedsATenPercentBumpOfBothCaps() {
    TxPool pool = new TxPool(10);
    assertThat(pool.add(tx(0, 100, 1_000), ALICE)).isEqualTo(TxPool.Admission.ADDED);
    assertThat(pool.add(tx(0, 109, 1_100), ALICE)).as("tip +9%").isEqualTo(TxPool.Admission.UNDERPRICED_REPLACEMENT);
    assertThat(pool.add(tx(0, 110, 1_099), ALICE)).as("fee cap +9.9%").isEqualTo(TxPool.Admission.UNDERPRICED_REPLACEMENT);
    DynamicFeeTransaction bumped = tx(0, 110, 1_100);
    assertThat(pool.add(bumped, ALICE)).isEqualTo(TxPool.Admission.REPLACED);
    assertThat(pool.size()).isEqualTo(1);
    assertThat(pool.get(bumped.hash())).isNotNull();
  }

  @Test
  void aFullPoolEvictsTheCheapestTailForABetterTransaction() {
    TxPool pool = new TxPool(3);
    pool.add(tx(0, 50, 1_000), ALICE);
    pool.add(tx(1, 5, 1_000), ALICE); // Alice's tail, the cheapest
    pool.add(tx(0, 20, 1_000), BOB);
    assertThat(pool.add(tx(0, 5, 1_000), CAROL)).as("pays no more than the cheapest").isEqualTo(TxPool.Admission.FULL);
    DynamicFeeTransaction better = tx(0, 30, 1_000);
    assertThat(pool.add(better, CAROL)).isEqualTo(TxPool.Admission.EVICTED_OTHER);
    assertThat(pool.size()).isEqualTo(3);
    assertThat(pool.get(tx(1, 5, 1_000).hash())).as("evicted").isNull();
    assertThat(pool.get(tx(0, 50, 1_000).hash())).as("Alice's first transaction stays: no nonce gap").isNotNull();
    assertThat(pool.executable(a -> 0, BigInteger.ZERO)).extracting(TxPool.Pooled::sender).containsExactly(ALICE, CAROL, BOB);
  }

  @Test
  void executableRunsStopAtANonceGap() {
    TxPool pool = new TxPool(10);
    pool.add(tx(0, 1, 100), ALICE);
    pool.add(tx(2, 1_000, 10_000), ALICE);
    pool.add(tx(1, 1, 100), ALICE);
    pool.add(tx(5, 1_000, 10_000), BOB);
    assertThat(pool.executable(a -> a.equals(BOB) ? 4 : 0, BigInteger.ZERO)).extracting(p -> p.tx().nonce()).containsExactly(0L, 1L, 2L);
  }
}
