package dev.opal.execution.core;

import dev.opal.block.BlockHeader;
import dev.opal.block.Receipt;
import dev.opal.block.Withdrawal;
import dev.opal.config.ChainConfig;
import dev.opal.config.EthereumFork;
import dev.opal.config.OpFork;
import dev.opal.config.Rules;
import dev.opal.consensus.BlobGas;
import dev.opal.optimism.Eip1559Params;
import dev.opal.trie.TrieRoots;
import dev.opal.tx.Transaction;
import dev.opal.types.Hash;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Consensus checks on a block: the header against its parent before execution, and the header's
 * commitments (gas used, roots, bloom) against what execution produced. The EIP-1559 parameters
 * are London's on Ethereum; OP chains pass their own.
 */
public final class BlockValidator {
  /** London's base-fee change denominator and elasticity multiplier. */
  public static final long LONDON_DENOMINATOR = 8;
  public static final long LONDON_ELASTICITY = 2;
  private static final long GAS_LIMIT_BOUND_DIVISOR = 1024;
  private static final long MIN_GAS_LIMIT = 5000;

  private BlockValidator() {}

  /** sha256 of nothing: the requests hash of every OP block from Isthmus (no EL requests on L2). */
  public static final Hash EMPTY_REQUESTS_HASH = Hash.fromHex("0xe3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");

  /**
   * Post-merge header rules against the parent (Yellow Paper §4.3.4 with EIP-1559, 3675, 4844, 4895,
   * 4788, 7685), with the OP variations: no gas-limit step bound, OP base fee, Holocene/Jovian
   * extraData, no blob gas except Jovian's DA footprint, the empty requests hash (OP specs
   * exec-engine.md and the per-fork exec-engine pages).
   */
  public static void validateHeader(ChainConfig chain, BlockHeader parent, BlockHeader h) {
    Rules rules = chain.forks().rulesAt(h.timestamp());
    if (h.number() != parent.number() + 1) fail("block number " + h.number() + " does not follow parent " + parent.number());
    if (Long.compareUnsigned(h.timestamp(), parent.timestamp()) <= 0) fail("timestamp " + h.timestamp() + " not after parent " + parent.timestamp());
    if (h.extraData().size() > 32) fail("extra data longer than 32 bytes");
    if (h.gasLimit() < 0) fail("gas limit above 2^63-1");
    if (Long.compareUnsigned(h.gasUsed(), h.gasLimit()) > 0) fail("gas used " + h.gasUsed() + " above gas limit " + h.gasLimit());
    if (!rules.isOptimism()) {
      long limit = parent.gasLimit() / GAS_LIMIT_BOUND_DIVISOR;
      if (Math.abs(h.gasLimit() - parent.gasLimit()) >= limit || h.gasLimit() < MIN_GAS_LIMIT) {
        fail("gas limit " + h.gasLimit() + " changes too much from parent " + parent.gasLimit());
      }
    }
    if (h.difficulty().signum() != 0) fail("difficulty must be zero after the merge");
    if (!h.nonce().equals(BlockHeader.ZERO_NONCE)) fail("nonce must be zero after the merge");
    if (!h.ommersHash().equals(BlockHeader.EMPTY_OMMERS_HASH)) fail("ommers are not allowed after the merge");
    BigInteger expectedBaseFee = BaseFees.next(chain, parent, h.timestamp());
    if (h.baseFeePerGas() == null || !h.baseFeePerGas().toBigInteger().equals(expectedBaseFee)) {
      fail("base fee " + h.baseFeePerGas() + ", expected " + expectedBaseFee);
    }
    if (rules.isOptimism()) validateOpExtraData(h, rules);
    validateForkFields(parent, h, rules);
  }

  /** Holocene: 9-byte EIP-1559 parameters in extraData; Jovian: the 17-byte form with the min base fee; before: empty. */
  static void validateOpExtraData(BlockHeader h, Rules rules) {
    if (rules.isAtLeast(OpFork.HOLOCENE)) {
      try {
        Eip1559Params.fromExtraData(h.extraData().toArrayUnsafe(), rules.isAtLeast(OpFork.JOVIAN));
      } catch (IllegalArgumentException e) {
        fail(e.getMessage());
      }
    } else if (!h.extraData().isEmpty()) {
      fail("extraData must be empty before Holocene");
    }
  }

