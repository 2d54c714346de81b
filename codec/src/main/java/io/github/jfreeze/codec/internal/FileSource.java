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
   * way, without holding more than one window of them: into a {@link FileChannel}, each window of
   * {@value #COPY_WINDOW} bytes is copied file to file in the kernel ({@link FileChannel#transferTo},
   * sendfile on Linux) while another CPU checksums it from a mapping that is released right after,
   * so neither the heap nor the resident set grows with the tensor and no byte passes through user
   * memory on its way out;
   * otherwise (or where mappings cannot be released early) it goes through {@code buffer}.
   *
   * <p>Writing from the mapping itself, or from a buffer of a few MiB, is as fast on a quiet
   * machine, but on virtual machines it can take 3-4 times as long, all of it in the kernel copying
   * from user memory into the page cache (perf: {@code copy_folio_from_iter_atomic}); the kernel
   * copy never does. The checksum is taken from the same open file the kernel copies from, so a
   * file replaced by rename (as TF replaces checkpoints) cannot come between them.
   * Benchmark: benchmarks/run.sh, {@code export_big_256m} and {@code freeze_big} against
   * {@code cpsync_big}; {@code TensorReadBenchmark.copyRaw} against {@code bufferedCopy}.
   */
  public void copyTo(long offset, long length, WritableByteChannel out, CRC32C crc, ByteBuffer buffer) throws IOException {
    checkRange(offset, 0);
    if (length < 0 || length > size - offset) {
      throw CorruptFileException.truncated(path, offset, length, size - offset);
    }
    if (channel instanceof FileChannel fc && out instanceof FileChannel && Unmapper.AVAILABLE && length >= MAP_THRESHOLD) {
      for (long done = 0; done < length; ) {
        long n = Math.min(COPY_WINDOW, length - done);
        MappedByteBuffer window = fc.map(FileChannel.MapMode.READ_ONLY, offset + done, n);
        // the checksum on another CPU while the kernel copies the same window (both read the page
        // cache); the window is unmapped only once the checksum is done with it
        Future<?> summed = Checksummer.submit(() -> crc.update(window.duplicate()));
        try {
          for (long sent = 0; sent < n; ) {
            long k = fc.transferTo(offset + done + sent, n - sent, out);
            if (k <= 0) { // the file shrank under us since it was opened
              throw CorruptFileException.truncated(path, offset + done + sent, n - sent,
                  Math.max(0, fc.size() - (offset + done + sent)));
            }
            sent += k;
          }
        } finally {
          try {
            Checksummer.await(summed);
          } finally {
            Unmapper.unmap(window); // only once the checksum is done with it
          }
        }
        done += n;
      }
      return;
    }
    for (long done = 0; done < length; ) {
      buffer.clear();
      buffer.limit((int) Math.min(buffer.capacity(), length - done));
      readFully(offset + done, buffer);
      buffer.flip();
      crc.update(buffer.duplicate());
      while (buffer.hasRemaining()) {
        out.write(buffer);
      }
      done += buffer.limit();
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
   * Whether the start of a range (up to one window) is likely in the page cache (mincore), so that
   * reading ahead can be skipped; false where that cannot be told.
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
