package dev.opal.config;

import java.math.BigInteger;
import java.util.EnumMap;
import java.util.Map;

/**
 * The execution layer's chain configuration (op-geth genesis.json {@code config}): chain id, fork
 * schedule and, for an OP chain, the EIP-1559 parameters of {@code config.optimism}. A config with
 * an {@code optimism} section (or {@code bedrockBlock}) is an OP chain; otherwise plain Ethereum.
 */
public record ChainConfig(BigInteger chainId, ForkSchedule forks, RollupConfig.Eip1559Config eip1559) {

  public boolean isOptimism() {
    return forks.isOptimism();
  }

  static ChainConfig parse(JsonConfigReader c) {
    BigInteger chainId = c.bigInteger("chainId");
    boolean optimism = c.has("optimism") || c.has("bedrockBlock");
    if (!optimism) {
      Map<EthereumFork, Long> times = new EnumMap<>(EthereumFork.class);
      putIfPresent(times, EthereumFork.SHANGHAI, c.optUint64("shanghaiTime"));
      putIfPresent(times, EthereumFork.CANCUN, c.optUint64("cancunTime"));
      putIfPresent(times, EthereumFork.PRAGUE, c.optUint64("pragueTime"));
      return new ChainConfig(chainId, ForkSchedule.ethereum(times), null);
    }
    Map<OpFork, Long> times = new EnumMap<>(OpFork.class);
    String[] names = {"regolithTime", "canyonTime", "deltaTime", "ecotoneTime", "fjordTime", "graniteTime", "holoceneTime",
        "isthmusTime", "jovianTime"};
    for (int i = 0; i < names.length; i++) putIfPresent(times, OpFork.values()[i + 1], c.optUint64(names[i]));
    ForkSchedule forks = ForkSchedule.optimism(times);
    // op-geth runs Shanghai/Cancun/Prague at the Canyon/Ecotone/Isthmus times; a file that says otherwise is inconsistent.
    requireSame(c, "shanghaiTime", forks.activationTime(OpFork.CANYON), "canyonTime");
    requireSame(c, "cancunTime", forks.activationTime(OpFork.ECOTONE), "ecotoneTime");
    requireSame(c, "pragueTime", forks.activationTime(OpFork.ISTHMUS), "isthmusTime");
    RollupConfig.Eip1559Config eip1559 = RollupConfig.Eip1559Config.OP_MAINNET;
    if (c.has("optimism")) {
      JsonConfigReader op = c.object("optimism");
      long denominator = op.uint64("eip1559Denominator");
      eip1559 = new RollupConfig.Eip1559Config(op.uint64("eip1559Elasticity"), denominator,
          op.uint64("eip1559DenominatorCanyon", denominator));
    }
    return new ChainConfig(chainId, forks, eip1559);
  }

  private static <F extends Enum<F>> void putIfPresent(Map<F, Long> map, F fork, Long time) {
    if (time != null) map.put(fork, time);
  }

  private static void requireSame(JsonConfigReader c, String ethField, Long opTime, String opField) {
    Long eth = c.optUint64(ethField);
    if (eth != null && !eth.equals(opTime)) {
      throw new ConfigException(c.name(ethField) + " (" + eth + ") must equal " + c.name(opField) + " (" + opTime + ")");
    }
  }
}
