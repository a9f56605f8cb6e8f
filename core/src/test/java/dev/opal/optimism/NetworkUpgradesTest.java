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

  /** specs/protocol/jovian/derivation.md: each transaction's source hash, sender, recipient, gas and data as the spec lists them. */
  @Test
  void jovian() {
    List<byte[]> txs = NetworkUpgrades.transactions(OpFork.JOVIAN);
    assertThat(txs).hasSize(5);
    String[][] spec = {
        {"0x98faf23b9795967bc0b1c543144739d50dba3ea40420e77ad6ca9848dbfb62e8", "0x4210000000000000000000000000000000000006", null, "447315"},
        {"0x08447273a4fbce97bc8c515f97ac74efc461f6a4001553712f31ebc11288bad2", "0x0000000000000000000000000000000000000000",
            "0x4200000000000000000000000000000000000015", "50000"},
        {"0xd939cca6eca7bd0ee0c7e89f7e5b5cf7bf6f7afe7b6966bb45dfb95344b31545", "0x4210000000000000000000000000000000000007", null, "1750714"},
        {"0x46b597e2d8346ed7749b46734074361e0b41a0ab9af7afda5bb4e367e072bcb8", "0x0000000000000000000000000000000000000000",
            "0x420000000000000000000000000000000000000f", "50000"},
        {"0xe836db6a959371756f8941be3e962d000f7e12a32e49e2c9ca42ba177a92716c", "0xdeaddeaddeaddeaddeaddeaddeaddeaddead0001",
            "0x420000000000000000000000000000000000000f", "90000"}};
    for (int i = 0; i < 5; i++) {
      dev.opal.tx.DepositTransaction d = (dev.opal.tx.DepositTransaction) dev.opal.tx.TransactionDecoder.decode(txs.get(i));
      assertThat(d.sourceHash()).as("tx %d source hash", i).isEqualTo(Hash.fromHex(spec[i][0]));
      assertThat(d.from().toHex()).as("tx %d from", i).isEqualToIgnoringCase(spec[i][1]);
      assertThat(d.to() == null ? null : d.to().toHex().toLowerCase(java.util.Locale.ROOT)).as("tx %d to", i).isEqualTo(spec[i][2]);
      assertThat(d.gasLimit()).isEqualTo(Long.parseLong(spec[i][3]));
      assertThat(d.mint().isZero() && d.value().isZero() && !d.isSystemTx()).isTrue();
    }
    assertThat(dev.opal.types.Hex.encode(((dev.opal.tx.DepositTransaction) dev.opal.tx.TransactionDecoder.decode(txs.get(1))).data().toArray()))
        .isEqualTo("0x3659cfe60000000000000000000000003ba4007f5c922fbb33c454b41ea7a1f11e83df2c");
    assertThat(dev.opal.types.Hex.encode(((dev.opal.tx.DepositTransaction) dev.opal.tx.TransactionDecoder.decode(txs.get(3))).data().toArray()))
        .isEqualTo("0x3659cfe60000000000000000000000004f1db3c6abd250ba86e0928471a8f7db3afd88f1");
    assertThat(dev.opal.types.Hex.encode(((dev.opal.tx.DepositTransaction) dev.opal.tx.TransactionDecoder.decode(txs.get(4))).data().toArray()))
        .isEqualTo("0xb3d72079");
  }
}
