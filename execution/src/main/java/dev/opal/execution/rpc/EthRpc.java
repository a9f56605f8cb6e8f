package dev.opal.execution.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.opal.block.BlockHeader;
import dev.opal.block.Log;
import dev.opal.consensus.BlobGas;
import dev.opal.evm.CallResult;
import dev.opal.execution.chain.Blockchain;
import dev.opal.execution.chain.StoredBlock;
import dev.opal.execution.core.BaseFees;
import dev.opal.execution.txpool.BlobSidecars;
import dev.opal.execution.txpool.TxPool;
import dev.opal.optimism.L1BlockFeeParams;
import dev.opal.rpc.json.InvalidParamsException;
import dev.opal.rpc.json.JsonIn;
import dev.opal.rpc.server.JsonRpcDispatcher;
import dev.opal.rpc.server.RpcException;
import dev.opal.state.StateDb;
import dev.opal.trie.MissingNodeException;
import dev.opal.tx.BlobTransaction;
import dev.opal.tx.BlobTransactionWithBlobs;
import dev.opal.tx.InvalidTransactionException;
import dev.opal.tx.SignedTransaction;
import dev.opal.tx.Transaction;
import dev.opal.tx.TransactionDecoder;
import dev.opal.tx.TransactionValidator;
import dev.opal.types.Address;
import dev.opal.types.Bytes;
import dev.opal.types.Hash;
import dev.opal.types.Hex;
import dev.opal.types.UInt256;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code eth_}, {@code net_} and {@code web3_} methods wallets and tools use (geth's JSON-RPC
 * API): chain and account reads at a block, calls and gas estimation, raw transaction submission to
 * the pool, receipts and logs.
 */
public final class EthRpc {
  private static final Logger LOG = LoggerFactory.getLogger(EthRpc.class);
  private static final BigInteger DEFAULT_TIP = BigInteger.valueOf(1_000_000); // 0.001 gwei: OP sequencers accept tiny tips
  private static final int MAX_LOG_RANGE = 10_000;

  private final Blockchain chain;
  private final TxPool pool;
  private final CallExecutor calls;
  private final String clientVersion;
  private final boolean acceptTransactions;
  private final BlobSidecars blobs;
  private volatile HeadFeeParams headFeeParams;

  /** The L1Block fee values of one head block; every transaction submitted while it is the head is priced at them. */
  private record HeadFeeParams(Hash head, L1BlockFeeParams params) {}

  public EthRpc(Blockchain chain, TxPool pool, String clientVersion, boolean acceptTransactions) {
    this(chain, pool, clientVersion, acceptTransactions, null);
  }

  /** With {@code blobs}, blob transactions are accepted in network form and their blobs kept there (an L1). */
  public EthRpc(Blockchain chain, TxPool pool, String clientVersion, boolean acceptTransactions, BlobSidecars blobs) {
    this.chain = chain;
    this.blobs = blobs;
    this.pool = pool;
    this.calls = new CallExecutor(chain);
    this.clientVersion = clientVersion;
    this.acceptTransactions = acceptTransactions;
  }

  /** The blob base fee of the next block (EIP-4844); OP chains have no blobs and report 1, as op-geth does. */
  private BigInteger nextBlobBaseFee() {
    BlockHeader h = chain.head().block().header();
    var rules = chain.rulesAt(h.timestamp() + 1);
    if (rules.isOptimism() || h.excessBlobGas() == null) return BigInteger.ONE;
    long used = h.blobGasUsed() == null ? 0 : h.blobGasUsed();
    return BlobGas.baseFee(BlobGas.nextExcess(h.excessBlobGas(), used, rules.eth()), rules.eth());
  }

  private BigInteger chainId() {
    return chain.config().chainId();
  }

