package io.github.jfreeze.codec.table;

import io.github.jfreeze.codec.internal.Crc32c;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32C;

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

  /**
   * The trailer of block {@code contents} stored with compression {@code type}.
   *
   * @param contents the block's bytes as stored
   * @param type the compression type byte
   * @return the trailer, its CRC computed
   */
  public static BlockTrailer of(byte[] contents, int type) {
    CRC32C crc = new CRC32C();
    crc.update(contents);
    crc.update(type);
    return new BlockTrailer(type, Crc32c.mask((int) crc.getValue()));
  }

  /**
   * The trailer's {@link #LENGTH} bytes.
   *
   * @return the type byte and the masked CRC, little-endian
   */
  public byte[] encode() {
    return ByteBuffer.allocate(LENGTH).order(ByteOrder.LITTLE_ENDIAN).put((byte) compressionType).putInt(maskedCrc).array();
  }
}
