package dev.opal.execution.core;

import dev.opal.block.BlockHeader;
import dev.opal.block.Bloom;
import dev.opal.block.Receipt;
import dev.opal.block.Withdrawal;
import dev.opal.config.EthereumFork;
import dev.opal.config.OpFork;
import dev.opal.config.Rules;
import dev.opal.consensus.BlobGas;
import dev.opal.evm.BlockContext;
import dev.opal.evm.TransactionProcessor;
import dev.opal.evm.TransactionResult;
import dev.opal.optimism.DaFootprint;
import dev.opal.state.WorldState;
import dev.opal.tx.BlobTransaction;
import dev.opal.tx.DepositTransaction;
import dev.opal.tx.InvalidTransactionException;
import dev.opal.tx.SignedTransaction;
import dev.opal.tx.Transaction;
import dev.opal.tx.TransactionValidator;
import dev.opal.types.UInt256;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * One block being executed, transaction by transaction: the system calls run on creation, each
 * {@link #apply} runs one transaction against the block's gas pool (a rejected transaction throws
 * and leaves the state untouched, so a builder can skip it), and {@link #finish} applies the
 * withdrawals and returns the receipts.
 */
public final class BlockSession {
  private static final BigInteger GWEI = BigInteger.valueOf(1_000_000_000L);

  private final WorldState state;
  private final BlockHeader header;
  private final Rules rules;
  private final TransactionValidator validator;
  private final TransactionProcessor processor;
  private final List<Receipt> receipts = new ArrayList<>();
  private final List<TransactionResult> results = new ArrayList<>();
  private final Bloom bloom = new Bloom();
  private long gasUsed;
  private long blobGasUsed;
  private int daFootprintScalar = -1; // Jovian: read from the block's first transaction, the L1-info deposit

  BlockSession(WorldState state, BlockHeader header, BlockContext block, BigInteger chainId) {
    this.state = state;
    this.header = header;
    this.rules = block.rules();
    this.validator = new TransactionValidator(rules.eth(), chainId);
    this.processor = new TransactionProcessor(state, block, null);
    if (rules.isAtLeast(EthereumFork.CANCUN) && header.parentBeaconBlockRoot() != null) {
      SystemCalls.beaconRoot(state, block, header.parentBeaconBlockRoot());
    }
    if (rules.isAtLeast(EthereumFork.PRAGUE)) SystemCalls.parentBlockHash(state, block, header.parentHash());
  }

  public long gasUsed() {
    return gasUsed;
  }

  public long gasLeft() {
    return header.gasLimit() - gasUsed;
  }

  public Rules rules() {
    return rules;
  }

  /**
   * The Jovian DA footprint this transaction adds (0 for deposits); the block may hold at most its
   * gas limit of footprint, which a builder checks before applying a pool transaction.
   */
  public long daFootprint(Transaction tx) {
    if (!rules.isAtLeast(OpFork.JOVIAN)) return 0;
    if (daFootprintScalar < 0) {
      daFootprintScalar = tx instanceof DepositTransaction d ? DaFootprint.scalarOf(d.data().toArrayUnsafe()) : 0;
    }
    return DaFootprint.of(tx, daFootprintScalar);
  }

  /** Block space left for DA footprint under Jovian (the header's gas limit bounds blobGasUsed). */
  public long daFootprintLeft() {
    return header.gasLimit() - blobGasUsed;
  }

  /** Runs one transaction; throws {@link InvalidTransactionException} (state untouched) if it cannot be included. */
  public TransactionResult apply(Transaction tx) {
    return apply(tx, null);
  }

  /**
   * Runs a transaction whose sender is already known (a pool transaction was validated and its
   * signature recovered on admission), sparing a second recovery; null means recover it.
   */
  public TransactionResult apply(Transaction tx, dev.opal.types.Address knownSender) {
    TransactionResult r;
    if (tx instanceof BlobTransaction b && blobGasUsed + b.blobGas() > BlobGas.maxPerBlock(rules.eth())) {
      throw new InvalidTransactionException("the block has no blob gas left for " + b.blobVersionedHashes().size() + " blobs");
    }
    if (tx instanceof DepositTransaction deposit) {
      if (!rules.isOptimism()) throw new InvalidTransactionException("deposit transactions exist only on OP chains");
      r = processor.applyDeposit(deposit, gasLeft());
    } else {
      SignedTransaction signed = (SignedTransaction) tx;
      r = processor.apply(signed, knownSender != null ? knownSender : validator.validate(signed), gasLeft());
    }
    gasUsed += r.gasUsed();
    if (tx instanceof BlobTransaction b) blobGasUsed += b.blobGas();
    if (rules.isAtLeast(OpFork.JOVIAN)) blobGasUsed += daFootprint(tx);
    Receipt receipt = Receipt.of(tx.type(), r.success(), gasUsed, r.logs());
    // OP: deposit receipts carry the deposit nonce (Regolith) and, from Canyon, a version that puts it into the receipt hash.
    if (tx.isDeposit()) receipt = receipt.withDeposit(r.depositNonce(), rules.isAtLeast(OpFork.CANYON) ? 1L : null);
    bloom.or(receipt.logsBloom());
    receipts.add(receipt);
    results.add(r);
    return r;
  }

  /** Credits the withdrawals (in gwei) and returns what the block's execution produced. */
  public BlockExecution finish(List<Withdrawal> withdrawals) {
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
