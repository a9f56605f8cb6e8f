package dev.opal.tx;

import dev.opal.rlp.Rlp;
import dev.opal.types.Address;
import dev.opal.types.Bytes;
import dev.opal.types.UInt256;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * EIP-7702 (type 4, Prague / OP Isthmus): a dynamic-fee transaction whose authorization list lets
 * EOAs delegate to contract code. It cannot create a contract.
 */
public record SetCodeTransaction(
    BigInteger chainId, long nonce, UInt256 maxPriorityFeePerGas, UInt256 maxFeePerGas, long gasLimit, Address to,
    UInt256 value, Bytes data, List<AccessListEntry> accessList, List<Authorization> authorizationList,
    int recoveryId, BigInteger r, BigInteger s)
    implements TypedTransaction {

  public SetCodeTransaction {
    Objects.requireNonNull(to, "a set-code transaction cannot create a contract");
    accessList = List.copyOf(accessList);
    authorizationList = List.copyOf(authorizationList);
  }

  @Override
  public int type() {
    return SET_CODE;
  }

  @Override
  public byte[][] payloadFields() {
    List<byte[]> auths = new ArrayList<>();
    for (Authorization a : authorizationList) auths.add(a.encode());
    return new byte[][] {Rlp.uint(chainId), Rlp.uint(nonce), TxFields.uint(maxPriorityFeePerGas), TxFields.uint(maxFeePerGas),
        Rlp.uint(gasLimit), TxFields.to(to), TxFields.uint(value), TxFields.data(data), TxFields.accessList(accessList),
        Rlp.list(auths)};
  }
}
