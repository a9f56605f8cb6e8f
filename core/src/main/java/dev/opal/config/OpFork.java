package dev.opal.config;

/**
 * OP Stack network upgrades, in activation order (ethereum-optimism/specs, protocol/*). Each one
 * runs on top of an Ethereum fork: the EVM rules of that fork apply plus OP's own changes.
 */
public enum OpFork {
  BEDROCK(EthereumFork.PARIS),
  REGOLITH(EthereumFork.PARIS),
  CANYON(EthereumFork.SHANGHAI),
  DELTA(EthereumFork.SHANGHAI),
  ECOTONE(EthereumFork.CANCUN),
  FJORD(EthereumFork.CANCUN),
  GRANITE(EthereumFork.CANCUN),
  HOLOCENE(EthereumFork.CANCUN),
  ISTHMUS(EthereumFork.PRAGUE),
  JOVIAN(EthereumFork.PRAGUE);

  private final EthereumFork ethereumFork;

  OpFork(EthereumFork ethereumFork) {
    this.ethereumFork = ethereumFork;
  }

  /** The Ethereum fork whose EVM rules this upgrade includes. */
  public EthereumFork ethereumFork() {
    return ethereumFork;
  }

  public boolean isAtLeast(OpFork other) {
    return compareTo(other) >= 0;
  }
}
