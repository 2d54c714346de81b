package io.github.jfreeze.codec.table;

import io.github.jfreeze.codec.CorruptFileException;
import io.github.jfreeze.codec.internal.Crc32c;
import io.github.jfreeze.codec.internal.FileSource;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A LevelDB-format table as TensorFlow writes it for {@code .index} files and V1 checkpoints
 * (tsl/lib/io/table.cc, table_format.txt).
 *
 * <pre>
 * [data block 1] ... [data block N]    each followed by a 5-byte {@link BlockTrailer}
 * [metaindex block]                    empty in TF; ignored
 * [index block]                        one entry per data block: separator key -> BlockHandle
 * [footer: 48 bytes]                   {@link Footer}
 * </pre>
 *
 * Every block's masked CRC32C is verified before it is used. Keys compare as unsigned bytes.
 */
public final class Table implements Closeable {
  private final FileSource source;
  private final List<byte[]> indexKeys;
  private final List<BlockHandle> dataBlocks;
  /**
   * The data block {@link #get} read last, decoded: lookups in key order (the slices of one V1
   * tensor) read and decompress each block once instead of once per key. Blocks over
   * {@link #CACHED_BLOCK_LIMIT} (a single huge value) are not kept.
   */
  private volatile CachedBlock lastBlock;

  private static final int CACHED_BLOCK_LIMIT = 4 << 20;

  private record CachedBlock(int index, Block block) {}

  private Table(FileSource source, List<byte[]> indexKeys, List<BlockHandle> dataBlocks) {
    this.source = source;
    this.indexKeys = indexKeys;
    this.dataBlocks = dataBlocks;
  }

  /** Opens a table file; closes the file again if it is not a valid table. */
  public static Table open(Path path) throws IOException {
    FileSource source = FileSource.open(path);
    try {
      return open(source);
    } catch (IOException | RuntimeException e) {
      source.close();
      throw e;
    }
  }

  /** Reads the footer and index block of {@code source}; the table then owns the source. */
  public static Table open(FileSource source) throws IOException {
    Path file = source.path();
    long size = source.size();
    if (size < Footer.LENGTH) {
      throw CorruptFileException.tooShortForTable(file, size);
    }
    long footerOffset = size - Footer.LENGTH;
    Footer footer = Footer.read(source.read(footerOffset, Footer.LENGTH), file, footerOffset);
    footer.index().checkWithin(footerOffset, file, footerOffset);
    Block index = readBlock(source, footer.index());
    List<byte[]> keys = new ArrayList<>();
    List<BlockHandle> handles = new ArrayList<>();
    BlockIterator it = index.iterator();
    for (TableEntry e = it.next(); e != null; e = it.next()) {
      BlockHandle h = BlockHandle.read(e.value().duplicate(), file, e.valueOffset());
      h.checkWithin(footerOffset, file, e.valueOffset());
      if (!keys.isEmpty() && Arrays.compareUnsigned(keys.get(keys.size() - 1), e.key()) >= 0) {
        throw new CorruptFileException(file, e.valueOffset(), "index block keys are not in increasing order");
      }
      keys.add(e.key());
      handles.add(h);
    }
    return new Table(source, keys, handles);
  }

  /** Reads, verifies and (if needed) decompresses one block. */
  static Block readBlock(FileSource source, BlockHandle handle) throws IOException {
    Path file = source.path();
    ByteBuffer raw = source.read(handle.offset(), handle.size() + BlockTrailer.LENGTH);
    ByteBuffer contents = raw.slice(0, (int) handle.size());
    BlockTrailer trailer = BlockTrailer.read(raw.slice((int) handle.size(), BlockTrailer.LENGTH));
    int actual = Crc32c.mask(Crc32c.of(raw.slice(0, (int) handle.size() + 1)));
    long trailerOffset = handle.offset() + handle.size();
    if (actual != trailer.maskedCrc()) {
      throw CorruptFileException.blockChecksumMismatch(file, trailerOffset + 1, trailer.maskedCrc(), actual);
    }
    return switch (trailer.compressionType()) {
      case BlockTrailer.NO_COMPRESSION -> Block.parse(contents, file, handle.offset(), false);
      case BlockTrailer.SNAPPY_COMPRESSION ->
          Block.parse(ByteBuffer.wrap(Snappy.decompress(contents, file, handle.offset())), file, handle.offset(), true);
      default -> throw CorruptFileException.badBlockType(file, trailerOffset, trailer.compressionType());
    };
  }

  public Path path() {
    return source.path();
  }

  /** Number of data blocks. */
  public int blockCount() {
    return dataBlocks.size();
  }

  /** Handles of the data blocks, in key order. */
  public List<BlockHandle> dataBlocks() {
    return List.copyOf(dataBlocks);
  }

  /** The compression type byte of data block {@code i} (0 = none, 1 = Snappy). */
  public int compressionType(int i) throws IOException {
    BlockHandle h = dataBlocks.get(i);
    return source.read(h.offset() + h.size(), 1).get() & 0xff;
  }

  /** Iterates every entry of every data block in key order. */
  public Cursor cursor() {
    return new Cursor();
  }

  /** The value of exactly {@code key}, or {@code null}. */
  public TableEntry get(byte[] key) throws IOException {
    // index keys are separators >= every key of their block and < every key of the next one
    int lo = 0;
    int hi = indexKeys.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (Arrays.compareUnsigned(indexKeys.get(mid), key) < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    if (lo == indexKeys.size()) {
      return null;
    }
    CachedBlock cached = lastBlock;
    if (cached == null || cached.index() != lo) {
      cached = new CachedBlock(lo, readBlock(source, dataBlocks.get(lo)));
      lastBlock = cached.block().data().limit() <= CACHED_BLOCK_LIMIT ? cached : null;
    }
    BlockIterator it = cached.block().iterator();
    it.seek(key);
    TableEntry e = it.next();
    return e != null && Arrays.equals(e.key(), key) ? e : null;
  }

  @Override
  public void close() throws IOException {
    source.close();
  }

  /** A key for a one-line message: bytes below 0x20 and above 0x7e as {@code \\xNN}. */
  private static String printable(byte[] key) {
    StringBuilder sb = new StringBuilder();
    for (byte b : key) {
      int c = b & 0xff;
      sb.append(c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : String.format(java.util.Locale.ROOT, "\\x%02x", c));
    }
    return sb.toString();
  }

  /** Sequential reader over all entries; checks that keys strictly increase across blocks. */
  public final class Cursor {
    private int block = -1;
    private BlockIterator current;
    private byte[] lastKey;

    private Cursor() {}

    /** The next entry, or {@code null} after the last one. */
    public TableEntry next() throws IOException {
      while (true) {
        if (current != null) {
          TableEntry e = current.next();
          if (e != null) {
            if (lastKey != null && Arrays.compareUnsigned(lastKey, e.key()) >= 0) {
              throw new CorruptFileException(source.path(), e.valueOffset(),
                  "keys are not in increasing order ('" + printable(e.key()) + "' after '" + printable(lastKey) + "')");
            }
            lastKey = e.key();
            return e;
          }
        }
        if (++block >= dataBlocks.size()) {
          return null;
        }
        current = readBlock(source, dataBlocks.get(block)).iterator();
      }
    }
  }
}
