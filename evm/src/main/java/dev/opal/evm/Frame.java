package dev.opal.evm;

import dev.opal.block.Log;
import dev.opal.config.EthereumFork;
import dev.opal.crypto.Keccak;
import dev.opal.tx.ContractAddress;
import dev.opal.types.Address;
import dev.opal.types.Bytes;
import dev.opal.types.Hash;
import dev.opal.types.UInt256;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One call frame: the interpreter loop over analysed code with a stack of primitive 256-bit words
 * (four longs each, see {@link Words}), memory, gas and return data. Opcode semantics follow the
 * Yellow Paper with the EIPs active under the frame's rules; gas follows {@link Gas}.
 */
final class Frame {
  private static final int STACK_LIMIT = 1024;
  private static final long MAX_MEMORY = Integer.MAX_VALUE - 64;

  private final Evm evm;
  private final Code code;
  private final byte[] bytecode;
  private final Address address;
  private final Address caller;
  private final UInt256 value;
  private final byte[] input;
  private final boolean isStatic;
  private final int depth;
  private final long[] s;
  private int sp; // number of words on the stack
  private final Memory memory = new Memory();
  private byte[] returnData = CallResult.NO_OUTPUT;
  private long gas;

  Frame(Evm evm, Code code, Address address, Address caller, UInt256 value, byte[] input, long gas, boolean isStatic, int depth) {
    this.evm = evm;
    this.code = code;
    this.bytecode = code.bytes;
    this.address = address;
    this.caller = caller;
    this.value = value;
    this.input = input;
    this.gas = gas;
    this.isStatic = isStatic;
    this.depth = depth;
    this.s = stackFor(depth);
  }

  /** Call depths whose stacks are kept per thread; deeper frames, rare, get a fresh one. */
  private static final int POOLED_DEPTHS = 64;
  /**
   * Stacks (32 KiB each) reused per thread and call depth: on one thread, frames at the same depth
   * never overlap in time, and a frame reads nothing above its stack pointer, so what an earlier
   * frame left there does no harm. Saves most of the EVM's allocation per transaction.
   */
  private static final ThreadLocal<long[][]> STACKS = ThreadLocal.withInitial(() -> new long[POOLED_DEPTHS][]);

  private static long[] stackFor(int depth) {
    if (depth >= POOLED_DEPTHS) return new long[STACK_LIMIT * 4];
    long[][] pool = STACKS.get();
    long[] stack = pool[depth];
    if (stack == null) pool[depth] = stack = new long[STACK_LIMIT * 4];
    return stack;
  }

  CallResult run() {
    try {
      return loop();
    } catch (EvmHalt halt) {
      return CallResult.halt(halt.getMessage());
    }
  }

  private void useGas(long amount) {
    if (amount < 0 || amount > gas) throw EvmHalt.OUT_OF_GAS;
    gas -= amount;
  }

  /** Offset of the i-th word from the top (0 = top). */
  private int at(int i) {
    return (sp - 1 - i) * 4;
  }

  private void pushLong(long v) {
    Words.setLong(s, sp * 4, v);
    sp++;
  }

  private void pushUInt(UInt256 v) {
    Words.set(s, sp * 4, v.u3(), v.u2(), v.u1(), v.u0());
    sp++;
  }

  private void pushBytes32(byte[] b) {
    Words.fromBytes(s, sp * 4, b, 0, 32);
    sp++;
  }

  private void pushAddress(Address a) {
    Words.fromBytes(s, sp * 4, a.toArrayUnsafe(), 0, 20);
    sp++;
  }

  private UInt256 word(int offset) {
    return new UInt256(s[offset], s[offset + 1], s[offset + 2], s[offset + 3]);
  }

  private Address address(int offset) {
    byte[] b = new byte[32];
    Words.toBytes(s, offset, b, 0);
    return Address.of(Arrays.copyOfRange(b, 12, 32));
  }

