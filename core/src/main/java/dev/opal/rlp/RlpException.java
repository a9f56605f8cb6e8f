package dev.opal.rlp;

/** Malformed or non-canonical RLP. */
public final class RlpException extends RuntimeException {
  public RlpException(String message) {
    super(message);
  }
}
