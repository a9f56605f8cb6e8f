package dev.opal.node.derive.batch;

/**
 * A batch read from a channel (OP specs protocol/derivation.md "Batch Format"): a singular batch
 * (type 0) carries one L2 block; a span batch (type 1, from Delta) carries a run of blocks.
 */
public sealed interface Batch permits SingularBatch, SpanBatch {}
