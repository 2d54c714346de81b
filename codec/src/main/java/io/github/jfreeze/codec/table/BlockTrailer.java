package io.github.jfreeze.codec.table;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The 5 bytes after every block.
 *
 * <pre>
 * uint8   compression type   0 = none, 1 = Snappy
 * fixed32 masked crc32c      over the stored block bytes followed by the type byte
 * </pre>
 */
public record BlockTrailer(int compressionType, int maskedCrc) {
  public static final int LENGTH = 5;
  public static final int NO_COMPRESSION = 0;
  public static final int SNAPPY_COMPRESSION = 1;

  /** Decodes the 5 bytes at the buffer's position. */
  public static BlockTrailer read(ByteBuffer buf) {
    ByteBuffer b = buf.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    int type = b.get() & 0xff;
    return new BlockTrailer(type, b.getInt());
  }
}
