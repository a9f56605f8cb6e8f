package dev.opal.rpc.engine;

import dev.opal.block.Withdrawal;
import dev.opal.types.Address;
import dev.opal.types.Bytes;
import dev.opal.types.Hash;
import dev.opal.types.UInt256;
import java.util.List;

/**
 * ExecutionPayloadV1/V2/V3 in one record (execution-apis paris.md, shanghai.md, cancun.md) plus OP
 * Isthmus's {@code withdrawalsRoot} (OP specs, exec-engine.md "Engine API" / ExecutionPayloadV4 in
 * op-geth): fields a version lacks are null. {@code transactions} hold the binary (2718) encodings.
 */
public record ExecutionPayload(
    Hash parentHash,
    Address feeRecipient,
    Hash stateRoot,
    Hash receiptsRoot,
    Bytes logsBloom,
    Hash prevRandao,
    long blockNumber,
    long gasLimit,
    long gasUsed,
    long timestamp,
    Bytes extraData,
    UInt256 baseFeePerGas,
    Hash blockHash,
    List<Bytes> transactions,
    List<Withdrawal> withdrawals,
    Long blobGasUsed,
    Long excessBlobGas,
    Hash withdrawalsRoot) {

  public ExecutionPayload {
    transactions = List.copyOf(transactions);
    withdrawals = withdrawals == null ? null : List.copyOf(withdrawals);
  }

  /** The structure version the fields present amount to: 1 (Paris), 2 (withdrawals), 3 (blob gas). */
  public int structureVersion() {
    if (blobGasUsed != null || excessBlobGas != null) return 3;
    return withdrawals != null ? 2 : 1;
  }
}
