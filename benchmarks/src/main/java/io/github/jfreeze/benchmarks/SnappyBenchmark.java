package io.github.jfreeze.benchmarks;

import io.github.jfreeze.codec.CorruptFileException;
import io.github.jfreeze.codec.table.Snappy;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Snappy block decoding, as for compressed index blocks: jfreeze's pure-Java decoder against
 * snappy-java's native one. Inputs (4 MiB each, compressed by snappy-java in blocks of 256 KiB,
 * TF's table block size): {@code index}, the {@code .index} of {@code many} (keys and entries:
 * what compressed index blocks hold; repeated to 4 MiB); {@code graph}, the start of the {@code
 * .meta} of {@code many}; {@code floats}, float32 weights of {@code mid} (barely compressible).
 * Bytes are uncompressed bytes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 5, time = 1)
public class SnappyBenchmark {
  private static final int SIZE = 4 << 20;
  private static final int BLOCK = 256 << 10;

  @Param({"index", "graph", "floats"})
  public String input;

  private final List<byte[]> blocks = new ArrayList<>();
  private long uncompressed;

  @Setup
  public void setup() throws IOException {
    byte[] data = switch (input) {
      case "index" -> repeat(Files.readAllBytes(Models.prefix("many").resolveSibling(Models.PREFIX + ".index")));
      case "graph" -> head(Models.prefix("many").resolveSibling(Models.PREFIX + ".meta"));
      case "floats" -> head(Models.prefix("mid").resolveSibling(Models.PREFIX + ".data-00000-of-00001"));
      default -> throw new IllegalArgumentException(input);
    };
    for (int off = 0; off < data.length; off += BLOCK) {
      int n = Math.min(BLOCK, data.length - off);
      byte[] raw = new byte[n];
      System.arraycopy(data, off, raw, 0, n);
      blocks.add(org.xerial.snappy.Snappy.compress(raw));
      uncompressed += n;
    }
  }

  private static byte[] head(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(SIZE);
    }
  }

  private static byte[] repeat(byte[] b) {
    byte[] out = new byte[SIZE];
    for (int off = 0; off < SIZE; off += b.length) {
      System.arraycopy(b, 0, out, off, Math.min(b.length, SIZE - off));
    }
    return out;
  }

  /** jfreeze's decoder (codec.table.Snappy): every length checked, pure Java. */
  @Benchmark
  public long jfreeze(BytesCounter bytes) throws CorruptFileException {
    long n = 0;
    for (byte[] b : blocks) {
      n += Snappy.decompress(ByteBuffer.wrap(b), null, 0).length;
    }
    bytes.add(n);
    return n;
  }

  /** Baseline: snappy-java (the C++ library through JNI). */
  @Benchmark
  public long snappyJava(BytesCounter bytes) throws IOException {
    long n = 0;
    for (byte[] b : blocks) {
      n += org.xerial.snappy.Snappy.uncompress(b).length;
    }
    bytes.add(n);
    return n;
  }
}
