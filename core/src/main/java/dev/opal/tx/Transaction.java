package dev.opal.tx;

import dev.opal.types.Address;
import dev.opal.types.Bytes;
import dev.opal.types.Hash;
import dev.opal.types.UInt256;
import java.math.BigInteger;
import java.util.List;

/**
 * A transaction of any type the OP Stack knows: the signed EIP-2718 family and OP's deposit
 * transaction (type 0x7E). {@link #encode()} gives the binary ("2718") form that blocks, the Engine
 * API and {@code eth_sendRawTransaction} carry; its keccak is the transaction hash.
 */
public sealed interface Transaction permits SignedTransaction, DepositTransaction {
  int LEGACY = 0x00;
  int ACCESS_LIST = 0x01;
  int DYNAMIC_FEE = 0x02;
  int BLOB = 0x03;
  int SET_CODE = 0x04;
  int DEPOSIT = 0x7e;

  int type();

  long gasLimit();

  /** The recipient, or null for contract creation. */
  Address to();

  UInt256 value();

  Bytes data();

  /** EIP-2930 access list; empty for types without one. */
  List<AccessListEntry> accessList();

  /** The fee cap per gas (the gas price for legacy and access-list transactions). */
  UInt256 maxFeePerGas();

  /** The tip cap per gas (the gas price for legacy and access-list transactions). */
  UInt256 maxPriorityFeePerGas();

  /**
   * The binary encoding: {@code type ‖ rlp(payload)} for typed transactions, {@code rlp(fields)} for
   * legacy; computed once per transaction object (see {@link EncodingCache}), returned as a fresh copy.
   */
  default byte[] encode() {
    return EncodingCache.encoding(this, this::encodeUncached);
  }

  /** The binary form computed afresh; callers want {@link #encode()}. */
  byte[] encodeUncached();

  default Hash hash() {
    return EncodingCache.hash(this);
  }

  /** What the OP L1 data fee and Jovian's DA footprint measure of the encoding; computed once per transaction object. */
  default dev.opal.optimism.RollupCostData rollupCostData() {
    return EncodingCache.costData(this);
  }

  default boolean isCreation() {
    return to() == null;
  }

  default boolean isDeposit() {
    return type() == DEPOSIT;
  }

  /** The price per gas actually paid: {@code min(maxFee, baseFee + maxPriorityFee)} (EIP-1559). */
  default BigInteger effectiveGasPrice(BigInteger baseFee) {
    BigInteger cap = maxFeePerGas().toBigInteger();
    BigInteger withTip = baseFee.add(maxPriorityFeePerGas().toBigInteger());
    return cap.min(withTip);
  }
}