  public void register(JsonRpcDispatcher d) {
    d.register("eth_chainId", p -> text(EthJson.q(chainId())));
    d.register("net_version", p -> text(chainId().toString()));
    d.register("web3_clientVersion", p -> text(clientVersion));
    d.register("eth_syncing", p -> EthJson.NODES.booleanNode(false));
    d.register("eth_accounts", p -> EthJson.NODES.arrayNode());
    d.register("eth_blockNumber", p -> text(EthJson.q(chain.head().number())));
    d.register("eth_gasPrice", p -> text(EthJson.q(nextBaseFee().add(DEFAULT_TIP))));
    d.register("eth_maxPriorityFeePerGas", p -> text(EthJson.q(DEFAULT_TIP)));
    d.register("eth_blobBaseFee", p -> text(EthJson.q(nextBlobBaseFee())));
    d.register("eth_getBlockByNumber", p -> {
      StoredBlock b = block(p.get(0));
      return b == null ? EthJson.nullNode() : EthJson.block(b, p.path(1).asBoolean(false), chainId());
    });
    // geth's debug_getRawBlock: the block's RLP, by number, tag or hash (the batcher reads blocks this way)
    d.register("debug_getRawBlock", p -> {
      JsonNode param = p.get(0);
      StoredBlock b = param != null && param.isTextual() && param.asText().length() == 66 ? chain.block(hash(param)) : block(param);
      return b == null ? EthJson.nullNode() : text(Hex.encode(b.block().encode()));
    });
    d.register("eth_getBlockByHash", p -> {
      StoredBlock b = chain.block(hash(p.get(0)));
      return b == null ? EthJson.nullNode() : EthJson.block(b, p.path(1).asBoolean(false), chainId());
    });
    d.register("eth_getBlockTransactionCountByNumber", p -> {
      StoredBlock b = block(p.get(0));
      return b == null ? EthJson.nullNode() : text(EthJson.q(b.block().transactions().size()));
    });
    d.register("eth_getBalance", p -> withState(p.get(1), s -> text(EthJson.q(s.getBalance(address(p.get(0)))))));
    d.register("eth_getTransactionCount", p -> {
      Address a = address(p.get(0));
      if ("pending".equals(p.path(1).asText())) return text(EthJson.q(pendingNonce(a)));
      return withState(p.get(1), s -> text(EthJson.q(s.getNonce(a))));
    });
    d.register("eth_getCode", p -> withState(p.get(1), s -> text(s.getCode(address(p.get(0))).toHex())));
    d.register("eth_getStorageAt", p -> withState(p.get(2), s -> {
      UInt256 key = UInt256.fromBigInteger(Hex.decodeQuantity(stripZeros(p.get(1).asText())));
      return text(dev.opal.types.Bytes.wrap(s.getStorage(address(p.get(0)), key).toBytes32()).toHex());
    }));
    d.register("eth_sendRawTransaction", p -> text(sendRaw(data(p.get(0)))));
    d.register("eth_getTransactionByHash", p -> transactionByHash(hash(p.get(0))));
    d.register("eth_getTransactionReceipt", p -> {
      Hash h = hash(p.get(0));
      StoredBlock b = chain.blockOfTransaction(h);
      if (b == null) return EthJson.nullNode();
      return EthJson.receipt(b, indexOf(b, h));
    });
    d.register("eth_call", p -> {
      CallResult r = calls.call(header(p.path(1)), message(p.get(0), header(p.path(1))));
      if (!r.success()) throw revert(r);
      return text(dev.opal.types.Bytes.wrap(r.output()).toHex());
    });
    d.register("eth_estimateGas", p -> {
      try {
        return text(EthJson.q(calls.estimate(header(p.path(1)), message(p.get(0), header(p.path(1))))));
      } catch (CallExecutor.CallFailedException e) {
        throw revert(e.result());
      }
    });
    d.register("eth_feeHistory", p -> feeHistory(p));
    d.register("eth_getProof", p -> withState(p.get(2), s -> proof(s, address(p.get(0)), p.get(1))));
    d.register("eth_getLogs", p -> logs(p.get(0)));
  }

  private static TextNode text(String s) {
    return TextNode.valueOf(s);
  }

  private BigInteger nextBaseFee() {
    BlockHeader head = chain.head().block().header();
    return BaseFees.next(chain.config(), head, head.timestamp() + 1);
  }