  /** Charges for memory covering [offset, offset+length) and grows it; returns the offset as a long. */
  private long memory(int offsetWord, int lengthWord) {
    long length = Words.clampedLong(s, lengthWord);
    if (length == 0) return 0;
    long offset = Words.clampedLong(s, offsetWord);
    return expand(offset, length);
  }

  private long expand(long offset, long length) {
    if (length == 0) return offset;
    if (offset > MAX_MEMORY || length > MAX_MEMORY || offset + length > MAX_MEMORY) throw EvmHalt.OUT_OF_GAS;
    long newWords = Gas.words(offset + length);
    long oldWords = memory.words();
    if (newWords > oldWords) useGas(Gas.memoryCost(newWords) - Gas.memoryCost(oldWords));
    memory.ensure(offset, length);
    return offset;
  }

  /** EIP-2929: 100 gas for a warm address, 2600 for a cold one (which becomes warm). */
  private long accessCost(Address a) {
    return evm.substate.warmAddress(a) ? Gas.COLD_ACCOUNT_ACCESS : Gas.WARM_STORAGE_READ;
  }

  private CallResult loop() {
    final Instructions ins = evm.instructions;
    final Tracer tracer = evm.tracer;
    int pc = 0;
    while (true) {
      int op = pc < bytecode.length ? bytecode[pc] & 0xFF : 0x00;
      long staticGas = ins.staticGas[op];
      if (staticGas < 0) throw EvmHalt.INVALID_OPCODE;
      if (sp < ins.minStack[op]) throw EvmHalt.STACK_UNDERFLOW;
      if (sp > ins.maxStack[op]) throw EvmHalt.STACK_OVERFLOW;
      if (tracer != null) tracer.step(depth, pc, op, gas, s, sp);
      useGas(staticGas);
      switch (op) {
        case 0x00 -> { // STOP
          return new CallResult(true, gas, CallResult.NO_OUTPUT, null, null);
        }
        case 0x01 -> binary(Op.ADD);
        case 0x02 -> binary(Op.MUL);
        case 0x03 -> binary(Op.SUB);
        case 0x04 -> binary(Op.DIV);
        case 0x05 -> binary(Op.SDIV);
        case 0x06 -> binary(Op.MOD);
        case 0x07 -> binary(Op.SMOD);
        case 0x08 -> { // ADDMOD
          Words.addmod(s, at(0), at(1), at(2), at(2));
          sp -= 2;
        }
        case 0x09 -> { // MULMOD
          Words.mulmod(s, at(0), at(1), at(2), at(2));
          sp -= 2;
        }
        case 0x0a -> { // EXP
          useGas(Gas.EXP_BYTE * Words.byteLength(s, at(1)));
          binary(Op.EXP);
        }
        case 0x0b -> binary(Op.SIGNEXTEND);
        case 0x10 -> binary(Op.LT);
        case 0x11 -> binary(Op.GT);
        case 0x12 -> binary(Op.SLT);
        case 0x13 -> binary(Op.SGT);
        case 0x14 -> binary(Op.EQ);
        case 0x15 -> Words.setBool(s, at(0), Words.isZero(s, at(0))); // ISZERO
        case 0x16 -> binary(Op.AND);
        case 0x17 -> binary(Op.OR);
        case 0x18 -> binary(Op.XOR);
        case 0x19 -> { // NOT
          int a = at(0);
          Words.set(s, a, ~s[a], ~s[a + 1], ~s[a + 2], ~s[a + 3]);
        }
        case 0x1a -> binary(Op.BYTE);
        case 0x1b -> binary(Op.SHL);
        case 0x1c -> binary(Op.SHR);
        case 0x1d -> binary(Op.SAR);
        case 0x20 -> { // KECCAK256
          long len = Words.clampedLong(s, at(1));
          long off = memory(at(0), at(1));
          useGas(Gas.KECCAK256_WORD * Gas.words(len));
          byte[] h = Keccak.hash(memory.array(), (int) off, (int) len);
          sp--;
          Words.fromBytes(s, at(0), h, 0, 32);
        }
        case 0x30 -> pushAddress(address); // ADDRESS
        case 0x31 -> { // BALANCE
          Address a = address(at(0));
          useGas(accessCost(a));
          UInt256 b = evm.state.getBalance(a);
          Words.set(s, at(0), b.u3(), b.u2(), b.u1(), b.u0());
        }
        case 0x32 -> pushAddress(evm.tx.origin()); // ORIGIN
        case 0x33 -> pushAddress(caller); // CALLER
        case 0x34 -> pushUInt(value); // CALLVALUE
        case 0x35 -> { // CALLDATALOAD
          int a = at(0);
          long off = Words.clampedLong(s, a);
          if (off >= input.length) Words.setLong(s, a, 0);
          else Words.fromBytes(s, a, input, (int) off, 32);
        }
        case 0x36 -> pushLong(input.length); // CALLDATASIZE
        case 0x37 -> copyToMemory(input); // CALLDATACOPY
        case 0x38 -> pushLong(bytecode.length); // CODESIZE
        case 0x39 -> copyToMemory(bytecode); // CODECOPY
        case 0x3a -> pushUInt(evm.tx.gasPrice()); // GASPRICE
        case 0x3b -> { // EXTCODESIZE
          Address a = address(at(0));
          useGas(accessCost(a));
          Words.setLong(s, at(0), evm.state.getCode(a).size());
        }
        case 0x3c -> { // EXTCODECOPY
          Address a = address(at(0));
          useGas(accessCost(a));
          long len = Words.clampedLong(s, at(3));
          long memOff = memory(at(1), at(3));
          useGas(Gas.COPY_WORD * Gas.words(len));
          long srcOff = Words.clampedLong(s, at(2));
          memory.writePadded(memOff, evm.state.getCode(a).toArrayUnsafe(), srcOff, len);
          sp -= 4;
        }
        case 0x3d -> pushLong(returnData.length); // RETURNDATASIZE
        case 0x3e -> { // RETURNDATACOPY
          long len = Words.clampedLong(s, at(2));
          long srcOff = Words.clampedLong(s, at(1));
          if (srcOff + len > returnData.length || srcOff + len < 0) throw EvmHalt.RETURN_DATA_OUT_OF_BOUNDS;
          long memOff = memory(at(0), at(2));
          useGas(Gas.COPY_WORD * Gas.words(len));
          memory.writePadded(memOff, returnData, srcOff, len);
          sp -= 3;
        }
        case 0x3f -> { // EXTCODEHASH
          Address a = address(at(0));
          useGas(accessCost(a));
          if (evm.state.isEmpty(a)) Words.setLong(s, at(0), 0);
          else Words.fromBytes(s, at(0), evm.state.getCodeHash(a).toArrayUnsafe(), 0, 32);
        }
        case 0x40 -> { // BLOCKHASH
          int a = at(0);
          long n = Words.clampedLong(s, a);
          long current = evm.block.number();
          Hash h = n < current && current - n <= 256 ? evm.block.blockHashes().apply(n) : null;
          if (h == null) Words.setLong(s, a, 0);
          else Words.fromBytes(s, a, h.toArrayUnsafe(), 0, 32);
        }
        case 0x41 -> pushAddress(evm.block.coinbase()); // COINBASE
        case 0x42 -> pushLong(evm.block.timestamp()); // TIMESTAMP
        case 0x43 -> pushLong(evm.block.number()); // NUMBER
        case 0x44 -> pushBytes32(evm.block.prevRandao().toArrayUnsafe()); // PREVRANDAO
        case 0x45 -> pushLong(evm.block.gasLimit()); // GASLIMIT
        case 0x46 -> pushUInt(evm.block.chainId()); // CHAINID
        case 0x47 -> pushUInt(evm.state.getBalance(address)); // SELFBALANCE
        case 0x48 -> pushUInt(evm.block.baseFee()); // BASEFEE
        case 0x49 -> { // BLOBHASH
          int a = at(0);
          long i = Words.clampedLong(s, a);
          List<Hash> hashes = evm.tx.blobHashes();
          if (i < hashes.size()) Words.fromBytes(s, a, hashes.get((int) i).toArrayUnsafe(), 0, 32);
          else Words.setLong(s, a, 0);
        }
        case 0x4a -> pushUInt(evm.block.blobBaseFee()); // BLOBBASEFEE
        case 0x50 -> sp--; // POP
        case 0x51 -> { // MLOAD
          int a = at(0);
          long off = expand(Words.clampedLong(s, a), 32);
          Words.fromBytes(s, a, memory.array(), (int) off, 32);
        }
        case 0x52 -> { // MSTORE
          long off = expand(Words.clampedLong(s, at(0)), 32);
          Words.toBytes(s, at(1), memory.array(), (int) off);
          sp -= 2;
        }
        case 0x53 -> { // MSTORE8
          long off = expand(Words.clampedLong(s, at(0)), 1);
          memory.writeByte(off, (byte) s[at(1) + 3]);
          sp -= 2;
        }
        case 0x54 -> { // SLOAD
          int a = at(0);
          UInt256 key = word(a);
          useGas(evm.substate.warmSlot(address, key) ? Gas.COLD_SLOAD : Gas.WARM_STORAGE_READ);
          UInt256 v = evm.state.getStorage(address, key);
          Words.set(s, a, v.u3(), v.u2(), v.u1(), v.u0());
        }
        case 0x55 -> sstore();
        case 0x56 -> { // JUMP
          long dest = Words.clampedLong(s, at(0));
          sp--;
          if (!code.isJumpDest(dest)) throw EvmHalt.INVALID_JUMP;
          pc = (int) dest;
          continue;
        }
        case 0x57 -> { // JUMPI
          long dest = Words.clampedLong(s, at(0));
          boolean jump = !Words.isZero(s, at(1));
          sp -= 2;
          if (jump) {
            if (!code.isJumpDest(dest)) throw EvmHalt.INVALID_JUMP;
            pc = (int) dest;
            continue;
          }
        }
        case 0x58 -> pushLong(pc); // PC
        case 0x59 -> pushLong(memory.size()); // MSIZE
        case 0x5a -> pushLong(gas); // GAS
        case 0x5b -> { } // JUMPDEST
        case 0x5c -> { // TLOAD
          int a = at(0);
          UInt256 v = evm.substate.getTransient(address, word(a));
          Words.set(s, a, v.u3(), v.u2(), v.u1(), v.u0());
        }
        case 0x5d -> { // TSTORE
          if (isStatic) throw EvmHalt.WRITE_PROTECTION;
          evm.substate.setTransient(address, word(at(0)), word(at(1)));
          sp -= 2;
        }
        case 0x5e -> { // MCOPY
          long len = Words.clampedLong(s, at(2));
          if (len > 0) {
            long dst = Words.clampedLong(s, at(0));
            long src = Words.clampedLong(s, at(1));
            expand(Math.max(dst, src), len);
            useGas(Gas.COPY_WORD * Gas.words(len));
            memory.copy(dst, src, len);
          }
          sp -= 3;
        }
        case 0x5f -> pushLong(0); // PUSH0
        case 0xf0 -> create(false);
        case 0xf1 -> call(Evm.CallKind.CALL);
        case 0xf2 -> call(Evm.CallKind.CALLCODE);
        case 0xf3, 0xfd -> { // RETURN, REVERT
          long len = Words.clampedLong(s, at(1));
          long off = memory(at(0), at(1));
          byte[] out = memory.read(off, len);
          return op == 0xf3 ? new CallResult(true, gas, out, null, null) : CallResult.revert(gas, out);
        }
        case 0xf4 -> call(Evm.CallKind.DELEGATECALL);
        case 0xf5 -> create(true);
        case 0xfa -> call(Evm.CallKind.STATICCALL);
        case 0xff -> {
          selfDestruct();
          return new CallResult(true, gas, CallResult.NO_OUTPUT, null, null);
        }
        default -> {
          if (op >= 0x60 && op <= 0x7f) { // PUSH1..PUSH32
            int n = op - 0x5f;
            Words.fromBytes(s, sp * 4, bytecode, pc + 1, n);
            sp++;
            pc += n + 1;
            continue;
          } else if (op >= 0x80 && op <= 0x8f) { // DUP1..DUP16
            System.arraycopy(s, at(op - 0x80), s, sp * 4, 4);
            sp++;
          } else if (op >= 0x90 && op <= 0x9f) { // SWAP1..SWAP16
            int a = at(0);
            int b = at(op - 0x8f);
            for (int k = 0; k < 4; k++) {
              long t = s[a + k];
              s[a + k] = s[b + k];
              s[b + k] = t;
            }
          } else if (op >= 0xa0 && op <= 0xa4) {
            log(op - 0xa0);
          } else {
            throw EvmHalt.INVALID_OPCODE;
          }
        }
      }
      pc++;
    }
  }

