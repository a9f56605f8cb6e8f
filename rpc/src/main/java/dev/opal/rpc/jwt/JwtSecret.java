package dev.opal.rpc.jwt;

import dev.opal.types.Hex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * The 32-byte shared secret of Engine API authentication (execution-apis authentication.md): a
 * hex file, 0x-prefix optional. {@link #loadOrGenerate} creates one with owner-only permissions
 * when the file does not exist, as op-geth does.
 */
public record JwtSecret(byte[] key) {
  public JwtSecret {
    if (key.length != 32) throw new IllegalArgumentException("a JWT secret must be 32 bytes, got " + key.length);
    key = key.clone();
  }

  public static JwtSecret load(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.US_ASCII).trim();
    } catch (java.nio.file.NoSuchFileException e) {
      throw new IllegalArgumentException("JWT secret " + file + " does not exist");
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read JWT secret " + file + ": " + e.getMessage());
    }
    try {
      return new JwtSecret(Hex.decodeLenient(text.startsWith("0x") ? text : "0x" + text));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("JWT secret " + file + " is not 32 hex-encoded bytes: " + e.getMessage());
    }
  }

  public static JwtSecret loadOrGenerate(Path file) {
    if (Files.exists(file)) return load(file);
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    try {
      if (file.getParent() != null) Files.createDirectories(file.getParent());
      Files.writeString(file, Hex.encode(key).substring(2), StandardCharsets.US_ASCII);
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException notPosix) {
        // best effort on non-POSIX file systems
      }
    } catch (FileAlreadyExistsException raced) {
      return load(file);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot write JWT secret " + file + ": " + e.getMessage());
    }
    return new JwtSecret(key);
  }
}
