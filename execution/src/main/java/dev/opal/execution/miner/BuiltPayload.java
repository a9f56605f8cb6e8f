package dev.opal.execution.miner;

import dev.opal.execution.chain.StoredBlock;
import dev.opal.rpc.engine.PayloadAttributes;
import dev.opal.rpc.engine.PayloadId;
import dev.opal.types.UInt256;

/** A sealed payload: the executed block, what it pays the fee recipient, the attributes it was built from, and whether the pool filled it. */
public record BuiltPayload(PayloadId id, StoredBlock block, UInt256 blockValue, PayloadAttributes attributes, boolean filled) {}