  private enum Op { ADD, MUL, SUB, DIV, SDIV, MOD, SMOD, EXP, SIGNEXTEND, LT, GT, SLT, SGT, EQ, AND, OR, XOR, BYTE, SHL, SHR, SAR }

  /** A two-operand instruction: a = top, b = second; the result replaces b. */
  private void binary(Op op) {
    int a = at(0);
    int b = at(1);
    switch (op) {
      case ADD -> Words.add(s, a, b, b);
      case MUL -> Words.mul(s, a, b, b);
      case SUB -> Words.sub(s, a, b, b);
      case DIV -> Words.div(s, a, b, b);
      case SDIV -> Words.sdiv(s, a, b, b);
      case MOD -> Words.mod(s, a, b, b);
      case SMOD -> Words.smod(s, a, b, b);
      case EXP -> Words.exp(s, a, b, b);
      case SIGNEXTEND -> Words.signExtend(s, a, b, b);
      case LT -> Words.setBool(s, b, Words.compareUnsigned(s, a, b) < 0);
      case GT -> Words.setBool(s, b, Words.compareUnsigned(s, a, b) > 0);
      case SLT -> Words.setBool(s, b, Words.compareSigned(s, a, b) < 0);
      case SGT -> Words.setBool(s, b, Words.compareSigned(s, a, b) > 0);
      case EQ -> Words.setBool(s, b, Words.equal(s, a, b));
      case AND -> Words.set(s, b, s[a] & s[b], s[a + 1] & s[b + 1], s[a + 2] & s[b + 2], s[a + 3] & s[b + 3]);
      case OR -> Words.set(s, b, s[a] | s[b], s[a + 1] | s[b + 1], s[a + 2] | s[b + 2], s[a + 3] | s[b + 3]);
      case XOR -> Words.set(s, b, s[a] ^ s[b], s[a + 1] ^ s[b + 1], s[a + 2] ^ s[b + 2], s[a + 3] ^ s[b + 3]);
      case BYTE -> Words.byteAt(s, a, b, b);
      case SHL -> Words.shl(s, a, b, b);
      case SHR -> Words.shr(s, a, b, b);
      case SAR -> Words.sar(s, a, b, b);
    }
    sp--;
  }

