package dev.opal.state;

import dev.opal.config.GenesisAccount;
import dev.opal.crypto.Keccak;
import dev.opal.trie.NodeStore;
import dev.opal.types.Address;
import dev.opal.types.Hash;
import dev.opal.types.UInt256;
import java.util.Map;

/** Builds the state of a genesis {@code alloc} (or a test fixture's {@code pre}) and commits it. */
public final class GenesisState {
  private GenesisState() {}

  /** Writes the accounts into {@code store} and returns the state root. */
  public static Hash commit(NodeStore store, Map<Address, GenesisAccount> alloc) {
    StateDb state = new StateDb(store, Keccak.EMPTY_TRIE_ROOT);
    apply(state, alloc);
    return state.commit();
  }

  public static void apply(WorldState state, Map<Address, GenesisAccount> alloc) {
    for (Map.Entry<Address, GenesisAccount> e : alloc.entrySet()) {
      Address a = e.getKey();
      GenesisAccount acc = e.getValue();
      state.createAccount(a);
      state.setNonce(a, acc.nonce());
      state.setBalance(a, acc.balance());
      if (!acc.code().isEmpty()) state.setCode(a, acc.code());
      for (Map.Entry<UInt256, UInt256> s : acc.storage().entrySet()) state.setStorage(a, s.getKey(), s.getValue());
    }
    state.finalizeTransaction(false);
  }
}
