package dev.opal.node.derive.batch;

/** Placeholder: the span batch (type 1) codec is being written. */
public record SpanBatch() implements Batch {
  public static final int TYPE = 1;
}
