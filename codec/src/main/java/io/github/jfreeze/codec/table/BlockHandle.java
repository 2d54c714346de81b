package io.github.jfreeze.codec.table;

import io.github.jfreeze.codec.CorruptFileException;
import io.github.jfreeze.codec.internal.Varints;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * Pointer to a block: where it starts and how long it is, without its 5-byte trailer.
 *
 * <pre>
 * varint64 offset | varint64 size          (at most 20 bytes, format.h kMaxEncodedLength)
 * </pre>
 */
public record BlockHandle(long offset, long size) {
  public static final int MAX_ENCODED_LENGTH = 20;

  /** Decodes a handle at the buffer's position and advances past it. */
  public static BlockHandle read(ByteBuffer buf, Path file, long base) throws CorruptFileException {
    long offset = Varints.readVarint64(buf, file, base);
    long size = Varints.readVarint64(buf, file, base);
    if (offset < 0 || size < 0) {
      throw new CorruptFileException(file, base, "bad block handle: offset " + Long.toUnsignedString(offset)
          + ", size " + Long.toUnsignedString(size));
    }
    return new BlockHandle(offset, size);
  }

  /**
   * Appends the handle's encoding.
   *
   * @param out where the two varints go
   */
  public void encodeTo(ByteArrayOutputStream out) {
    Varints.writeVarint64(out, offset);
    Varints.writeVarint64(out, size);
  }

  /** Checks that the block and its trailer lie before {@code limit} (the footer's start). */
  public void checkWithin(long limit, Path file, long handleOffset) throws CorruptFileException {
    if (offset > limit || size > limit - offset || BlockTrailer.LENGTH > limit - offset - size) {
      throw new CorruptFileException(file, handleOffset, "block handle points outside the file: offset "
          + offset + ", size " + size + " + " + BlockTrailer.LENGTH + "-byte trailer, but blocks end at " + limit);
    }
  }
}
