package dev.opal.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opal.types.Address;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The accounts of the test mnemonic are the ones anvil and hardhat publish. */
class DevAccountsTest {
  @Test
  void matchesTheWellKnownAnvilAccounts() {
    List<DevAccounts.Account> a = DevAccounts.derive(DevAccounts.TEST_MNEMONIC, 3);
    assertThat(a.get(0).address()).isEqualTo(Address.fromHex("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266"));
    assertThat(a.get(0).privateKeyHex()).isEqualTo("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
    assertThat(a.get(1).address()).isEqualTo(Address.fromHex("0x70997970c51812dc3a010c7d01b50e0d17dc79c8"));
    assertThat(a.get(1).privateKeyHex()).isEqualTo("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");
    assertThat(a.get(2).address()).isEqualTo(Address.fromHex("0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc"));
  }
}
