package dev.opal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opal.types.Address;
import dev.opal.types.Hash;
import dev.opal.types.UInt256;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * rollup.json and genesis.json parsing and the fork schedule. The rollup config is OP Mainnet's as
 * the superchain registry publishes it (op-node's chaincfg tests hold the same values).
 */
class ChainConfigTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static RollupConfig opMainnet() throws Exception {
    return RollupConfig.load(Path.of(ChainConfigTest.class.getResource("/config/op-mainnet-rollup.json").toURI()));
  }

  @Test
  void readsOpMainnetRollupConfig() throws Exception {
    RollupConfig c = opMainnet();
    assertThat(c.l2ChainId()).isEqualTo(BigInteger.TEN);
    assertThat(c.l1Genesis().number()).isEqualTo(17422590);
    assertThat(c.l2Genesis().hash()).isEqualTo(Hash.fromHex("0xdbf6a80fef073de06add9b0d14026d6e5a86c85f6d102c36d3d8e9cf89c2afd3"));
    assertThat(c.genesisSystemConfig().scalar().toBytes().toArray()[31]).isEqualTo((byte) 0xe0);
    assertThat(c.genesisSystemConfig().gasLimit()).isEqualTo(30_000_000);
    assertThat(c.depositContractAddress()).isEqualTo(Address.fromHex("0xbeb5fc579115071764c7423a4f12edde41f106ed"));
    assertThat(c.eip1559().denominatorAt(c.forks(), 1704992401)).isEqualTo(250);
    assertThat(c.eip1559().denominatorAt(c.forks(), 1704992400)).isEqualTo(50);
  }

  @Test
  void oneClassAnswersWhichForkIsActive() throws Exception {
    ForkSchedule f = opMainnet().forks();
    assertThat(f.opForkAt(1686068903)).isEqualTo(OpFork.REGOLITH);
    assertThat(f.rulesAt(1710374400)).isEqualTo(new Rules(EthereumFork.SHANGHAI, OpFork.DELTA));
    assertThat(f.rulesAt(1710374401)).isEqualTo(new Rules(EthereumFork.CANCUN, OpFork.ECOTONE));
    assertThat(f.rulesAt(1746806401)).isEqualTo(new Rules(EthereumFork.PRAGUE, OpFork.ISTHMUS));
    assertThat(f.isActive(OpFork.JOVIAN, Long.MAX_VALUE)).isFalse();
    assertThat(f.isActivationBlock(OpFork.ECOTONE, 1710374401, 2)).isTrue();
    assertThat(f.isActivationBlock(OpFork.ECOTONE, 1710374402, 2)).isTrue(); // first block at or after the time
    assertThat(f.isActivationBlock(OpFork.ECOTONE, 1710374403, 2)).isFalse();
  }

  @Test
  void driftAndChannelTimeoutBecomeConstants() throws Exception {
    RollupConfig c = opMainnet();
    assertThat(c.maxSequencerDrift(1720627200)).isEqualTo(600);
    assertThat(c.maxSequencerDrift(1720627201)).isEqualTo(1800);
    assertThat(c.channelTimeout(1726070401)).isEqualTo(50);
    assertThat(c.timestampForBlock(105235063 + 10)).isEqualTo(1686068903 + 20);
  }

  @Test
  void rejectsForksOutOfOrderAndMissingFields() throws Exception {
    assertThatThrownBy(() -> ForkSchedule.optimism(Map.of(OpFork.REGOLITH, 0L, OpFork.CANYON, 10L, OpFork.DELTA, 5L)))
        .isInstanceOf(ConfigException.class).hasMessageContaining("DELTA");
    assertThatThrownBy(() -> ForkSchedule.optimism(Map.of(OpFork.ECOTONE, 10L)))
        .isInstanceOf(ConfigException.class).hasMessageContaining("earlier DELTA is not");
    var json = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(
        ChainConfigTest.class.getResourceAsStream("/config/op-mainnet-rollup.json"));
    json.remove("block_time");
    assertThatThrownBy(() -> RollupConfig.parse(json)).isInstanceOf(ConfigException.class).hasMessage("missing block_time");
  }

  @Test
  void readsAnOpGethGenesis() throws Exception {
    String genesis = """
        {"config":{"chainId":901,"homesteadBlock":0,"londonBlock":0,"bedrockBlock":0,"regolithTime":0,"shanghaiTime":0,
          "canyonTime":0,"deltaTime":0,"cancunTime":100,"ecotoneTime":100,"optimism":{"eip1559Elasticity":6,"eip1559Denominator":50,
          "eip1559DenominatorCanyon":250}},
         "timestamp":"0x64","gasLimit":"0x1c9c380","extraData":"0x","baseFeePerGas":"0x3b9aca00",
         "alloc":{"4200000000000000000000000000000000000015":{"balance":"0x0","code":"0x6001",
           "storage":{"0x00":"0x01"}},"0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266":{"balance":"1000000000000000000000"}}}""";
    Genesis g = Genesis.parse(JSON.readTree(genesis));
    assertThat(g.config().isOptimism()).isTrue();
    assertThat(g.config().forks().rulesAt(99)).isEqualTo(new Rules(EthereumFork.SHANGHAI, OpFork.DELTA));
    assertThat(g.gasLimit()).isEqualTo(30_000_000);
    assertThat(g.alloc()).hasSize(2);
    assertThat(g.alloc().get(Address.fromHex("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266")).balance())
        .isEqualTo(UInt256.fromBigInteger(new BigInteger("1000000000000000000000")));
    assertThat(g.alloc().get(Address.fromHex("0x4200000000000000000000000000000000000015")).storage())
        .containsEntry(UInt256.ZERO, UInt256.ONE);
    assertThatThrownBy(() -> Genesis.parse(JSON.readTree(genesis.replace("\"cancunTime\":100", "\"cancunTime\":50"))))
        .isInstanceOf(ConfigException.class).hasMessageContaining("cancunTime");
  }
}
