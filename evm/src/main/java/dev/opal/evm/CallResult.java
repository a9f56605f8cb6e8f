package dev.opal.evm;

import dev.opal.types.Address;

/**
 * The outcome of a message call or creation: success, the gas left (nonzero on failure only after
 * REVERT), the output (return or revert data) and, for a successful creation, the new address.
 */
public record CallResult(boolean success, long gasLeft, byte[] output, Address createdAddress, String error) {
  static final byte[] NO_OUTPUT = new byte[0];

  static CallResult halt(String error) {
    return new CallResult(false, 0, NO_OUTPUT, null, error);
  }

  static CallResult revert(long gasLeft, byte[] output) {
    return new CallResult(false, gasLeft, output, null, "execution reverted");
  }

  public boolean reverted() {
    return !success && "execution reverted".equals(error);
  }
}
