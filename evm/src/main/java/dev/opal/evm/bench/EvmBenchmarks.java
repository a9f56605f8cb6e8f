package dev.opal.evm.bench;

import dev.opal.config.EthereumFork;
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
import dev.opal.types.UInt256;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Interpreter throughput on fixed workloads, in million gas per second of wall time: each workload
 * is a loop of one kind of work run until its gas is spent. Used by {@code opal bench evm}.
 */
public final class EvmBenchmarks {
  private static final Address CONTRACT = Address.fromHex("0x00000000000000000000000000000000000b0b0b");
  private static final Address CALLEE = Address.fromHex("0x00000000000000000000000000000000000ca11e");
  private static final Address SENDER = Address.fromHex("0x0000000000000000000000000000000000005e4d");
  private static final long GAS = 100_000_000;

  public record Workload(String name, byte[] code) {}

  public record Measurement(String name, long gasUsed, long nanos) {
    public double mgasPerSecond() {
      return gasUsed / 1e6 / (nanos / 1e9);
    }
  }

  private EvmBenchmarks() {}

  public static List<Workload> workloads() {
    List<Workload> w = new ArrayList<>();
    // DUP1 DUP1 MUL DUP2 ADD DUP2 SWAP1 MOD DUP2 SWAP1 DIV POP: c*c+c, mod c, div c
    w.add(new Workload("arithmetic", loop(a -> a.op(0x80, 0x80, 0x02, 0x81, 0x01, 0x81, 0x90, 0x06, 0x81, 0x90, 0x04, 0x50))));
    w.add(new Workload("bitwise", loop(a -> a.op(0x80, 0x80, 0x16, 0x81, 0x18, 0x80, 0x19, 0x17).push(3).op(0x1b, 0x50)))); // AND XOR NOT OR SHL
    w.add(new Workload("keccak", loop(a -> a.op(0x80).push(0).op(0x52).push(64).push(0).op(0x20, 0x50)))); // MSTORE, KECCAK256(0,64)
    w.add(new Workload("memory", loop(a -> a.op(0x80, 0x80).push(0xff).op(0x16).push(5).op(0x1b, 0x52).push(0).op(0x51, 0x50)))); // MSTORE at (c&255)<<5, MLOAD
    w.add(new Workload("storage", loop(a -> a.op(0x80).push(0x3f).op(0x16, 0x80, 0x55).push(1).op(0x54, 0x50)))); // SSTORE(c&63, c&63), SLOAD(1)
    w.add(new Workload("calls", loop(a -> a.push(0).push(0).push(0).push(0).push(CALLEE_NUMBER).op(0x5a, 0xfa, 0x50)))); // STATICCALL(gas, callee, 0,0,0,0)
    return w;
  }

  private static final long CALLEE_NUMBER = 0xca11eL;

  /** A loop over a counter that starts high; the body must leave the stack as it found it. */
  private static byte[] loop(java.util.function.Consumer<Assembler> body) {
    Assembler a = new Assembler();
    a.push(1L << 40).label("top");
    body.accept(a);
    a.push(1).op(0x90, 0x03); // counter - 1
    a.op(0x80).pushLabel("top").op(0x57); // JUMPI top if counter != 0
    a.op(0x00);
    return a.bytes();
  }

  /** Runs a workload {@code repeat} times after a warm-up, reporting the best run. */
  public static Measurement run(Workload w, int repeat) {
    Measurement best = null;
    for (int i = 0; i < repeat + 2; i++) {
      Measurement m = once(w);
      if (i >= 2 && (best == null || m.nanos() < best.nanos())) best = m;
    }
    return best;
  }

  private static Measurement once(Workload w) {
    StateDb state = new StateDb(new InMemoryNodeStore(), Keccak.EMPTY_TRIE_ROOT);
    state.setCode(CONTRACT, Bytes.wrap(w.code()));
    state.setCode(CALLEE, Bytes.wrap(new byte[] {0x60, 0x01, 0x60, 0x00, 0x52, 0x60, 0x20, 0x60, 0x00, (byte) 0xf3})); // return 1
    state.setBalance(SENDER, UInt256.valueOf(1));
    state.finalizeTransaction(false);
    Supplier<Hash> none = () -> null;
    BlockContext block = new BlockContext(Address.ZERO, 1, 1, GAS, UInt256.ZERO, Hash.ZERO, UInt256.ONE, UInt256.ONE, n -> none.get(),
        Rules.ethereum(EthereumFork.CANCUN));
    Evm evm = new Evm(state, block, new TxContext(SENDER, UInt256.ZERO, List.of()), null);
    evm.warmAddress(CONTRACT);
    evm.warmAddress(CALLEE);
    long start = System.nanoTime();
    CallResult r = evm.call(Evm.CallKind.CALL, SENDER, CONTRACT, CONTRACT, UInt256.ZERO, new byte[0], GAS, false, 0);
    long nanos = System.nanoTime() - start;
    // every workload loops until its gas is gone; any other ending means the program is wrong
    if (!"out of gas".equals(r.error())) throw new IllegalStateException("workload " + w.name() + " ended early: " + r.error());
    return new Measurement(w.name(), GAS - r.gasLeft(), nanos);
  }
}
