package dev.opal.execution.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opal.block.Block;
import dev.opal.block.BlockHeader;
import dev.opal.block.Log;
import dev.opal.block.Receipt;
import dev.opal.evm.TransactionResult;
import dev.opal.execution.chain.StoredBlock;
import dev.opal.rpc.engine.EngineJson;
import dev.opal.tx.AccessListEntry;
import dev.opal.tx.BlobTransaction;
import dev.opal.tx.DepositTransaction;
import dev.opal.tx.LegacyTransaction;
import dev.opal.tx.SignedTransaction;
import dev.opal.tx.Transaction;
import dev.opal.types.Address;
import dev.opal.types.Hash;
import dev.opal.types.Hex;
import dev.opal.types.UInt256;
import java.math.BigInteger;
import java.util.List;

/** The {@code eth_} JSON shapes of blocks, transactions, receipts and logs, as geth and op-geth serve them. */
final class EthJson {
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private EthJson() {}

  static String q(long v) {
    return Hex.encodeQuantity(v);
  }

  static String q(BigInteger v) {
    return Hex.encodeQuantity(v);
  }

  static String q(UInt256 v) {
    return Hex.encodeQuantity(v.toBigInteger());
  }

  static ObjectNode block(StoredBlock sb, boolean fullTransactions, BigInteger chainId) {
    Block b = sb.block();
    BlockHeader h = b.header();
    ObjectNode o = NODES.objectNode();
    o.put("number", q(h.number()));
    o.put("hash", h.hash().toHex());
    o.put("parentHash", h.parentHash().toHex());
    o.put("nonce", h.nonce().toHex());
    o.put("sha3Uncles", h.ommersHash().toHex());
    o.put("logsBloom", h.logsBloom().toHex());
    o.put("transactionsRoot", h.transactionsRoot().toHex());
    o.put("stateRoot", h.stateRoot().toHex());
    o.put("receiptsRoot", h.receiptsRoot().toHex());
    o.put("miner", h.coinbase().toHex());
    o.put("difficulty", q(h.difficulty()));
    o.put("totalDifficulty", "0x0");
    o.put("extraData", h.extraData().toHex());
    o.put("size", q(b.encode().length));
    o.put("gasLimit", q(h.gasLimit()));
    o.put("gasUsed", q(h.gasUsed()));
    o.put("timestamp", q(h.timestamp()));
    o.put("mixHash", h.mixHash().toHex());
    if (h.baseFeePerGas() != null) o.put("baseFeePerGas", q(h.baseFeePerGas()));
    if (h.withdrawalsRoot() != null) o.put("withdrawalsRoot", h.withdrawalsRoot().toHex());
    if (h.blobGasUsed() != null) o.put("blobGasUsed", q(h.blobGasUsed()));
    if (h.excessBlobGas() != null) o.put("excessBlobGas", q(h.excessBlobGas()));
    if (h.parentBeaconBlockRoot() != null) o.put("parentBeaconBlockRoot", h.parentBeaconBlockRoot().toHex());
    if (h.requestsHash() != null) o.put("requestsHash", h.requestsHash().toHex());
    ArrayNode txs = o.putArray("transactions");
    for (int i = 0; i < b.transactions().size(); i++) {
      Transaction tx = b.transactions().get(i);
      if (fullTransactions) txs.add(transaction(tx, sb, i, chainId));
      else txs.add(tx.hash().toHex());
    }
    o.putArray("uncles");
    if (b.withdrawals() != null) o.set("withdrawals", NODES.arrayNode().addAll(b.withdrawals().stream().map(EngineJson::encode).toList()));
    return o;
  }

