package dev.opal.rpc.engine;

/** The result of engine_forkchoiceUpdatedV*: the head's status and, when a build started, its id. */
public record ForkchoiceUpdatedResult(PayloadStatus payloadStatus, PayloadId payloadId) {}
