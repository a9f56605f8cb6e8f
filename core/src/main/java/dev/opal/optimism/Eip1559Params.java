package dev.opal.optimism;

import java.nio.ByteBuffer;

/**
 * The EIP-1559 parameters an OP chain carries in block headers from Holocene on
 * (specs/protocol/holocene/exec-engine.md "Dynamic EIP-1559 Parameters", jovian/exec-engine.md
 * "Minimum Base Fee"): the base fee change denominator and elasticity, and from Jovian a minimum
 * base fee.
 *
 * <p>Encodings: payload attributes carry 8 bytes {@code denominator u32 ‖ elasticity u32} where
 * both zero means "use the chain's pre-Holocene constants"; header extraData is 9 bytes
 * {@code 0x00 ‖ denominator ‖ elasticity} (Holocene) or 17 bytes
 * {@code 0x01 ‖ denominator ‖ elasticity ‖ minBaseFee u64} (Jovian), both parameters non-zero.
 */
public record Eip1559Params(long denominator, long elasticity, Long minBaseFee) {

  public Eip1559Params {
    if (denominator < 0 || denominator > 0xFFFF_FFFFL || elasticity < 0 || elasticity > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("EIP-1559 parameters out of uint32 range");
    }
  }

  /** True for the all-zero attributes value that selects the chain's default parameters. */
  public boolean isDefault() {
    return denominator == 0 && elasticity == 0;
  }

  /** Decodes and validates the 8-byte {@code eip1559Params} payload attribute. */
  public static Eip1559Params fromAttributes(byte[] params) {
    if (params.length != 8) {
      throw new InvalidEip1559ParamsException("eip1559Params must be 8 bytes, got " + params.length);
    }
    ByteBuffer b = ByteBuffer.wrap(params);
    long d = Integer.toUnsignedLong(b.getInt());
    long e = Integer.toUnsignedLong(b.getInt());
    if ((d == 0) != (e == 0)) {
      throw new InvalidEip1559ParamsException("eip1559Params: denominator and elasticity must both be zero or both non-zero");
    }
    return new Eip1559Params(d, e, null);
  }

  /**
   * Decodes and validates header extraData: the Holocene form when {@code jovian} is false, the
   * Jovian form otherwise.
   */
  public static Eip1559Params fromExtraData(byte[] extra, boolean jovian) {
    int expected = jovian ? 17 : 9;
    if (extra.length != expected) {
      throw new InvalidEip1559ParamsException(
          "extraData must be " + expected + " bytes " + (jovian ? "(Jovian)" : "(Holocene)") + ", got " + extra.length);
    }
    int version = jovian ? 1 : 0;
    if (extra[0] != version) {
      throw new InvalidEip1559ParamsException("extraData version must be " + version + ", got " + extra[0]);
    }
    ByteBuffer b = ByteBuffer.wrap(extra, 1, extra.length - 1);
    long d = Integer.toUnsignedLong(b.getInt());
    long e = Integer.toUnsignedLong(b.getInt());
    if (d == 0 || e == 0) {
      throw new InvalidEip1559ParamsException("extraData: denominator and elasticity must be non-zero");
    }
    return new Eip1559Params(d, e, jovian ? b.getLong() : null);
  }

  /** The header extraData: the Jovian form when a minimum base fee is present, else Holocene's. */
  public byte[] toExtraData() {
    ByteBuffer b = ByteBuffer.allocate(minBaseFee == null ? 9 : 17);
    b.put((byte) (minBaseFee == null ? 0 : 1));
    b.putInt((int) denominator);
    b.putInt((int) elasticity);
    if (minBaseFee != null) b.putLong(minBaseFee);
    return b.array();
  }

  /** The 8-byte attributes form. */
  public byte[] toAttributes() {
    return ByteBuffer.allocate(8).putInt((int) denominator).putInt((int) elasticity).array();
  }

  public Eip1559Params withMinBaseFee(Long value) {
    return new Eip1559Params(denominator, elasticity, value);
  }

  /** Malformed or invalid EIP-1559 parameters. */
  public static final class InvalidEip1559ParamsException extends IllegalArgumentException {
    public InvalidEip1559ParamsException(String message) {
      super(message);
    }
  }
}
