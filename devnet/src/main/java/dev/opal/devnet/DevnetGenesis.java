package dev.opal.devnet;

import dev.opal.config.ChainConfig;
import dev.opal.config.EthereumFork;
import dev.opal.config.ForkSchedule;
import dev.opal.config.Genesis;
import dev.opal.config.GenesisAccount;
import dev.opal.config.OpFork;
import dev.opal.config.RollupConfig;
import dev.opal.config.Rules;
import dev.opal.optimism.Eip1559Params;
import dev.opal.optimism.NetworkUpgrades;
import dev.opal.tx.DepositTransaction;
import dev.opal.tx.TransactionDecoder;
import dev.opal.types.Address;
import dev.opal.types.Bytes;
import dev.opal.types.Hash;
import dev.opal.types.UInt256;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The devnet's two genesis states. L1: a Cancun chain with the dev accounts, the deposit contract
 * (DevnetPortal), the SystemConfig and the EIP-4788 contract. L2: the OP predeploys behind
 * EIP-1967 proxies owned by ProxyAdmin (as op-deployer lays them out: OP specs predeploys.md), the
 * Isthmus L1Block, GasPriceOracle and OperatorFeeVault, the EIP-4788 and EIP-2935 contracts, and the
 * dev accounts.
 */
public final class DevnetGenesis {
  public static final Address PORTAL = Address.fromHex("0x0000000000000000000000000000000000d3b051");
  public static final Address SYSTEM_CONFIG = Address.fromHex("0x00000000000000000000000000000000005c0f16");
  public static final Address BATCH_INBOX = Address.fromHex("0xff00000000000000000000000000000000000901");
  static final Address PROXY_ADMIN = predeploy(0x18);
  private static final Hash ADMIN_SLOT = Hash.fromHex("0xb53127684a568b3173ae13b9f8a6016e243e63b6e8ee1178d6a717850b5d6103");
  private static final Hash IMPLEMENTATION_SLOT = Hash.fromHex("0x360894a13ba1a3210667c828492db98dca3e2076cc3735a920a3ca505d382bbc");
  private static final UInt256 DEV_BALANCE = UInt256.fromBigInteger(BigInteger.TEN.pow(22)); // 10,000 ETH
  private static final long GAS_LIMIT = 30_000_000;

  private DevnetGenesis() {}

  static Address predeploy(int index) {
    byte[] a = Address.fromHex("0x4200000000000000000000000000000000000000").toArray();
    a[18] = (byte) (index >> 8);
    a[19] = (byte) index;
    return Address.of(a);
  }

  private static Address implementation(Address proxy) {
    byte[] a = Address.fromHex("0xc0d3c0d3c0d3c0d3c0d3c0d3c0d3c0d3c0d30000").toArray();
    byte[] p = proxy.toArrayUnsafe();
    a[18] = p[18];
    a[19] = p[19];
    return Address.of(a);
  }

  public static Genesis l1(BigInteger chainId, long timestamp, List<DevAccounts.Account> accounts) {
    Map<Address, GenesisAccount> alloc = new LinkedHashMap<>();
    for (DevAccounts.Account a : accounts) alloc.put(a.address(), new GenesisAccount(0, DEV_BALANCE, Bytes.EMPTY, Map.of()));
    alloc.put(PORTAL, new GenesisAccount(1, UInt256.ZERO, Bytecode.resource("/dev/opal/devnet/contracts/DevnetPortal.hex"), Map.of()));
    // DevnetSystemConfig keeps its owner in slot 0: the first dev account may send updates
    Map<UInt256, UInt256> owner = Map.of(UInt256.ZERO, UInt256.fromBytes(accounts.get(0).address().toArray()));
    alloc.put(SYSTEM_CONFIG, new GenesisAccount(1, UInt256.ZERO, Bytecode.resource("/dev/opal/devnet/contracts/DevnetSystemConfig.hex"), owner));
    alloc.put(dev.opal.execution.core.SystemCalls.BEACON_ROOTS_ADDRESS, new GenesisAccount(1, UInt256.ZERO, upgradeRuntime(OpFork.ECOTONE, 5), Map.of()));
    Map<EthereumFork, Long> forks = Map.of(EthereumFork.SHANGHAI, 0L, EthereumFork.CANCUN, 0L);
    ChainConfig config = new ChainConfig(chainId, ForkSchedule.ethereum(forks), null);
    return new Genesis(config, timestamp, Bytes.EMPTY, GAS_LIMIT, BigInteger.ZERO, Hash.ZERO, Address.ZERO, UInt256.valueOf(1_000_000_000L), 0,
        Hash.ZERO, 0L, 0L, alloc);
  }

