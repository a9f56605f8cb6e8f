package dev.opal.node.derive.batch;

import dev.opal.types.Bytes;
import dev.opal.types.Hash;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A run of consecutive L2 blocks in one batch (OP specs protocol/delta/span-batches.md, batch type
 * 1, from Delta): {@code prefix ‖ payload} with {@code prefix = rel_timestamp ‖ l1_origin_num ‖
 * parent_check ‖ l1_origin_check} and {@code payload = block_count ‖ origin_bits ‖ block_tx_counts ‖
 * txs}. Only the first 20 bytes of the first parent's hash and of the last L1 origin's hash are
 * kept; the blocks' L1 origins are the last one counted back through the origin bits.
 *
 * @param firstBlockStartsEpoch origin bit 0: the first block is the first of its epoch (derivation ignores it)
 */
public record SpanBatch(Bytes parentCheck, Bytes l1OriginCheck, boolean firstBlockStartsEpoch, List<Element> blocks) implements Batch {
  public static final int TYPE = 1;
  private static final int CHECK_LENGTH = 20;

  /** One block of the span: its L1 origin number, timestamp and non-deposit transactions. */
  public record Element(long epochNumber, long timestamp, List<Bytes> transactions) {
    public Element {
      transactions = List.copyOf(transactions);
    }
  }

  public SpanBatch {
    if (parentCheck.size() != CHECK_LENGTH || l1OriginCheck.size() != CHECK_LENGTH) throw new IllegalArgumentException("checks are 20 bytes");
    if (blocks.isEmpty()) throw new IllegalArgumentException("a span batch has at least one block");
    blocks = List.copyOf(blocks);
  }

  /**
   * The span of consecutive singular batches, as op-batcher builds it.
   *
   * @param firstBlockStartsEpoch the first block's L1-info sequence number is 0
   */
  public static SpanBatch of(List<SingularBatch> batches, boolean firstBlockStartsEpoch) {
    if (batches.isEmpty()) throw new IllegalArgumentException("a span batch has at least one block");
    List<Element> blocks = new ArrayList<>(batches.size());
    for (SingularBatch b : batches) blocks.add(new Element(b.epochNumber(), b.timestamp(), b.transactions()));
    SingularBatch first = batches.getFirst();
    SingularBatch last = batches.getLast();
    return new SpanBatch(check(first.parentHash()), check(last.epochHash()), firstBlockStartsEpoch, blocks);
  }

  public long timestamp() {
    return blocks.getFirst().timestamp();
  }

  public long lastTimestamp() {
    return blocks.getLast().timestamp();
  }

  public long startEpoch() {
    return blocks.getFirst().epochNumber();
  }

  public long endEpoch() {
    return blocks.getLast().epochNumber();
  }

  public boolean parentMatches(Hash hash) {
    return check(hash).equals(parentCheck);
  }

  public boolean originMatches(Hash hash) {
    return check(hash).equals(l1OriginCheck);
  }

  private static Bytes check(Hash hash) {
    return hash.toBytes().slice(0, CHECK_LENGTH);
  }

  /** The body (after the type byte). */
  public byte[] encodeBody(long genesisTime, BigInteger chainId) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteCursor.writeUvarint(out, timestamp() - genesisTime);
    ByteCursor.writeUvarint(out, endEpoch());
    out.writeBytes(parentCheck.toArrayUnsafe());
    out.writeBytes(l1OriginCheck.toArrayUnsafe());
    ByteCursor.writeUvarint(out, blocks.size());
    boolean[] originBits = new boolean[blocks.size()];
    originBits[0] = firstBlockStartsEpoch;
    for (int i = 1; i < blocks.size(); i++) originBits[i] = blocks.get(i).epochNumber() > blocks.get(i - 1).epochNumber();
    ByteCursor.writeBits(out, originBits);
    List<Bytes> txs = new ArrayList<>();
    for (Element e : blocks) {
      ByteCursor.writeUvarint(out, e.transactions().size());
      txs.addAll(e.transactions());
    }
    SpanBatchTxs.encode(out, txs, chainId);
    return out.toByteArray();
  }

  /**
   * Decodes the body (after the type byte). Block {@code i}'s timestamp is {@code genesisTime +
   * rel_timestamp + i * blockTime}. Bytes after the last field are ignored, as op-node does.
   */
  public static SpanBatch decodeBody(byte[] body, long genesisTime, long blockTime, BigInteger chainId) {
    ByteCursor in = new ByteCursor(body);
    long relTimestamp = in.uvarint("rel_timestamp");
    long lastOrigin = in.uvarint("l1_origin_num");
    if (relTimestamp < 0) throw new BatchDecodeException("span batch timestamp out of range");
    Bytes parentCheck = Bytes.wrap(in.bytes(CHECK_LENGTH, "parent_check"));
    Bytes originCheck = Bytes.wrap(in.bytes(CHECK_LENGTH, "l1_origin_check"));
    long count = in.uvarint("block_count");
    if (count == 0) throw new BatchDecodeException("span batch has no blocks");
    if (count < 0 || count > SpanBatchTxs.MAX_ELEMENTS) throw new BatchDecodeException("span batch has too many blocks: " + Long.toUnsignedString(count));
    boolean[] originBits = in.bits(count, "origin bits");
    if (count > in.remaining()) throw new BatchDecodeException("truncated block_tx_counts");
    long[] txCounts = new long[(int) count];
    long total = 0;
    for (int i = 0; i < count; i++) {
      txCounts[i] = in.uvarint("block_tx_count");
      if (txCounts[i] < 0 || txCounts[i] > SpanBatchTxs.MAX_ELEMENTS) throw new BatchDecodeException("block has too many transactions");
      total += txCounts[i];
      if (total > SpanBatchTxs.MAX_ELEMENTS) throw new BatchDecodeException("span batch has too many transactions");
    }
    List<Bytes> txs = SpanBatchTxs.decode(in, total, chainId);
    // L1 origin numbers are unsigned 64-bit, as in op-node; one past Long.MAX_VALUE can never be a real L1 block
    long[] origins = new long[(int) count];
    long origin = lastOrigin;
    for (int i = (int) count - 1; i >= 0; i--) {
      origins[i] = origin;
      if (originBits[i] && i > 0) {
        if (origin == 0) throw new BatchDecodeException("origin bits count back past L1 block 0");
        origin--;
      }
    }
    List<Element> blocks = new ArrayList<>((int) count);
    for (int i = 0, tx = 0; i < count; i++) {
      long ts;
      try {
        ts = Math.addExact(Math.addExact(genesisTime, relTimestamp), Math.multiplyExact(blockTime, i));
      } catch (ArithmeticException e) {
        throw new BatchDecodeException("span batch timestamps overflow");
      }
      blocks.add(new Element(origins[i], ts, txs.subList(tx, tx + (int) txCounts[i])));
      tx += (int) txCounts[i];
    }
    return new SpanBatch(parentCheck, originCheck, originBits[0], blocks);
  }
}
