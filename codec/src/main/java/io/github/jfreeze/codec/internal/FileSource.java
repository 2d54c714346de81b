package io.github.jfreeze.codec.internal;

import io.github.jfreeze.codec.CorruptFileException;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Future;
import java.util.zip.CRC32C;

/**
 * The one place that touches a file: positional reads (and read-only maps) over a channel of known
 * size. Every read is checked against that size first, so a length or offset taken from the file
 * can never make it allocate more than the file holds.
 *
 * <p>Thread-safe for {@link FileChannel}s (positional reads); other channels are read under a
 * lock. Once closed, reads fail with {@link java.nio.channels.ClosedChannelException}.
 */
public final class FileSource implements Closeable {
  private final Path path;
  private final SeekableByteChannel channel;
  private final long size;

  private FileSource(Path path, SeekableByteChannel channel, long size) {
    this.path = path;
    this.channel = channel;
    this.size = size;
  }

  /** Opens {@code path} for reading. */
  public static FileSource open(Path path) throws IOException {
    if (!Files.isRegularFile(path)) {
      throw new NoSuchFileException(path.toString(), null,
          Files.isDirectory(path) ? "is a directory" : "no such file");
    }
    FileChannel ch = FileChannel.open(path, StandardOpenOption.READ);
    try {
      return new FileSource(path, ch, ch.size());
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
  }

  /** Wraps any channel (tests read through 1- and 7-byte chunked channels). */
  public static FileSource of(Path path, SeekableByteChannel channel) throws IOException {
    return new FileSource(path, channel, channel.size());
  }

  public Path path() {
    return path;
  }

  public long size() {
    return size;
  }

  /**
   * Reads exactly {@code length} bytes at {@code offset} into a new little-endian heap buffer.
   *
   * @throws CorruptFileException if the range is not inside the file
   */
  public ByteBuffer read(long offset, long length) throws IOException {
    checkRange(offset, length);
    ByteBuffer dst = ByteBuffer.allocate((int) length).order(ByteOrder.LITTLE_ENDIAN);
    readFully(offset, dst);
    return dst.flip();
  }

  /** Reads into {@code dst} from {@code offset} until it is full. */
  public void readFully(long offset, ByteBuffer dst) throws IOException {
    checkRange(offset, dst.remaining());
    long pos = offset;
    if (channel instanceof FileChannel fc) {
      while (dst.hasRemaining()) {
        int n = fc.read(dst, pos);
        if (n < 0) {
          throw CorruptFileException.truncated(path, pos, dst.remaining(), 0);
        }
        pos += n;
      }
    } else {
      synchronized (channel) {
        channel.position(pos);
        while (dst.hasRemaining()) {
          int n = channel.read(dst);
          if (n < 0) {
            throw CorruptFileException.truncated(path, channel.position(), dst.remaining(), 0);
          }
        }
      }
    }
  }

  /**
   * Returns the range as a read-only little-endian buffer: mapped from the file when the channel
   * is a {@link FileChannel} and the range is large, otherwise read into the heap.
   */
  public ByteBuffer slice(long offset, long length) throws IOException {
    checkRange(offset, length);
    if (channel instanceof FileChannel fc && length >= MAP_THRESHOLD) {
      return fc.map(FileChannel.MapMode.READ_ONLY, offset, length).order(ByteOrder.LITTLE_ENDIAN);
    }
    return read(offset, length).asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
  }

  /**
   * Copies {@code length} bytes at {@code offset} to {@code out}, adding them to {@code crc} on the
   * way, without holding more than one window of them. A range of at least 1 MiB into a {@link
   * FileChannel} is copied window by window of {@value #COPY_WINDOW} bytes:
   * <ul>
   *   <li>a window whose first MiB is in the page cache (mincore) goes through {@code buffer} (read,
   *       checksummed and written at most {@value #THROUGH_CHUNK} bytes, or the buffer's capacity,
   *       at a time);</li>
   *   <li>any other is copied file to file in the kernel ({@link FileChannel#transferTo}, sendfile
   *       on Linux) while another CPU checksums it from a mapping that is released right after.</li>
   * </ul>
   * {@code -Djfreeze.copy=kernel} or {@code =buffer} takes one way for every window whatever the
   * page cache holds (for measuring; read at each call). Neither way does the heap or the resident
   * set grow with the tensor. A shorter range, another channel, or a JVM where mappings cannot be
   * released early goes all through {@code buffer}.
   *
   * <p>Why both: every jfreeze output is flushed to disk as it grows (the freezer's write-behind),
   * and beside that a cached range goes faster through the buffer than through the kernel's copy
   * with a checksum thread: the kernel copies page pieces when the source and destination offsets
   * differ modulo the page size, as they do for nearly every tensor of a frozen graph or a
   * safetensors file. Freeze of big (1 GiB, cached): 0.72 s against 0.82 s, CPU 0.88 s against
   * 1.06 s (medians of 15 alternating runs); export 0.72 s against 0.77 s, rewrite 0.96 s against
   * 1.08 s, big_sharded about the same (0.79 s against 0.80 s; 7 runs each). From a
   * cold page cache the kernel's copy, with the checksum read from a mapping on another CPU, reads
   * the file faster: freeze of big 1.21-1.38 s in 10 runs against 1.20-3.37 s all through the
   * buffer, hence the choice by window.
   * The checksum is taken from the same open file the data is copied from, so a file replaced by
   * rename (as TF replaces checkpoints) cannot come between them. Benchmark: benchmarks/run.sh,
   * {@code freeze_big}, {@code freeze_sharded}, {@code export_big_256m}, {@code rewrite_big_256m}
   * and {@code cold_big} against {@code cpsync_big}.
   */
  public void copyTo(long offset, long length, WritableByteChannel out, CRC32C crc, ByteBuffer buffer) throws IOException {
    copyTo(offset, length, out, crc, buffer, null);
  }

  private static final Residency NEVER = (offset, length) -> false;
  private static final Residency ALWAYS = (offset, length) -> true;

  /** The page cache's answer, unless {@code -Djfreeze.copy} forces one way (read once a copy). */
  private Residency residency() {
    return switch (System.getProperty("jfreeze.copy", "auto")) {
      case "kernel" -> NEVER;
      case "buffer" -> ALWAYS;
      default -> this::isResident;
    };
  }

  /** Which windows {@link #copyTo} finds in the page cache (tests answer for it). */
  @FunctionalInterface
  interface Residency {
    boolean test(long offset, long length) throws IOException;
  }

  /**
   * As {@link #copyTo(long, long, WritableByteChannel, CRC32C, ByteBuffer)}, asking {@code resident}
   * (null: the page cache, or the way {@code -Djfreeze.copy} forces).
   */
  void copyTo(long offset, long length, WritableByteChannel out, CRC32C crc, ByteBuffer buffer, Residency resident)
      throws IOException {
    checkRange(offset, 0);
    if (length < 0 || length > size - offset) {
      throw CorruptFileException.truncated(path, offset, length, size - offset);
    }
    if (channel instanceof FileChannel fc && out instanceof FileChannel && Unmapper.AVAILABLE && length >= MAP_THRESHOLD) {
      if (resident == null) {
        resident = residency(); // (only here: a freeze copies 20,000 small tensors the other way)
      }
      for (long done = 0; done < length; ) {
        long n = Math.min(COPY_WINDOW, length - done);
        if (resident.test(offset + done, Math.min(n, RESIDENT_PROBE))) {
          copyThrough(offset + done, n, out, crc, buffer);
        } else {
          copyInKernel(fc, offset + done, n, out, crc);
        }
        done += n;
      }
      return;
    }
    copyThrough(offset, length, out, crc, buffer);
  }

  /**
   * Copies a range through {@code buffer}, at most {@value #THROUGH_CHUNK} bytes at a time: read,
   * checksummed, written.
   */
  private void copyThrough(long offset, long length, WritableByteChannel out, CRC32C crc, ByteBuffer buffer)
      throws IOException {
    int chunk = Math.min(buffer.capacity(), THROUGH_CHUNK);
    for (long done = 0; done < length; ) {
      buffer.clear();
      buffer.limit((int) Math.min(chunk, length - done));
      readFully(offset + done, buffer);
      buffer.flip();
      crc.update(buffer.duplicate());
      while (buffer.hasRemaining()) {
        out.write(buffer);
      }
      done += buffer.limit();
    }
  }

  /** Copies one window file to file in the kernel while the checksum thread reads it from a mapping. */
  private void copyInKernel(FileChannel fc, long offset, long n, WritableByteChannel out, CRC32C crc)
      throws IOException {
    MappedByteBuffer window = fc.map(FileChannel.MapMode.READ_ONLY, offset, n);
    // the checksum on another CPU while the kernel copies the same window (both read the page
    // cache); the window is unmapped only once the checksum is done with it
    Future<?> summed = null;
    Throwable failed = null;
    try {
      summed = Checksummer.submit(() -> crc.update(window.duplicate()));
      for (long sent = 0; sent < n; ) {
        long k = fc.transferTo(offset + sent, n - sent, out);
        if (k <= 0) { // the file shrank under us since it was opened
          throw CorruptFileException.truncated(path, offset + sent, n - sent,
              Math.max(0, fc.size() - (offset + sent)));
        }
        sent += k;
      }
    } catch (Throwable t) {
      failed = t;
      throw t;
    } finally {
      try {
        if (summed != null) {
          Checksummer.await(summed);
        }
      } catch (IOException | RuntimeException | Error e) {
        if (failed == null) {
          throw e;
        }
        failed.addSuppressed(e); // the copy's own failure is the one reported
      } finally {
        Unmapper.unmap(window); // only once the checksum is done with it
      }
    }
  }

  /**
   * Asks for a range to be in the page cache before it is read: each window is mapped, loaded
   * unless already resident (madvise WILLNEED, then one read per page) and unmapped at once. For reading one shard of a
   * checkpoint ahead while another is copied; without early unmapping it does nothing (the pages
   * would stay resident). Benchmark: benchmarks/run.sh, {@code freeze} of big_sharded.
   */
  public void prefetch(long offset, long length) throws IOException {
    checkRange(offset, 0);
    if (!(channel instanceof FileChannel fc) || !Unmapper.AVAILABLE || length <= 0 || length > size - offset) {
      return;
    }
    for (long done = 0; done < length; ) {
      long n = Math.min(COPY_WINDOW, length - done);
      MappedByteBuffer window = fc.map(FileChannel.MapMode.READ_ONLY, offset + done, n);
      try {
        if (!window.isLoaded()) { // mincore: a warm page cache costs one system call a window
          window.load();
        }
      } finally {
        Unmapper.unmap(window);
      }
      done += n;
    }
  }

  /**
   * Whether the start of a range (up to one window) is likely in the page cache (mincore): for
   * skipping reading ahead, and for {@link #copyTo}'s choice of way; false where that cannot be
   * told.
   */
  public boolean isResident(long offset, long length) throws IOException {
    checkRange(offset, 0);
    if (!(channel instanceof FileChannel fc) || !Unmapper.AVAILABLE || length <= 0 || length > size - offset) {
      return false;
    }
    MappedByteBuffer window = fc.map(FileChannel.MapMode.READ_ONLY, offset, Math.min(COPY_WINDOW, length));
    try {
      return window.isLoaded();
    } finally {
      Unmapper.unmap(window);
    }
  }

  /**
   * The most {@link #copyTo} reads and writes through its buffer at once: half of a core's level-2
   * cache on the benchmark machine, so the chunk stays in it between the read and the write (in a
   * stand-alone copy of big's data there, 1 MiB chunks, the whole cache, were as fast in some
   * series and up to twice as slow in others; 512 KiB never was).
   */
  private static final int THROUGH_CHUNK = 512 << 10;

  /** How much of a window's start {@link #copyTo} asks mincore about (a few microseconds). */
  static final long RESIDENT_PROBE = 1 << 20;

  /** Bytes mapped at a time by {@link #copyTo}. */
  static final int COPY_WINDOW = 16 << 20;

  /** Below this, a heap copy is cheaper than a mapping. */
  private static final long MAP_THRESHOLD = 1 << 20;

  private void checkRange(long offset, long length) throws CorruptFileException {
    if (offset < 0 || length < 0 || offset > size || length > size - offset) {
      throw CorruptFileException.truncated(path, offset, length, Math.max(0, size - Math.max(0, offset)));
    }
    if (length > Integer.MAX_VALUE - 8) {
      throw new CorruptFileException(path, offset,
          "range of " + length + " bytes is too large to read at once (limit 2 GiB)");
    }
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
