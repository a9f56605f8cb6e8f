package dev.opal.optimism;

import dev.opal.types.Address;
import dev.opal.types.Hash;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;

/**
 * A change to the rollup's system configuration, emitted on L1 by the SystemConfig contract as
 * {@code ConfigUpdate(uint256 indexed version, uint8 indexed updateType, bytes data)}
 * (specs/protocol/system-config.md; op-node derive/system_config.go).
 */
public sealed interface SystemConfigUpdate {
  /** keccak256("ConfigUpdate(uint256,uint8,bytes)"). */
  Hash TOPIC = Hash.fromHex("0x1d2b0bda21d56b8bd12d4f94ebacffdfb35f5e226f84b461103bb8beab6353be");

  /** Type 0: the address allowed to post batches. */
  record Batcher(Address batcher) implements SystemConfigUpdate {}

  /** Type 1: L1 fee overhead and scalar (from Ecotone the scalar packs both fee scalars). */
  record GasConfig(BigInteger overhead, BigInteger scalar) implements SystemConfigUpdate {}

  /** Type 2: the L2 block gas limit. */
  record GasLimit(long gasLimit) implements SystemConfigUpdate {}

  /** Type 3: the P2P block signer; derivation ignores it. */
  record UnsafeBlockSigner(Address signer) implements SystemConfigUpdate {}

  /** Type 4 (Holocene): EIP-1559 denominator and elasticity, both zero or both non-zero. */
  record Eip1559(long denominator, long elasticity) implements SystemConfigUpdate {}

  /** Type 5 (Isthmus): operator fee scalar and constant. */
  record OperatorFeeParams(long scalar, long constant) implements SystemConfigUpdate {}

  /** Type 6 (Jovian): the minimum base fee. */
  record MinBaseFee(long minBaseFee) implements SystemConfigUpdate {}

  /** Type 7 (Jovian): the DA footprint gas scalar. */
  record DaFootprintGasScalar(int scalar) implements SystemConfigUpdate {}

  /** A ConfigUpdate log that cannot be decoded; op-node logs and skips these. */
  final class InvalidUpdateException extends IllegalArgumentException {
    public InvalidUpdateException(String message) {
      super(message);
    }
  }

  /**
   * Decodes the topics and data of a ConfigUpdate log (the caller has already checked the emitting
   * address and receipt status).
   */
  public static SystemConfigUpdate decode(List<Hash> topics, byte[] data) {
    if (topics.size() != 3 || !topics.get(0).equals(TOPIC)) {
      throw new InvalidUpdateException("not a ConfigUpdate log");
    }
    if (!topics.get(1).isZero()) throw new InvalidUpdateException("unsupported ConfigUpdate version " + topics.get(1));
    BigInteger type = new BigInteger(1, topics.get(2).toArrayUnsafe());
    byte[] payload = abiBytes(data);
    return switch (type.intValue()) {
      case 0 -> new Batcher(Address.fromWord(word(payload, 1, 0)));
      case 1 -> {
        expectLength(payload, 64);
        yield new GasConfig(new BigInteger(1, Arrays.copyOfRange(payload, 0, 32)),
            new BigInteger(1, Arrays.copyOfRange(payload, 32, 64)));
      }
      case 2 -> new GasLimit(uint(word(payload, 1, 0), 8));
      case 3 -> new UnsafeBlockSigner(Address.fromWord(word(payload, 1, 0)));
      case 4 -> {
        byte[] w = word(payload, 1, 0);
        long d = uintAt(w, 24, 4);
        long e = uintAt(w, 28, 4);
        if ((d == 0) != (e == 0)) throw new InvalidUpdateException("EIP-1559 params: exactly one of the pair is zero");
        yield new Eip1559(d, e);
      }
      case 5 -> {
        byte[] w = word(payload, 1, 0);
        yield new OperatorFeeParams(uintAt(w, 20, 4), uintAt(w, 24, 8));
      }
      case 6 -> new MinBaseFee(uint(word(payload, 1, 0), 8));
      case 7 -> new DaFootprintGasScalar((int) uint(word(payload, 1, 0), 2));
      default -> throw new InvalidUpdateException("unknown ConfigUpdate type " + type);
    };
  }

  /** ABI {@code bytes}: offset word (must be 32), length word, then the padded contents. */
  private static byte[] abiBytes(byte[] data) {
    if (data.length < 64 || data.length % 32 != 0) throw new InvalidUpdateException("malformed ConfigUpdate data");
    if (!new BigInteger(1, Arrays.copyOfRange(data, 0, 32)).equals(BigInteger.valueOf(32))) {
      throw new InvalidUpdateException("ConfigUpdate data offset must be 32");
    }
    BigInteger len = new BigInteger(1, Arrays.copyOfRange(data, 32, 64));
    if (len.bitLength() > 31 || 64 + len.intValue() > data.length) {
      throw new InvalidUpdateException("ConfigUpdate data length out of range");
    }
    return Arrays.copyOfRange(data, 64, 64 + len.intValue());
  }

  private static void expectLength(byte[] payload, int length) {
    if (payload.length != length) {
      throw new InvalidUpdateException("ConfigUpdate payload must be " + length + " bytes, got " + payload.length);
    }
  }

  private static byte[] word(byte[] payload, int words, int index) {
    expectLength(payload, 32 * words);
    return Arrays.copyOfRange(payload, 32 * index, 32 * index + 32);
  }

  /** The word as an unsigned integer of at most {@code bytes} bytes; larger values are invalid. */
  private static long uint(byte[] word, int bytes) {
    for (int i = 0; i < 32 - bytes; i++) {
      if (word[i] != 0) throw new InvalidUpdateException("ConfigUpdate value exceeds " + bytes + " bytes");
    }
    return uintAt(word, 32 - bytes, bytes);
  }

  private static long uintAt(byte[] w, int from, int len) {
    long v = 0;
    for (int i = from; i < from + len; i++) v = (v << 8) | (w[i] & 0xFF);
    return v;
  }
}
