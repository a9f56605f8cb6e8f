package dev.opal.execution.chain;

import dev.opal.types.Hash;

/** A block whose parent the engine does not have (the Engine API answers SYNCING or ACCEPTED). */
public class UnknownParentException extends RuntimeException {
  public UnknownParentException(Hash parent) {
    super("unknown parent " + parent.toHex());
  }
}
