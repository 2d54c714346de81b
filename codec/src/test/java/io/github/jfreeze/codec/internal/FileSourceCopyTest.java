package io.github.jfreeze.codec.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.jfreeze.codec.CorruptFileException;
import io.github.jfreeze.codec.testing.MemoryChannel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link FileSource#copyTo}: the same bytes and CRC32C whichever way they go (into a file channel:
 * windows found in the page cache through the buffer, others in the kernel with the checksum from
 * a mapping, and a mix of both in one copy; a buffer into any other channel; a 7-byte chunked
 * source), across window boundaries, below the mapping threshold and for empty ranges; ranges
 * outside the file fail before anything is written.
 */
class FileSourceCopyTest {
  @TempDir static Path tmp;
  static Path file;
  static byte[] data;

  @BeforeAll
  static void write() throws IOException {
    data = new byte[2 * FileSource.COPY_WINDOW + 12_345];
    new Random(42).nextBytes(data);
    file = tmp.resolve("data.bin");
    Files.write(file, data);
  }

  static long crc(long offset, long length) {
    CRC32C c = new CRC32C();
    c.update(data, (int) offset, (int) length);
    return c.getValue();
  }

  @ParameterizedTest
  @CsvSource({
      "0, -1",                    // the whole file: two full windows and a part
      "1, 20971523",              // unaligned, across one window boundary
      "16777215, 2",              // two bytes straddling the boundary (below the mapping threshold)
      "100, 1048576",             // exactly the threshold: mapped
      "7, 1048575",               // one byte under it: buffered
      "5, 0"})
  void sameBytesEveryWay(long offset, long length) throws IOException {
    long len = length < 0 ? data.length - offset : length;
    ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);

