package dev.opal.optimism;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opal.types.Hex;
import org.junit.jupiter.api.Test;

/** Encodings from specs/protocol/holocene/exec-engine.md and jovian/exec-engine.md. */
class Eip1559ParamsTest {

  @Test
  void holoceneExtraDataRoundTrip() {
    // OP Mainnet's parameters (denominator 250, elasticity 6): 0x00 ‖ 000000fa ‖ 00000006
    byte[] extra = Hex.decode("0x00000000fa00000006");
    Eip1559Params p = Eip1559Params.fromExtraData(extra, false);
    assertThat(p).isEqualTo(new Eip1559Params(250, 6, null));
    assertThat(p.toExtraData()).isEqualTo(extra);
  }

  @Test
  void jovianExtraDataCarriesMinBaseFee() {
    byte[] extra = Hex.decode("0x01000000fa000000060000000000000064");
    Eip1559Params p = Eip1559Params.fromExtraData(extra, true);
    assertThat(p).isEqualTo(new Eip1559Params(250, 6, 100L));
    assertThat(p.toExtraData()).isEqualTo(extra);
  }

  @Test
  void extraDataRejectsWrongLengthVersionAndZeros() {
    assertThatThrownBy(() -> Eip1559Params.fromExtraData(new byte[0], false)).hasMessageContaining("9 bytes");
    assertThatThrownBy(() -> Eip1559Params.fromExtraData(Hex.decode("0x01000000fa00000006"), false))
        .hasMessageContaining("version");
    assertThatThrownBy(() -> Eip1559Params.fromExtraData(Hex.decode("0x000000000000000000"), false))
        .hasMessageContaining("non-zero");
    assertThatThrownBy(() -> Eip1559Params.fromExtraData(Hex.decode("0x00000000fa00000006"), true))
        .hasMessageContaining("17 bytes");
  }

  @Test
  void attributesAllowZeroPairOnly() {
    assertThat(Eip1559Params.fromAttributes(new byte[8]).isDefault()).isTrue();
    assertThat(Eip1559Params.fromAttributes(Hex.decode("0x000000fa00000006")))
        .isEqualTo(new Eip1559Params(250, 6, null));
    assertThatThrownBy(() -> Eip1559Params.fromAttributes(Hex.decode("0x0000000000000006")))
        .hasMessageContaining("both");
    assertThatThrownBy(() -> Eip1559Params.fromAttributes(new byte[7])).hasMessageContaining("8 bytes");
  }
}
