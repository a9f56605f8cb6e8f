package dev.opal.tx;

/** A transaction that cannot be decoded or is not valid; the message says why. */
public class InvalidTransactionException extends RuntimeException {
  public InvalidTransactionException(String message) {
    super(message);
  }
}
