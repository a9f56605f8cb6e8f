package dev.opal.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opal.block.BlockId;
import dev.opal.optimism.SystemConfig;
import dev.opal.types.Address;
import dev.opal.types.Hash;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * op-node's rollup configuration ({@code rollup.json}, op-node/rollup/types.go): the genesis anchors
 * on L1 and L2, the genesis SystemConfig, timing and derivation parameters, chain ids, the L1
 * contract addresses and the upgrade schedule.
 */
public record RollupConfig(
    BlockId l1Genesis,
    BlockId l2Genesis,
    long l2GenesisTime,
    SystemConfig genesisSystemConfig,
    long blockTime,
    long maxSequencerDrift,
    long seqWindowSize,
    long channelTimeout,
    BigInteger l1ChainId,
    BigInteger l2ChainId,
    ForkSchedule forks,
    Address batchInboxAddress,
    Address depositContractAddress,
    Address l1SystemConfigAddress,
    Address protocolVersionsAddress,
    Eip1559Config eip1559) {

  /** From Fjord the sequencer drift is a protocol constant (OP specs, fjord/derivation.md). */
  public static final long FJORD_MAX_SEQUENCER_DRIFT = 1800;
  /** From Granite the channel timeout is a protocol constant (OP specs, granite/derivation.md). */
  public static final long GRANITE_CHANNEL_TIMEOUT = 50;

  /** Base-fee parameters of the chain (op-geth's {@code config.optimism}); from Holocene SystemConfig may override them. */
  public record Eip1559Config(long elasticity, long denominator, long denominatorCanyon) {
    public static final Eip1559Config OP_MAINNET = new Eip1559Config(6, 50, 250);

    public long denominatorAt(ForkSchedule forks, long timestamp) {
      return forks.isActive(OpFork.CANYON, timestamp) ? denominatorCanyon : denominator;
    }
  }

  private static final String[][] FORK_FIELDS = {
    {"REGOLITH", "regolith_time"}, {"CANYON", "canyon_time"}, {"DELTA", "delta_time"}, {"ECOTONE", "ecotone_time"},
    {"FJORD", "fjord_time"}, {"GRANITE", "granite_time"}, {"HOLOCENE", "holocene_time"}, {"ISTHMUS", "isthmus_time"},
    {"JOVIAN", "jovian_time"},
  };

  public long maxSequencerDrift(long timestamp) {
    return forks.isActive(OpFork.FJORD, timestamp) ? FJORD_MAX_SEQUENCER_DRIFT : maxSequencerDrift;
  }

  public long channelTimeout(long timestamp) {
    return forks.isActive(OpFork.GRANITE, timestamp) ? GRANITE_CHANNEL_TIMEOUT : channelTimeout;
  }

  /** The timestamp of L2 block {@code number}: genesis time plus one block time per block. */
  public long timestampForBlock(long number) {
    return l2GenesisTime + (number - l2Genesis.number()) * blockTime;
  }

  public static RollupConfig load(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new ConfigException("rollup config " + file + " does not exist");
    } catch (IOException e) {
      throw new ConfigException("cannot read rollup config " + file + ": " + e.getMessage());
    }
    try {
      return parse(new ObjectMapper().readTree(bytes));
    } catch (IOException e) {
      throw new ConfigException("rollup config " + file + " is not valid JSON: " + e.getMessage());
    } catch (ConfigException e) {
      throw new ConfigException("rollup config " + file + ": " + e.getMessage());
    }
  }


  public static RollupConfig parse(JsonNode json) {
    JsonConfigReader r = new JsonConfigReader(json, "");
    JsonConfigReader genesis = r.object("genesis");
    JsonConfigReader sc = genesis.object("system_config");
    SystemConfig systemConfig = new SystemConfig(
        sc.address("batcherAddr"),
        sc.hash("overhead"),
        sc.hash("scalar"),
        sc.uint64("gasLimit"),
        sc.has("eip1559Params") ? sc.bytes("eip1559Params") : SystemConfig.NO_EIP1559_PARAMS,
        sc.has("operatorFeeParams") ? sc.hash("operatorFeeParams") : Hash.ZERO,
        sc.uint64("minBaseFee", 0),
        sc.uint64("daFootprintGasScalar", 0));
    Map<OpFork, Long> times = new EnumMap<>(OpFork.class);
    for (String[] f : FORK_FIELDS) {
      Long t = r.optUint64(f[1]);
      if (t != null) times.put(OpFork.valueOf(f[0]), t);
    }
    Eip1559Config eip1559 = Eip1559Config.OP_MAINNET;
    if (r.has("chain_op_config")) {
      JsonConfigReader op = r.object("chain_op_config");
      eip1559 = new Eip1559Config(op.uint64("eip1559Elasticity"), op.uint64("eip1559Denominator"),
          op.uint64("eip1559DenominatorCanyon"));
    }
    RollupConfig config = new RollupConfig(
        blockId(genesis.object("l1")),
        blockId(genesis.object("l2")),
        genesis.uint64("l2_time"),
        systemConfig,
        r.uint64("block_time"),
        r.uint64("max_sequencer_drift"),
        r.uint64("seq_window_size"),
        r.uint64("channel_timeout"),
        r.bigInteger("l1_chain_id"),
        r.bigInteger("l2_chain_id"),
        ForkSchedule.optimism(times),
        r.address("batch_inbox_address"),
        r.address("deposit_contract_address"),
        r.address("l1_system_config_address"),
        r.optAddress("protocol_versions_address"),
        eip1559);
    config.check();
    return config;
  }

  private static BlockId blockId(JsonConfigReader r) {
    return new BlockId(r.hash("hash"), r.uint64("number"));
  }

  /** The sanity rules op-node applies at start-up (rollup.Config.Check). */
  public void check() {
    if (blockTime == 0) throw new ConfigException("block_time must be positive");
    if (channelTimeout == 0) throw new ConfigException("channel_timeout must be positive");
    if (seqWindowSize < 2) throw new ConfigException("seq_window_size must be at least 2");
    if (maxSequencerDrift == 0) throw new ConfigException("max_sequencer_drift must be positive");
    if (l1Genesis.hash().isZero() || l2Genesis.hash().isZero()) throw new ConfigException("genesis block hashes must be set");
    if (l1Genesis.hash().equals(l2Genesis.hash())) throw new ConfigException("genesis.l1 and genesis.l2 hashes must differ");
    if (l2GenesisTime == 0) throw new ConfigException("genesis.l2_time must be set");
    if (genesisSystemConfig.batcherAddr().equals(Address.ZERO)) throw new ConfigException("genesis.system_config.batcherAddr must be set");
    if (genesisSystemConfig.scalar().isZero()) throw new ConfigException("genesis.system_config.scalar must be set");
    if (genesisSystemConfig.gasLimit() == 0) throw new ConfigException("genesis.system_config.gasLimit must be set");
    if (batchInboxAddress.equals(Address.ZERO)) throw new ConfigException("batch_inbox_address must be set");
    if (depositContractAddress.equals(Address.ZERO)) throw new ConfigException("deposit_contract_address must be set");
    if (l1ChainId.signum() <= 0 || l2ChainId.signum() <= 0) throw new ConfigException("chain ids must be positive");
    if (l1ChainId.equals(l2ChainId)) throw new ConfigException("l1_chain_id and l2_chain_id must differ");
  }
}
