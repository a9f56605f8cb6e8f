package dev.opal.optimism;

import dev.opal.config.OpFork;
import dev.opal.types.Hex;
import dev.opal.tx.ContractAddress;
import dev.opal.tx.DepositTransaction;
import dev.opal.types.Address;
import dev.opal.types.Bytes;
import dev.opal.types.UInt256;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The network-upgrade deposit transactions that the rollup node inserts, after the user deposits,
 * into the activation block of an upgrade (specs/protocol/ecotone|fjord|isthmus/derivation.md
 * "Network Upgrade Automation Transactions"). They are consensus-critical constants, shipped byte
 * for byte as resources (EIP-2718 encodings); Jovian's are assembled from the spec's parameters
 * around the packaged creation code (specs/protocol/jovian/derivation.md "Network Upgrade
 * Transactions").
 */
public final class NetworkUpgrades {
  private static final String DIR = "/dev/opal/optimism/upgrades/";

  private NetworkUpgrades() {}

  /** The upgrade transactions of a fork's activation block, in order; empty for forks without any. */
  public static List<byte[]> transactions(OpFork fork) {
    return switch (fork) {
      case ECOTONE -> load("ecotone_tx_", 6);
      case FJORD -> load("fjord_tx_", 3);
      case ISTHMUS -> load("isthmus_tx_", 8);
      case JOVIAN -> JOVIAN_TXS;
      default -> List.of();
    };
  }

  private static final Address L1_BLOCK_PROXY = Address.fromHex("0x4200000000000000000000000000000000000015");
  private static final Address GAS_PRICE_ORACLE_PROXY = Address.fromHex("0x420000000000000000000000000000000000000F");
  private static final Address DEPOSITOR = Address.fromHex("0xDeaDDEaDDeAdDeAdDEAdDEaddeAddEAdDEAd0001");
  private static final Address JOVIAN_L1_BLOCK_DEPLOYER = Address.fromHex("0x4210000000000000000000000000000000000006");
  private static final Address JOVIAN_GPO_DEPLOYER = Address.fromHex("0x4210000000000000000000000000000000000007");
  /** {@code upgradeTo(address)} of the ERC-1967 proxies. */
  private static final byte[] UPGRADE_TO = Hex.decode("0x3659cfe6");
  /** {@code setJovian()} of GasPriceOracle. */
  private static final byte[] SET_JOVIAN = Hex.decode("0xb3d72079");

  private static final List<byte[]> JOVIAN_TXS = List.of(
      deposit("Jovian: L1Block Deployment", JOVIAN_L1_BLOCK_DEPLOYER, null, 447_315, bytecode("jovian-l1-block-deployment")),
      deposit("Jovian: L1Block Proxy Update", Address.ZERO, L1_BLOCK_PROXY, 50_000,
          upgradeTo(ContractAddress.create(JOVIAN_L1_BLOCK_DEPLOYER, 0))),
      deposit("Jovian: GasPriceOracle Deployment", JOVIAN_GPO_DEPLOYER, null, 1_750_714, bytecode("jovian-gas-price-oracle-deployment")),
      deposit("Jovian: GasPriceOracle Proxy Update", Address.ZERO, GAS_PRICE_ORACLE_PROXY, 50_000,
          upgradeTo(ContractAddress.create(JOVIAN_GPO_DEPLOYER, 0))),
      deposit("Jovian: Gas Price Oracle Set Jovian", DEPOSITOR, GAS_PRICE_ORACLE_PROXY, 90_000, SET_JOVIAN));

  private static byte[] deposit(String intent, Address from, Address to, long gas, byte[] data) {
    return new DepositTransaction(DepositSource.upgrade(intent), from, to, UInt256.ZERO, UInt256.ZERO, gas, false, Bytes.wrap(data)).encode();
  }

  private static byte[] upgradeTo(Address implementation) {
    byte[] out = new byte[4 + 32];
    System.arraycopy(UPGRADE_TO, 0, out, 0, 4);
    System.arraycopy(implementation.toArray(), 0, out, 4 + 12, 20);
    return out;
  }

  /** Creation bytecode of a predeploy implementation shipped with the upgrade data (e.g. {@code jovian-l1-block-deployment}). */
  public static byte[] bytecode(String name) {
    return Hex.decodeLenient(read(name + ".hex"));
  }

  private static List<byte[]> load(String prefix, int count) {
    List<byte[]> txs = new ArrayList<>(count);
    for (int i = 0; i < count; i++) txs.add(Hex.decodeLenient(read(prefix + i + ".hex")));
    return List.copyOf(txs);
  }

  private static String read(String file) {
    try (InputStream in = NetworkUpgrades.class.getResourceAsStream(DIR + file)) {
      if (in == null) throw new IllegalStateException("missing upgrade resource " + DIR + file);
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
