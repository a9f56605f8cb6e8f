package dev.opal.node.derive;

import dev.opal.node.derive.batch.Batch;
import dev.opal.node.derive.batch.BatchDecodeException;
import dev.opal.node.derive.batch.SingularBatch;
import dev.opal.node.derive.batch.SpanBatch;
import dev.opal.rlp.Rlp;
import dev.opal.rlp.RlpException;
import dev.opal.rlp.RlpReader;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the batches of a complete channel (OP specs protocol/derivation.md "Channel Format"): the
 * decompressed content is a sequence of RLP strings, each a batch type byte and the batch. Reading
 * stops at the first batch that cannot be decoded; the batches before it are kept.
 */
public final class ChannelReader {
  private static final Logger LOG = LoggerFactory.getLogger(ChannelReader.class);

  private ChannelReader() {}

  /**
   * @param spanBatchesAllowed Delta is active at the L1 block the channel was read from
   */
  public static List<Batch> read(byte[] channel, long maxRlpBytes, boolean brotliAllowed, boolean spanBatchesAllowed, long genesisTime,
      long blockTime, BigInteger chainId) {
    byte[] content;
    try {
      content = ChannelCompression.decompress(channel, maxRlpBytes, brotliAllowed);
    } catch (ChannelException e) {
      LOG.warn("Dropping channel: {}", e.getMessage());
      return List.of();
    }
    List<Batch> batches = new ArrayList<>();
    RlpReader r = Rlp.reader(content);
    try {
      while (r.hasNext()) {
        byte[] b = r.readBytes();
        if (b.length == 0) throw new BatchDecodeException("empty batch");
        byte[] body = Arrays.copyOfRange(b, 1, b.length);
        switch (b[0]) {
          case SingularBatch.TYPE -> batches.add(SingularBatch.decodeBody(body));
          case SpanBatch.TYPE -> {
            if (!spanBatchesAllowed) throw new BatchDecodeException("span batch before Delta");
            batches.add(SpanBatch.decodeBody(body, genesisTime, blockTime, chainId));
          }
          default -> throw new BatchDecodeException("unknown batch type " + b[0]);
        }
      }
    } catch (RlpException | BatchDecodeException e) {
      // a truncated channel (cut at the size limit) ends in a partial batch; what came before stands
      LOG.warn("Stopped reading channel after {} batches: {}", batches.size(), e.getMessage());
    }
    return batches;
  }
}