  /** A transaction, with its block position when {@code sb} is non-null. */
  static ObjectNode transaction(Transaction tx, StoredBlock sb, int index, BigInteger chainId) {
    ObjectNode o = NODES.objectNode();
    o.put("type", q(tx.type()));
    o.put("hash", tx.hash().toHex());
    if (sb != null) {
      o.put("blockHash", sb.hash().toHex());
      o.put("blockNumber", q(sb.number()));
      o.put("transactionIndex", q(index));
    } else {
      o.putNull("blockHash");
      o.putNull("blockNumber");
      o.putNull("transactionIndex");
    }
    o.put("to", tx.to() == null ? null : tx.to().toHex());
    o.put("value", q(tx.value()));
    o.put("gas", q(tx.gasLimit()));
    o.put("input", tx.data().toHex());
    if (tx instanceof DepositTransaction d) {
      o.put("from", d.from().toHex());
      o.put("sourceHash", d.sourceHash().toHex());
      o.put("mint", q(d.mint()));
      o.put("isSystemTx", d.isSystemTx());
      o.put("gasPrice", "0x0");
      Long nonce = sb == null ? null : sb.execution().results().get(index).depositNonce();
      o.put("nonce", q(nonce == null ? 0 : nonce));
      o.put("v", "0x0");
      o.put("r", "0x0");
      o.put("s", "0x0");
      return o;
    }
    SignedTransaction s = (SignedTransaction) tx;
    o.put("from", s.recoverSender().toHex());
    o.put("nonce", q(s.nonce()));
    BigInteger baseFee = sb == null || sb.block().header().baseFeePerGas() == null ? null : sb.block().header().baseFeePerGas().toBigInteger();
    o.put("gasPrice", q(baseFee == null || tx.type() < Transaction.DYNAMIC_FEE ? tx.maxFeePerGas().toBigInteger() : tx.effectiveGasPrice(baseFee)));
    if (tx.type() >= Transaction.DYNAMIC_FEE) {
      o.put("maxFeePerGas", q(tx.maxFeePerGas()));
      o.put("maxPriorityFeePerGas", q(tx.maxPriorityFeePerGas()));
    }
    if (tx instanceof BlobTransaction b) {
      o.put("maxFeePerBlobGas", q(b.maxFeePerBlobGas()));
      ArrayNode hashes = o.putArray("blobVersionedHashes");
      b.blobVersionedHashes().forEach(h -> hashes.add(h.toHex()));
    }
    if (tx.type() != Transaction.LEGACY) {
      o.put("chainId", q(s.chainId()));
      ArrayNode al = o.putArray("accessList");
      for (AccessListEntry e : tx.accessList()) {
        ObjectNode entry = al.addObject();
        entry.put("address", e.address().toHex());
        ArrayNode keys = entry.putArray("storageKeys");
        e.storageKeys().forEach(k -> keys.add(k.toHex()));
      }
      o.put("yParity", q(s.recoveryId()));
      o.put("v", q(s.recoveryId()));
    } else {
      LegacyTransaction l = (LegacyTransaction) tx;
      o.put("v", q(l.v()));
      if (l.chainId() != null) o.put("chainId", q(l.chainId()));
    }
    o.put("r", q(s.r()));
    o.put("s", q(s.s()));
    return o;
  }

  static ObjectNode receipt(StoredBlock sb, int index) {
    Transaction tx = sb.block().transactions().get(index);
    Receipt r = sb.execution().receipts().get(index);
    TransactionResult result = sb.execution().results().get(index);
    long previous = index == 0 ? 0 : sb.execution().receipts().get(index - 1).cumulativeGasUsed();
    ObjectNode o = NODES.objectNode();
    o.put("transactionHash", tx.hash().toHex());
    o.put("transactionIndex", q(index));
    o.put("blockHash", sb.hash().toHex());
    o.put("blockNumber", q(sb.number()));
    Address from = tx instanceof DepositTransaction d ? d.from() : ((SignedTransaction) tx).recoverSender();
    o.put("from", from.toHex());
    o.put("to", tx.to() == null ? null : tx.to().toHex());
    o.put("cumulativeGasUsed", q(r.cumulativeGasUsed()));
    o.put("gasUsed", q(r.cumulativeGasUsed() - previous));
    o.put("contractAddress", result.contractAddress() == null ? null : result.contractAddress().toHex());
    o.set("logs", logs(r.logs(), sb, index, logIndexBase(sb, index)));
    o.put("logsBloom", r.logsBloom().toHex());
    o.put("type", q(tx.type()));
    o.put("status", r.success() ? "0x1" : "0x0");
    BigInteger baseFee = sb.block().header().baseFeePerGas() == null ? BigInteger.ZERO : sb.block().header().baseFeePerGas().toBigInteger();
    o.put("effectiveGasPrice", q(tx.isDeposit() ? BigInteger.ZERO : tx.effectiveGasPrice(baseFee)));
    if (r.depositNonce() != null) o.put("depositNonce", q(r.depositNonce()));
    if (r.depositReceiptVersion() != null) o.put("depositReceiptVersion", q(r.depositReceiptVersion()));
    if (result.l1Cost() != null) {
      o.put("l1Fee", q(result.l1Cost().fee()));
      o.put("l1GasUsed", q(result.l1Cost().gasUsed()));
    }
    return o;
  }

  static long logIndexBase(StoredBlock sb, int txIndex) {
    long n = 0;
    for (int i = 0; i < txIndex; i++) n += sb.execution().receipts().get(i).logs().size();
    return n;
  }

  static ArrayNode logs(List<Log> logs, StoredBlock sb, int txIndex, long firstIndex) {
    ArrayNode a = NODES.arrayNode();
    for (int i = 0; i < logs.size(); i++) a.add(log(logs.get(i), sb, txIndex, firstIndex + i));
    return a;
  }

  static ObjectNode log(Log log, StoredBlock sb, int txIndex, long logIndex) {
    ObjectNode o = NODES.objectNode();
    o.put("address", log.address().toHex());
    ArrayNode topics = o.putArray("topics");
    for (Hash t : log.topics()) topics.add(t.toHex());
    o.put("data", log.data().toHex());
    o.put("blockNumber", q(sb.number()));
    o.put("blockHash", sb.hash().toHex());
    o.put("transactionHash", sb.block().transactions().get(txIndex).hash().toHex());
    o.put("transactionIndex", q(txIndex));
    o.put("logIndex", q(logIndex));
    o.put("removed", false);
    return o;
  }

  static JsonNode nullNode() {
    return NODES.nullNode();
  }
}
