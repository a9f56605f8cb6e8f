package dev.opal.evm;

/**
 * Contract code with its jump-destination analysis done once: a JUMPDEST byte counts only where
 * it is an instruction, not inside PUSH data. Instances are immutable and cached by code hash.
 */
final class Code {
  static final Code EMPTY = new Code(new byte[0]);

  final byte[] bytes;
  private final long[] jumpDests;

  Code(byte[] bytes) {
    this.bytes = bytes;
    this.jumpDests = new long[(bytes.length + 63) / 64 + 1];
    for (int pc = 0; pc < bytes.length; pc++) {
      int op = bytes[pc] & 0xFF;
      if (op == 0x5b) jumpDests[pc >>> 6] |= 1L << (pc & 63);
      else if (op >= 0x60 && op <= 0x7f) pc += op - 0x5f;
    }
  }

  boolean isJumpDest(long pc) {
    return pc >= 0 && pc < bytes.length && (jumpDests[(int) (pc >>> 6)] & (1L << (pc & 63))) != 0;
  }
}
