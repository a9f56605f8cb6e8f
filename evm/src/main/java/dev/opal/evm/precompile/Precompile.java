package dev.opal.evm.precompile;

/** A precompiled contract: a fixed address whose "code" is native. */
public interface Precompile {
  long gasCost(byte[] input);

  /** Runs the precompile; throws {@link PrecompileFailure} on invalid input. */
  byte[] execute(byte[] input);
}
