package dev.opal.execution.core;

/** A block that breaks a consensus rule; the message names the rule and the values involved. */
public class InvalidBlockException extends RuntimeException {
  public InvalidBlockException(String message) {
    super(message);
  }
}
