package io.github.jfreeze.codec.table;

import io.github.jfreeze.codec.CorruptFileException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

/**
 * The last 48 bytes of a table (tsl/lib/io/format.cc {@code Footer::EncodeTo}).
 *
 * <pre>
 * BlockHandle metaindex | BlockHandle index | zero padding to 40 bytes
 * fixed64 magic 0xdb4775248b80fb57  (little-endian: 57 fb 80 8b 24 75 47 db)
 * </pre>
 */
public record Footer(BlockHandle metaindex, BlockHandle index) {
  public static final int LENGTH = 2 * BlockHandle.MAX_ENCODED_LENGTH + 8;
  public static final long MAGIC = 0xdb4775248b80fb57L;

  /**
   * Decodes a footer from exactly {@link #LENGTH} bytes.
   *
   * @param base file offset of the footer
   */
  public static Footer read(ByteBuffer footer, Path file, long base) throws CorruptFileException {
    ByteBuffer b = footer.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    long magic = b.getLong(b.position() + LENGTH - 8);
    if (magic != MAGIC) {
      throw CorruptFileException.badMagic(file, base + LENGTH - 8, magic);
    }
    ByteBuffer handles = b.slice(b.position(), LENGTH - 8);
    BlockHandle metaindex = BlockHandle.read(handles, file, base);
    BlockHandle index = BlockHandle.read(handles, file, base);
    return new Footer(metaindex, index);
  }

  /**
   * The footer's {@link #LENGTH} bytes: both handles, zeros up to 40 bytes, the magic.
   *
   * @return the encoded footer
   */
  public byte[] encode() {
    ByteArrayOutputStream handles = new ByteArrayOutputStream(LENGTH);
    metaindex.encodeTo(handles);
    index.encodeTo(handles);
    return ByteBuffer.allocate(LENGTH).order(ByteOrder.LITTLE_ENDIAN).put(handles.toByteArray())
        .putLong(LENGTH - 8, MAGIC).array();
  }
}
