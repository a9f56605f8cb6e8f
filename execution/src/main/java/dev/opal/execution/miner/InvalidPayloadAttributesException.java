package dev.opal.execution.miner;

/** Payload attributes the engine cannot build on (Engine API error -38003); the forkchoice is unaffected. */
public class InvalidPayloadAttributesException extends RuntimeException {
  public InvalidPayloadAttributesException(String message) {
    super(message);
  }
}
