package dev.opal.rpc.engine;

import dev.opal.types.Bytes;
import dev.opal.types.Hash;
import dev.opal.types.UInt256;
import java.util.List;

/**
 * The response of engine_getPayloadV2..V4 (V1 returns the bare payload): the payload, its value to
 * the fee recipient, and from V3 the blobs bundle and override flag, from V4 the execution requests.
 * OP engines also return the {@code parentBeaconBlockRoot} the payload was built on (op-geth's
 * ExecutionPayloadEnvelope), which op-node needs to call newPayloadV3/V4. Null means absent.
 */
public record PayloadEnvelope(
    ExecutionPayload executionPayload,
    UInt256 blockValue,
    BlobsBundle blobsBundle,
    Boolean shouldOverrideBuilder,
    Hash parentBeaconBlockRoot,
    List<Bytes> executionRequests) {

  public PayloadEnvelope {
    executionRequests = executionRequests == null ? null : List.copyOf(executionRequests);
  }
}
