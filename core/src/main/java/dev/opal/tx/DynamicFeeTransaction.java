package dev.opal.tx;

import dev.opal.crypto.Secp256k1;
import dev.opal.crypto.Signature;
import dev.opal.rlp.Rlp;
import dev.opal.types.Address;
import dev.opal.types.Bytes;
import dev.opal.types.UInt256;
import java.math.BigInteger;
import java.util.List;

/** EIP-1559 (type 2): a fee cap and a priority-fee cap instead of a gas price. */
public record DynamicFeeTransaction(
    BigInteger chainId, long nonce, UInt256 maxPriorityFeePerGas, UInt256 maxFeePerGas, long gasLimit, Address to,
    UInt256 value, Bytes data, List<AccessListEntry> accessList, int recoveryId, BigInteger r, BigInteger s)
    implements TypedTransaction {

  public DynamicFeeTransaction {
    accessList = List.copyOf(accessList);
  }

  /** A transaction with these fields and an empty access list, signed with {@code privateKey}. */
  public static DynamicFeeTransaction signed(BigInteger chainId, long nonce, UInt256 maxPriorityFeePerGas, UInt256 maxFeePerGas, long gasLimit,
      Address to, UInt256 value, Bytes data, byte[] privateKey) {
    DynamicFeeTransaction unsigned = new DynamicFeeTransaction(chainId, nonce, maxPriorityFeePerGas, maxFeePerGas, gasLimit, to, value, data,
        List.of(), 0, BigInteger.ONE, BigInteger.ONE);
    Signature sig = Secp256k1.sign(unsigned.signingHash(), privateKey);
    return new DynamicFeeTransaction(chainId, nonce, maxPriorityFeePerGas, maxFeePerGas, gasLimit, to, value, data, List.of(), sig.recoveryId(),
        sig.r(), sig.s());
  }

  @Override
  public int type() {
    return DYNAMIC_FEE;
  }

  @Override
  public byte[][] payloadFields() {
    return new byte[][] {Rlp.uint(chainId), Rlp.uint(nonce), TxFields.uint(maxPriorityFeePerGas), TxFields.uint(maxFeePerGas),
        Rlp.uint(gasLimit), TxFields.to(to), TxFields.uint(value), TxFields.data(data), TxFields.accessList(accessList)};
  }
}
