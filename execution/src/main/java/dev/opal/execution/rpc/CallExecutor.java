package dev.opal.execution.rpc;

import dev.opal.block.BlockHeader;
import dev.opal.evm.BlockContext;
import dev.opal.evm.CallResult;
import dev.opal.evm.Evm;
import dev.opal.evm.TxContext;
import dev.opal.execution.chain.Blockchain;
import dev.opal.state.StateDb;
import dev.opal.tx.ContractAddress;
import dev.opal.tx.IntrinsicGas;
import dev.opal.tx.DynamicFeeTransaction;
import dev.opal.types.Address;
import dev.opal.types.Bytes;
import dev.opal.types.UInt256;
import java.math.BigInteger;
import java.util.List;

/**
 * {@code eth_call} and {@code eth_estimateGas}: runs a message on a throw-away copy of a block's
 * state, as the next block would see it, without signature, nonce or fee checks (gas price 0).
 */
public final class CallExecutor {
  private final Blockchain chain;

  public CallExecutor(Blockchain chain) {
    this.chain = chain;
  }

  public record Message(Address from, Address to, long gas, UInt256 value, Bytes data) {}

  public CallResult call(BlockHeader at, Message m) {
    StateDb state = chain.stateAt(at);
    BlockContext block = chain.processor().context(at, chain.ancestorHashes(at));
    Evm evm = new Evm(state, block, new TxContext(m.from(), UInt256.ZERO, List.of()), null);
    evm.warmAddress(m.from());
    if (m.to() != null) evm.warmAddress(m.to());
    for (Address p : evm.precompiles().keySet()) evm.warmAddress(p);
    evm.warmAddress(block.coinbase());
    long intrinsic = IntrinsicGas.of(unsigned(m), block.rules().eth());
    if (m.gas() < intrinsic) return new CallResult(false, 0, new byte[0], null, "intrinsic gas too low: have " + m.gas() + ", want " + intrinsic);
    long nonce = state.getNonce(m.from());
    state.setNonce(m.from(), nonce + 1);
    if (m.to() == null) {
      return evm.create(m.from(), ContractAddress.create(m.from(), nonce), m.value(), m.data().toArrayUnsafe(), m.gas() - intrinsic, 0);
    }
    return evm.call(Evm.CallKind.CALL, m.from(), m.to(), m.to(), m.value(), m.data().toArrayUnsafe(), m.gas() - intrinsic, false, 0);
  }

  /** The least gas limit with which the message succeeds (binary search, as geth does); throws if it never does. */
  public long estimate(BlockHeader at, Message m) {
    long hi = at.gasLimit();
    CallResult full = call(at, new Message(m.from(), m.to(), hi, m.value(), m.data()));
    if (!full.success()) throw new CallFailedException(full);
    long lo = IntrinsicGas.of(unsigned(m), chain.rulesAt(at.timestamp()).eth()) - 1;
    hi = Math.min(hi, hi - full.gasLeft() + 200_000); // start near the used gas; refunds and 63/64 make the exact need higher
    if (!call(at, new Message(m.from(), m.to(), hi, m.value(), m.data())).success()) hi = at.gasLimit();
    while (lo + 1 < hi) {
      long mid = lo + (hi - lo) / 2;
      if (call(at, new Message(m.from(), m.to(), mid, m.value(), m.data())).success()) hi = mid;
      else lo = mid;
    }
    return hi;
  }

  private static DynamicFeeTransaction unsigned(Message m) {
    return new DynamicFeeTransaction(BigInteger.ZERO, 0, UInt256.ZERO, UInt256.ZERO, m.gas(), m.to(), m.value(), m.data(), List.of(), 0,
        BigInteger.ONE, BigInteger.ONE);
  }

  /** The message reverted or halted; carries the result (revert data) for the RPC error. */
  public static final class CallFailedException extends RuntimeException {
    private final CallResult result;

    public CallFailedException(CallResult result) {
      super(result.error());
      this.result = result;
    }

    public CallResult result() {
      return result;
    }
  }
}
