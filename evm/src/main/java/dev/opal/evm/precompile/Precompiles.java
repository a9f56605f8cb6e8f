package dev.opal.evm.precompile;

import dev.opal.config.Rules;
import dev.opal.types.Address;
import java.util.Map;

/** The precompiled contracts active under a fork's rules. (Placeholder until the precompile set lands.) */
public final class Precompiles {
  private Precompiles() {}

  public static Map<Address, Precompile> forRules(Rules rules) {
    return Map.of();
  }
}
