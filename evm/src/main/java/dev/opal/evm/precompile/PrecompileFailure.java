package dev.opal.evm.precompile;

/** A precompile rejected its input: the call fails and consumes all the gas it was given. */
public class PrecompileFailure extends RuntimeException {
  public PrecompileFailure(String message) {
    super(message, null, false, false);
  }
}
