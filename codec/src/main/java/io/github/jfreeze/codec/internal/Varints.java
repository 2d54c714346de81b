package io.github.jfreeze.codec.internal;

import io.github.jfreeze.codec.CorruptFileException;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/** LEB128 varints as protobuf and LevelDB write them, bounds-checked. */
public final class Varints {
  private Varints() {}

  /**
   * Reads a varint32 at the buffer's position and advances it.
   *
   * @param base file offset of buffer index 0, for error messages
   */
  public static int readVarint32(ByteBuffer buf, Path file, long base) throws CorruptFileException {
    long v = readVarint64(buf, file, base, 5);
    if ((v >>> 32) != 0) {
      throw new CorruptFileException(file, base + buf.position(), "varint32 out of range: " + Long.toUnsignedString(v));
    }
    return (int) v;
  }

  /** Reads a varint64 (at most 10 bytes) at the buffer's position and advances it. */
  public static long readVarint64(ByteBuffer buf, Path file, long base) throws CorruptFileException {
    return readVarint64(buf, file, base, 10);
  }

  private static long readVarint64(ByteBuffer buf, Path file, long base, int maxBytes) throws CorruptFileException {
    int start = buf.position();
    long result = 0;
    for (int i = 0, shift = 0; i < maxBytes; i++, shift += 7) {
      if (!buf.hasRemaining()) {
        throw new CorruptFileException(file, base + start, "truncated varint");
      }
      int b = buf.get() & 0xff;
      if (i == 9 && b > 1) {
        throw new CorruptFileException(file, base + start, "varint64 overflows 64 bits");
      }
      result |= (long) (b & 0x7f) << shift;
      if (b < 0x80) {
        return result;
      }
    }
    throw new CorruptFileException(file, base + start,
        "varint longer than " + maxBytes + " bytes");
  }

  /** Appends {@code value} as a varint64. */
  public static void writeVarint64(java.io.ByteArrayOutputStream out, long value) {
    while ((value & ~0x7fL) != 0) {
      out.write((int) ((value & 0x7f) | 0x80));
      value >>>= 7;
    }
    out.write((int) value);
  }
}
