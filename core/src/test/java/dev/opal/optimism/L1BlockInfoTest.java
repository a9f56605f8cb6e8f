package dev.opal.optimism;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opal.rlp.Rlp;
import dev.opal.rlp.RlpReader;
import dev.opal.types.Address;
import dev.opal.types.Hash;
import dev.opal.types.Hex;
import java.math.BigInteger;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Real L1-info deposit transactions: the first is the Ecotone L1-info transaction of op-alloy's
 * payload-id parity test against op-geth (rollup-boost log), the second one op-alloy issue #601
 * quotes from a live chain. Their source hashes and calldata were produced by op-node.
 */
class L1BlockInfoTest {
  static final String TX_PARITY = "0x7ef8f8a0dc19cfa777d90980e4875d0a548a881baaa3f83f14d1bc0d3038bc329350e54194deaddeaddeaddeaddeaddeaddeaddeaddead00019442000000000000000000000000000000000000158080830f424080b8a4440a5e20000f424000000000000000000000000300000000670d6d890000000000000125000000000000000000000000000000000000000000000000000000000000000700000000000000000000000000000000000000000000000000000000000000014bf9181db6e381d4384bbf69c48b0ee0eed23c6ca26143c6d2544f9d39997a590000000000000000000000007f83d659683caf2767fd3c720981d51f5bc365bc";
  static final String TX_LIVE = "0x7ef8f8a058642a460a8c2fb85bae8237221cfa2f138777697c73052afe5adbd911ec9f5194deaddeaddeaddeaddeaddeaddeaddeaddead00019442000000000000000000000000000000000000158080830f424080b8a4440a5e2000000558000c5fc500000000000000010000000068e8f688000000000000000d000000000000000000000000000000000000000000000000000000000a9dd4be0000000000000000000000000000000000000000000000000000000000000001844ea1c8f674542957f8fd73f34545ed30d24ebfa80775b869ea8848a6f38259000000000000000000000000aff0ca253b97e54440965855cec0a8a2e2399896";

  /** The deposit's fields: sourceHash, from, to, mint, value, gas, isSystemTx, data. */
  private static byte[][] depositFields(String tx) {
    byte[] raw = Hex.decode(tx);
    assertThat(raw[0]).isEqualTo((byte) 0x7e);
    RlpReader list = Rlp.reader(Arrays.copyOfRange(raw, 1, raw.length)).enterList();
    byte[][] fields = new byte[8][];
    for (int i = 0; i < 8; i++) fields[i] = list.readBytes();
    return fields;
  }

  @Test
  void decodesEcotoneCalldataAndReencodesIt() {
    byte[][] f = depositFields(TX_PARITY);
    assertThat(Address.of(f[1])).isEqualTo(Address.fromHex("0xdeaddeaddeaddeaddeaddeaddeaddeaddead0001"));
    assertThat(Address.of(f[2])).isEqualTo(L1BlockFeeParams.L1_BLOCK);
    L1BlockInfo info = L1BlockInfo.decode(f[7]);
    assertThat(info.baseFeeScalar()).isEqualTo(1_000_000);
    assertThat(info.blobBaseFeeScalar()).isZero();
    assertThat(info.sequenceNumber()).isEqualTo(3);
    assertThat(info.time()).isEqualTo(0x670d6d89L);
    assertThat(info.number()).isEqualTo(0x125);
    assertThat(info.baseFee()).isEqualTo(BigInteger.valueOf(7));
    assertThat(info.blobBaseFee()).isEqualTo(BigInteger.ONE);
    assertThat(info.blockHash()).isEqualTo(Hash.fromHex("0x4bf9181db6e381d4384bbf69c48b0ee0eed23c6ca26143c6d2544f9d39997a59"));
    assertThat(info.batcherAddr()).isEqualTo(Address.fromHex("0x7f83d659683caf2767fd3c720981d51f5bc365bc"));
    assertThat(info.encode(L1BlockInfo.Format.ECOTONE)).isEqualTo(f[7]);
  }

  @Test
  void sourceHashesMatchOpNode() {
    for (String tx : new String[] {TX_PARITY, TX_LIVE}) {
      byte[][] f = depositFields(tx);
      L1BlockInfo info = L1BlockInfo.decode(f[7]);
      assertThat(DepositSource.l1Info(info.blockHash(), info.sequenceNumber())).isEqualTo(Hash.wrap(f[0]));
    }
  }

  @Test
  void liveTransactionScalars() {
    L1BlockInfo info = L1BlockInfo.decode(depositFields(TX_LIVE)[7]);
    assertThat(info.baseFeeScalar()).isEqualTo(0x558);
    assertThat(info.blobBaseFeeScalar()).isEqualTo(0xc5fc5);
    assertThat(info.number()).isEqualTo(13);
  }

  @Test
  void everyFormatRoundTrips() {
    L1BlockInfo info = new L1BlockInfo(100, 1_700_000_000L, BigInteger.valueOf(7_000_000_000L),
        Hash.fromHex("0x4bf9181db6e381d4384bbf69c48b0ee0eed23c6ca26143c6d2544f9d39997a59"), 2,
        Address.fromHex("0x7f83d659683caf2767fd3c720981d51f5bc365bc"), BigInteger.ZERO, BigInteger.ZERO,
        BigInteger.TEN, 1368, 810949, 25, 0xFFFF_FFFF_FFFF_FFFFL, 400);
    for (L1BlockInfo.Format format : L1BlockInfo.Format.values()) {
      byte[] data = info.encode(format);
      assertThat(data).hasSize(format.length());
      assertThat(L1BlockInfo.decode(data).encode(format)).isEqualTo(data);
    }
    L1BlockInfo jovian = L1BlockInfo.decode(info.encode(L1BlockInfo.Format.JOVIAN));
    assertThat(jovian).isEqualTo(info);
  }

  @Test
  void rejectsWrongLengthAndUnknownSelector() {
    byte[] data = Arrays.copyOf(depositFields(TX_PARITY)[7], 165);
    assertThatThrownBy(() -> L1BlockInfo.decode(data)).hasMessageContaining("164 bytes");
    assertThatThrownBy(() -> L1BlockInfo.decode(new byte[] {1, 2, 3, 4})).hasMessageContaining("selector");
  }

  @Test
  void selectorsAreTheKeccakOfTheSetterSignatures() {
    assertThat(L1BlockInfo.Format.BEDROCK.selector()).isEqualTo(Arrays.copyOf(dev.opal.crypto.Keccak.hash(
        "setL1BlockValues(uint64,uint64,uint256,bytes32,uint64,bytes32,uint256,uint256)".getBytes()), 4));
    assertThat(L1BlockInfo.Format.ECOTONE.selector())
        .isEqualTo(Arrays.copyOf(dev.opal.crypto.Keccak.hash("setL1BlockValuesEcotone()".getBytes()), 4));
    assertThat(L1BlockInfo.Format.ISTHMUS.selector())
        .isEqualTo(Arrays.copyOf(dev.opal.crypto.Keccak.hash("setL1BlockValuesIsthmus()".getBytes()), 4));
    assertThat(L1BlockInfo.Format.JOVIAN.selector())
        .isEqualTo(Arrays.copyOf(dev.opal.crypto.Keccak.hash("setL1BlockValuesJovian()".getBytes()), 4));
  }
}
