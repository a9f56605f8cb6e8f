package dev.opal.node.derive.batch;

/** Bytes that are not a valid batch: derivation drops them and reads on. */
public class BatchDecodeException extends RuntimeException {
  public BatchDecodeException(String message) {
    super(message);
  }
}
