package dev.opal.node.derive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Channel compression (OP specs protocol/derivation.md "Channel Format", fjord/derivation.md):
 * zlib (RFC 1950) is recognised by a first byte whose low nibble is 8 or 15; from Fjord a first
 * byte of 1 announces brotli. Decompression stops at a size limit
 * ({@code MAX_RLP_BYTES_PER_CHANNEL}) so a small channel cannot expand without bound.
 */
public final class ChannelCompression {
  public static final byte BROTLI_VERSION = 0x01;
  /** op-batcher's default brotli level ({@code brotli-10}). */
  private static final int BROTLI_QUALITY = 10;

  /** What a batcher compresses channels with; brotli needs Fjord. */
  public enum Algorithm { ZLIB, BROTLI }

  private ChannelCompression() {}

  public static byte[] compress(Algorithm algorithm, byte[] data) {
    return switch (algorithm) {
      case ZLIB -> zlib(data);
      case BROTLI -> brotli(data);
    };
  }

  /** zlib at the best compression level. */
  public static byte[] zlib(byte[] data) {
    Deflater d = new Deflater(Deflater.BEST_COMPRESSION);
    try {
      d.setInput(data);
      d.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 2 + 64);
      byte[] buf = new byte[16 * 1024];
      while (!d.finished()) out.write(buf, 0, d.deflate(buf));
      return out.toByteArray();
    } finally {
      d.end();
    }
  }

  /** The brotli channel form: the version byte, then a brotli stream (from the native reference encoder). */
  public static byte[] brotli(byte[] data) {
    try {
      com.aayushatharva.brotli4j.Brotli4jLoader.ensureAvailability();
      byte[] stream = com.aayushatharva.brotli4j.encoder.Encoder.compress(data,
          new com.aayushatharva.brotli4j.encoder.Encoder.Parameters().setQuality(BROTLI_QUALITY));
      byte[] out = new byte[stream.length + 1];
      out[0] = BROTLI_VERSION;
      System.arraycopy(stream, 0, out, 1, stream.length);
      return out;
    } catch (IOException | UnsatisfiedLinkError e) {
      throw new IllegalStateException("brotli compression is not available on this platform: " + e.getMessage());
    }
  }

  /**
   * The channel's decompressed content, at most {@code limit} bytes: a channel that decompresses to
   * more is cut at the limit (op-node reads the batches that fit). Throws on unknown or corrupt
   * compression, and on brotli before Fjord.
   */
  public static byte[] decompress(byte[] channel, long limit, boolean brotliAllowed) throws ChannelException {
    if (channel.length == 0) throw new ChannelException("empty channel");
    int first = channel[0] & 0xff;
    if ((first & 0x0f) == 8 || (first & 0x0f) == 15) return inflate(channel, limit);
    if (first == BROTLI_VERSION) {
      if (!brotliAllowed) throw new ChannelException("brotli channel before Fjord");
      return unbrotli(channel, limit);
    }
    throw new ChannelException("unknown channel compression 0x" + Integer.toHexString(first));
  }

  private static byte[] inflate(byte[] channel, long limit) throws ChannelException {
    Inflater inf = new Inflater();
    try {
      inf.setInput(channel);
      ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(channel.length * 4, 1 << 20));
      byte[] buf = new byte[64 * 1024];
      while (!inf.finished() && out.size() < limit) {
        int n = inf.inflate(buf, 0, (int) Math.min(buf.length, limit - out.size()));
        if (n == 0) {
          if (inf.needsInput()) break; // truncated stream: keep what was read, as op-node does
          if (inf.needsDictionary()) throw new ChannelException("zlib stream needs a preset dictionary");
        }
        out.write(buf, 0, n);
      }
      return out.toByteArray();
    } catch (DataFormatException e) {
      throw new ChannelException("corrupt zlib data: " + e.getMessage());
    } finally {
      inf.end();
    }
  }

  private static byte[] unbrotli(byte[] channel, long limit) throws ChannelException {
    try (InputStream in = new org.brotli.dec.BrotliInputStream(new java.io.ByteArrayInputStream(channel, 1, channel.length - 1))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[64 * 1024];
      int n;
      while (out.size() < limit && (n = in.read(buf, 0, (int) Math.min(buf.length, limit - out.size()))) > 0) out.write(buf, 0, n);
      return out.toByteArray();
    } catch (IOException | RuntimeException e) {
      throw new ChannelException("corrupt brotli data: " + e.getMessage());
    }
  }
}
