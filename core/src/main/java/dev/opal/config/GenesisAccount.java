package dev.opal.config;

import dev.opal.types.Bytes;
import dev.opal.types.UInt256;
import java.util.Map;

/** One account of a genesis {@code alloc}: what op-geth's genesis.json gives for an address. */
public record GenesisAccount(long nonce, UInt256 balance, Bytes code, Map<UInt256, UInt256> storage) {
  public GenesisAccount {
    storage = Map.copyOf(storage);
  }
}
