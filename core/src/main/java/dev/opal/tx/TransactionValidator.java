package dev.opal.tx;

import dev.opal.config.EthereumFork;
import dev.opal.crypto.Secp256k1;
import dev.opal.types.Address;
import java.math.BigInteger;

/**
 * The checks a signed transaction must pass before it touches state: type allowed by the fork,
 * chain id, signature, nonce and fee ranges, intrinsic gas and the init-code limit. Stateful checks
 * (nonce match, balance, block gas) belong to transaction processing.
 */
public final class TransactionValidator {
  private static final BigInteger MAX_UINT256 = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);

  private final EthereumFork fork;
  private final BigInteger chainId;

  public TransactionValidator(EthereumFork fork, BigInteger chainId) {
    this.fork = fork;
    this.chainId = chainId;
  }

  /** Validates {@code tx} and returns its sender; throws {@link InvalidTransactionException} otherwise. */
  public Address validate(SignedTransaction tx) {
    requireTypeEnabled(tx.type());
    // EIP-2681: the nonce is capped at 2^64 - 1, and a transaction cannot use the last value.
    if (tx.nonce() == -1L) throw new InvalidTransactionException("nonce has max value");
    BigInteger txChainId = tx.chainId();
    if (txChainId != null && !txChainId.equals(chainId)) {
      throw new InvalidTransactionException("invalid chain id " + txChainId + ", expected " + chainId);
    }
    if (tx.maxPriorityFeePerGas().compareTo(tx.maxFeePerGas()) > 0) {
      throw new InvalidTransactionException("max priority fee per gas higher than max fee per gas");
    }
    BigInteger gas = new BigInteger(Long.toUnsignedString(tx.gasLimit()));
    if (gas.multiply(tx.maxFeePerGas().toBigInteger()).compareTo(MAX_UINT256) > 0) {
      throw new InvalidTransactionException("gas limit times max fee per gas overflows 256 bits");
    }
    if (tx.isCreation() && fork.isAtLeast(EthereumFork.SHANGHAI) && tx.data().size() > IntrinsicGas.MAX_INITCODE_SIZE) {
      throw new InvalidTransactionException("init code size " + tx.data().size() + " exceeds " + IntrinsicGas.MAX_INITCODE_SIZE);
    }
    long intrinsic = IntrinsicGas.of(tx, fork);
    if (Long.compareUnsigned(tx.gasLimit(), intrinsic) < 0) {
      throw new InvalidTransactionException("intrinsic gas too low: have " + Long.toUnsignedString(tx.gasLimit()) + ", want " + intrinsic);
    }
    if (fork.isAtLeast(EthereumFork.PRAGUE) && Long.compareUnsigned(tx.gasLimit(), IntrinsicGas.floor(tx.data())) < 0) {
      throw new InvalidTransactionException("gas limit below the EIP-7623 calldata floor " + IntrinsicGas.floor(tx.data()));
    }
    if (tx instanceof SetCodeTransaction sc && sc.authorizationList().isEmpty()) {
      throw new InvalidTransactionException("set-code transaction with an empty authorization list");
    }
    if (tx.r().signum() <= 0 || tx.r().compareTo(Secp256k1.N) >= 0 || tx.s().signum() <= 0
        || tx.s().compareTo(fork.isAtLeast(EthereumFork.HOMESTEAD) ? Secp256k1.HALF_N.add(BigInteger.ONE) : Secp256k1.N) >= 0) {
      throw new InvalidTransactionException("invalid signature values r, s");
    }
    return tx.recoverSender();
  }

  private void requireTypeEnabled(int type) {
    EthereumFork since = switch (type) {
      case Transaction.LEGACY -> EthereumFork.FRONTIER;
      case Transaction.ACCESS_LIST -> EthereumFork.BERLIN;
      case Transaction.DYNAMIC_FEE -> EthereumFork.LONDON;
      case Transaction.BLOB -> EthereumFork.CANCUN;
      case Transaction.SET_CODE -> EthereumFork.PRAGUE;
      default -> throw new InvalidTransactionException("transaction type " + type + " is not a signed type");
    };
    if (!fork.isAtLeast(since)) {
      throw new InvalidTransactionException("transaction type " + type + " not supported before " + since.testName());
    }
  }
}
