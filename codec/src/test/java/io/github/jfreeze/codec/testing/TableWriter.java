package io.github.jfreeze.codec.testing;

import io.github.jfreeze.codec.internal.Crc32c;
import io.github.jfreeze.codec.internal.Varints;
import io.github.jfreeze.codec.table.BlockBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Writes LevelDB-format tables the way TF's TableBuilder does (restart interval 16, index
 * restart interval 1, empty metaindex), for building broken variants of real files in tests.
 * Keys must be added in increasing order.
 */
public final class TableWriter {
  private final ByteArrayOutputStream file = new ByteArrayOutputStream();
  private final List<byte[]> indexKeys = new ArrayList<>();
  private final List<long[]> indexHandles = new ArrayList<>();
  private final int blockSize;
  private final boolean snappy;
  private final BlockBuilder block = new BlockBuilder(16);
  private byte[] lastKey;

  public TableWriter(int blockSize, boolean snappy) {
    this.blockSize = blockSize;
    this.snappy = snappy;
  }

  /** Writes all entries (sorted by unsigned key order) and returns the file bytes. */
  public static byte[] write(Map<byte[], byte[]> entries, int blockSize, boolean snappy) {
    TableWriter w = new TableWriter(blockSize, snappy);
    entries.entrySet().stream().sorted((a, b) -> Arrays.compareUnsigned(a.getKey(), b.getKey()))
        .forEach(e -> w.add(e.getKey(), e.getValue()));
    return w.finish();
  }

  public void add(byte[] key, byte[] value) {
    block.add(key, value);
    lastKey = key.clone();
    if (block.currentSizeEstimate() >= blockSize) {
      flush();
    }
  }

  private void flush() {
    if (block.isEmpty()) {
      return;
    }
    long[] handle = writeBlock(block.finish(), snappy);
    indexKeys.add(lastKey);
    indexHandles.add(handle);
    block.reset();
  }

  /** Appends block contents with a trailer; returns {offset, size}. */
  private long[] writeBlock(byte[] contents, boolean compress) {
    byte type = 0;
    if (compress) {
      try {
        byte[] c = org.xerial.snappy.Snappy.compress(contents);
        if (c.length < contents.length - contents.length / 8) {
          contents = c;
          type = 1;
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    long offset = file.size();
    file.writeBytes(contents);
    byte[] withType = Arrays.copyOf(contents, contents.length + 1);
    withType[contents.length] = type;
    int crc = Crc32c.mask(Crc32c.of(withType, 0, withType.length));
    file.write(type);
    file.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(crc).array());
    return new long[] {offset, contents.length};
  }

  /**
   * A table with one data block of exactly {@code contents} (stored as they are, with compression
   * type {@code type} and a correct CRC) under index key {@code "~"}: for tests of what a block
   * may contain.
   */
  public static byte[] withRawDataBlock(byte[] contents, int type) {
    TableWriter w = new TableWriter(1 << 20, false);
    long[] handle = w.writeRawBlock(contents, (byte) type);
    w.indexKeys.add(new byte[] {'~'});
    w.indexHandles.add(handle);
    return w.finish();
  }

  private long[] writeRawBlock(byte[] contents, byte type) {
    long offset = file.size();
    file.writeBytes(contents);
    byte[] withType = Arrays.copyOf(contents, contents.length + 1);
    withType[contents.length] = type;
    file.write(type);
    file.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN)
        .putInt(Crc32c.mask(Crc32c.of(withType, 0, withType.length))).array());
    return new long[] {offset, contents.length};
  }

  public byte[] finish() {
    flush();
    long[] meta = writeBlock(new BlockBuilder(16).finish(), false);
    BlockBuilder index = new BlockBuilder(1);
    for (int i = 0; i < indexKeys.size(); i++) {
      ByteArrayOutputStream h = new ByteArrayOutputStream();
      Varints.writeVarint64(h, indexHandles.get(i)[0]);
      Varints.writeVarint64(h, indexHandles.get(i)[1]);
      index.add(indexKeys.get(i), h.toByteArray());
    }
    long[] idx = writeBlock(index.finish(), false);
    ByteArrayOutputStream footer = new ByteArrayOutputStream();
    Varints.writeVarint64(footer, meta[0]);
    Varints.writeVarint64(footer, meta[1]);
    Varints.writeVarint64(footer, idx[0]);
    Varints.writeVarint64(footer, idx[1]);
    while (footer.size() < 40) {
      footer.write(0);
    }
    footer.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0xdb4775248b80fb57L).array());
    file.writeBytes(footer.toByteArray());
    return file.toByteArray();
  }
}
