package dev.opal.tx;

import dev.opal.rlp.Rlp;
import dev.opal.types.Address;
import dev.opal.types.Bytes;
import dev.opal.types.Hash;
import dev.opal.types.UInt256;
import java.util.List;

/**
 * OP's deposit transaction (type 0x7E), derived from L1 rather than signed: the sender is given, and
 * {@code mint} wei are created on L2 before execution. There is no nonce or fee; its gas is bought on
 * L1. Encoding: {@code 0x7E ‖ rlp([sourceHash, from, to, mint, value, gas, isSystemTx, data])}
 * (OP specs, deposits.md "The Deposited Transaction Type"). A mint of zero encodes as the empty
 * string, the same bytes as an absent mint.
 */
public record DepositTransaction(
    Hash sourceHash, Address from, Address to, UInt256 mint, UInt256 value, long gasLimit, boolean isSystemTx, Bytes data)
    implements Transaction {

  @Override
  public int type() {
    return DEPOSIT;
  }

  @Override
  public List<AccessListEntry> accessList() {
    return List.of();
  }

  /** Deposits pay no L2 fee. */
  @Override
  public UInt256 maxFeePerGas() {
    return UInt256.ZERO;
  }

  @Override
  public UInt256 maxPriorityFeePerGas() {
    return UInt256.ZERO;
  }

  @Override
  public byte[] encodeUncached() {
    return TxFields.typed(DEPOSIT, Rlp.list(Rlp.hash(sourceHash), Rlp.address(from), TxFields.to(to), TxFields.uint(mint),
        TxFields.uint(value), Rlp.uint(gasLimit), Rlp.uint(isSystemTx ? 1 : 0), TxFields.data(data)));
  }
}
