package dev.opal.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opal.config.OpFork;
import dev.opal.optimism.NetworkUpgrades;
import dev.opal.types.Address;
import dev.opal.types.Bytes;
import dev.opal.types.Hash;
import dev.opal.types.Hex;
import dev.opal.types.UInt256;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Deposit transactions decoded from the byte-exact Ecotone upgrade transactions and checked
 * field by field against the values the OP specs publish (specs/protocol/ecotone/derivation.md,
 * "Network Upgrade Automation Transactions").
 */
class DepositTransactionTest {
  private static final List<byte[]> ECOTONE = NetworkUpgrades.transactions(OpFork.ECOTONE);

  private static DepositTransaction ecotone(int i) {
    Transaction tx = TransactionDecoder.decode(ECOTONE.get(i));
    assertThat(tx).isInstanceOf(DepositTransaction.class);
    assertThat(tx.encode()).as("re-encoding is byte-exact").isEqualTo(ECOTONE.get(i));
    return (DepositTransaction) tx;
  }

  @Test
  void l1BlockDeploymentMatchesTheSpec() {
    DepositTransaction tx = ecotone(0);
    assertThat(tx.from()).isEqualTo(Address.fromHex("0x4210000000000000000000000000000000000000"));
    assertThat(tx.to()).isNull();
    assertThat(tx.mint()).isEqualTo(UInt256.ZERO);
    assertThat(tx.value()).isEqualTo(UInt256.ZERO);
    assertThat(tx.gasLimit()).isEqualTo(375_000);
    assertThat(tx.isSystemTx()).isFalse();
    // The spec: the deployment lands at 0x07dbe8500fc591d1852B76feE44d5a05e13097Ff (deployer nonce 0).
    assertThat(ContractAddress.create(tx.from(), 0)).isEqualTo(Address.fromHex("0x07dbe8500fc591d1852b76fee44d5a05e13097ff"));
  }

  @Test
  void gasPriceOracleProxyUpdateMatchesTheSpec() {
    DepositTransaction tx = ecotone(3);
    assertThat(tx.from()).isEqualTo(Address.ZERO);
    assertThat(tx.to()).isEqualTo(Address.fromHex("0x420000000000000000000000000000000000000f"));
    assertThat(tx.gasLimit()).isEqualTo(50_000);
    assertThat(tx.data()).isEqualTo(Bytes.fromHex(
        "0x3659cfe6000000000000000000000000b528d11cc114e026f138fe568744c6d45ce6da7a"));
  }

  @Test
  void beaconRootsDeploymentMatchesTheSpec() {
    DepositTransaction tx = ecotone(5);
    assertThat(tx.from()).isEqualTo(Address.fromHex("0x0b799c86a49deeb90402691f1041aa3af2d3c875"));
    assertThat(tx.gasLimit()).isEqualTo(250_000);
    assertThat(ContractAddress.create(tx.from(), 0)).isEqualTo(Address.fromHex("0x000f3df6d732807ef1319fb7b8bb8522d0beac02"));
  }

  @Test
  void zeroMintEncodesAsTheEmptyString() {
    DepositTransaction tx = new DepositTransaction(Hash.ZERO, Address.ZERO, Address.ZERO, UInt256.ZERO, UInt256.ONE, 21_000, true,
        Bytes.EMPTY);
    String hex = Hex.encode(tx.encode());
    // 0x7e, list header, 0xa0‖sourceHash, 0x94‖from, 0x94‖to, mint 0x80, value 0x01, gas 0x825208, isSystemTx 0x01, data 0x80
    assertThat(hex).startsWith("0x7ef8").endsWith("8001825208" + "01" + "80");
    assertThat(TransactionDecoder.decode(tx.encode())).isEqualTo(tx);
  }

  @Test
  void rejectsTrailingBytes() {
    byte[] good = ECOTONE.get(3);
    byte[] trailing = java.util.Arrays.copyOf(good, good.length + 1);
    assertThatThrownBy(() -> TransactionDecoder.decode(trailing)).isInstanceOf(InvalidTransactionException.class);
  }
}