  /** CALLDATACOPY / CODECOPY: dest offset, source offset, length; zero-padded past the source. */
  private void copyToMemory(byte[] source) {
    long len = Words.clampedLong(s, at(2));
    long memOff = memory(at(0), at(2));
    useGas(Gas.COPY_WORD * Gas.words(len));
    memory.writePadded(memOff, source, Words.clampedLong(s, at(1)), len);
    sp -= 3;
  }

  /** SSTORE under EIP-2200 metering with EIP-2929 cold slots and EIP-3529 refunds. */
  private void sstore() {
    if (isStatic) throw EvmHalt.WRITE_PROTECTION;
    if (gas <= Gas.SSTORE_SENTRY) throw EvmHalt.OUT_OF_GAS;
    UInt256 key = word(at(0));
    UInt256 newValue = word(at(1));
    sp -= 2;
    long cost = evm.substate.warmSlot(address, key) ? Gas.COLD_SLOAD : 0;
    UInt256 current = evm.state.getStorage(address, key);
    if (current.equals(newValue)) {
      useGas(cost + Gas.WARM_STORAGE_READ);
      return;
    }
    UInt256 original = evm.state.getCommittedStorage(address, key);
    if (original.equals(current)) {
      if (original.isZero()) {
        cost += Gas.SSTORE_SET;
      } else {
        cost += Gas.SSTORE_RESET;
        if (newValue.isZero()) evm.substate.addRefund(Gas.SSTORE_CLEARS_SCHEDULE);
      }
    } else {
      cost += Gas.WARM_STORAGE_READ;
      if (!original.isZero()) {
        if (current.isZero()) evm.substate.addRefund(-Gas.SSTORE_CLEARS_SCHEDULE);
        else if (newValue.isZero()) evm.substate.addRefund(Gas.SSTORE_CLEARS_SCHEDULE);
      }
      if (original.equals(newValue)) {
        evm.substate.addRefund(original.isZero() ? Gas.SSTORE_SET - Gas.WARM_STORAGE_READ : Gas.SSTORE_RESET - Gas.WARM_STORAGE_READ);
      }
    }
    useGas(cost);
    evm.state.setStorage(address, key, newValue);
  }

