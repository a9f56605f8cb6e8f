package dev.opal.execution.core;

import dev.opal.block.BlockHeader;
import dev.opal.block.Bloom;
import dev.opal.block.Receipt;
import dev.opal.block.Withdrawal;
import dev.opal.config.ChainConfig;
import dev.opal.config.EthereumFork;
import dev.opal.config.ForkSchedule;
import dev.opal.config.OpFork;
import dev.opal.config.Rules;
import dev.opal.consensus.BlobGas;
import dev.opal.evm.BlockContext;
import dev.opal.evm.TransactionProcessor;
import dev.opal.evm.TransactionResult;
import dev.opal.state.WorldState;
import dev.opal.tx.BlobTransaction;
import dev.opal.tx.DepositTransaction;
import dev.opal.tx.InvalidTransactionException;
import dev.opal.tx.SignedTransaction;
import dev.opal.tx.Transaction;
import dev.opal.tx.TransactionValidator;
import dev.opal.types.Hash;
import dev.opal.types.UInt256;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * Executes a block body on the parent's state (op-geth core.StateProcessor): the system calls, every
 * transaction in order with the block's gas pool, then withdrawals. Any invalid transaction makes
 * the block invalid.
 */
public final class BlockProcessor {
  private static final BigInteger GWEI = BigInteger.valueOf(1_000_000_000L);

  private final ForkSchedule forks;
  private final BigInteger chainId;

  public BlockProcessor(ChainConfig chain) {
    this.forks = chain.forks();
    this.chainId = chain.chainId();
  }

  public BlockContext context(BlockHeader header, LongFunction<Hash> blockHashes) {
    Rules rules = forks.rulesAt(header.timestamp());
    UInt256 blobBaseFee = header.excessBlobGas() == null ? UInt256.ZERO
        : UInt256.fromBigInteger(BlobGas.baseFee(header.excessBlobGas(), rules.eth()));
    return new BlockContext(header.coinbase(), header.number(), header.timestamp(), header.gasLimit(),
        header.baseFeePerGas() == null ? UInt256.ZERO : header.baseFeePerGas(), header.mixHash(), blobBaseFee,
        UInt256.fromBigInteger(chainId), blockHashes, rules);
  }

  public BlockExecution execute(WorldState state, BlockHeader header, List<Transaction> transactions, List<Withdrawal> withdrawals,
      LongFunction<Hash> blockHashes) {
    BlockContext block = context(header, blockHashes);
    Rules rules = block.rules();
    if (rules.isAtLeast(EthereumFork.CANCUN) && header.parentBeaconBlockRoot() != null) {
      SystemCalls.beaconRoot(state, block, header.parentBeaconBlockRoot());
    }
    if (rules.isAtLeast(EthereumFork.PRAGUE)) SystemCalls.parentBlockHash(state, block, header.parentHash());

    TransactionValidator validator = new TransactionValidator(rules.eth(), chainId);
    TransactionProcessor processor = new TransactionProcessor(state, block, null);
    List<Receipt> receipts = new ArrayList<>(transactions.size());
    List<TransactionResult> results = new ArrayList<>(transactions.size());
    Bloom bloom = new Bloom();
    long gasUsed = 0;
    long blobGasUsed = 0;
    for (int i = 0; i < transactions.size(); i++) {
      Transaction tx = transactions.get(i);
      TransactionResult r;
      try {
        if (tx instanceof DepositTransaction deposit) {
          if (!rules.isOptimism()) throw new InvalidTransactionException("deposit transactions exist only on OP chains");
          r = processor.applyDeposit(deposit, header.gasLimit() - gasUsed);
        } else {
          SignedTransaction signed = (SignedTransaction) tx;
          r = processor.apply(signed, validator.validate(signed), header.gasLimit() - gasUsed);
        }
      } catch (InvalidTransactionException e) {
        throw new InvalidBlockException("transaction " + i + " (" + tx.hash().toHex() + ") is invalid: " + e.getMessage());
      }
      gasUsed += r.gasUsed();
      if (tx instanceof BlobTransaction b) blobGasUsed += b.blobVersionedHashes().size() * BlobGas.GAS_PER_BLOB;
      Receipt receipt = Receipt.of(tx.type(), r.success(), gasUsed, r.logs());
      // OP: deposit receipts carry the deposit nonce (Regolith) and, from Canyon, a version that puts it into the receipt hash.
      if (tx.isDeposit()) receipt = receipt.withDeposit(r.depositNonce(), rules.isAtLeast(OpFork.CANYON) ? 1L : null);
      bloom.or(receipt.logsBloom());
      receipts.add(receipt);
      results.add(r);
    }
    if (withdrawals != null) {
      for (Withdrawal w : withdrawals) {
        UInt256 amount = UInt256.fromBigInteger(new BigInteger(Long.toUnsignedString(w.amountGwei())).multiply(GWEI));
        state.setBalance(w.address(), state.getBalance(w.address()).add(amount));
      }
      state.finalizeTransaction(true);
    }
    return new BlockExecution(receipts, results, gasUsed, blobGasUsed, bloom.toBytes());
  }
}
