package dev.opal.node.derive;

import dev.opal.block.Log;
import dev.opal.crypto.Keccak;
import dev.opal.node.sources.L1Source;
import dev.opal.optimism.DepositSource;
import dev.opal.tx.DepositTransaction;
import dev.opal.types.Address;
import dev.opal.types.Bytes;
import dev.opal.types.Hash;
import dev.opal.types.UInt256;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * User deposits from the deposit contract's {@code TransactionDeposited(from, to, version,
 * opaqueData)} logs (OP specs deposits.md "Deposit Contract"): version 0 opaque data is
 * {@code mint ‖ value ‖ gasLimit u64 ‖ isCreation ‖ data}. The source hash commits to the L1 block
 * hash and the log's index in the block.
 */
public final class UserDeposits {
  public static final Hash TRANSACTION_DEPOSITED =
      Keccak.hash256("TransactionDeposited(address,address,uint256,bytes)".getBytes(StandardCharsets.US_ASCII));

  private UserDeposits() {}

  public static List<DepositTransaction> fromLogs(Address depositContract, Hash l1BlockHash, List<L1Source.IndexedLog> logs) {
    List<DepositTransaction> out = new ArrayList<>();
    for (L1Source.IndexedLog indexed : logs) {
      Log log = indexed.log();
      if (!log.address().equals(depositContract) || log.topics().isEmpty() || !log.topics().get(0).equals(TRANSACTION_DEPOSITED)) continue;
      out.add(decode(log, l1BlockHash, indexed.index()));
    }
    return out;
  }

  /** Decodes one deposit log; throws {@link IllegalArgumentException} for a malformed one (a critical derivation error). */
  public static DepositTransaction decode(Log log, Hash l1BlockHash, long logIndex) {
    if (log.topics().size() != 4) throw new IllegalArgumentException("deposit log must have 4 topics");
    Address from = Address.fromWord(log.topics().get(1).toArrayUnsafe());
    Address to = Address.fromWord(log.topics().get(2).toArrayUnsafe());
    if (!log.topics().get(3).isZero()) throw new IllegalArgumentException("unsupported deposit version " + log.topics().get(3));
    byte[] data = log.data().toArrayUnsafe();
    if (data.length < 64) throw new IllegalArgumentException("deposit log data too short");
    BigInteger offset = new BigInteger(1, Arrays.copyOfRange(data, 0, 32));
    if (!offset.equals(BigInteger.valueOf(32))) throw new IllegalArgumentException("deposit opaque data offset must be 32");
    BigInteger length = new BigInteger(1, Arrays.copyOfRange(data, 32, 64));
    if (length.compareTo(BigInteger.valueOf(data.length - 64)) > 0) throw new IllegalArgumentException("deposit opaque data overruns the log");
    byte[] opaque = Arrays.copyOfRange(data, 64, 64 + length.intValue());
    if (opaque.length < 73) throw new IllegalArgumentException("deposit opaque data shorter than 73 bytes");
    UInt256 mint = UInt256.fromBytes(Arrays.copyOfRange(opaque, 0, 32));
    UInt256 value = UInt256.fromBytes(Arrays.copyOfRange(opaque, 32, 64));
    long gas = ByteBuffer.wrap(opaque, 64, 8).getLong();
    boolean isCreation = opaque[72] != 0;
    Bytes callData = Bytes.wrap(Arrays.copyOfRange(opaque, 73, opaque.length));
    return new DepositTransaction(DepositSource.userDeposit(l1BlockHash, logIndex), from, isCreation ? null : to, mint, value, gas, false, callData);
  }
}
