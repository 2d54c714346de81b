package io.github.jfreeze.codec.table;

import io.github.jfreeze.codec.CorruptFileException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

/**
 * A decoded (decompressed, checksum-verified) block of sorted, prefix-compressed entries
 * (tsl/lib/io/block_builder.cc).
 *
 * <pre>
 * entry*:  varint32 shared | varint32 unshared | varint32 value_length
 *          | key_delta[unshared] | value[value_length]
 * trailer: fixed32 restarts[num_restarts] | fixed32 num_restarts
 * </pre>
 *
 * The key of each entry is the previous key's first {@code shared} bytes plus its delta; at a
 * restart point {@code shared} is 0.
 */
public final class Block {
  private final ByteBuffer data;
  private final int restartsOffset;
  private final int numRestarts;
  private final Path file;
  private final long fileOffset;
  private final boolean compressed;

  private Block(ByteBuffer data, int restartsOffset, int numRestarts, Path file, long fileOffset, boolean compressed) {
    this.data = data;
    this.restartsOffset = restartsOffset;
    this.numRestarts = numRestarts;
    this.file = file;
    this.fileOffset = fileOffset;
    this.compressed = compressed;
  }

  /**
   * Wraps decoded block contents after checking the restart array.
   *
   * @param fileOffset where the block starts in the file
   * @param compressed whether the contents were decompressed (offsets then refer to the block)
   */
  public static Block parse(ByteBuffer contents, Path file, long fileOffset, boolean compressed)
      throws CorruptFileException {
    ByteBuffer data = contents.slice().order(ByteOrder.LITTLE_ENDIAN);
    int size = data.remaining();
    if (size < 4) {
      throw new CorruptFileException(file, fileOffset, "bad block contents: " + size + " bytes, too short for the restart count");
    }
    int numRestarts = data.getInt(size - 4);
    long maxRestarts = (size - 4) / 4;
    if (numRestarts < 0 || numRestarts > maxRestarts) {
      throw new CorruptFileException(file, fileOffset, "bad block contents: " + Integer.toUnsignedString(numRestarts)
          + " restart points do not fit in a " + size + "-byte block");
    }
    int restartsOffset = size - 4 - 4 * numRestarts;
    for (int i = 0; i < numRestarts; i++) {
      int r = data.getInt(restartsOffset + 4 * i);
      // an empty block, as TF's BlockBuilder writes it, is one restart point at 0: 00000000 01000000
      boolean emptyBlock = restartsOffset == 0 && r == 0;
      if (r < 0 || (r >= restartsOffset && !emptyBlock) || (i == 0 && r != 0)) {
        throw new CorruptFileException(file, fileOffset, "bad block contents: restart point " + i
            + " = " + Integer.toUnsignedString(r) + " is outside the entries (0.." + restartsOffset + ")");
      }
    }
    if (numRestarts == 0 && restartsOffset != 0) {
      throw new CorruptFileException(file, fileOffset, "bad block contents: entries but no restart points");
    }
    return new Block(data, restartsOffset, numRestarts, file, fileOffset, compressed);
  }

  /** An iterator positioned before the first entry. */
  public BlockIterator iterator() {
    return new BlockIterator(this);
  }

  ByteBuffer data() {
    return data;
  }

  int restartsOffset() {
    return restartsOffset;
  }

  int numRestarts() {
    return numRestarts;
  }

  int restartPoint(int i) {
    return data.getInt(restartsOffset + 4 * i);
  }

  Path file() {
    return file;
  }

  /** File offset for position {@code pos} of the contents (the block start when compressed). */
  long fileOffset(int pos) {
    return compressed ? fileOffset : fileOffset + pos;
  }
}