    // into a file: every window cached (through the buffer), none (in the kernel), and alternating
    for (String residency : new String[] {"cached", "cold", "alternating"}) {
      int[] asked = {0};
      FileSource.Residency answer = (at, n) -> {
        // asked about the first MiB of each window in turn
        assertEquals(offset + asked[0] * (long) FileSource.COPY_WINDOW, at, residency);
        assertEquals(Math.min(FileSource.RESIDENT_PROBE, Math.min(FileSource.COPY_WINDOW, offset + len - at)), n, residency);
        asked[0]++;
        return switch (residency) {
          case "cached" -> true;
          case "cold" -> false;
          default -> asked[0] % 2 == 1;
        };
      };
      // compared in pieces, never whole: the codec's tests run in a 128 MiB heap
      Path out = tmp.resolve("out-" + offset + "-" + len);
      CRC32C mapped = new CRC32C();
      try (FileSource src = FileSource.open(file); FileChannel ch = FileChannel.open(out, StandardOpenOption.CREATE,
          StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        ch.write(ByteBuffer.wrap(new byte[] {9}));
        src.copyTo(offset, len, ch, mapped, buffer, answer);
      }
      assertEquals(1 + len, Files.size(out), residency);
      try (FileChannel in = FileChannel.open(out)) {
        ByteBuffer first = ByteBuffer.allocate(1);
        in.read(first);
        assertEquals(9, first.get(0), "appended at the channel's position");
        ExpectedBytes written = new ExpectedBytes(offset);
        ByteBuffer piece = ByteBuffer.allocate(1 << 20);
        while (in.read(piece.clear()) > 0) {
          written.write(piece.flip());
        }
        assertEquals(len, written.count, residency);
      }
      assertEquals(crc(offset, len), mapped.getValue(), residency);
      // one question a window of a mapped-size range, none below (nor where mappings stay)
      assertEquals(len >= (1 << 20) && Unmapper.AVAILABLE ? (len + FileSource.COPY_WINDOW - 1) / FileSource.COPY_WINDOW : 0,
          asked[0], residency);
      Files.delete(out);
    }

    // the public method into a file, asking the page cache (this file was just written: cached),
    // and with each way forced by -Djfreeze.copy
    for (String way : new String[] {null, "kernel", "buffer"}) {
      Path out = tmp.resolve("public-" + offset + "-" + len);
      CRC32C crc = new CRC32C();
      String before = System.getProperty("jfreeze.copy");
      try (FileSource src = FileSource.open(file); FileChannel ch = FileChannel.open(out, StandardOpenOption.CREATE,
          StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        if (way != null) {
          System.setProperty("jfreeze.copy", way);
        }
        src.copyTo(offset, len, ch, crc, buffer);
      } finally {
        if (before == null) {
          System.clearProperty("jfreeze.copy");
        } else {
          System.setProperty("jfreeze.copy", before);
        }
      }
      assertEquals(len, Files.size(out), String.valueOf(way));
      try (FileChannel in = FileChannel.open(out)) {
        ExpectedBytes written = new ExpectedBytes(offset);
        ByteBuffer piece = ByteBuffer.allocate(1 << 20);
        while (in.read(piece.clear()) > 0) {
          written.write(piece.flip());
        }
        assertEquals(len, written.count, String.valueOf(way));
      }
      assertEquals(crc(offset, len), crc.getValue(), String.valueOf(way));
      Files.delete(out);
    }

    ExpectedBytes sink = new ExpectedBytes(offset);
    CRC32C buffered = new CRC32C();
    try (FileSource src = FileSource.open(file)) {
      src.copyTo(offset, len, sink, buffered, buffer);
    }
    assertEquals(len, sink.count);
    assertEquals(crc(offset, len), buffered.getValue());
  }

  /** A channel that checks what it is given against {@code data} from {@code start} on. */
  private static final class ExpectedBytes implements WritableByteChannel {
    private final long start;
    long count;

    ExpectedBytes(long start) {
      this.start = start;
    }

    @Override
    public int write(ByteBuffer src) {
      int n = src.remaining();
      for (int i = 0; i < n; i++) {
        byte b = src.get();
        long at = start + count;
        if (at >= data.length || data[(int) at] != b) {
          throw new AssertionError("byte " + count + " of the copy (file offset " + at + ") differs");
        }
        count++;
      }
      return n;
    }

    @Override
    public boolean isOpen() {
      return true;
    }

    @Override
    public void close() {
    }
  }

  @Test
  void prefetchAndResidency() throws IOException {
    try (FileSource src = FileSource.open(file)) {
      src.prefetch(3, data.length - 3);
      src.prefetch(0, 0);
      assertEquals(true, src.isResident(FileSource.COPY_WINDOW + 5, 100), "just read (or written): in the page cache");
      assertThrows(CorruptFileException.class, () -> src.prefetch(-1, 1));
    }
    try (FileSource src = FileSource.of(file, new MemoryChannel(data, 4096))) {
      src.prefetch(0, 100);
      assertEquals(false, src.isResident(0, 100), "not a file channel: cannot tell");
    }
  }

  @Test
  void chunkedSource() throws IOException {
    byte[] small = Arrays.copyOf(data, 3_000_001);
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    CRC32C crc = new CRC32C();
    try (FileSource src = FileSource.of(file, new MemoryChannel(small, 7)); WritableByteChannel ch = Channels.newChannel(sink)) {
      src.copyTo(11, 2_999_990, ch, crc, ByteBuffer.allocate(4096));
    }
    assertArrayEquals(Arrays.copyOfRange(small, 11, 3_000_001), sink.toByteArray());
    assertEquals(crc(11, 2_999_990), crc.getValue());
  }

  @Test
  void rangeOutsideTheFileFailsBeforeWriting() throws IOException {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    try (FileSource src = FileSource.open(file); WritableByteChannel ch = Channels.newChannel(sink)) {
      CorruptFileException e = assertThrows(CorruptFileException.class,
          () -> src.copyTo(data.length - 10, 11, ch, new CRC32C(), ByteBuffer.allocate(64)));
      assertEquals(file, e.file());
      assertThrows(CorruptFileException.class, () -> src.copyTo(-1, 1, ch, new CRC32C(), ByteBuffer.allocate(64)));
      assertThrows(CorruptFileException.class, () -> src.copyTo(data.length + 1, 0, ch, new CRC32C(), ByteBuffer.allocate(64)));
    }
    assertEquals(0, sink.size());
  }
}
