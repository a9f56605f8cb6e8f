package dev.opal.execution.miner;

import dev.opal.block.Block;
import dev.opal.block.BlockHeader;
import dev.opal.block.Bloom;
import dev.opal.config.ChainConfig;
import dev.opal.config.EthereumFork;
import dev.opal.config.OpFork;
import dev.opal.config.Rules;
import dev.opal.consensus.BlobGas;
import dev.opal.crypto.Keccak;
import dev.opal.execution.chain.Blockchain;
import dev.opal.execution.chain.GenesisBlock;
import dev.opal.execution.chain.StoredBlock;
import dev.opal.execution.core.BaseFees;
import dev.opal.execution.core.BlockExecution;
import dev.opal.execution.core.BlockSession;
import dev.opal.execution.core.BlockValidator;
import dev.opal.execution.txpool.TxPool;
import dev.opal.optimism.Eip1559Params;
import dev.opal.rpc.engine.PayloadAttributes;
import dev.opal.rpc.engine.PayloadId;
import dev.opal.state.StateDb;
import dev.opal.tx.InvalidTransactionException;
import dev.opal.tx.IntrinsicGas;
import dev.opal.tx.Transaction;
import dev.opal.tx.TransactionDecoder;
import dev.opal.types.Bytes;
import dev.opal.types.Hash;
import dev.opal.types.UInt256;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a block from payload attributes (op-geth miner, OP specs exec-engine.md "Extended
 * PayloadAttributes"): the attributes' transactions first, in order (any failure aborts the build),
 * then, unless {@code noTxPool}, pool transactions by priority fee while gas remains. The header
 * takes its gas limit, EIP-1559 parameters and minimum base fee from the attributes on OP chains.
 */
public final class PayloadBuilder {
  private static final Logger LOG = LoggerFactory.getLogger(PayloadBuilder.class);
  private static final Bytes ETHEREUM_EXTRA_DATA = Bytes.wrap("opal".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

  private final Blockchain chain;
  private final TxPool pool;

  public PayloadBuilder(Blockchain chain, TxPool pool) {
    this.chain = chain;
    this.pool = pool;
  }

  public BuiltPayload build(BlockHeader parent, PayloadAttributes attrs, PayloadId id) {
    return build(parent, attrs, id, !attrs.noTxPool());
  }

  /**
   * @param includePool whether to fill the block from the pool; a sequencer's forkchoiceUpdated
   *     first seals the forced transactions alone (an empty block is always ready), getPayload then
   *     fills the block
   */
  public BuiltPayload build(BlockHeader parent, PayloadAttributes attrs, PayloadId id, boolean includePool) {
    ChainConfig config = chain.config();
    Rules rules = config.forks().rulesAt(attrs.timestamp());
    if (Long.compareUnsigned(attrs.timestamp(), parent.timestamp()) <= 0) {
      throw new InvalidPayloadAttributesException("invalid timestamp " + attrs.timestamp() + ": not after parent " + parent.timestamp());
    }
    long gasLimit;
    if (rules.isOptimism()) {
      if (attrs.gasLimit() == null) throw new InvalidPayloadAttributesException("gasLimit is required on an OP chain");
      gasLimit = attrs.gasLimit();
      if (gasLimit < 0) throw new InvalidPayloadAttributesException("gasLimit above 2^63-1");
    } else {
      gasLimit = attrs.gasLimit() != null ? attrs.gasLimit() : parent.gasLimit();
    }
    BigInteger baseFee = BaseFees.next(config, parent, attrs.timestamp());
    boolean cancun = rules.isAtLeast(EthereumFork.CANCUN);
    Long excessBlobGas = null;
    if (cancun) {
      excessBlobGas = rules.isOptimism() ? 0L : BlobGas.nextExcess(
          parent.excessBlobGas() == null ? 0 : parent.excessBlobGas(), parent.blobGasUsed() == null ? 0 : parent.blobGasUsed(), rules.eth());
    }
    BlockHeader template = new BlockHeader(parent.hash(), BlockHeader.EMPTY_OMMERS_HASH, attrs.suggestedFeeRecipient(), Hash.ZERO,
        Hash.ZERO, Hash.ZERO, Bloom.EMPTY, BigInteger.ZERO, parent.number() + 1, gasLimit, 0, attrs.timestamp(), extraData(rules, attrs),
        attrs.prevRandao(), BlockHeader.ZERO_NONCE, UInt256.fromBigInteger(baseFee),
        rules.isAtLeast(EthereumFork.SHANGHAI) ? Keccak.EMPTY_TRIE_ROOT : null, cancun ? 0L : null, excessBlobGas,
        cancun ? attrs.parentBeaconBlockRoot() : null, rules.isAtLeast(EthereumFork.PRAGUE) ? BlockValidator.EMPTY_REQUESTS_HASH : null);

    StateDb state = chain.stateAt(parent);
    BlockSession session = chain.processor().begin(state, template, chain.ancestorHashes(parent));
    List<Transaction> included = new ArrayList<>();
    BigInteger value = BigInteger.ZERO;
    for (int i = 0; i < attrs.transactions().size(); i++) {
      Transaction tx;
      try {
        tx = TransactionDecoder.decode(attrs.transactions().get(i).toArrayUnsafe());
        session.apply(tx);
      } catch (InvalidTransactionException e) {
        throw new InvalidPayloadAttributesException("forced transaction " + i + " cannot be included: " + e.getMessage());
      }
      included.add(tx);
    }
    if (includePool && pool != null) {
      pool.prune(state::getNonce); // transactions the parent chain already includes leave the pool
      for (TxPool.Pooled p : pool.executable(state::getNonce, baseFee)) {
        if (session.gasLeft() < IntrinsicGas.TX_BASE) break;
        if (session.daFootprint(p.tx()) > session.daFootprintLeft()) continue; // Jovian: no DA room for this one
        try {
          var r = session.apply(p.tx(), p.sender());
          included.add(p.tx());
          value = value.add(BigInteger.valueOf(r.gasUsed()).multiply(p.tx().effectiveGasPrice(baseFee).subtract(baseFee)));
        } catch (InvalidTransactionException e) {
          LOG.debug("Skipping pool transaction {}: {}", p.hash(), e.getMessage());
        }
      }
    }
    List<dev.opal.block.Withdrawal> withdrawals = rules.isAtLeast(EthereumFork.SHANGHAI)
        ? (attrs.withdrawals() == null ? List.of() : attrs.withdrawals()) : null;
    BlockExecution exec = session.finish(withdrawals);
    Hash stateRoot = state.commit();
    Hash withdrawalsRoot = null;
    if (withdrawals != null) {
      withdrawalsRoot = rules.isAtLeast(OpFork.ISTHMUS)
          ? state.storageRoot(GenesisBlock.L2_TO_L1_MESSAGE_PASSER) : BlockValidator.withdrawalsRoot(withdrawals);
    }
    BlockHeader header = new BlockHeader(template.parentHash(), template.ommersHash(), template.coinbase(), stateRoot,
        BlockValidator.transactionsRoot(included), BlockValidator.receiptsRoot(exec.receipts()), exec.logsBloom(), BigInteger.ZERO,
        template.number(), gasLimit, exec.gasUsed(), template.timestamp(), template.extraData(), template.mixHash(), template.nonce(),
        template.baseFeePerGas(), withdrawalsRoot, cancun ? exec.blobGasUsed() : null, excessBlobGas,
        template.parentBeaconBlockRoot(), template.requestsHash());
    StoredBlock block = new StoredBlock(new Block(header, included, List.of(), withdrawals), exec);
    chain.storeBuilt(block);
    return new BuiltPayload(id, block, UInt256.fromBigInteger(value), attrs, includePool);
  }

  /** OP from Holocene: the EIP-1559 parameters (defaults when both zero) and, from Jovian, the min base fee. */
  private Bytes extraData(Rules rules, PayloadAttributes attrs) {
    if (!rules.isOptimism()) return ETHEREUM_EXTRA_DATA;
    if (!rules.isAtLeast(OpFork.HOLOCENE)) {
      if (attrs.eip1559Params() != null) throw new InvalidPayloadAttributesException("eip1559Params before Holocene");
      return Bytes.EMPTY;
    }
    if (attrs.eip1559Params() == null) throw new InvalidPayloadAttributesException("eip1559Params are required from Holocene");
    Eip1559Params p;
    try {
      p = Eip1559Params.fromAttributes(attrs.eip1559Params().toArrayUnsafe());
    } catch (IllegalArgumentException e) {
      throw new InvalidPayloadAttributesException(e.getMessage());
    }
    if (p.isDefault()) {
      var cfg = chain.config().eip1559();
      p = new Eip1559Params(cfg.denominatorCanyon(), cfg.elasticity(), null);
    }
    if (rules.isAtLeast(OpFork.JOVIAN)) {
      if (attrs.minBaseFee() == null) throw new InvalidPayloadAttributesException("missing minBaseFee");
      p = p.withMinBaseFee(attrs.minBaseFee());
    }
    return Bytes.wrap(p.toExtraData());
  }
}
