package dev.opal.evm;

/**
 * An exceptional halt of a call frame (out of gas, stack under/overflow, invalid jump or opcode,
 * static-context violation, ...): the frame's changes are undone and its gas is consumed.
 * Thrown without a stack trace: it is control flow, and frequent in adversarial code.
 */
final class EvmHalt extends RuntimeException {
  static final EvmHalt OUT_OF_GAS = new EvmHalt("out of gas");
  static final EvmHalt STACK_UNDERFLOW = new EvmHalt("stack underflow");
  static final EvmHalt STACK_OVERFLOW = new EvmHalt("stack limit reached 1024");
  static final EvmHalt INVALID_JUMP = new EvmHalt("invalid jump destination");
  static final EvmHalt INVALID_OPCODE = new EvmHalt("invalid opcode");
  static final EvmHalt WRITE_PROTECTION = new EvmHalt("write protection");
  static final EvmHalt RETURN_DATA_OUT_OF_BOUNDS = new EvmHalt("return data out of bounds");

  private EvmHalt(String message) {
    super(message, null, false, false);
  }
}
