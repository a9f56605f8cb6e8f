package dev.opal.rpc.engine;

import dev.opal.types.Hash;

/** PayloadStatusV1: the engine's verdict on a payload or a forkchoice head. */
public record PayloadStatus(Status status, Hash latestValidHash, String validationError) {
  public enum Status {
    VALID,
    INVALID,
    SYNCING,
    ACCEPTED,
    /** engine_newPayloadV1 only: the block hash does not match the payload's contents. */
    INVALID_BLOCK_HASH
  }

  public static PayloadStatus valid(Hash latestValidHash) {
    return new PayloadStatus(Status.VALID, latestValidHash, null);
  }

  public static PayloadStatus invalid(Hash latestValidHash, String error) {
    return new PayloadStatus(Status.INVALID, latestValidHash, error);
  }

  public static PayloadStatus syncing() {
    return new PayloadStatus(Status.SYNCING, null, null);
  }

  public static PayloadStatus accepted() {
    return new PayloadStatus(Status.ACCEPTED, null, null);
  }
}
