package dev.opal.config;

/**
 * The rules in force for one block: the Ethereum fork, and for an OP chain the OP upgrade
 * ({@code op == null} on plain Ethereum: the L1 devnet and the ethereum/tests fixtures).
 * The chain's fork schedule produces these; the EVM and block processing only read them.
 */
public record Rules(EthereumFork eth, OpFork op) {

  public static Rules ethereum(EthereumFork fork) {
    return new Rules(fork, null);
  }

  public static Rules optimism(OpFork fork) {
    return new Rules(fork.ethereumFork(), fork);
  }

  public boolean isOptimism() {
    return op != null;
  }

  public boolean isAtLeast(EthereumFork fork) {
    return eth.isAtLeast(fork);
  }

  /** False on plain Ethereum. */
  public boolean isAtLeast(OpFork fork) {
    return op != null && op.isAtLeast(fork);
  }
}
