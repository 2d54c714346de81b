package io.github.jfreeze.codec.table;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.jfreeze.codec.CorruptFileException;
import io.github.jfreeze.codec.internal.FileSource;
import io.github.jfreeze.codec.testing.Chunks;
import io.github.jfreeze.codec.testing.FuzzFiles;
import io.github.jfreeze.codec.testing.MemoryChannel;
import io.github.jfreeze.codec.testing.TableRepair;
import io.github.jfreeze.codec.testing.TableWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Fuzz targets for the SSTable reader and the Snappy decoder: whatever the bytes, the only
 * exception is {@link CorruptFileException}. Inputs under {@code TableFuzzTestInputs/<method>/};
 * see codec/FUZZING.md.
 */
class TableFuzzTest {
  private static final Path FILE = Path.of("fuzz.index");

  /**
   * A whole {@code .index} (or V1) file, read in memory. First byte: bit 0 set recomputes the block
   * checksums first so that mutations get past "block checksum mismatch" into the block parser.
   * With bit 1 set the rest is instead {@link Chunks} of keys and values, written the way TF's
   * TableBuilder does (block size 64 to 8192 from bits 2-4, Snappy when bit 0 is set); that table
   * must read back exactly, so a valid table the reader rejects is a finding too.
   */
  @FuzzTest(maxDuration = "10m")
  void table(byte[] input) throws IOException {
    if (input.length == 0) {
      return;
    }
    byte[] bytes = Arrays.copyOfRange(input, 1, input.length);
    if ((input[0] & 2) != 0) {
      roundTrip(bytes, 64 << ((input[0] >> 2) & 7), (input[0] & 1) != 0);
      return;
    }
    if ((input[0] & 1) != 0) {
      TableRepair.repairChecksums(bytes);
    }
    try (Table t = Table.open(FileSource.of(FILE, new MemoryChannel(bytes)))) {
      for (int i = 0; i < t.blockCount(); i++) {
        t.compressionType(i);
      }
      Table.Cursor c = t.cursor();
      int n = 0;
      for (TableEntry e = c.next(); e != null; e = c.next()) {
        if (n++ < 64) {
          TableEntry found = t.get(e.key());
          if (found != null && !Arrays.equals(found.key(), e.key())) {
            throw new AssertionError("get(" + e.keyString() + ") returned " + found.keyString());
          }
        }
      }
    } catch (CorruptFileException e) {
      FuzzFiles.checkError(e);
    }
  }

  private static void roundTrip(byte[] bytes, int blockSize, boolean snappy) throws IOException {
    TreeMap<byte[], byte[]> entries = new TreeMap<>(Arrays::compareUnsigned);
    List<byte[]> chunks = Chunks.split(bytes);
    for (int i = 0; i + 1 < chunks.size(); i += 2) {
      entries.put(chunks.get(i), chunks.get(i + 1));
    }
    byte[] file = TableWriter.write(entries, blockSize, snappy);
    try (Table t = Table.open(FileSource.of(FILE, new MemoryChannel(file)))) {
      Table.Cursor c = t.cursor();
      for (Map.Entry<byte[], byte[]> expected : entries.entrySet()) {
        TableEntry e = c.next();
        if (e == null || !Arrays.equals(e.key(), expected.getKey()) || !e.value().equals(ByteBuffer.wrap(expected.getValue()))) {
          throw new AssertionError("a table TF's way reads back " + (e == null ? "too few entries" : "'" + e.keyString() + "'"));
        }
        TableEntry found = t.get(expected.getKey());
        if (found == null || !found.value().equals(ByteBuffer.wrap(expected.getValue()))) {
          throw new AssertionError("get() misses an entry of a table written TF's way");
        }
      }
      if (c.next() != null) {
        throw new AssertionError("a table TF's way reads back more entries than it has");
      }
    } catch (CorruptFileException e) {
      throw new AssertionError("a table written TF's way was rejected", e);
    }
  }

  /** Raw Snappy block contents, as in a type-1 block. */
  @FuzzTest(maxDuration = "10m")
  void snappy(byte[] input) {
    try {
      byte[] out = Snappy.decompress(ByteBuffer.wrap(input), FILE, 0);
      int declared = Snappy.uncompressedLength(ByteBuffer.wrap(input), FILE, 0);
      if (out.length != declared) {
        throw new AssertionError("decompressed " + out.length + " bytes, declared " + declared);
      }
    } catch (CorruptFileException e) {
      FuzzFiles.checkError(e);
    }
  }
}
