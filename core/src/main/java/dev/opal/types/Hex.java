package dev.opal.types;

import java.math.BigInteger;

/**
 * Hex encodings of the Ethereum JSON-RPC and Engine API.
 *
 * <p>DATA values are 0x-prefixed with two hex digits per byte; QUANTITY values are 0x-prefixed
 * with no leading zeros, and zero is {@code 0x0} (execution-apis {@code src/schemas/base-types.yaml}).
 * Decoders reject anything else with a {@link HexFormatException} that says what was wrong.
 */
public final class Hex {
  private static final char[] DIGITS = "0123456789abcdef".toCharArray();

  private Hex() {}

  /** DATA encoding: {@code 0x} followed by two lowercase hex digits per byte. */
  public static String encode(byte[] bytes) {
    char[] out = new char[2 + bytes.length * 2];
    out[0] = '0';
    out[1] = 'x';
    for (int i = 0; i < bytes.length; i++) {
      out[2 + 2 * i] = DIGITS[(bytes[i] >> 4) & 0xF];
      out[3 + 2 * i] = DIGITS[bytes[i] & 0xF];
    }
    return new String(out);
  }

  /** Decodes DATA strictly: requires the 0x prefix and an even number of hex digits. */
  public static byte[] decode(String hex) {
    if (hex == null) throw new HexFormatException("hex string is null");
    if (!hex.startsWith("0x") && !hex.startsWith("0X")) {
      throw new HexFormatException("hex string without 0x prefix: " + abbreviate(hex));
    }
    return decodeDigits(hex, 2);
  }

  /** Decodes DATA of exactly {@code size} bytes. */
  public static byte[] decode(String hex, int size) {
    byte[] out = decode(hex);
    if (out.length != size) {
      throw new HexFormatException(
          "hex string has " + out.length + " bytes, expected " + size + ": " + abbreviate(hex));
    }
    return out;
  }

  /** Decodes hex with or without the 0x prefix (test fixtures use both). */
  public static byte[] decodeLenient(String hex) {
    if (hex == null) throw new HexFormatException("hex string is null");
    int start = hex.startsWith("0x") || hex.startsWith("0X") ? 2 : 0;
    if ((hex.length() - start) % 2 != 0) {
      return decodeDigits("0" + hex.substring(start), 0);
    }
    return decodeDigits(hex, start);
  }

  private static byte[] decodeDigits(String hex, int start) {
    int len = hex.length() - start;
    if (len % 2 != 0) {
      throw new HexFormatException("hex string has an odd number of digits: " + abbreviate(hex));
    }
    byte[] out = new byte[len / 2];
    for (int i = 0; i < out.length; i++) {
      int hi = digit(hex, start + 2 * i);
      int lo = digit(hex, start + 2 * i + 1);
      out[i] = (byte) ((hi << 4) | lo);
    }
    return out;
  }

  private static int digit(String s, int index) {
    char c = s.charAt(index);
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    throw new HexFormatException("invalid hex digit '" + c + "' at index " + index + ": " + abbreviate(s));
  }

  /** QUANTITY encoding of an unsigned long (treats the argument as unsigned). */
  public static String encodeQuantity(long value) {
    return "0x" + Long.toUnsignedString(value, 16);
  }

  /** QUANTITY encoding of a non-negative integer. */
  public static String encodeQuantity(BigInteger value) {
    if (value.signum() < 0) throw new IllegalArgumentException("negative quantity: " + value);
    return "0x" + value.toString(16);
  }

  /** Decodes a QUANTITY strictly: 0x prefix, at least one digit, no leading zeros. */
  public static BigInteger decodeQuantity(String hex) {
    validateQuantity(hex);
    return new BigInteger(hex.substring(2), 16);
  }

  /** Decodes a QUANTITY that must fit in an unsigned 64-bit value. */
  public static long decodeQuantityLong(String hex) {
    validateQuantity(hex);
    if (hex.length() - 2 > 16) {
      throw new HexFormatException("quantity does not fit in 64 bits: " + abbreviate(hex));
    }
    return Long.parseUnsignedLong(hex.substring(2), 16);
  }

  private static void validateQuantity(String hex) {
    if (hex == null) throw new HexFormatException("quantity is null");
    if (!hex.startsWith("0x")) throw new HexFormatException("quantity without 0x prefix: " + abbreviate(hex));
    if (hex.length() == 2) throw new HexFormatException("quantity has no digits: 0x");
    if (hex.length() > 3 && hex.charAt(2) == '0') {
      throw new HexFormatException("quantity has leading zeros: " + abbreviate(hex));
    }
    for (int i = 2; i < hex.length(); i++) digit(hex, i);
  }

  static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }
}