  /** The next nonce counting the sender's executable pool transactions. */
  private long pendingNonce(Address a) {
    StateDb state = chain.stateAt(chain.head().block().header());
    long n = state.getNonce(a);
    for (TxPool.Pooled tx : pool.executable(state::getNonce, BigInteger.ZERO)) {
      if (tx.sender().equals(a)) n = Math.max(n, tx.tx().nonce() + 1);
    }
    return n;
  }

  private String sendRaw(byte[] raw) {
    if (!acceptTransactions) throw new RpcException(-32000, "this node does not accept transactions");
    Transaction tx;
    BlobTransactionWithBlobs withBlobs = null;
    try {
      if (BlobTransactionWithBlobs.isNetworkForm(raw)) {
        withBlobs = BlobTransactionWithBlobs.decode(raw);
        tx = withBlobs.tx();
      } else {
        tx = TransactionDecoder.decode(raw);
      }
    } catch (InvalidTransactionException e) {
      throw new RpcException(-32602, "invalid transaction: " + e.getMessage());
    }
    if (!(tx instanceof SignedTransaction signed)) throw new RpcException(-32000, "deposit transactions cannot be submitted");
    if (tx.type() == Transaction.BLOB) {
      if (chain.config().isOptimism() || blobs == null) throw new RpcException(-32000, "transaction type not supported");
      // a blob transaction enters the pool only with its blobs (EIP-4844 networking)
      if (withBlobs == null) throw new RpcException(-32000, "blob transaction without its blobs (send it in network form)");
      try {
        withBlobs.verify();
      } catch (InvalidTransactionException e) {
        throw new RpcException(-32000, e.getMessage());
      }
    }
    StoredBlock headBlock = chain.head();
    BlockHeader head = headBlock.block().header();
    Address sender;
    try {
      sender = new TransactionValidator(chain.rulesAt(head.timestamp() + 1).eth(), chainId()).validate(signed);
    } catch (InvalidTransactionException e) {
      throw new RpcException(-32000, e.getMessage());
    }
    StateDb state = chain.stateAt(head);
    if (Long.compareUnsigned(signed.nonce(), state.getNonce(sender)) < 0) throw new RpcException(-32000, "nonce too low");
    BigInteger cost = BigInteger.valueOf(tx.gasLimit()).multiply(tx.maxFeePerGas().toBigInteger()).add(tx.value().toBigInteger());
    if (tx instanceof BlobTransaction b) {
      cost = cost.add(BigInteger.valueOf(b.blobGas()).multiply(b.maxFeePerBlobGas().toBigInteger()));
    }
    if (chain.config().isOptimism()) cost = cost.add(opFees(state, headBlock, tx));
    if (state.getBalance(sender).toBigInteger().compareTo(cost) < 0) {
      throw new RpcException(-32000, "insufficient funds for gas * price + value" + (chain.config().isOptimism() ? " + L1 fee" : ""));
    }
    if (tx.gasLimit() > head.gasLimit()) throw new RpcException(-32000, "exceeds block gas limit");
    switch (pool.add(signed, sender)) {
      case UNDERPRICED_REPLACEMENT -> throw new RpcException(-32000, "replacement transaction underpriced");
      case FULL -> throw new RpcException(-32000, "txpool is full");
      default -> { }
    }
    if (withBlobs != null) blobs.add(withBlobs);
    LOG.debug("Pooled transaction {} from {} nonce {}", tx.hash(), sender, signed.nonce());
    return tx.hash().toHex();
  }

  /**
   * The OP fees a transaction owes besides gas (op-geth's txpool L1-cost check): the L1 data fee of
   * its encoding and the operator fee of its gas limit, at the head's L1Block values.
   */
  private BigInteger opFees(StateDb state, StoredBlock head, Transaction tx) {
    L1BlockFeeParams fees = headFeeParams(state, head);
    BigInteger l1Fee = fees.l1Cost().cost(tx.rollupCostData()).fee();
    return fees.operatorFee().isZero() ? l1Fee : l1Fee.add(fees.operatorFee().cost(tx.gasLimit()));
  }

