package dev.opal.optimism;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opal.crypto.Keccak;
import dev.opal.types.Hex;
import org.junit.jupiter.api.Test;

class Create2DeployerTest {
  @Test
  void packagedCodeHasTheSpecsCodeHash() {
    // specs/protocol/superchain-upgrades.md, "Canyon": the code hash the deployer must have
    assertThat(Hex.encode(Keccak.hash(Create2Deployer.CODE.toArrayUnsafe())))
        .isEqualTo("0xb0550b5b431e30d38000efb7107aaa0ade03d48a7198a140edda9d27134468b2");
    assertThat(Create2Deployer.ADDRESS.toHex()).isEqualToIgnoringCase("0x13b0D85CcB8bf860b6b79AF3029fCA081AE9beF2");
  }
}