  public static Genesis l2(ChainConfig config, long timestamp, List<DevAccounts.Account> accounts) {
    Rules rules = config.forks().rulesAt(timestamp);
    Map<Address, GenesisAccount> alloc = new LinkedHashMap<>();
    for (DevAccounts.Account a : accounts) alloc.put(a.address(), new GenesisAccount(0, DEV_BALANCE, Bytes.EMPTY, Map.of()));
    Bytes proxy = Bytecode.resource("/dev/opal/devnet/predeploys/Proxy.runtime.hex");
    Address feeRecipient = accounts.get(0).address();
    boolean jovian = rules.isAtLeast(OpFork.JOVIAN);
    // L1Block and GasPriceOracle in the version of the newest upgrade active at genesis (later upgrades
    // deploy theirs with their upgrade transactions); the oracle's fork flags (slot 0, one byte each:
    // isEcotone, isFjord, isIsthmus, isJovian) as those upgrades leave them
    Bytes l1Block;
    Bytes gpo;
    long gpoFlags;
    if (jovian) {
      l1Block = Bytecode.runtime(Bytes.wrap(NetworkUpgrades.bytecode("jovian-l1-block-deployment")), Rules.optimism(OpFork.JOVIAN));
      gpo = Bytecode.runtime(Bytes.wrap(NetworkUpgrades.bytecode("jovian-gas-price-oracle-deployment")), Rules.optimism(OpFork.JOVIAN));
      gpoFlags = 0x01010101;
    } else if (rules.isAtLeast(OpFork.ISTHMUS)) {
      l1Block = upgradeRuntime(OpFork.ISTHMUS, 0);
      gpo = upgradeRuntime(OpFork.ISTHMUS, 1);
      gpoFlags = 0x010101;
    } else {
      // contracts-bedrock 0.17.3: L1Block with the Bedrock and Ecotone setters, GasPriceOracle up to Fjord
      l1Block = Bytecode.resource("/dev/opal/devnet/predeploys/L1Block.runtime.hex");
      gpo = Bytecode.resource("/dev/opal/devnet/predeploys/GasPriceOracle.runtime.hex");
      gpoFlags = (rules.isAtLeast(OpFork.ECOTONE) ? 0x01 : 0) | (rules.isAtLeast(OpFork.FJORD) ? 0x0100 : 0);
    }
    proxied(alloc, proxy, predeploy(0x15), l1Block, Map.of());
    proxied(alloc, proxy, predeploy(0x0f), gpo, gpoFlags == 0 ? Map.of() : Map.of(UInt256.ZERO, UInt256.valueOf(gpoFlags)));
    if (rules.isAtLeast(OpFork.ISTHMUS)) proxied(alloc, proxy, predeploy(0x1b), upgradeRuntime(OpFork.ISTHMUS, 2), Map.of()); // OperatorFeeVault
    else alloc.put(predeploy(0x1b), proxyOnly(proxy)); // the Isthmus upgrade deploys and points it
    proxied(alloc, proxy, predeploy(0x16), Bytecode.resource("/dev/opal/devnet/predeploys/L2ToL1MessagePasser.runtime.hex"), Map.of());
    proxied(alloc, proxy, predeploy(0x13), Bytecode.resource("/dev/opal/devnet/predeploys/L1BlockNumber.runtime.hex"), Map.of());
    proxied(alloc, proxy, PROXY_ADMIN, Bytecode.resource("/dev/opal/devnet/predeploys/ProxyAdmin.runtime.hex"),
        Map.of(UInt256.ZERO, UInt256.fromBytes(feeRecipient.toArray())));
    for (Object[] vault : new Object[][] {{"SequencerFeeVault", 0x11}, {"BaseFeeVault", 0x19}, {"L1FeeVault", 0x1a}}) {
      Bytes init = Bytecode.resource("/dev/opal/devnet/predeploys/" + vault[0] + ".creation.hex");
      // constructor(address recipient, uint256 minWithdrawalAmount, uint8 withdrawalNetwork): the first dev account on L2
      Bytes args = Bytes.wrap(UInt256.fromBytes(feeRecipient.toArray()).toBytes32()).concat(Bytes.wrap(new byte[32]))
          .concat(Bytes.wrap(UInt256.ONE.toBytes32()));
      proxied(alloc, proxy, predeploy((Integer) vault[1]), Bytecode.runtime(init.concat(args), rules), Map.of());
    }
    alloc.put(predeploy(0x06), new GenesisAccount(0, UInt256.ZERO, Bytecode.resource("/dev/opal/devnet/predeploys/WETH.runtime.hex"), Map.of()));
    if (rules.isAtLeast(OpFork.ECOTONE)) { // otherwise the Ecotone upgrade deploys it
      alloc.put(dev.opal.execution.core.SystemCalls.BEACON_ROOTS_ADDRESS, new GenesisAccount(1, UInt256.ZERO, upgradeRuntime(OpFork.ECOTONE, 5), Map.of()));
    }
    if (rules.isAtLeast(OpFork.ISTHMUS)) {
      alloc.put(dev.opal.execution.core.SystemCalls.HISTORY_STORAGE_ADDRESS, new GenesisAccount(1, UInt256.ZERO, upgradeRuntime(OpFork.ISTHMUS, 7), Map.of()));
    }
    Bytes extra = rules.isAtLeast(OpFork.HOLOCENE)
        ? Bytes.wrap(new Eip1559Params(config.eip1559().denominatorCanyon(), config.eip1559().elasticity(), rules.isAtLeast(OpFork.JOVIAN) ? 0L : null).toExtraData())
        : Bytes.EMPTY;
    return new Genesis(config, timestamp, extra, GAS_LIMIT, BigInteger.ZERO, Hash.ZERO, predeploy(0x11), UInt256.valueOf(1_000_000_000L), 0,
        Hash.ZERO, 0L, 0L, alloc);
  }