  private L1BlockFeeParams headFeeParams(StateDb state, StoredBlock head) {
    HeadFeeParams cached = headFeeParams;
    if (cached == null || !cached.head().equals(head.hash())) {
      cached = new HeadFeeParams(head.hash(), L1BlockFeeParams.read(i -> state.getStorage(L1BlockFeeParams.L1_BLOCK, UInt256.valueOf(i)),
          chain.rulesAt(head.block().header().timestamp() + 1)));
      headFeeParams = cached;
    }
    return cached.params();
  }

  private JsonNode transactionByHash(Hash h) {
    StoredBlock b = chain.blockOfTransaction(h);
    if (b != null) {
      int i = indexOf(b, h);
      return EthJson.transaction(b.block().transactions().get(i), b, i, chainId());
    }
    TxPool.Pooled p = pool.get(h);
    return p == null ? EthJson.nullNode() : EthJson.transaction(p.tx(), null, 0, chainId());
  }

  private static int indexOf(StoredBlock b, Hash h) {
    List<Transaction> txs = b.block().transactions();
    for (int i = 0; i < txs.size(); i++) if (txs.get(i).hash().equals(h)) return i;
    throw new IllegalStateException("transaction " + h + " not in block " + b.hash());
  }

  private static RpcException revert(CallResult r) {
    if (r.reverted()) {
      return new RpcException(3, "execution reverted", TextNode.valueOf(dev.opal.types.Bytes.wrap(r.output()).toHex()));
    }
    return new RpcException(-32000, r.error() == null ? "execution failed" : r.error());
  }

  private CallExecutor.Message message(JsonNode call, BlockHeader at) {
    JsonIn in = JsonIn.of(call, "call");
    Address from = in.has("from") ? in.address("from") : Address.ZERO;
    Address to = in.has("to") ? in.address("to") : null;
    long gas = in.has("gas") ? in.quantity("gas") : at.gasLimit();
    UInt256 value = in.has("value") ? in.quantity256("value") : UInt256.ZERO;
    Bytes data = in.has("input") ? in.data("input") : in.has("data") ? in.data("data") : Bytes.EMPTY;
    return new CallExecutor.Message(from, to, gas, value, data);
  }

  private JsonNode withState(JsonNode blockParam, java.util.function.Function<StateDb, JsonNode> read) {
    BlockHeader h = header(blockParam);
    try {
      return read.apply(chain.stateAt(h));
    } catch (MissingNodeException e) {
      throw new RpcException(-32000, "missing trie node: state at block " + h.number() + " is not available");
    }
  }

  /** A block tag, number or {@code {blockHash}} object; missing means latest. */
  private BlockHeader header(JsonNode param) {
    if (param == null || param.isNull() || param.isMissingNode()) return chain.head().block().header();
    StoredBlock b = param.isObject() && param.has("blockHash") ? chain.block(hash(param.get("blockHash"))) : block(param);
    if (b == null) throw new RpcException(-32000, "header not found");
    return b.block().header();
  }

  private StoredBlock block(JsonNode tag) {
    String s = tag == null || tag.isNull() ? "latest" : tag.asText();
    return switch (s) {
      case "latest", "pending" -> chain.head();
      case "safe" -> chain.safe();
      case "finalized" -> chain.finalized();
      case "earliest" -> chain.genesis();
      default -> chain.canonicalBlock(JsonIn.decodeText(tag, "block number", JsonIn::uint64));
    };
  }

  /** EIP-1186 eth_getProof. */
  private static JsonNode proof(StateDb state, Address address, JsonNode keysParam) {
    List<UInt256> keys = new ArrayList<>();
    if (keysParam != null && keysParam.isArray()) keysParam.forEach(k -> keys.add(UInt256.fromBigInteger(Hex.decodeQuantity(stripZeros(k.asText())))));
    StateDb.AccountProof p = state.proof(address, keys);
    ObjectNode o = EthJson.NODES.objectNode();
    o.put("address", address.toHex());
    o.put("balance", EthJson.q(p.account().balance()));
    o.put("codeHash", p.account().codeHash().toHex());
    o.put("nonce", EthJson.q(p.account().nonce()));
    o.put("storageHash", p.account().storageRoot().toHex());
    ArrayNode ap = o.putArray("accountProof");
    p.accountProof().forEach(n -> ap.add(Bytes.wrap(n).toHex()));
    ArrayNode sp = o.putArray("storageProof");
    for (StateDb.StorageProof s : p.storageProofs()) {
      ObjectNode e = sp.addObject();
      e.put("key", Bytes.wrap(s.key().toBytes32()).toHex());
      e.put("value", EthJson.q(s.value()));
      ArrayNode pr = e.putArray("proof");
      s.proof().forEach(n -> pr.add(Bytes.wrap(n).toHex()));
    }
    return o;
  }

