package dev.opal.rpc.engine;

import dev.opal.types.Bytes;
import dev.opal.types.Hex;

/** The 8-byte identifier of a payload build, returned by forkchoiceUpdated and passed to getPayload. */
public record PayloadId(long value) {
  public static PayloadId fromHex(String hex) {
    byte[] b = Hex.decode(hex, 8);
    long v = 0;
    for (byte x : b) v = (v << 8) | (x & 0xFF);
    return new PayloadId(v);
  }

  public String toHex() {
    return Bytes.wrap(toBytes()).toHex();
  }

  public byte[] toBytes() {
    byte[] b = new byte[8];
    for (int i = 0; i < 8; i++) b[i] = (byte) (value >>> (56 - 8 * i));
    return b;
  }

  @Override
  public String toString() {
    return toHex();
  }
}
