package dev.opal.evm;

import java.util.Arrays;

/**
 * A call frame's byte-addressed memory, grown in 32-byte words. The frame charges expansion gas
 * ({@link Gas#memoryCost}) before it calls {@link #ensure}.
 */
final class Memory {
  private byte[] data = new byte[1024];
  private long size; // bytes in use; always a multiple of 32

  long size() {
    return size;
  }

  long words() {
    return size / 32;
  }

  /** Grows the active size to cover {@code [offset, offset + length)}; a zero length never grows. */
  void ensure(long offset, long length) {
    if (length == 0) return;
    long end = offset + length;
    if (end <= size) return;
    long newSize = (end + 31) / 32 * 32;
    if (newSize > data.length) data = Arrays.copyOf(data, (int) Math.max(newSize, Math.min((long) data.length * 2, Integer.MAX_VALUE - 64)));
    size = newSize;
  }

  void write(long offset, byte[] src, int srcOff, int length) {
    System.arraycopy(src, srcOff, data, (int) offset, length);
  }

  /** Copies {@code length} bytes of {@code src} from {@code srcOff}, zero-filling past its end. */
  void writePadded(long offset, byte[] src, long srcOff, long length) {
    if (length == 0) return;
    int dst = (int) offset;
    int n = (int) length;
    long available = srcOff >= src.length ? 0 : Math.min(length, src.length - srcOff);
    if (available > 0) System.arraycopy(src, (int) srcOff, data, dst, (int) available);
    Arrays.fill(data, dst + (int) available, dst + n, (byte) 0);
  }

  void writeByte(long offset, byte b) {
    data[(int) offset] = b;
  }

  byte[] read(long offset, long length) {
    if (length == 0) return new byte[0];
    return Arrays.copyOfRange(data, (int) offset, (int) (offset + length));
  }

  /** Copies within memory, overlapping regions allowed (MCOPY). */
  void copy(long dst, long src, long length) {
    if (length == 0) return;
    System.arraycopy(data, (int) src, data, (int) dst, (int) length);
  }

  byte[] array() {
    return data;
  }
}
