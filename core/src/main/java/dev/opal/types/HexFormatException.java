package dev.opal.types;

/** Malformed hex input: the message says what was wrong and shows the value. */
public final class HexFormatException extends IllegalArgumentException {
  public HexFormatException(String message) {
    super(message);
  }
}
