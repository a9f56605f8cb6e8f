package dev.opal.node.derive.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opal.rlp.Rlp;
import dev.opal.tx.DynamicFeeTransaction;
import dev.opal.tx.TransactionDecoder;
import dev.opal.types.Bytes;
import dev.opal.types.Hash;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The span batch format of OP specs protocol/delta/span-batches.md, field by field. */
class SpanBatchTest {
  private static final long GENESIS = 1_000;
  private static final long BLOCK_TIME = 2;

  /**
   * A span assembled by hand from the spec's layout: 3 blocks from L2 time 1300, the last with L1
   * origin 10, origin bits 0b101 (block 0 starts an epoch, block 2 moves to the next L1 block), one
   * EIP-1559 transaction in block 1.
   */
  @Test
  void decodesTheSpecLayout() {
    Bytes tx = TestTxs.dynamicFee(5, TestTxs.TO, Bytes.fromHex("0xabcd"));
    DynamicFeeTransaction t = (DynamicFeeTransaction) TransactionDecoder.decode(tx.toArray());
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes(new byte[] {(byte) 0xac, 0x02}); // rel_timestamp 300
    b.write(0x0a); // l1_origin_num 10
    b.writeBytes(filled(0x11)); // parent_check
    b.writeBytes(filled(0x22)); // l1_origin_check
    b.write(0x03); // block_count
    b.write(0b101); // origin_bits
    b.writeBytes(new byte[] {0, 1, 0}); // block_tx_counts
    b.write(0); // contract_creation_bits
    b.write(t.recoveryId()); // y_parity_bits
    b.writeBytes(word(t.r()));
    b.writeBytes(word(t.s()));
    b.writeBytes(TestTxs.TO.toArray()); // tx_tos
    b.write(0x02); // tx_datas: type ‖ rlp([value, max_priority_fee_per_gas, max_fee_per_gas, data, access_list])
    b.writeBytes(Rlp.list(Rlp.uint(3), Rlp.uint(2), Rlp.uint(1_000_000_000), Rlp.bytes(Bytes.fromHex("0xabcd")), Rlp.EMPTY_LIST));
    b.write(5); // tx_nonces
    b.writeBytes(new byte[] {(byte) 0xa0, (byte) 0x8d, 0x06}); // tx_gases: 100000
    byte[] body = b.toByteArray(); // no legacy transactions: protected_bits is empty

    SpanBatch span = SpanBatch.decodeBody(body, GENESIS, BLOCK_TIME, TestTxs.CHAIN_ID);

    assertThat(span.blocks()).extracting(SpanBatch.Element::timestamp).containsExactly(1300L, 1302L, 1304L);
    assertThat(span.blocks()).extracting(SpanBatch.Element::epochNumber).containsExactly(9L, 9L, 10L);
    assertThat(span.blocks().get(1).transactions()).containsExactly(tx);
    assertThat(span.blocks().get(0).transactions()).isEmpty();
    assertThat(span.parentMatches(Hash.wrap(Arrays.copyOf(filled(0x11), 32)))).isTrue();
    assertThat(span.originMatches(Hash.wrap(Arrays.copyOf(filled(0x22), 32)))).isTrue();
    assertThat(span.firstBlockStartsEpoch()).isTrue();
    assertThat(span.encodeBody(GENESIS, TestTxs.CHAIN_ID)).isEqualTo(body);
  }

  @Test
  void bitlistsSpanBytesWithElementZeroInTheLowestBitOfTheLastByte() {
    List<SingularBatch> blocks = new ArrayList<>();
    for (int i = 0; i < 10; i++) blocks.add(new SingularBatch(Hash.ZERO, i < 9 ? 7 : 8, Hash.ZERO, GENESIS + 2L * i, List.of()));
    byte[] body = SpanBatch.of(blocks, false).encodeBody(GENESIS, TestTxs.CHAIN_ID);
    int bits = 1 + 1 + 20 + 20 + 1; // rel_timestamp 0, origin 8, checks, block count 10
    assertThat(Arrays.copyOfRange(body, bits, bits + 2)).as("only block 9 changes origin").containsExactly(0x02, 0x00);
  }

