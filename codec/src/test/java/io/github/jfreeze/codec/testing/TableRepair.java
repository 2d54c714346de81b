package io.github.jfreeze.codec.testing;

import io.github.jfreeze.codec.CorruptFileException;
import io.github.jfreeze.codec.internal.Crc32c;
import io.github.jfreeze.codec.table.Block;
import io.github.jfreeze.codec.table.BlockHandle;
import io.github.jfreeze.codec.table.BlockIterator;
import io.github.jfreeze.codec.table.BlockTrailer;
import io.github.jfreeze.codec.table.Footer;
import io.github.jfreeze.codec.table.Snappy;
import io.github.jfreeze.codec.table.TableEntry;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Recomputes the block checksums of a damaged table in place, so that a mutation inside a block
 * reaches the code behind the CRC check instead of stopping at "block checksum mismatch". Used by
 * the fuzz targets and the corruption sweep; follows the footer and the index block as far as they
 * make sense and leaves the rest alone.
 */
public final class TableRepair {
  private TableRepair() {}

  /** Fixes the CRCs of the metaindex, index and every data block the index points at. */
  public static void repairChecksums(byte[] table) {
    if (table.length < Footer.LENGTH) {
      return;
    }
    long footerOffset = table.length - Footer.LENGTH;
    Footer footer;
    try {
      footer = Footer.read(ByteBuffer.wrap(table, (int) footerOffset, Footer.LENGTH).slice(), null, footerOffset);
    } catch (CorruptFileException e) {
      return;
    }
    fix(table, footer.metaindex(), footerOffset);
    if (!fix(table, footer.index(), footerOffset)) {
      return;
    }
    try {
      BlockHandle ih = footer.index();
      BlockIterator it = block(table, ih).iterator();
      for (TableEntry e = it.next(); e != null; e = it.next()) {
        fix(table, BlockHandle.read(e.value().duplicate(), null, 0), footerOffset);
      }
    } catch (CorruptFileException | RuntimeException e) {
      // the index is beyond repair; the reader will say why
    }
  }

  private static Block block(byte[] table, BlockHandle h) throws CorruptFileException {
    ByteBuffer contents = ByteBuffer.wrap(table, (int) h.offset(), (int) h.size()).slice();
    if (table[(int) (h.offset() + h.size())] == BlockTrailer.SNAPPY_COMPRESSION) {
      return Block.parse(ByteBuffer.wrap(Snappy.decompress(contents, null, h.offset())), null, h.offset(), true);
    }
    return Block.parse(contents, null, h.offset(), false);
  }

  /** Writes the right CRC after the block if it lies inside {@code limit}; false if it does not. */
  private static boolean fix(byte[] table, BlockHandle h, long limit) {
    if (h.offset() > limit || h.size() > limit - h.offset() || BlockTrailer.LENGTH > limit - h.offset() - h.size()) {
      return false;
    }
    int end = (int) (h.offset() + h.size());
    int crc = Crc32c.mask(Crc32c.of(table, (int) h.offset(), (int) h.size() + 1));
    ByteBuffer.wrap(table).order(ByteOrder.LITTLE_ENDIAN).putInt(end + 1, crc);
    return true;
  }
}
