package dev.opal.evm;

/** Receives one callback per executed instruction (for {@code --trace}); {@link #NONE} costs nothing. */
public interface Tracer {
  Tracer NONE = null;

  void step(int depth, int pc, int opcode, long gas, long[] stack, int stackSize);
}
