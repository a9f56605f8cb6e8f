package dev.opal.execution.core;

import dev.opal.block.BlockHeader;
import dev.opal.block.Withdrawal;
import dev.opal.config.ChainConfig;
import dev.opal.config.ForkSchedule;
import dev.opal.config.OpFork;
import dev.opal.config.Rules;
import dev.opal.consensus.BlobGas;
import dev.opal.evm.BlockContext;
import dev.opal.optimism.Create2Deployer;
import dev.opal.state.WorldState;
import dev.opal.tx.InvalidTransactionException;
import dev.opal.tx.Transaction;
import dev.opal.types.Hash;
import dev.opal.types.UInt256;
import java.math.BigInteger;
import java.util.List;
import java.util.function.LongFunction;

/**
 * Executes a block body on the parent's state (op-geth core.StateProcessor): the system calls, every
 * transaction in order with the block's gas pool, then withdrawals. Any invalid transaction makes
 * the block invalid.
 */
public final class BlockProcessor {
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

  /**
   * Starts executing a block whose header fields other than the results are final. Canyon's
   * activation block first gets the create2deployer's code (op-geth misc.EnsureCreate2Deployer).
   */
  public BlockSession begin(WorldState state, BlockHeader header, LongFunction<Hash> blockHashes) {
    Long canyon = forks.activationTime(OpFork.CANYON);
    if (canyon != null && canyon == header.timestamp()) state.setCode(Create2Deployer.ADDRESS, Create2Deployer.CODE);
    return new BlockSession(state, header, context(header, blockHashes), chainId);
  }

  /** Executes a whole block body; any transaction that cannot be included makes the block invalid. */
  public BlockExecution execute(WorldState state, BlockHeader header, List<Transaction> transactions, List<Withdrawal> withdrawals,
      LongFunction<Hash> blockHashes) {
    BlockSession session = begin(state, header, blockHashes);
    for (int i = 0; i < transactions.size(); i++) {
      Transaction tx = transactions.get(i);
      try {
        session.apply(tx);
      } catch (InvalidTransactionException e) {
        throw new InvalidBlockException("transaction " + i + " (" + tx.hash().toHex() + ") is invalid: " + e.getMessage());
      }
    }
    return session.finish(withdrawals);
  }
}
