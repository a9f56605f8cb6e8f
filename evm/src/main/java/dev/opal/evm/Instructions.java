package dev.opal.evm;

import dev.opal.config.EthereumFork;
import java.util.EnumMap;
import java.util.Map;

/**
 * Per-fork opcode tables: which opcodes exist, their static gas and their stack effect. The
 * interpreter checks stack bounds and charges static gas from these before running an opcode.
 */
final class Instructions {
  /** Static gas per opcode; -1 marks an undefined opcode. */
  final long[] staticGas = new long[256];
  /** Stack items an opcode needs. */
  final int[] minStack = new int[256];
  /** The most items the stack may hold before the opcode without overflowing 1024. */
  final int[] maxStack = new int[256];

  private static final Map<EthereumFork, Instructions> BY_FORK = new EnumMap<>(EthereumFork.class);

  static synchronized Instructions forFork(EthereumFork fork) {
    return BY_FORK.computeIfAbsent(fork, Instructions::new);
  }

  private Instructions(EthereumFork fork) {
    java.util.Arrays.fill(staticGas, -1);
    def(0x00, 0, 0, Gas.ZERO); // STOP
    def(0x01, 2, 1, Gas.VERY_LOW); // ADD
    def(0x02, 2, 1, Gas.LOW); // MUL
    def(0x03, 2, 1, Gas.VERY_LOW); // SUB
    def(0x04, 2, 1, Gas.LOW); // DIV
    def(0x05, 2, 1, Gas.LOW); // SDIV
    def(0x06, 2, 1, Gas.LOW); // MOD
    def(0x07, 2, 1, Gas.LOW); // SMOD
    def(0x08, 3, 1, Gas.MID); // ADDMOD
    def(0x09, 3, 1, Gas.MID); // MULMOD
    def(0x0a, 2, 1, Gas.EXP); // EXP (+50 per exponent byte)
    def(0x0b, 2, 1, Gas.LOW); // SIGNEXTEND
    for (int op = 0x10; op <= 0x14; op++) def(op, 2, 1, Gas.VERY_LOW); // LT GT SLT SGT EQ
    def(0x15, 1, 1, Gas.VERY_LOW); // ISZERO
    for (int op = 0x16; op <= 0x18; op++) def(op, 2, 1, Gas.VERY_LOW); // AND OR XOR
    def(0x19, 1, 1, Gas.VERY_LOW); // NOT
    def(0x1a, 2, 1, Gas.VERY_LOW); // BYTE
    def(0x1b, 2, 1, Gas.VERY_LOW); // SHL
    def(0x1c, 2, 1, Gas.VERY_LOW); // SHR
    def(0x1d, 2, 1, Gas.VERY_LOW); // SAR
    def(0x20, 2, 1, Gas.KECCAK256); // KECCAK256
    def(0x30, 0, 1, Gas.BASE); // ADDRESS
    def(0x31, 1, 1, 0); // BALANCE (access cost is dynamic)
    def(0x32, 0, 1, Gas.BASE); // ORIGIN
    def(0x33, 0, 1, Gas.BASE); // CALLER
    def(0x34, 0, 1, Gas.BASE); // CALLVALUE
    def(0x35, 1, 1, Gas.VERY_LOW); // CALLDATALOAD
    def(0x36, 0, 1, Gas.BASE); // CALLDATASIZE
    def(0x37, 3, 0, Gas.VERY_LOW); // CALLDATACOPY
    def(0x38, 0, 1, Gas.BASE); // CODESIZE
    def(0x39, 3, 0, Gas.VERY_LOW); // CODECOPY
    def(0x3a, 0, 1, Gas.BASE); // GASPRICE
    def(0x3b, 1, 1, 0); // EXTCODESIZE
    def(0x3c, 4, 0, 0); // EXTCODECOPY
    def(0x3d, 0, 1, Gas.BASE); // RETURNDATASIZE
    def(0x3e, 3, 0, Gas.VERY_LOW); // RETURNDATACOPY
    def(0x3f, 1, 1, 0); // EXTCODEHASH
    def(0x40, 1, 1, Gas.BLOCKHASH); // BLOCKHASH
    def(0x41, 0, 1, Gas.BASE); // COINBASE
    def(0x42, 0, 1, Gas.BASE); // TIMESTAMP
    def(0x43, 0, 1, Gas.BASE); // NUMBER
    def(0x44, 0, 1, Gas.BASE); // PREVRANDAO (DIFFICULTY before the merge)
    def(0x45, 0, 1, Gas.BASE); // GASLIMIT
    def(0x46, 0, 1, Gas.BASE); // CHAINID
    def(0x47, 0, 1, Gas.LOW); // SELFBALANCE
    if (fork.isAtLeast(EthereumFork.LONDON)) def(0x48, 0, 1, Gas.BASE); // BASEFEE (EIP-3198)
    if (fork.isAtLeast(EthereumFork.CANCUN)) {
      def(0x49, 1, 1, Gas.BLOBHASH); // BLOBHASH (EIP-4844)
      def(0x4a, 0, 1, Gas.BASE); // BLOBBASEFEE (EIP-7516)
    }
    def(0x50, 1, 0, Gas.BASE); // POP
    def(0x51, 1, 1, Gas.VERY_LOW); // MLOAD
    def(0x52, 2, 0, Gas.VERY_LOW); // MSTORE
    def(0x53, 2, 0, Gas.VERY_LOW); // MSTORE8
    def(0x54, 1, 1, 0); // SLOAD
    def(0x55, 2, 0, 0); // SSTORE
    def(0x56, 1, 0, Gas.MID); // JUMP
    def(0x57, 2, 0, Gas.HIGH); // JUMPI
    def(0x58, 0, 1, Gas.BASE); // PC
    def(0x59, 0, 1, Gas.BASE); // MSIZE
    def(0x5a, 0, 1, Gas.BASE); // GAS
    def(0x5b, 0, 0, Gas.JUMPDEST); // JUMPDEST
    if (fork.isAtLeast(EthereumFork.CANCUN)) {
      def(0x5c, 1, 1, Gas.TRANSIENT); // TLOAD (EIP-1153)
      def(0x5d, 2, 0, Gas.TRANSIENT); // TSTORE
      def(0x5e, 3, 0, Gas.VERY_LOW); // MCOPY (EIP-5656)
    }
    if (fork.isAtLeast(EthereumFork.SHANGHAI)) def(0x5f, 0, 1, Gas.BASE); // PUSH0 (EIP-3855)
    for (int op = 0x60; op <= 0x7f; op++) def(op, 0, 1, Gas.VERY_LOW); // PUSH1..PUSH32
    for (int n = 1; n <= 16; n++) def(0x7f + n, n, n + 1, Gas.VERY_LOW); // DUP1..DUP16
    for (int n = 1; n <= 16; n++) def(0x8f + n, n + 1, n + 1, Gas.VERY_LOW); // SWAP1..SWAP16
    for (int n = 0; n <= 4; n++) def(0xa0 + n, n + 2, 0, Gas.LOG); // LOG0..LOG4
    def(0xf0, 3, 1, Gas.CREATE); // CREATE
    def(0xf1, 7, 1, 0); // CALL
    def(0xf2, 7, 1, 0); // CALLCODE
    def(0xf3, 2, 0, Gas.ZERO); // RETURN
    def(0xf4, 6, 1, 0); // DELEGATECALL
    def(0xf5, 4, 1, Gas.CREATE); // CREATE2
    def(0xfa, 6, 1, 0); // STATICCALL
    def(0xfd, 2, 0, Gas.ZERO); // REVERT
    def(0xff, 1, 0, Gas.SELFDESTRUCT); // SELFDESTRUCT
  }

  private void def(int op, int pops, int pushes, long gas) {
    staticGas[op] = gas;
    minStack[op] = pops;
    maxStack[op] = 1024 - Math.max(0, pushes - pops);
  }
}