  @Test
  void everyTransactionKindSurvivesTheColumns() {
    List<Bytes> txs = List.of(TestTxs.legacy(0, false, TestTxs.TO, Bytes.EMPTY), TestTxs.legacy(1, true, null, Bytes.fromHex("0x6000")),
        TestTxs.accessList(2), TestTxs.dynamicFee(3, null, Bytes.fromHex("0x60006000f3")), TestTxs.setCode(4),
        TestTxs.legacy(5, true, TestTxs.TO, Bytes.EMPTY));
    SpanBatch span = SpanBatch.of(List.of(new SingularBatch(Hash.ZERO, 1, Hash.ZERO, GENESIS + 2, txs)), true);
    SpanBatch back = SpanBatch.decodeBody(span.encodeBody(GENESIS, TestTxs.CHAIN_ID), GENESIS, BLOCK_TIME, TestTxs.CHAIN_ID);
    assertThat(back).isEqualTo(span);
  }

  @Test
  void rejectsMalformedSpans() {
    byte[] good = SpanBatch.of(List.of(new SingularBatch(Hash.ZERO, 3, Hash.ZERO, GENESIS, List.of(TestTxs.accessList(0)))), true)
        .encodeBody(GENESIS, TestTxs.CHAIN_ID);
    for (int cut = 0; cut < good.length; cut++) {
      byte[] truncated = Arrays.copyOf(good, cut);
      assertThatThrownBy(() -> SpanBatch.decodeBody(truncated, GENESIS, BLOCK_TIME, TestTxs.CHAIN_ID)).isInstanceOf(BatchDecodeException.class);
    }
    byte[] noBlocks = Arrays.copyOf(good, 43);
    noBlocks[42] = 0;
    assertThatThrownBy(() -> SpanBatch.decodeBody(noBlocks, GENESIS, BLOCK_TIME, TestTxs.CHAIN_ID)).hasMessageContaining("no blocks");
    byte[] strayBit = good.clone();
    strayBit[43] = 0b11; // origin bits for 1 block with bit 1 set
    assertThatThrownBy(() -> SpanBatch.decodeBody(strayBit, GENESIS, BLOCK_TIME, TestTxs.CHAIN_ID)).hasMessageContaining("beyond");
    byte[] overlong = good.clone();
    Arrays.fill(overlong, 0, 10, (byte) 0xff); // an 11-byte varint
    assertThatThrownBy(() -> SpanBatch.decodeBody(overlong, GENESIS, BLOCK_TIME, TestTxs.CHAIN_ID)).hasMessageContaining("64 bits");
  }

  @Property(tries = 200)
  void encodeThenDecodeIsIdentity(@ForAll @Size(min = 1, max = 20) List<@IntRange(min = 0, max = 3) Integer> txsPerBlock,
      @ForAll @Size(min = 20, max = 20) List<Boolean> epochSteps, @ForAll boolean firstStartsEpoch) {
    List<SingularBatch> blocks = new ArrayList<>();
    long epoch = 100;
    long nonce = 0;
    for (int i = 0; i < txsPerBlock.size(); i++) {
      if (i > 0 && epochSteps.get(i)) epoch++;
      List<Bytes> txs = new ArrayList<>();
      for (int j = 0; j < txsPerBlock.get(i); j++, nonce++) {
        txs.add(switch ((int) (nonce % 4)) {
          case 0 -> TestTxs.legacy(nonce, nonce % 8 == 0, TestTxs.TO, Bytes.EMPTY);
          case 1 -> TestTxs.accessList(nonce);
          case 2 -> TestTxs.dynamicFee(nonce, nonce % 3 == 0 ? null : TestTxs.TO, Bytes.fromHex("0x00ff"));
          default -> TestTxs.setCode(nonce);
        });
      }
      blocks.add(new SingularBatch(Hash.ZERO, epoch, Hash.ZERO, GENESIS + BLOCK_TIME * i, txs));
    }
    SpanBatch span = SpanBatch.of(blocks, firstStartsEpoch);
    assertThat(SpanBatch.decodeBody(span.encodeBody(GENESIS, TestTxs.CHAIN_ID), GENESIS, BLOCK_TIME, TestTxs.CHAIN_ID)).isEqualTo(span);
  }

  private static byte[] filled(int value) {
    byte[] b = new byte[20];
    Arrays.fill(b, (byte) value);
    return b;
  }

  private static byte[] word(java.math.BigInteger v) {
    byte[] m = Rlp.unsignedBytes(v);
    byte[] out = new byte[32];
    System.arraycopy(m, 0, out, 32 - m.length, m.length);
    return out;
  }
}
