package dev.opal.execution.engine;

import dev.opal.block.Block;
import dev.opal.block.BlockHeader;
import dev.opal.config.EthereumFork;
import dev.opal.config.OpFork;
import dev.opal.config.Rules;
import dev.opal.execution.core.BlockValidator;
import dev.opal.rpc.engine.ExecutionPayload;
import dev.opal.tx.Transaction;
import dev.opal.tx.TransactionDecoder;
import dev.opal.types.Bytes;
import dev.opal.types.Hash;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** Conversion between blocks and Engine API execution payloads (op-geth beacon/engine ExecutableDataToBlock / BlockToExecutableData). */
public final class Payloads {
  private Payloads() {}

  public static ExecutionPayload toPayload(Block block, Rules rules) {
    BlockHeader h = block.header();
    List<Bytes> txs = new ArrayList<>(block.transactions().size());
    for (Transaction tx : block.transactions()) txs.add(Bytes.wrap(tx.encode()));
    // OP Isthmus carries the header's withdrawals root (the message passer's storage root) in the payload.
    Hash withdrawalsRoot = rules.isAtLeast(OpFork.ISTHMUS) ? h.withdrawalsRoot() : null;
    return new ExecutionPayload(h.parentHash(), h.coinbase(), h.stateRoot(), h.receiptsRoot(), h.logsBloom(), h.mixHash(), h.number(),
        h.gasLimit(), h.gasUsed(), h.timestamp(), h.extraData(), h.baseFeePerGas(), h.hash(), txs, block.withdrawals(), h.blobGasUsed(),
        h.excessBlobGas(), withdrawalsRoot);
  }

  /**
   * Rebuilds the block a payload describes; throws {@link IllegalArgumentException} when a
   * transaction does not decode or the computed block hash differs from {@code blockHash}.
   */
  public static Block toBlock(ExecutionPayload p, Hash parentBeaconBlockRoot, Rules rules) {
    List<Transaction> txs = new ArrayList<>(p.transactions().size());
    for (int i = 0; i < p.transactions().size(); i++) {
      try {
        txs.add(TransactionDecoder.decode(p.transactions().get(i).toArrayUnsafe()));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("transaction " + i + " does not decode: " + e.getMessage());
      }
    }
    Hash withdrawalsRoot = null;
    if (p.withdrawalsRoot() != null) withdrawalsRoot = p.withdrawalsRoot();
    else if (p.withdrawals() != null) withdrawalsRoot = BlockValidator.withdrawalsRoot(p.withdrawals());
    Hash requestsHash = rules.isAtLeast(EthereumFork.PRAGUE) ? BlockValidator.EMPTY_REQUESTS_HASH : null;
    BlockHeader h = new BlockHeader(p.parentHash(), BlockHeader.EMPTY_OMMERS_HASH, p.feeRecipient(), p.stateRoot(),
        BlockValidator.transactionsRoot(txs), p.receiptsRoot(), p.logsBloom(), BigInteger.ZERO, p.blockNumber(), p.gasLimit(),
        p.gasUsed(), p.timestamp(), p.extraData(), p.prevRandao(), BlockHeader.ZERO_NONCE, p.baseFeePerGas(), withdrawalsRoot,
        p.blobGasUsed(), p.excessBlobGas(), parentBeaconBlockRoot, requestsHash);
    if (!h.hash().equals(p.blockHash())) {
      throw new IllegalArgumentException("blockhash mismatch, want " + p.blockHash().toHex() + ", got " + h.hash().toHex());
    }
    return new Block(h, txs, List.of(), p.withdrawals());
  }
}
