package dev.opal.evm;

import static dev.opal.evm.TransactionRejectedException.Reason.BLOB_FEE_CAP_BELOW_BLOB_BASE_FEE;
import static dev.opal.evm.TransactionRejectedException.Reason.BLOB_TRANSACTION_INVALID;
import static dev.opal.evm.TransactionRejectedException.Reason.FEE_CAP_BELOW_BASE_FEE;
import static dev.opal.evm.TransactionRejectedException.Reason.GAS_LIMIT_EXCEEDS_BLOCK;
import static dev.opal.evm.TransactionRejectedException.Reason.INSUFFICIENT_FUNDS;
import static dev.opal.evm.TransactionRejectedException.Reason.NONCE_MAX;
import static dev.opal.evm.TransactionRejectedException.Reason.NONCE_TOO_HIGH;
import static dev.opal.evm.TransactionRejectedException.Reason.NONCE_TOO_LOW;
import static dev.opal.evm.TransactionRejectedException.Reason.SENDER_NOT_EOA;

import dev.opal.config.EthereumFork;
import dev.opal.config.OpFork;
import dev.opal.consensus.BlobGas;
import dev.opal.crypto.Keccak;
import dev.opal.optimism.L1Cost;
import dev.opal.state.WorldState;
import dev.opal.tx.AccessListEntry;
import dev.opal.tx.Authorization;
import dev.opal.tx.BlobTransaction;
import dev.opal.tx.ContractAddress;
import dev.opal.tx.DepositTransaction;
import dev.opal.tx.IntrinsicGas;
import dev.opal.tx.SetCodeTransaction;
import dev.opal.tx.SignedTransaction;
import dev.opal.types.Address;
import dev.opal.types.Bytes;
import dev.opal.types.Hash;
import dev.opal.types.UInt256;
import java.math.BigInteger;
import java.util.List;

/**
 * Applies one signed transaction to the state (Yellow Paper §6 with the London-to-Prague EIPs):
 * checks it against state and block, buys gas, runs the call or creation, refunds, pays the
 * priority fee to the coinbase and clears self-destructed and empty touched accounts. A rejected
 * transaction throws {@link TransactionRejectedException} and changes nothing.
 */
public final class TransactionProcessor {
  private final WorldState state;
  private final BlockContext block;
  private final Tracer tracer;
  private final OpBlockFees opFees; // null on plain Ethereum

  public TransactionProcessor(WorldState state, BlockContext block, Tracer tracer) {
    this.state = state;
    this.block = block;
    this.tracer = tracer;
    this.opFees = block.rules().isOptimism() ? new OpBlockFees(state, block) : null;
  }

