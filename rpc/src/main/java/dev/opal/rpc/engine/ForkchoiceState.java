package dev.opal.rpc.engine;

import dev.opal.types.Hash;

/** ForkchoiceStateV1: the head, safe and finalized block hashes (zero hash = unknown / not yet). */
public record ForkchoiceState(Hash headBlockHash, Hash safeBlockHash, Hash finalizedBlockHash) {}
