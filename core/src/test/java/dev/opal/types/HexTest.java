package dev.opal.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** Examples from execution-apis src/schemas/base-types.yaml and the JSON-RPC "hex encoding" rules. */
class HexTest {

  @Test
  void quantities() {
    assertThat(Hex.encodeQuantity(0)).isEqualTo("0x0");
    assertThat(Hex.encodeQuantity(0x41)).isEqualTo("0x41");
    assertThat(Hex.encodeQuantity(1024)).isEqualTo("0x400");
    assertThat(Hex.encodeQuantity(-1L)).isEqualTo("0xffffffffffffffff");
    assertThat(Hex.decodeQuantityLong("0x400")).isEqualTo(1024);
    assertThat(Hex.decodeQuantity("0x0")).isEqualTo(BigInteger.ZERO);
  }

  @Test
  void invalidQuantities() {
    assertThatThrownBy(() -> Hex.decodeQuantity("0x")).isInstanceOf(HexFormatException.class);
    assertThatThrownBy(() -> Hex.decodeQuantity("0x0400")).hasMessageContaining("leading zeros");
    assertThatThrownBy(() -> Hex.decodeQuantity("ff")).hasMessageContaining("prefix");
    assertThatThrownBy(() -> Hex.decodeQuantity("0xfg")).hasMessageContaining("invalid hex digit");
    assertThatThrownBy(() -> Hex.decodeQuantityLong("0x10000000000000000")).hasMessageContaining("64 bits");
  }

  @Test
  void data() {
    assertThat(Hex.encode(new byte[0])).isEqualTo("0x");
    assertThat(Hex.encode(new byte[] {0x00, 0x41})).isEqualTo("0x0041");
    assertThat(Hex.decode("0x004200")).containsExactly(0x00, 0x42, 0x00);
    assertThat(Hex.decode("0x")).isEmpty();
  }

  @Test
  void invalidData() {
    assertThatThrownBy(() -> Hex.decode("0xf0f0f")).hasMessageContaining("odd");
    assertThatThrownBy(() -> Hex.decode("004200")).hasMessageContaining("prefix");
    assertThatThrownBy(() -> Hex.decode("0x0042", 3)).hasMessageContaining("expected 3");
    assertThatThrownBy(() -> Hash.fromHex("0x00")).hasMessageContaining("expected 32");
    assertThatThrownBy(() -> Address.fromHex("0x" + "00".repeat(21))).hasMessageContaining("expected 20");
  }

  @Test
  void uint256RoundTripsAndWraps() {
    BigInteger big = BigInteger.TWO.pow(255).add(BigInteger.valueOf(12345));
    UInt256 v = UInt256.fromBigInteger(big);
    assertThat(v.toBigInteger()).isEqualTo(big);
    assertThat(UInt256.fromBytes(v.toBytes32())).isEqualTo(v);
    assertThat(UInt256.MAX.add(UInt256.ONE)).isEqualTo(UInt256.ZERO);
    assertThat(UInt256.ZERO.subtract(UInt256.ONE)).isEqualTo(UInt256.MAX);
    assertThat(UInt256.valueOf(-1L).add(UInt256.ONE).toBigInteger()).isEqualTo(BigInteger.TWO.pow(64));
    assertThat(UInt256.valueOf(0x1234).toMinimalBytes()).containsExactly(0x12, 0x34);
  }
}
