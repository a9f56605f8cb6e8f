package dev.opal.config;

/** A chain configuration that is malformed or inconsistent; the message names the field. */
public class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }
}
