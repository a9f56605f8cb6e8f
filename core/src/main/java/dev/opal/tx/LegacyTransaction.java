package dev.opal.tx;

import dev.opal.rlp.Rlp;
import dev.opal.types.Address;
import dev.opal.types.Bytes;
import dev.opal.types.UInt256;
import java.math.BigInteger;
import java.util.List;

/**
 * A pre-2718 transaction. Its signature's v is 27/28, or {@code chainId * 2 + 35/36} with EIP-155
 * replay protection, in which case the signed payload also commits to the chain id.
 */
public record LegacyTransaction(
    long nonce, UInt256 gasPrice, long gasLimit, Address to, UInt256 value, Bytes data, BigInteger v, BigInteger r, BigInteger s)
    implements SignedTransaction {
  private static final BigInteger V27 = BigInteger.valueOf(27);
  private static final BigInteger V35 = BigInteger.valueOf(35);

  @Override
  public int type() {
    return LEGACY;
  }

  @Override
  public List<AccessListEntry> accessList() {
    return List.of();
  }

  @Override
  public UInt256 maxFeePerGas() {
    return gasPrice;
  }

  @Override
  public UInt256 maxPriorityFeePerGas() {
    return gasPrice;
  }

  /** The EIP-155 chain id, or null when v is 27 or 28 (unprotected). */
  @Override
  public BigInteger chainId() {
    return v.compareTo(V35) >= 0 ? v.subtract(V35).shiftRight(1) : null;
  }

  public boolean isProtected() {
    return chainId() != null;
  }

  @Override
  public int recoveryId() {
    if (isProtected()) return v.subtract(V35).testBit(0) ? 1 : 0;
    int id = v.subtract(V27).intValue();
    if (id != 0 && id != 1) throw new InvalidTransactionException("invalid legacy signature v " + v);
    return id;
  }

  /** The v value for a signature with this recovery id, with or without EIP-155 protection. */
  public static BigInteger v(int recoveryId, BigInteger chainId) {
    return chainId == null
        ? BigInteger.valueOf(27 + recoveryId)
        : chainId.shiftLeft(1).add(V35).add(BigInteger.valueOf(recoveryId));
  }

  private byte[][] fields() {
    return new byte[][] {Rlp.uint(nonce), TxFields.uint(gasPrice), Rlp.uint(gasLimit), TxFields.to(to), TxFields.uint(value),
        TxFields.data(data)};
  }

  @Override
  public byte[] signingPayload() {
    byte[][] f = fields();
    BigInteger chainId = chainId();
    if (chainId == null) return Rlp.list(f);
    return Rlp.list(f[0], f[1], f[2], f[3], f[4], f[5], Rlp.uint(chainId), Rlp.EMPTY_STRING, Rlp.EMPTY_STRING);
  }

  @Override
  public byte[] encodeUncached() {
    byte[][] f = fields();
    return Rlp.list(f[0], f[1], f[2], f[3], f[4], f[5], Rlp.uint(v), Rlp.uint(r), Rlp.uint(s));
  }
}
