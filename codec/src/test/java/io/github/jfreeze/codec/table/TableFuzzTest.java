package io.github.jfreeze.codec.table;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.jfreeze.codec.CorruptFileException;
import io.github.jfreeze.codec.internal.FileSource;
import io.github.jfreeze.codec.testing.FuzzFiles;
import io.github.jfreeze.codec.testing.MemoryChannel;
import io.github.jfreeze.codec.testing.TableRepair;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

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
   */
  @FuzzTest(maxDuration = "10m")
  void table(byte[] input) throws IOException {
    if (input.length == 0) {
      return;
    }
    byte[] bytes = Arrays.copyOfRange(input, 1, input.length);
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

  /** Raw Snappy block contents, as in a type-1 block. */
  @FuzzTest(maxDuration = "10m")
  void snappy(byte[] input) {
    try {
      byte[] out = Snappy.decompress(java.nio.ByteBuffer.wrap(input), FILE, 0);
      int declared = Snappy.uncompressedLength(java.nio.ByteBuffer.wrap(input), FILE, 0);
      if (out.length != declared) {
        throw new AssertionError("decompressed " + out.length + " bytes, declared " + declared);
      }
    } catch (CorruptFileException e) {
      FuzzFiles.checkError(e);
    }
  }
}
