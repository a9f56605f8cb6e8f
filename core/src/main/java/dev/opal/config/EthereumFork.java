package dev.opal.config;

/** Ethereum execution-layer forks, in activation order; the EVM's rules branch on these. */
public enum EthereumFork {
  FRONTIER("Frontier"),
  HOMESTEAD("Homestead"),
  TANGERINE_WHISTLE("EIP150"),
  SPURIOUS_DRAGON("EIP158"),
  BYZANTIUM("Byzantium"),
  CONSTANTINOPLE("Constantinople"),
  PETERSBURG("ConstantinopleFix"),
  ISTANBUL("Istanbul"),
  BERLIN("Berlin"),
  LONDON("London"),
  PARIS("Paris"),
  SHANGHAI("Shanghai"),
  CANCUN("Cancun"),
  PRAGUE("Prague");

  private final String testName;

  EthereumFork(String testName) {
    this.testName = testName;
  }

  /** The name ethereum/tests fixtures use for this fork (e.g. {@code ConstantinopleFix}). */
  public String testName() {
    return testName;
  }

  public boolean isAtLeast(EthereumFork other) {
    return compareTo(other) >= 0;
  }

  /** Parses a fixture fork name; throws for names this enum does not know. */
  public static EthereumFork fromTestName(String name) {
    for (EthereumFork f : values()) {
      if (f.testName.equals(name) || f.name().equalsIgnoreCase(name)) return f;
    }
    throw new IllegalArgumentException("unknown fork name: " + name);
  }
}