  private void log(int topicCount) {
    if (isStatic) throw EvmHalt.WRITE_PROTECTION;
    long len = Words.clampedLong(s, at(1));
    long off = memory(at(0), at(1));
    useGas(Gas.LOG_TOPIC * topicCount + Gas.LOG_DATA * len);
    List<Hash> topics = new ArrayList<>(topicCount);
    byte[] buf = new byte[32];
    for (int i = 0; i < topicCount; i++) {
      Words.toBytes(s, at(2 + i), buf, 0);
      topics.add(Hash.of(buf));
    }
    evm.substate.addLog(new Log(address, topics, Bytes.wrap(memory.read(off, len))));
    sp -= 2 + topicCount;
  }

  private void selfDestruct() {
    if (isStatic) throw EvmHalt.WRITE_PROTECTION;
    Address beneficiary = address(at(0));
    sp--;
    long cost = evm.substate.warmAddress(beneficiary) ? Gas.COLD_ACCOUNT_ACCESS : 0;
    UInt256 balance = evm.state.getBalance(address);
    if (!balance.isZero() && evm.state.isEmpty(beneficiary)) cost += Gas.NEW_ACCOUNT;
    useGas(cost);
    // EIP-6780 (Cancun): only an account created in this transaction is destroyed; otherwise the
    // balance moves and the account stays. Sending to itself burns nothing unless it is destroyed.
    boolean destroy = !evm.rules.isAtLeast(EthereumFork.CANCUN) || evm.substate.createdInThisTransaction(address);
    evm.state.setBalance(address, UInt256.ZERO);
    if (!beneficiary.equals(address) || !destroy) {
      evm.state.setBalance(beneficiary, evm.state.getBalance(beneficiary).add(balance));
    }
    if (destroy) evm.substate.selfDestruct(address);
  }

