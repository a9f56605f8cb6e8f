package dev.opal.rpc.engine;

import dev.opal.block.Withdrawal;
import dev.opal.types.Bytes;
import java.util.List;

/** ExecutionPayloadBodyV1 (engine_getPayloadBodiesBy*V1): transactions and withdrawals (null before Shanghai). */
public record ExecutionPayloadBody(List<Bytes> transactions, List<Withdrawal> withdrawals) {
  public ExecutionPayloadBody {
    transactions = List.copyOf(transactions);
    withdrawals = withdrawals == null ? null : List.copyOf(withdrawals);
  }
}
