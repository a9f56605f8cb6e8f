package dev.opal.evm;

import dev.opal.types.Address;
import dev.opal.types.Bytes;
import java.util.Arrays;

/**
 * EIP-7702 delegation designators: an account whose code is {@code 0xef0100 ‖ address} runs that
 * address's code when called. EXTCODE* still see the 23 designator bytes themselves.
 */
public final class Delegation {
  private static final byte[] PREFIX = {(byte) 0xef, 0x01, 0x00};
  static final int LENGTH = 23;

  private Delegation() {}

  /** The delegate, or null when {@code code} is not a delegation designator. */
  public static Address target(Bytes code) {
    if (code.size() != LENGTH) return null;
    byte[] c = code.toArrayUnsafe();
    if (c[0] != PREFIX[0] || c[1] != PREFIX[1] || c[2] != PREFIX[2]) return null;
    return Address.of(Arrays.copyOfRange(c, 3, LENGTH));
  }

  public static Bytes designator(Address target) {
    byte[] out = new byte[LENGTH];
    System.arraycopy(PREFIX, 0, out, 0, 3);
    System.arraycopy(target.toArrayUnsafe(), 0, out, 3, 20);
    return Bytes.wrap(out);
  }
}