  private void create(boolean create2) {
    if (isStatic) throw EvmHalt.WRITE_PROTECTION;
    UInt256 endowment = word(at(0));
    long len = Words.clampedLong(s, at(2));
    long off = memory(at(1), at(2));
    if (evm.rules.isAtLeast(EthereumFork.SHANGHAI)) {
      if (len > 2L * Evm.MAX_CODE_SIZE) throw EvmHalt.OUT_OF_GAS; // EIP-3860 init code limit
      useGas(Gas.INITCODE_WORD * Gas.words(len));
    }
    if (create2) useGas(Gas.KECCAK256_WORD * Gas.words(len));
    byte[] initCode = memory.read(off, len);
    Hash salt = create2 ? Hash.of(word(at(3)).toBytes32()) : null;
    sp -= create2 ? 4 : 3;
    returnData = CallResult.NO_OUTPUT;
    long nonce = evm.state.getNonce(address);
    if (depth + 1 > Evm.MAX_DEPTH || evm.state.getBalance(address).compareTo(endowment) < 0 || nonce == -1L) {
      pushLong(0);
      return;
    }
    long childGas = Gas.allButOne64th(gas);
    gas -= childGas;
    evm.state.setNonce(address, nonce + 1);
    Address target = create2 ? ContractAddress.create2(address, salt, initCode) : ContractAddress.create(address, nonce);
    CallResult r = evm.create(address, target, endowment, initCode, childGas, depth + 1);
    gas += r.gasLeft();
    if (r.success()) {
      pushAddress(r.createdAddress());
    } else {
      if (r.reverted()) returnData = r.output();
      pushLong(0);
    }
  }