  /**
   * @param sender the recovered sender
   * @param blockGasLeft gas still available in the block
   */
  public TransactionResult apply(SignedTransaction tx, Address sender, long blockGasLeft) {
    EthereumFork fork = block.rules().eth();
    if (opFees != null && tx instanceof BlobTransaction) reject(BLOB_TRANSACTION_INVALID, "blob transactions are not allowed on an OP chain");
    L1Cost l1Cost = opFees == null ? null : opFees.l1Cost(tx);
    BigInteger opFeeUpfront = opFees == null ? BigInteger.ZERO : opFees.operatorFee(tx.gasLimit());
    BigInteger extraFees = l1Cost == null ? opFeeUpfront : l1Cost.fee().add(opFeeUpfront);
    UInt256 effectiveGasPrice = checkAndPrice(tx, sender, blockGasLeft, fork, extraFees);
    long gasLimit = tx.gasLimit();
    List<Hash> blobHashes = tx instanceof BlobTransaction b ? b.blobVersionedHashes() : List.of();
    UInt256 blobFee = tx instanceof BlobTransaction b && !blobHashes.isEmpty()
        ? UInt256.fromBigInteger(block.blobBaseFee().toBigInteger().multiply(BigInteger.valueOf(b.blobGas()))) : UInt256.ZERO;

    // Buy gas: the full gas limit at the effective price, plus blob gas, leaves the sender now.
    UInt256 gasCost = UInt256.fromBigInteger(BigInteger.valueOf(gasLimit).multiply(effectiveGasPrice.toBigInteger()));
    state.setBalance(sender, state.getBalance(sender).subtract(gasCost).subtract(blobFee).subtract(UInt256.fromBigInteger(extraFees)));

    Evm evm = new Evm(state, block, new TxContext(sender, effectiveGasPrice, blobHashes), tracer);
    warmUp(evm, tx.to(), sender, tx.accessList());
    if (tx instanceof SetCodeTransaction setCode) applyAuthorizations(evm, setCode);
    long intrinsic = IntrinsicGas.of(tx, fork);
    long gas = gasLimit - intrinsic;
    byte[] data = tx.data().toArrayUnsafe();
    CallResult result;
    Address created = null;
    long nonce = state.getNonce(sender);
    state.setNonce(sender, nonce + 1);
    if (tx.isCreation()) {
      created = ContractAddress.create(sender, nonce);
      result = evm.create(sender, created, tx.value(), data, gas, 0);
    } else {
      result = evm.call(Evm.CallKind.CALL, sender, tx.to(), tx.to(), tx.value(), data, gas, false, 0);
    }

    long gasUsed = gasLimit - result.gasLeft();
    long refund = Math.min(evm.refund(), gasUsed / Gas.MAX_REFUND_QUOTIENT);
    gasUsed -= refund;
    if (fork.isAtLeast(EthereumFork.PRAGUE)) gasUsed = Math.max(gasUsed, IntrinsicGas.floor(tx.data())); // EIP-7623
    long gasLeft = gasLimit - gasUsed;
    UInt256 returned = UInt256.fromBigInteger(BigInteger.valueOf(gasLeft).multiply(effectiveGasPrice.toBigInteger()));
    state.setBalance(sender, state.getBalance(sender).add(returned));
    UInt256 tip = effectiveGasPrice.subtract(block.baseFee());
    UInt256 reward = UInt256.fromBigInteger(BigInteger.valueOf(gasUsed).multiply(tip.toBigInteger()));
    state.setBalance(block.coinbase(), state.getBalance(block.coinbase()).add(reward));
    if (opFees != null) payOpVaults(sender, gasUsed, l1Cost, opFeeUpfront);

    for (Address destroyed : evm.selfDestructs()) state.deleteAccount(destroyed);
    List<dev.opal.block.Log> logs = result.success() ? List.copyOf(evm.logs()) : List.of();
    state.finalizeTransaction(true);
    return new TransactionResult(result.success(), gasUsed, logs, result.output(), result.success() ? created : null, result.error(),
        null, l1Cost);
  }

  /**
   * OP: the base fee is not burned but paid to the BaseFeeVault, the L1 data fee to the L1FeeVault,
   * and (Isthmus) the operator fee for the gas actually used to the OperatorFeeVault, the rest of
   * the up-front operator fee going back to the sender (OP specs exec-engine.md "Fee Vaults").
   */
  private void payOpVaults(Address sender, long gasUsed, L1Cost l1Cost, BigInteger opFeeUpfront) {
    credit(OpBlockFees.BASE_FEE_VAULT, BigInteger.valueOf(gasUsed).multiply(block.baseFee().toBigInteger()));
    credit(OpBlockFees.L1_FEE_VAULT, l1Cost.fee());
    if (block.rules().isAtLeast(OpFork.ISTHMUS)) {
      BigInteger used = opFees.operatorFee(gasUsed);
      credit(sender, opFeeUpfront.subtract(used));
      credit(OpBlockFees.OPERATOR_FEE_VAULT, used);
    }
  }

  private void credit(Address to, BigInteger amount) {
    state.setBalance(to, state.getBalance(to).add(UInt256.fromBigInteger(amount)));
  }

