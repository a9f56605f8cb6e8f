package dev.opal.execution.core;

import dev.opal.evm.BlockContext;
import dev.opal.evm.Evm;
import dev.opal.evm.TxContext;
import dev.opal.state.WorldState;
import dev.opal.types.Address;
import dev.opal.types.Hash;
import dev.opal.types.UInt256;
import java.util.List;

/**
 * Calls the protocol makes at the start of a block from the system address, outside any
 * transaction and outside the block's gas: EIP-4788 stores the parent beacon block root (Cancun,
 * OP Ecotone) and EIP-2935 the parent block hash (Prague, OP Isthmus).
 */
public final class SystemCalls {
  public static final Address SYSTEM_ADDRESS = Address.fromHex("0xfffffffffffffffffffffffffffffffffffffffe");
  public static final Address BEACON_ROOTS_ADDRESS = Address.fromHex("0x000f3df6d732807ef1319fb7b8bb8522d0beac02");
  public static final Address HISTORY_STORAGE_ADDRESS = Address.fromHex("0x0000f90827f1c53a10cb7a02335b175320002935");
  private static final long SYSTEM_CALL_GAS = 30_000_000;

  private SystemCalls() {}

  public static void beaconRoot(WorldState state, BlockContext block, Hash parentBeaconBlockRoot) {
    call(state, block, BEACON_ROOTS_ADDRESS, parentBeaconBlockRoot.toArray());
  }

  public static void parentBlockHash(WorldState state, BlockContext block, Hash parentHash) {
    call(state, block, HISTORY_STORAGE_ADDRESS, parentHash.toArray());
  }

  private static void call(WorldState state, BlockContext block, Address target, byte[] input) {
    Evm evm = new Evm(state, block, new TxContext(SYSTEM_ADDRESS, UInt256.ZERO, List.of()), null);
    evm.warmAddress(target);
    evm.call(Evm.CallKind.CALL, SYSTEM_ADDRESS, target, target, UInt256.ZERO, input, SYSTEM_CALL_GAS, false, 0);
    state.finalizeTransaction(true);
  }
}