  private void call(Evm.CallKind kind) {
    boolean hasValue = kind == Evm.CallKind.CALL || kind == Evm.CallKind.CALLCODE;
    int i = 0;
    long requestedGas = Words.clampedLong(s, at(i++));
    Address target = address(at(i++));
    UInt256 callValue = hasValue ? word(at(i++)) : UInt256.ZERO;
    int inOffW = at(i++);
    int inLenW = at(i++);
    int outOffW = at(i++);
    int outLenW = at(i);
    if (kind == Evm.CallKind.CALL && isStatic && !callValue.isZero()) throw EvmHalt.WRITE_PROTECTION;
    long inLen = Words.clampedLong(s, inLenW);
    long outLen = Words.clampedLong(s, outLenW);
    long inOff = memory(inOffW, inLenW);
    long outOff = memory(outOffW, outLenW);
    long cost = accessCost(target);
    if (evm.rules.isAtLeast(EthereumFork.PRAGUE)) {
      Address delegate = Delegation.target(evm.state.getCode(target));
      if (delegate != null) cost += accessCost(delegate); // EIP-7702: loading the delegate's code is an account access
    }
    if (!callValue.isZero()) {
      cost += Gas.CALL_VALUE;
      if (kind == Evm.CallKind.CALL && evm.state.isEmpty(target)) cost += Gas.NEW_ACCOUNT;
    }
    useGas(cost);
    long childGas = Math.min(requestedGas, Gas.allButOne64th(gas));
    useGas(childGas);
    if (!callValue.isZero()) childGas += Gas.CALL_STIPEND;
    sp -= hasValue ? 7 : 6;
    byte[] callInput = memory.read(inOff, inLen);
    returnData = CallResult.NO_OUTPUT;
    if (depth + 1 > Evm.MAX_DEPTH || (hasValue && evm.state.getBalance(address).compareTo(callValue) < 0)) {
      gas += childGas;
      pushLong(0);
      return;
    }
    CallResult r = switch (kind) {
      case CALL -> evm.call(kind, address, target, target, callValue, callInput, childGas, isStatic, depth + 1);
      case CALLCODE -> evm.call(kind, address, address, target, callValue, callInput, childGas, isStatic, depth + 1);
      case DELEGATECALL -> evm.call(kind, caller, address, target, value, callInput, childGas, isStatic, depth + 1);
      case STATICCALL -> evm.call(kind, address, target, target, UInt256.ZERO, callInput, childGas, true, depth + 1);
    };
    gas += r.gasLeft();
    returnData = r.output();
    if (outLen > 0) memory.write(outOff, r.output(), 0, (int) Math.min(outLen, r.output().length));
    pushLong(r.success() ? 1 : 0);
  }
}
