package dev.opal.tx;

import dev.opal.rlp.Rlp;
import dev.opal.types.Address;
import dev.opal.types.Bytes;
import dev.opal.types.UInt256;
import java.math.BigInteger;
import java.util.List;

/** EIP-2930 (type 1): a legacy-priced transaction with an access list and a chain id. */
public record AccessListTransaction(
    BigInteger chainId, long nonce, UInt256 gasPrice, long gasLimit, Address to, UInt256 value, Bytes data,
    List<AccessListEntry> accessList, int recoveryId, BigInteger r, BigInteger s)
    implements TypedTransaction {

  public AccessListTransaction {
    accessList = List.copyOf(accessList);
  }

  @Override
  public int type() {
    return ACCESS_LIST;
  }

  @Override
  public UInt256 maxFeePerGas() {
    return gasPrice;
  }

  @Override
  public UInt256 maxPriorityFeePerGas() {
    return gasPrice;
  }

  @Override
  public byte[][] payloadFields() {
    return new byte[][] {Rlp.uint(chainId), Rlp.uint(nonce), TxFields.uint(gasPrice), Rlp.uint(gasLimit), TxFields.to(to),
        TxFields.uint(value), TxFields.data(data), TxFields.accessList(accessList)};
  }
}