  /**
   * OP deposit (OP specs deposits.md "Execution"): mint first, no signature, nonce, fee or EOA
   * checks; the gas is bought on L1, so nothing is charged or refunded. A deposit that cannot run
   * (intrinsic gas, value beyond balance) still lands: state back to just after the mint, the
   * sender's nonce bumped, all its gas used, status failed.
   */
  public TransactionResult applyDeposit(DepositTransaction tx, long blockGasLeft) {
    boolean regolith = block.rules().isAtLeast(OpFork.REGOLITH);
    if (tx.isSystemTx() && regolith) reject(TransactionRejectedException.Reason.INVALID, "system transactions are not supported after Regolith");
    if (!tx.isSystemTx() && Long.compareUnsigned(tx.gasLimit(), blockGasLeft) > 0) {
      reject(GAS_LIMIT_EXCEEDS_BLOCK, "deposit gas " + tx.gasLimit() + " exceeds the block's remaining " + blockGasLeft);
    }
    Address from = tx.from();
    long depositNonce = state.getNonce(from);
    if (!tx.mint().isZero()) state.setBalance(from, state.getBalance(from).add(tx.mint()));
    int afterMint = state.snapshot();
    EthereumFork fork = block.rules().eth();
    long intrinsic = IntrinsicGas.of(tx, fork);
    long gasLimit = tx.gasLimit();
    boolean runnable = Long.compareUnsigned(intrinsic, gasLimit) <= 0
        && (!fork.isAtLeast(EthereumFork.PRAGUE) || Long.compareUnsigned(IntrinsicGas.floor(tx.data()), gasLimit) <= 0)
        && state.getBalance(from).compareTo(tx.value()) >= 0
        && !(tx.isCreation() && fork.isAtLeast(EthereumFork.SHANGHAI) && tx.data().size() > IntrinsicGas.MAX_INITCODE_SIZE);
    Long receiptNonce = regolith ? depositNonce : null;
    if (!runnable) {
      state.revertTo(afterMint);
      state.setNonce(from, depositNonce + 1);
      state.finalizeTransaction(true);
      long used = !regolith && tx.isSystemTx() ? 0 : gasLimit;
      return new TransactionResult(false, used, List.of(), CallResult.NO_OUTPUT, null, "deposit could not be executed", receiptNonce, null);
    }
    Evm evm = new Evm(state, block, new TxContext(from, UInt256.ZERO, List.of()), tracer);
    warmUp(evm, tx.to(), from, List.of());
    long gas = gasLimit - intrinsic;
    CallResult result;
    Address created = null;
    state.setNonce(from, depositNonce + 1);
    byte[] data = tx.data().toArrayUnsafe();
    if (tx.isCreation()) {
      created = ContractAddress.create(from, depositNonce);
      result = evm.create(from, created, tx.value(), data, gas, 0);
    } else {
      result = evm.call(Evm.CallKind.CALL, from, tx.to(), tx.to(), tx.value(), data, gas, false, 0);
    }
    long gasUsed;
    if (regolith) {
      gasUsed = gasLimit - result.gasLeft();
      gasUsed -= Math.min(evm.refund(), gasUsed / Gas.MAX_REFUND_QUOTIENT);
      if (fork.isAtLeast(EthereumFork.PRAGUE)) gasUsed = Math.max(gasUsed, IntrinsicGas.floor(tx.data()));
    } else {
      gasUsed = tx.isSystemTx() ? 0 : gasLimit;
    }
    for (Address destroyed : evm.selfDestructs()) state.deleteAccount(destroyed);
    List<dev.opal.block.Log> logs = result.success() ? List.copyOf(evm.logs()) : List.of();
    state.finalizeTransaction(true);
    return new TransactionResult(result.success(), gasUsed, logs, result.output(), result.success() ? created : null, result.error(),
        receiptNonce, null);
  }

  /**
   * EIP-7702: each valid authorization sets its authority's code to a delegation designator (or
   * clears it for the zero address) and bumps its nonce; invalid tuples are skipped. Authorities
   * that already existed refund the difference between the new-account and base costs.
   */
  private void applyAuthorizations(Evm evm, SetCodeTransaction tx) {
    BigInteger chainId = block.chainId().toBigInteger();
    for (Authorization auth : tx.authorizationList()) {
      if (auth.chainId().signum() != 0 && !auth.chainId().equals(chainId)) continue;
      if (auth.nonce().equals(MAX_NONCE)) continue; // EIP-2681: the nonce could not be bumped
      Address authority = auth.authority().orElse(null);
      if (authority == null) continue;
      evm.warmAddress(authority);
      Bytes code = state.getCode(authority);
      if (!code.isEmpty() && Delegation.target(code) == null) continue;
      if (BigInteger.valueOf(state.getNonce(authority)).compareTo(auth.nonce()) != 0) continue;
      if (state.exists(authority)) {
        evm.addRefund(IntrinsicGas.PER_EMPTY_ACCOUNT_AUTHORIZATION - PER_AUTH_BASE_COST);
      }
      state.setCode(authority, auth.address().equals(Address.ZERO) ? Bytes.EMPTY : Delegation.designator(auth.address()));
      state.setNonce(authority, state.getNonce(authority) + 1);
    }
  }

