package io.github.jfreeze.benchmarks;

import io.github.jfreeze.codec.Tensor;
import io.github.jfreeze.codec.VariableInfo;
import io.github.jfreeze.codec.bundle.BundleReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32C;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Every tensor of a checkpoint, read with its CRC32C verified (page cache warm): {@code copyRaw}
 * is what the streaming freezer does ({@code FileSource.copyTo}: with the cache warm, each window
 * through the buffer 512 KiB at a time, checksummed between the read and the write), against
 * {@code bufferedCopy}, the same through the whole 1 MiB buffer (positional reads); {@code read} makes each a {@link Tensor} (a read-only mapping, CRC
 * checked), against {@code rawRead}, the data files read through a buffer with no checksum, the
 * floor for reading at all. Bytes are tensor bytes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 5, time = 1)
public class TensorReadBenchmark {
  @Param({"mid", "big"})
  public String model;

  private BundleReader reader;
  private List<String> keys;
  private long total;
  private Path out;
  private FileChannel sink;
  private ByteBuffer buffer;

  @Setup
  public void setup() throws IOException {
    reader = BundleReader.open(Models.prefix(model));
    keys = new ArrayList<>();
    for (VariableInfo v : reader.variables()) {
      if (reader.isRawCopyable(v.key()) && v.byteSize() > 0) {
        keys.add(v.key());
        total += v.byteSize();
      }
    }
    out = Files.createTempFile(Path.of(System.getProperty("java.io.tmpdir")), "jfreeze-bench", ".bin");
    sink = FileChannel.open(out, StandardOpenOption.WRITE);
    buffer = ByteBuffer.allocateDirect(1 << 20);
  }

  @Setup(Level.Invocation)
  public void rewind() throws IOException {
    sink.position(0);
  }

  @TearDown
  public void tearDown() throws IOException {
    sink.close();
    Files.deleteIfExists(out);
    reader.close();
  }

  /** The streaming freezer's copy ({@code FileSource.copyTo}), CRC32C checked. */
  @Benchmark
  public long copyRaw(BytesCounter bytes) throws IOException {
    long n = 0;
    for (String k : keys) {
      n += reader.copyRaw(k, sink, buffer);
    }
    bytes.add(n);
    return n;
  }

  /** Baseline: the same copy through a 1 MiB direct buffer (read, CRC32C, write). */
  @Benchmark
  public long bufferedCopy(BytesCounter bytes) throws IOException {
    long n = 0;
    for (String k : keys) {
      BundleReader.DataLocation loc = reader.location(k);
      try (FileChannel in = FileChannel.open(loc.file())) {
        CRC32C crc = new CRC32C();
        for (long done = 0; done < loc.length(); ) {
          buffer.clear().limit((int) Math.min(buffer.capacity(), loc.length() - done));
          while (buffer.hasRemaining()) {
            in.read(buffer, loc.offset() + done + buffer.position());
          }
          buffer.flip();
          crc.update(buffer.duplicate());
          while (buffer.hasRemaining()) {
            sink.write(buffer);
          }
          done += buffer.limit();
        }
        n += loc.length();
        if (crc.getValue() == 42) {
          throw new AssertionError();
        }
      }
    }
    bytes.add(n);
    return n;
  }

  /** Each tensor as a {@link Tensor}: a read-only mapping (or heap copy when small), CRC32C checked. */
  @Benchmark
  public long read(BytesCounter bytes) throws IOException {
    long n = 0;
    for (String k : keys) {
      Tensor t = reader.read(k);
      n += t.byteSize();
    }
    bytes.add(n);
    return n;
  }

  /** Baseline: the tensors' bytes read through a 1 MiB buffer, no checksum. */
  @Benchmark
  public long rawRead(BytesCounter bytes) throws IOException {
    long n = 0;
    for (String k : keys) {
      BundleReader.DataLocation loc = reader.location(k);
      try (FileChannel in = FileChannel.open(loc.file())) {
        for (long done = 0; done < loc.length(); ) {
          buffer.clear().limit((int) Math.min(buffer.capacity(), loc.length() - done));
          int r = in.read(buffer, loc.offset() + done);
          done += r;
        }
        n += loc.length();
      }
    }
    bytes.add(n);
    return n;
  }
}