  private static void proxied(Map<Address, GenesisAccount> alloc, Bytes proxyCode, Address proxy, Bytes implCode, Map<UInt256, UInt256> storage) {
    Address impl = implementation(proxy);
    Map<UInt256, UInt256> s = new LinkedHashMap<>(storage);
    s.put(UInt256.fromBytes(ADMIN_SLOT.toArray()), UInt256.fromBytes(PROXY_ADMIN.toArray()));
    s.put(UInt256.fromBytes(IMPLEMENTATION_SLOT.toArray()), UInt256.fromBytes(impl.toArray()));
    alloc.put(proxy, new GenesisAccount(0, UInt256.ZERO, proxyCode, s));
    alloc.put(impl, new GenesisAccount(0, UInt256.ZERO, implCode, Map.of()));
  }

  private static GenesisAccount proxyOnly(Bytes proxyCode) {
    return new GenesisAccount(0, UInt256.ZERO, proxyCode, Map.of(UInt256.fromBytes(ADMIN_SLOT.toArray()), UInt256.fromBytes(PROXY_ADMIN.toArray())));
  }

  /** Runtime code of a contract deployed by one of a fork's upgrade transactions (their data is the creation code). */
  private static Bytes upgradeRuntime(OpFork fork, int index) {
    DepositTransaction tx = (DepositTransaction) TransactionDecoder.decode(NetworkUpgrades.transactions(fork).get(index));
    return Bytecode.runtime(tx.data(), Rules.optimism(OpFork.ISTHMUS));
  }

  /** The rollup config tying the two genesis blocks together. */
  public static RollupConfig rollup(dev.opal.block.BlockId l1Genesis, Hash l2GenesisHash, long l2Time, long blockTime, BigInteger l1ChainId,
      BigInteger l2ChainId, ForkSchedule forks, Address batcher) {
    // Ecotone-style scalar: version 1, blobBaseFeeScalar 810949, baseFeeScalar 1368 (OP Mainnet's values)
    byte[] scalar = new byte[32];
    scalar[0] = 1;
    java.nio.ByteBuffer.wrap(scalar, 24, 8).putInt(810_949).putInt(1_368);
    var sys = new dev.opal.optimism.SystemConfig(batcher, Hash.ZERO, Hash.wrap(scalar), GAS_LIMIT, dev.opal.optimism.SystemConfig.NO_EIP1559_PARAMS,
        Hash.ZERO, 0, 0);
    return new RollupConfig(l1Genesis, new dev.opal.block.BlockId(l2GenesisHash, 0), l2Time, sys, blockTime, 600,
        3600, 300, l1ChainId, l2ChainId, forks, BATCH_INBOX, PORTAL, SYSTEM_CONFIG, null, RollupConfig.Eip1559Config.OP_MAINNET);
  }
}