  /** EIP-7702 PER_AUTH_BASE_COST. */
  private static final long PER_AUTH_BASE_COST = 12_500;
  private static final BigInteger MAX_NONCE = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  /** The stateful validity rules; returns the effective gas price. */
  private UInt256 checkAndPrice(SignedTransaction tx, Address sender, long blockGasLeft, EthereumFork fork, BigInteger extraFees) {
    long stateNonce = state.getNonce(sender);
    if (Long.compareUnsigned(tx.nonce(), stateNonce) < 0) reject(NONCE_TOO_LOW, "nonce too low: tx " + tx.nonce() + ", state " + stateNonce);
    if (Long.compareUnsigned(tx.nonce(), stateNonce) > 0) reject(NONCE_TOO_HIGH, "nonce too high: tx " + tx.nonce() + ", state " + stateNonce);
    if (stateNonce == -1L) reject(NONCE_MAX, "nonce has max value");
    Hash codeHash = state.getCodeHash(sender);
    // EIP-3607: only EOAs send transactions; from Prague an EOA may carry an EIP-7702 delegation
    if (!codeHash.isZero() && !codeHash.equals(Keccak.EMPTY)
        && !(fork.isAtLeast(EthereumFork.PRAGUE) && Delegation.target(state.getCode(sender)) != null)) {
      reject(SENDER_NOT_EOA, "sender " + sender.toHex() + " is not an EOA");
    }
    if (Long.compareUnsigned(tx.gasLimit(), blockGasLeft) > 0) {
      reject(GAS_LIMIT_EXCEEDS_BLOCK, "gas limit " + Long.toUnsignedString(tx.gasLimit()) + " exceeds the block's remaining " + blockGasLeft);
    }
    UInt256 baseFee = block.baseFee();
    if (tx.maxFeePerGas().compareTo(baseFee) < 0) {
      reject(FEE_CAP_BELOW_BASE_FEE, "max fee per gas " + tx.maxFeePerGas() + " below base fee " + baseFee);
    }
    BigInteger price = tx.effectiveGasPrice(baseFee.toBigInteger());
    BigInteger maxCost = BigInteger.valueOf(tx.gasLimit()).multiply(tx.maxFeePerGas().toBigInteger()).add(tx.value().toBigInteger())
        .add(extraFees);
    if (tx instanceof BlobTransaction blob) {
      if (blob.blobVersionedHashes().isEmpty()) reject(BLOB_TRANSACTION_INVALID, "blob transaction without blobs");
      long blobGas = blob.blobGas();
      if (blobGas > BlobGas.maxPerBlock(fork)) reject(BLOB_TRANSACTION_INVALID, "too many blobs");
      for (Hash h : blob.blobVersionedHashes()) {
        if (h.toArrayUnsafe()[0] != 0x01) reject(BLOB_TRANSACTION_INVALID, "blob versioned hash with version " + h.toArrayUnsafe()[0]);
      }
      if (blob.maxFeePerBlobGas().compareTo(block.blobBaseFee()) < 0) {
        reject(BLOB_FEE_CAP_BELOW_BLOB_BASE_FEE, "max fee per blob gas below blob base fee");
      }
      maxCost = maxCost.add(BigInteger.valueOf(blobGas).multiply(blob.maxFeePerBlobGas().toBigInteger()));
    }
    if (state.getBalance(sender).toBigInteger().compareTo(maxCost) < 0) {
      reject(INSUFFICIENT_FUNDS, "insufficient funds for gas * price + value: have " + state.getBalance(sender) + ", want " + maxCost);
    }
    return UInt256.fromBigInteger(price);
  }

  private static void reject(TransactionRejectedException.Reason reason, String message) {
    throw new TransactionRejectedException(reason, message);
  }

  /** EIP-2929/2930/3651: sender, recipient, precompiles, coinbase (Shanghai) and the access list start warm. */
  private void warmUp(Evm evm, Address to, Address sender, List<AccessListEntry> accessList) {
    evm.warmAddress(sender);
    if (to != null) evm.warmAddress(to);
    for (Address p : evm.precompiles().keySet()) evm.warmAddress(p);
    if (block.rules().isAtLeast(EthereumFork.SHANGHAI)) evm.warmAddress(block.coinbase());
    for (AccessListEntry e : accessList) {
      evm.warmAddress(e.address());
      for (Hash k : e.storageKeys()) evm.warmSlot(e.address(), UInt256.fromBytes(k.toArrayUnsafe()));
    }
  }
}
