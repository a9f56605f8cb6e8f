package dev.opal.optimism;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opal.crypto.Keccak;
import dev.opal.types.Address;
import dev.opal.types.Hash;
import dev.opal.types.Hex;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class SystemConfigUpdateTest {

  private static Hash typeTopic(int type) {
    byte[] w = new byte[32];
    w[31] = (byte) type;
    return Hash.wrap(w);
  }

  /** ABI encoding of {@code bytes}: offset 32, length, padded contents. */
  private static byte[] abiBytes(String payloadHex) {
    byte[] payload = Hex.decode(payloadHex);
    int padded = (payload.length + 31) / 32 * 32;
    byte[] out = new byte[64 + padded];
    out[31] = 32;
    out[63] = (byte) payload.length;
    System.arraycopy(payload, 0, out, 64, payload.length);
    return out;
  }

  private static SystemConfigUpdate decode(int type, String payloadHex) {
    return SystemConfigUpdate.decode(List.of(SystemConfigUpdate.TOPIC, Hash.ZERO, typeTopic(type)), abiBytes(payloadHex));
  }

  @Test
  void topicIsTheEventSignatureHash() {
    assertThat(SystemConfigUpdate.TOPIC).isEqualTo(Keccak.hash256("ConfigUpdate(uint256,uint8,bytes)".getBytes()));
  }

  @Test
  void decodesEachType() {
    assertThat(decode(0, "0x0000000000000000000000007f83d659683caf2767fd3c720981d51f5bc365bc"))
        .isEqualTo(new SystemConfigUpdate.Batcher(Address.fromHex("0x7f83d659683caf2767fd3c720981d51f5bc365bc")));
    assertThat(decode(1, "0x" + "00".repeat(31) + "bc" + "01" + "00".repeat(23) + "000c5fc500000558"))
        .isEqualTo(new SystemConfigUpdate.GasConfig(BigInteger.valueOf(188),
            new BigInteger("01" + "00".repeat(23) + "000c5fc500000558", 16)));
    assertThat(decode(2, "0x" + "00".repeat(28) + "01c9c380")).isEqualTo(new SystemConfigUpdate.GasLimit(30_000_000));
    assertThat(decode(4, "0x" + "00".repeat(24) + "000000fa00000006")).isEqualTo(new SystemConfigUpdate.Eip1559(250, 6));
    assertThat(decode(5, "0x" + "00".repeat(20) + "00000010" + "0000000000000007"))
        .isEqualTo(new SystemConfigUpdate.OperatorFeeParams(16, 7));
    assertThat(decode(6, "0x" + "00".repeat(31) + "64")).isEqualTo(new SystemConfigUpdate.MinBaseFee(100));
    assertThat(decode(7, "0x" + "00".repeat(30) + "0190")).isEqualTo(new SystemConfigUpdate.DaFootprintGasScalar(400));
  }

  @Test
  void rejectsMalformedUpdates() {
    assertThatThrownBy(() -> decode(4, "0x" + "00".repeat(24) + "000000fa00000000")).hasMessageContaining("one of the pair");
    assertThatThrownBy(() -> decode(2, "0x01" + "00".repeat(31))).hasMessageContaining("exceeds");
    assertThatThrownBy(() -> decode(9, "0x" + "00".repeat(32))).hasMessageContaining("unknown");
    assertThatThrownBy(() -> decode(1, "0x" + "00".repeat(32))).hasMessageContaining("64 bytes");
    assertThatThrownBy(() -> SystemConfigUpdate.decode(List.of(SystemConfigUpdate.TOPIC, typeTopic(1), typeTopic(0)),
        abiBytes("0x" + "00".repeat(32)))).hasMessageContaining("version");
  }
}
