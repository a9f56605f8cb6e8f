package dev.opal.devnet;

import dev.opal.config.Rules;
import dev.opal.crypto.Keccak;
import dev.opal.evm.BlockContext;
import dev.opal.evm.CallResult;
import dev.opal.evm.Evm;
import dev.opal.evm.TxContext;
import dev.opal.state.StateDb;
import dev.opal.trie.InMemoryNodeStore;
import dev.opal.types.Address;
import dev.opal.types.Bytes;
import dev.opal.types.Hash;
import dev.opal.types.Hex;
import dev.opal.types.UInt256;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Packaged contract bytecode, and runtime code obtained by running creation code in a scratch EVM. */
final class Bytecode {
  private static final Address DEPLOYER = Address.fromHex("0x00000000000000000000000000000000000d3b10");

  private Bytecode() {}

  static Bytes resource(String path) {
    try (InputStream in = Bytecode.class.getResourceAsStream(path)) {
      if (in == null) throw new IllegalStateException("missing packaged bytecode " + path);
      return Bytes.wrap(Hex.decodeLenient(new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim()));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + path, e);
    }
  }

  /** Runs {@code initCode} as a contract creation and returns the code it deploys. */
  static Bytes runtime(Bytes initCode, Rules rules) {
    StateDb state = new StateDb(new InMemoryNodeStore(), Keccak.EMPTY_TRIE_ROOT);
    BlockContext block = new BlockContext(Address.ZERO, 0, 0, 100_000_000L, UInt256.ZERO, Hash.ZERO, UInt256.ONE, UInt256.ONE, n -> null, rules);
    Evm evm = new Evm(state, block, new TxContext(DEPLOYER, UInt256.ZERO, List.of()), null);
    Address target = Address.fromHex("0x00000000000000000000000000000000000c0de0");
    CallResult r = evm.create(DEPLOYER, target, UInt256.ZERO, initCode.toArrayUnsafe(), 100_000_000L, 0);
    if (!r.success()) throw new IllegalStateException("creation code failed: " + r.error());
    return state.getCode(target);
  }
}
