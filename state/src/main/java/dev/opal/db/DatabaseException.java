package dev.opal.db;

/** The database cannot be opened or written: locked by another process, corrupt, or out of space. */
public class DatabaseException extends RuntimeException {
  public DatabaseException(String message, Throwable cause) {
    super(message, cause);
  }
}