  static void validateForkFields(BlockHeader parent, BlockHeader h, Rules rules) {
    boolean shanghai = rules.isAtLeast(EthereumFork.SHANGHAI);
    if (shanghai != (h.withdrawalsRoot() != null)) fail("withdrawals root presence does not match the fork");
    boolean cancun = rules.isAtLeast(EthereumFork.CANCUN);
    if (cancun != (h.blobGasUsed() != null) || cancun != (h.excessBlobGas() != null) || cancun != (h.parentBeaconBlockRoot() != null)) {
      fail("blob gas and beacon root fields do not match the fork");
    }
    boolean prague = rules.isAtLeast(EthereumFork.PRAGUE);
    if (prague != (h.requestsHash() != null)) fail("requests hash presence does not match the fork");
    if (rules.isOptimism()) {
      if (cancun && h.excessBlobGas() != 0) fail("excess blob gas must be 0 on an OP chain");
      if (cancun && !rules.isAtLeast(OpFork.JOVIAN) && h.blobGasUsed() != 0) fail("blob gas used must be 0 before Jovian");
      if (prague && !h.requestsHash().equals(EMPTY_REQUESTS_HASH)) fail("requests hash must be sha256 of nothing");
      return;
    }
    if (cancun) {
      long parentExcess = parent.excessBlobGas() == null ? 0 : parent.excessBlobGas();
      long parentUsed = parent.blobGasUsed() == null ? 0 : parent.blobGasUsed();
      long expected = BlobGas.nextExcess(parentExcess, parentUsed, rules.eth());
      if (h.excessBlobGas() != expected) fail("excess blob gas " + h.excessBlobGas() + ", expected " + expected);
      if (h.blobGasUsed() > BlobGas.maxPerBlock(rules.eth())) fail("blob gas used above the maximum");
      if (h.blobGasUsed() % BlobGas.GAS_PER_BLOB != 0) fail("blob gas used is not a multiple of the blob size");
    }
  }

  /** The header's commitments against the execution's results and the state root. */
  public static void validateExecution(BlockHeader h, List<Transaction> txs, List<Withdrawal> withdrawals, BlockExecution exec,
      Hash stateRoot) {
    if (exec.gasUsed() != h.gasUsed()) fail("gas used " + exec.gasUsed() + ", header says " + h.gasUsed());
    if (h.blobGasUsed() != null && exec.blobGasUsed() != h.blobGasUsed()) fail("blob gas used " + exec.blobGasUsed() + ", header says " + h.blobGasUsed());
    if (h.blobGasUsed() != null && Long.compareUnsigned(h.blobGasUsed(), h.gasLimit()) > 0) fail("DA footprint above the gas limit");
    Hash txRoot = transactionsRoot(txs);
    if (!txRoot.equals(h.transactionsRoot())) fail("transactions root " + txRoot.toHex() + ", header says " + h.transactionsRoot().toHex());
    if (withdrawals != null && h.withdrawalsRoot() != null) {
      Hash wRoot = withdrawalsRoot(withdrawals);
      if (!wRoot.equals(h.withdrawalsRoot())) fail("withdrawals root " + wRoot.toHex() + ", header says " + h.withdrawalsRoot().toHex());
    }
    if (!exec.logsBloom().equals(h.logsBloom())) fail("logs bloom differs from the header's");
    Hash receiptsRoot = receiptsRoot(exec.receipts());
    if (!receiptsRoot.equals(h.receiptsRoot())) fail("receipts root " + receiptsRoot.toHex() + ", header says " + h.receiptsRoot().toHex());
    if (!stateRoot.equals(h.stateRoot())) fail("state root " + stateRoot.toHex() + ", header says " + h.stateRoot().toHex());
  }

  public static Hash transactionsRoot(List<Transaction> txs) {
    List<byte[]> items = new ArrayList<>(txs.size());
    for (Transaction tx : txs) items.add(tx.encode());
    return TrieRoots.ordered(items);
  }

  public static Hash receiptsRoot(List<Receipt> receipts) {
    List<byte[]> items = new ArrayList<>(receipts.size());
    for (Receipt r : receipts) items.add(r.encode());
    return TrieRoots.ordered(items);
  }

  public static Hash withdrawalsRoot(List<Withdrawal> withdrawals) {
    List<byte[]> items = new ArrayList<>(withdrawals.size());
    for (Withdrawal w : withdrawals) items.add(w.encode());
    return TrieRoots.ordered(items);
  }

  private static void fail(String message) {
    throw new InvalidBlockException(message);
  }
}
