package dev.opal.execution.chain;

import dev.opal.block.Block;
import dev.opal.block.Receipt;
import dev.opal.config.ChainConfig;
import dev.opal.config.OpFork;
import dev.opal.evm.TransactionResult;
import dev.opal.execution.core.BlockExecution;
import dev.opal.optimism.L1Cost;
import dev.opal.rlp.Rlp;
import dev.opal.rlp.RlpReader;
import dev.opal.types.Address;
import java.util.ArrayList;
import java.util.List;

/**
 * The storage encoding of an executed block: {@code rlp([block, [receipt...], [result...], blobGasUsed])}
 * where a result is {@code [success, gasUsed, contractAddress?, depositNonce?, l1Fee?, l1GasUsed?]}
 * (empty strings for absent values). Deposit nonces are kept in the results because pre-Canyon
 * receipts do not carry them in their consensus encoding.
 */
final class StoredBlockCodec {
  private final ChainConfig chain;

  StoredBlockCodec(ChainConfig chain) {
    this.chain = chain;
  }

  byte[] encode(StoredBlock b) {
    List<byte[]> receipts = new ArrayList<>();
    for (Receipt r : b.execution().receipts()) receipts.add(Rlp.bytes(r.encode()));
    List<byte[]> results = new ArrayList<>();
    for (TransactionResult r : b.execution().results()) {
      results.add(Rlp.list(Rlp.uint(r.success() ? 1 : 0), Rlp.uint(r.gasUsed()),
          r.contractAddress() == null ? Rlp.EMPTY_STRING : Rlp.address(r.contractAddress()),
          r.depositNonce() == null ? Rlp.EMPTY_STRING : Rlp.bytes(Rlp.uint(r.depositNonce())),
          r.l1Cost() == null ? Rlp.EMPTY_STRING : Rlp.bytes(Rlp.uint(r.l1Cost().fee())),
          r.l1Cost() == null ? Rlp.EMPTY_STRING : Rlp.bytes(Rlp.uint(r.l1Cost().gasUsed()))));
    }
    return Rlp.list(b.block().encode(), Rlp.list(receipts), Rlp.list(results), Rlp.uint(b.execution().blobGasUsed()));
  }

  StoredBlock decode(byte[] bytes) {
    RlpReader r = Rlp.reader(bytes).enterList();
    Block block = Block.decode(r.readRaw());
    boolean canyon = chain.forks().isActive(OpFork.CANYON, block.header().timestamp());
    RlpReader rr = r.enterList();
    List<Receipt> receipts = new ArrayList<>();
    while (rr.hasNext()) receipts.add(Receipt.decode(rr.readBytes()));
    RlpReader res = r.enterList();
    List<TransactionResult> results = new ArrayList<>();
    for (int i = 0; res.hasNext(); i++) {
      RlpReader x = res.enterList();
      boolean success = x.readLong() == 1;
      long gasUsed = x.readLong();
      byte[] contract = x.readBytes();
      Long depositNonce = optionalLong(x.readBytes());
      byte[] fee = x.readBytes();
      byte[] l1Gas = x.readBytes();
      L1Cost l1Cost = fee.length == 0 ? null : new L1Cost(Rlp.reader(fee).readBigInteger(), Rlp.reader(l1Gas).readBigInteger());
      Receipt receipt = receipts.get(i);
      if (block.transactions().get(i).isDeposit() && !canyon) receipts.set(i, receipt.withDeposit(depositNonce, null));
      results.add(new TransactionResult(success, gasUsed, receipt.logs(), new byte[0], contract.length == 0 ? null : Address.of(contract), null,
          depositNonce, l1Cost));
    }
    long blobGasUsed = r.readLong();
    long gasUsed = receipts.isEmpty() ? 0 : receipts.get(receipts.size() - 1).cumulativeGasUsed();
    dev.opal.block.Bloom bloom = new dev.opal.block.Bloom();
    for (Receipt rc : receipts) bloom.or(rc.logsBloom());
    return new StoredBlock(block, new BlockExecution(receipts, results, gasUsed, blobGasUsed, bloom.toBytes()));
  }

  private static Long optionalLong(byte[] rlp) {
    return rlp.length == 0 ? null : Rlp.reader(rlp).readLong();
  }
}
