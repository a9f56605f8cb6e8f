package dev.opal.optimism;

import dev.opal.types.Address;
import dev.opal.types.Hash;
import dev.opal.types.Hex;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The L1 attributes the first transaction of every L2 block writes into the L1Block predeploy,
 * and the calldata formats of each upgrade (specs/protocol/deposits.md "L1 Attributes Deposited
 * Transaction", ecotone|isthmus|jovian/l1-attributes.md). Fields a format does not carry are zero.
 *
 * @param l1FeeOverhead Bedrock only
 * @param l1FeeScalar Bedrock only
 * @param blobBaseFee Ecotone+
 * @param baseFeeScalar Ecotone+
 * @param blobBaseFeeScalar Ecotone+
 * @param operatorFeeScalar Isthmus+
 * @param operatorFeeConstant Isthmus+ (unsigned 64-bit)
 * @param daFootprintGasScalar Jovian+
 */
public record L1BlockInfo(
    long number,
    long time,
    BigInteger baseFee,
    Hash blockHash,
    long sequenceNumber,
    Address batcherAddr,
    BigInteger l1FeeOverhead,
    BigInteger l1FeeScalar,
    BigInteger blobBaseFee,
    long baseFeeScalar,
    long blobBaseFeeScalar,
    long operatorFeeScalar,
    long operatorFeeConstant,
    int daFootprintGasScalar) {

  /** The calldata layouts, each with its setter's selector and exact length. */
  public enum Format {
    /** {@code setL1BlockValues(uint64,uint64,uint256,bytes32,uint64,bytes32,uint256,uint256)}: ABI words. */
    BEDROCK("0x015d8eb9", 4 + 8 * 32),
    /** {@code setL1BlockValuesEcotone()}: packed. */
    ECOTONE("0x440a5e20", 164),
    /** {@code setL1BlockValuesIsthmus()}: Ecotone + operator fee params. */
    ISTHMUS("0x098999be", 176),
    /** {@code setL1BlockValuesJovian()}: Isthmus + DA footprint gas scalar. */
    JOVIAN("0x3db6be2b", 178);

    private final byte[] selector;
    private final int length;

    Format(String selector, int length) {
      this.selector = Hex.decode(selector);
      this.length = length;
    }

    public int length() {
      return length;
    }

    public byte[] selector() {
      return selector.clone();
    }
  }

  /** Encodes the calldata of the L1-info deposit in the given format. */
  public byte[] encode(Format format) {
    ByteBuffer b = ByteBuffer.allocate(format.length).put(format.selector);
    if (format == Format.BEDROCK) {
      putWord(b, BigInteger.valueOf(number));
      putWord(b, BigInteger.valueOf(time));
      putWord(b, baseFee);
      b.put(blockHash.toArrayUnsafe());
      putWord(b, BigInteger.valueOf(sequenceNumber));
      b.put(addressWord(batcherAddr));
      putWord(b, l1FeeOverhead);
      putWord(b, l1FeeScalar);
      return b.array();
    }
    b.putInt((int) baseFeeScalar).putInt((int) blobBaseFeeScalar);
    b.putLong(sequenceNumber).putLong(time).putLong(number);
    putWord(b, baseFee);
    putWord(b, blobBaseFee);
    b.put(blockHash.toArrayUnsafe());
    b.put(addressWord(batcherAddr));
    if (format == Format.ISTHMUS || format == Format.JOVIAN) {
      b.putInt((int) operatorFeeScalar).putLong(operatorFeeConstant);
    }
    if (format == Format.JOVIAN) b.putShort((short) daFootprintGasScalar);
    return b.array();
  }

  /** Decodes calldata of any format, recognised by its selector; the length must match exactly. */
  public static L1BlockInfo decode(byte[] data) {
    Format format = formatOf(data);
    if (data.length != format.length) {
      throw new IllegalArgumentException(
          "L1-info calldata for " + format + " must be " + format.length + " bytes, got " + data.length);
    }
    ByteBuffer b = ByteBuffer.wrap(data, 4, data.length - 4);
    if (format == Format.BEDROCK) {
      long number = word(b).longValueExact();
      long time = word(b).longValueExact();
      BigInteger baseFee = word(b);
      Hash hash = hash(b);
      long seq = word(b).longValueExact();
      Address batcher = addressFromWord(b);
      BigInteger overhead = word(b);
      BigInteger scalar = word(b);
      return new L1BlockInfo(number, time, baseFee, hash, seq, batcher, overhead, scalar,
          BigInteger.ZERO, 0, 0, 0, 0, 0);
    }
    long baseFeeScalar = Integer.toUnsignedLong(b.getInt());
    long blobBaseFeeScalar = Integer.toUnsignedLong(b.getInt());
    long seq = b.getLong();
    long time = b.getLong();
    long number = b.getLong();
    BigInteger baseFee = word(b);
    BigInteger blobBaseFee = word(b);
    Hash hash = hash(b);
    Address batcher = addressFromWord(b);
    long opScalar = 0;
    long opConstant = 0;
    int daScalar = 0;
    if (format == Format.ISTHMUS || format == Format.JOVIAN) {
      opScalar = Integer.toUnsignedLong(b.getInt());
      opConstant = b.getLong();
    }
    if (format == Format.JOVIAN) daScalar = Short.toUnsignedInt(b.getShort());
    return new L1BlockInfo(number, time, baseFee, hash, seq, batcher, BigInteger.ZERO, BigInteger.ZERO,
        blobBaseFee, baseFeeScalar, blobBaseFeeScalar, opScalar, opConstant, daScalar);
  }

  public static Format formatOf(byte[] data) {
    if (data.length >= 4) {
      byte[] selector = Arrays.copyOf(data, 4);
      for (Format f : Format.values()) if (Arrays.equals(f.selector, selector)) return f;
    }
    throw new IllegalArgumentException("not L1-info calldata: unknown selector");
  }

  private static void putWord(ByteBuffer b, BigInteger v) {
    byte[] raw = v.toByteArray();
    int start = raw.length > 32 ? raw.length - 32 : 0;
    if (v.signum() < 0 || raw.length - start > 32 || (start > 0 && raw[0] != 0)) {
      throw new IllegalArgumentException("value does not fit in 32 bytes: " + v);
    }
    byte[] word = new byte[32];
    System.arraycopy(raw, start, word, 32 - (raw.length - start), raw.length - start);
    b.put(word);
  }

  private static byte[] addressWord(Address a) {
    byte[] word = new byte[32];
    System.arraycopy(a.toArrayUnsafe(), 0, word, 12, 20);
    return word;
  }

  private static BigInteger word(ByteBuffer b) {
    byte[] w = new byte[32];
    b.get(w);
    return new BigInteger(1, w);
  }

  private static Hash hash(ByteBuffer b) {
    byte[] w = new byte[32];
    b.get(w);
    return Hash.wrap(w);
  }

  private static Address addressFromWord(ByteBuffer b) {
    byte[] w = new byte[32];
    b.get(w);
    return Address.fromWord(w);
  }
}