  private JsonNode feeHistory(JsonNode p) {
    long count = Math.min(1024, p.get(0).isNumber() ? p.get(0).asLong() : JsonIn.decodeText(p.get(0), "blockCount", JsonIn::uint64));
    StoredBlock newest = block(p.get(1));
    long first = Math.max(0, newest.number() - count + 1);
    ObjectNode o = EthJson.NODES.objectNode();
    o.put("oldestBlock", EthJson.q(first));
    ArrayNode baseFees = o.putArray("baseFeePerGas");
    ArrayNode ratios = o.putArray("gasUsedRatio");
    ArrayNode rewards = p.size() > 2 && p.get(2).isArray() ? o.putArray("reward") : null;
    for (long n = first; n <= newest.number(); n++) {
      BlockHeader h = chain.canonicalBlock(n).block().header();
      baseFees.add(EthJson.q(h.baseFeePerGas() == null ? BigInteger.ZERO : h.baseFeePerGas().toBigInteger()));
      ratios.add(h.gasLimit() == 0 ? 0.0 : (double) h.gasUsed() / h.gasLimit());
      if (rewards != null) {
        ArrayNode r = rewards.addArray();
        for (int i = 0; i < p.get(2).size(); i++) r.add(EthJson.q(DEFAULT_TIP));
      }
    }
    BlockHeader last = newest.block().header();
    baseFees.add(EthJson.q(BaseFees.next(chain.config(), last, last.timestamp() + 1)));
    return o;
  }

  private JsonNode logs(JsonNode filter) {
    JsonIn in = JsonIn.of(filter, "filter");
    List<StoredBlock> blocks = new ArrayList<>();
    if (in.has("blockHash")) {
      StoredBlock b = chain.block(in.hash("blockHash"));
      if (b != null) blocks.add(b);
    } else {
      long from = block(filter.has("fromBlock") ? filter.get("fromBlock") : null).number();
      long to = block(filter.has("toBlock") ? filter.get("toBlock") : null).number();
      if (to - from > MAX_LOG_RANGE) throw new RpcException(-32000, "block range too large (max " + MAX_LOG_RANGE + ")");
      for (long n = from; n <= to; n++) blocks.add(chain.canonicalBlock(n));
    }
    LogFilter match = LogFilter.parse(filter);
    ArrayNode out = EthJson.NODES.arrayNode();
    for (StoredBlock b : blocks) {
      long logIndex = 0;
      for (int i = 0; i < b.execution().receipts().size(); i++) {
        for (Log log : b.execution().receipts().get(i).logs()) {
          if (match.matches(log)) out.add(EthJson.log(log, b, i, logIndex));
          logIndex++;
        }
      }
    }
    return out;
  }

  private static Address address(JsonNode n) {
    return JsonIn.decodeText(n, "address", s -> Address.of(Hex.decode(s, Address.SIZE)));
  }

  private static Hash hash(JsonNode n) {
    return JsonIn.decodeText(n, "hash", s -> Hash.wrap(Hex.decode(s, Hash.SIZE)));
  }

  private static byte[] data(JsonNode n) {
    return JsonIn.decodeText(n, "data", Hex::decode);
  }

  /** Storage keys arrive as 32-byte DATA or as quantities; normalise to a quantity. */
  private static String stripZeros(String key) {
    String digits = key.startsWith("0x") ? key.substring(2) : key;
    digits = digits.replaceFirst("^0+(?=.)", "");
    return "0x" + (digits.isEmpty() ? "0" : digits);
  }
}
