package dev.opal.evm.bench;

import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.Map;

/** A tiny EVM assembler for benchmark programs: opcodes by byte, pushes, and labels for jumps. */
final class Assembler {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final Map<String, Integer> labels = new HashMap<>();

  Assembler op(int... opcodes) {
    for (int op : opcodes) out.write(op);
    return this;
  }

  Assembler push(long value) {
    int n = value == 0 ? 1 : (64 - Long.numberOfLeadingZeros(value) + 7) / 8;
    out.write(0x5f + n);
    for (int i = n - 1; i >= 0; i--) out.write((int) (value >>> (8 * i)) & 0xFF);
    return this;
  }

  /** Marks a jump destination (emits JUMPDEST). */
  Assembler label(String name) {
    labels.put(name, out.size());
    return op(0x5b);
  }

  /** Pushes a label defined earlier (loops jump backwards). */
  Assembler pushLabel(String name) {
    return push(labels.get(name));
  }

  byte[] bytes() {
    return out.toByteArray();
  }
}
