package dev.opal.node.derive.batch;

import dev.opal.types.Hash;
import java.math.BigInteger;
import java.util.List;
import java.util.function.LongFunction;

/** Placeholder: the span batch (type 1) codec is being written. */
public record SpanBatch() implements Batch {
  public static final int TYPE = 1;

  public static SpanBatch decodeBody(byte[] body, long genesisTime, BigInteger chainId) {
    throw new BatchDecodeException("span batches are not supported yet");
  }

  public List<SingularBatch> toSingular(LongFunction<Hash> l1OriginHashByNumber) {
    return List.of();
  }
}
