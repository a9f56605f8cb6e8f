package dev.opal.rpc.engine;

import dev.opal.types.Bytes;
import java.util.List;

/** BlobsBundleV1: commitments, proofs and blobs of a payload's blob transactions (always empty on OP L2). */
public record BlobsBundle(List<Bytes> commitments, List<Bytes> proofs, List<Bytes> blobs) {
  public static final BlobsBundle EMPTY = new BlobsBundle(List.of(), List.of(), List.of());

  public BlobsBundle {
    commitments = List.copyOf(commitments);
    proofs = List.copyOf(proofs);
    blobs = List.copyOf(blobs);
  }
}
