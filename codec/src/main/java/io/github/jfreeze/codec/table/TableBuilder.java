package io.github.jfreeze.codec.table;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.util.Arrays;

/**
 * Writes a table in the layout {@link Table} reads, as TF's TableBuilder does with the options
 * every checkpoint writer sets (tsl/lib/io/table_builder.cc, table_options.h): 256 KiB data
 * blocks, a restart point every 16 entries (every entry in the index block), no compression, an
 * empty metaindex block, no filter.
 *
 * <pre>
 * [data block 1] ... [data block N]    each followed by a 5-byte {@link BlockTrailer}
 * [metaindex block]                    empty
 * [index block]                        per data block: a short separator key -> its {@link BlockHandle}
 * [footer: 48 bytes]                   {@link Footer}
 * </pre>
 *
 * A data block is written once it reaches the block size; an entry of at least twice the block
 * size first closes the current block, so that it gets one of its own. An index key is the
 * shortest key between the block's last key and the next block's first ({@code
 * FindShortestSeparator}), or for the last block a short successor of its last key ({@code
 * FindShortSuccessor}), so that the bytes are TF's for the same entries.
 */
public final class TableBuilder {
  /** TF's {@code Options::block_size}. */
  public static final int BLOCK_SIZE = 262144;
  /** TF's {@code Options::block_restart_interval} for data blocks. */
  public static final int RESTART_INTERVAL = 16;

  private final WritableByteChannel out;
  private final int blockSize;
  private final BlockBuilder dataBlock = new BlockBuilder(RESTART_INTERVAL);
  private final BlockBuilder indexBlock = new BlockBuilder(1);
  private long offset;
  private byte[] lastKey = new byte[0];
  private long numEntries;
  private BlockHandle pendingHandle;
  private boolean finished;

  /**
   * A builder writing to {@code out} with TF's block size.
   *
   * @param out where the table's bytes go, from its first
   */
  public TableBuilder(WritableByteChannel out) {
    this(out, BLOCK_SIZE);
  }

  /**
   * A builder with another block size (tests of tables with many blocks).
   *
   * @param out where the table's bytes go
   * @param blockSize bytes after which a data block is closed
   */
  public TableBuilder(WritableByteChannel out, int blockSize) {
    if (blockSize < 1) {
      throw new IllegalArgumentException("blockSize must be positive, not " + blockSize);
    }
    this.out = out;
    this.blockSize = blockSize;
  }

  /**
   * Adds an entry; keys must increase (unsigned bytes).
   *
   * @param key the key
   * @param value the value
   * @throws IOException if writing fails
   * @throws IllegalArgumentException if {@code key} is not greater than the previous key
   */
  public void add(byte[] key, byte[] value) throws IOException {
    if (finished) {
      throw new IllegalStateException("the table is finished");
    }
    if (numEntries > 0) {
      if (Arrays.compareUnsigned(key, lastKey) <= 0) {
        throw new IllegalArgumentException("keys must be added in increasing order");
      }
      if ((long) key.length + value.length >= 2L * blockSize) {
        flush();
      }
    }
    if (pendingHandle != null) {
      addIndexEntry(shortestSeparator(lastKey, key));
    }
    lastKey = key.clone();
    numEntries++;
    dataBlock.add(key, value);
    if (dataBlock.currentSizeEstimate() >= blockSize) {
      flush();
    }
  }

  /**
   * Writes the last data block, the metaindex and index blocks and the footer.
   *
   * @return the table's size in bytes
   * @throws IOException if writing fails
   */
  public long finish() throws IOException {
    flush();
    finished = true;
    BlockHandle metaindex = writeBlock(new BlockBuilder(RESTART_INTERVAL));
    if (pendingHandle != null) {
      addIndexEntry(shortSuccessor(lastKey));
    }
    BlockHandle index = writeBlock(indexBlock);
    write(ByteBuffer.wrap(new Footer(metaindex, index).encode()));
    return offset;
  }

  private void flush() throws IOException {
    if (dataBlock.isEmpty()) {
      return;
    }
    pendingHandle = writeBlock(dataBlock);
  }

  private void addIndexEntry(byte[] key) {
    ByteArrayOutputStream handle = new ByteArrayOutputStream(BlockHandle.MAX_ENCODED_LENGTH);
    pendingHandle.encodeTo(handle);
    indexBlock.add(key, handle.toByteArray());
    pendingHandle = null;
  }

  /** Writes a block and its trailer, uncompressed, and starts the builder afresh. */
  private BlockHandle writeBlock(BlockBuilder block) throws IOException {
    byte[] contents = block.finish();
    block.reset();
    BlockHandle handle = new BlockHandle(offset, contents.length);
    write(ByteBuffer.wrap(contents));
    write(ByteBuffer.wrap(BlockTrailer.of(contents, BlockTrailer.NO_COMPRESSION).encode()));
    return handle;
  }

  private void write(ByteBuffer b) throws IOException {
    offset += b.remaining();
    while (b.hasRemaining()) {
      out.write(b);
    }
  }

  /**
   * A short key {@code k} with {@code start <= k < limit}: {@code start} cut after its first byte
   * that differs from {@code limit}, that byte increased, when that stays below {@code limit}.
   */
  static byte[] shortestSeparator(byte[] start, byte[] limit) {
    int min = Math.min(start.length, limit.length);
    int diff = 0;
    while (diff < min && start[diff] == limit[diff]) {
      diff++;
    }
    if (diff >= min) {
      return start; // one is a prefix of the other
    }
    int b = start[diff] & 0xff;
    if (b < 0xff && b + 1 < (limit[diff] & 0xff)) {
      byte[] out = Arrays.copyOf(start, diff + 1);
      out[diff]++;
      return out;
    }
    return start;
  }

  /** A short key {@code >= key}: cut after its first byte that is not 0xff, that byte increased. */
  static byte[] shortSuccessor(byte[] key) {
    for (int i = 0; i < key.length; i++) {
      if ((key[i] & 0xff) != 0xff) {
        byte[] out = Arrays.copyOf(key, i + 1);
        out[i]++;
        return out;
      }
    }
    return key;
  }
}
