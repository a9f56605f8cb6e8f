package dev.opal.optimism;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opal.config.OpFork;
import dev.opal.rlp.Rlp;
import dev.opal.types.Hash;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each packaged upgrade transaction carries the source hash the specs derive from its intent
 * string (specs/protocol/&lt;fork&gt;/derivation.md): this checks the packaged bytes are the
 * spec's transactions in the spec's order, and the upgrade source-hash domain.
 */
class NetworkUpgradesTest {

  private static Hash sourceHashOf(byte[] tx) {
    assertThat(tx[0]).isEqualTo((byte) 0x7e);
    return Hash.wrap(Rlp.reader(Arrays.copyOfRange(tx, 1, tx.length)).enterList().readBytes());
  }

  private static void assertIntents(OpFork fork, String... intents) {
    List<byte[]> txs = NetworkUpgrades.transactions(fork);
    assertThat(txs).hasSize(intents.length);
    for (int i = 0; i < intents.length; i++) {
      assertThat(sourceHashOf(txs.get(i))).as(intents[i]).isEqualTo(DepositSource.upgrade(intents[i]));
    }
  }

  @Test
  void ecotone() {
    assertIntents(OpFork.ECOTONE,
        "Ecotone: L1 Block Deployment",
        "Ecotone: Gas Price Oracle Deployment",
        "Ecotone: L1 Block Proxy Update",
        "Ecotone: Gas Price Oracle Proxy Update",
        "Ecotone: Gas Price Oracle Set Ecotone",
        "Ecotone: beacon block roots contract deployment");
    assertThat(sourceHashOf(NetworkUpgrades.transactions(OpFork.ECOTONE).get(0)))
        .isEqualTo(Hash.fromHex("0x877a6077205782ea15a6dc8699fa5ebcec5e0f4389f09cb8eda09488231346f8"));
  }

  @Test
  void fjord() {
    assertIntents(OpFork.FJORD,
        "Fjord: Gas Price Oracle Deployment",
        "Fjord: Gas Price Oracle Proxy Update",
        "Fjord: Gas Price Oracle Set Fjord");
  }

  @Test
  void isthmus() {
    assertIntents(OpFork.ISTHMUS,
        "Isthmus: L1 Block Deployment",
        "Isthmus: Gas Price Oracle Deployment",
        "Isthmus: Operator Fee Vault Deployment",
        "Isthmus: L1 Block Proxy Update",
        "Isthmus: Gas Price Oracle Proxy Update",
        "Isthmus: Operator Fee Vault Proxy Update",
        "Isthmus: Gas Price Oracle Set Isthmus",
        "Isthmus: EIP-2935 Contract Deployment");
  }

  @Test
  void forksWithoutUpgradeTransactions() {
    assertThat(NetworkUpgrades.transactions(OpFork.CANYON)).isEmpty();
    assertThat(NetworkUpgrades.transactions(OpFork.HOLOCENE)).isEmpty();
  }

  @Test
  void jovianBytecodeIsPackaged() {
    assertThat(NetworkUpgrades.bytecode("jovian-l1-block-deployment")).startsWith(0x60, 0x80, 0x60, 0x40);
  }
}
