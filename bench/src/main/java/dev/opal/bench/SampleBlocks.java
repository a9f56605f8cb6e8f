package dev.opal.bench;

import dev.opal.block.Block;
import dev.opal.block.BlockHeader;
import dev.opal.block.Bloom;
import dev.opal.crypto.Keccak;
import dev.opal.tx.DynamicFeeTransaction;
import dev.opal.tx.Transaction;
import dev.opal.types.Address;
import dev.opal.types.Bytes;
import dev.opal.types.Hash;
import dev.opal.types.UInt256;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Deterministic, realistically shaped blocks for benchmarks: signed EIP-1559 transfers and calls. */
final class SampleBlocks {
  private SampleBlocks() {}

  static List<DynamicFeeTransaction> signedTransactions(int count, long seed) {
    Random random = new Random(seed);
    List<DynamicFeeTransaction> txs = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      byte[] key = new byte[32];
      random.nextBytes(key);
      key[0] &= 0x7f; // below the curve order
      byte[] to = new byte[20];
      random.nextBytes(to);
      byte[] data = new byte[random.nextInt(200)];
      random.nextBytes(data);
      txs.add(DynamicFeeTransaction.signed(BigInteger.valueOf(10), i, UInt256.valueOf(1_000_000), UInt256.valueOf(2_000_000_000L), 100_000,
          Address.of(to), UInt256.valueOf(random.nextInt(1 << 30)), Bytes.wrap(data), key));
    }
    return txs;
  }

  static Block block(int txCount) {
    List<Transaction> txs = new ArrayList<>(signedTransactions(txCount, 7));
    Hash someRoot = Keccak.hash256(new byte[] {1});
    BlockHeader header = new BlockHeader(someRoot, BlockHeader.EMPTY_OMMERS_HASH, Address.ZERO, someRoot, someRoot, someRoot,
        Bloom.EMPTY, BigInteger.ZERO, 1_000_000, 30_000_000, 21_000L * txCount, 1_700_000_000, Bytes.EMPTY, someRoot,
        BlockHeader.ZERO_NONCE, UInt256.valueOf(7), Keccak.EMPTY_TRIE_ROOT, 0L, 0L, someRoot, null);
    return new Block(header, txs, List.of(), List.of());
  }
}
