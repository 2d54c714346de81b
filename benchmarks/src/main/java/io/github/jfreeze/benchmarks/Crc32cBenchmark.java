package io.github.jfreeze.benchmarks;

import io.github.jfreeze.codec.internal.Crc32c;
import java.nio.ByteBuffer;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
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
 * CRC32C as every block and tensor is checked: jfreeze's {@code Crc32c.of} (java.util.zip.CRC32C,
 * an intrinsic using the CPU's crc32 instruction) over a direct buffer of {@code size} bytes,
 * against two baselines: {@code tableCrc32c}, the byte-at-a-time table a straight port of
 * leveldb's crc32c.cc would use, and {@code crc32}, java.util.zip.CRC32 (the other hardware CRC, a
 * different polynomial) as the speed a checksum can reach here.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 5, time = 1)
public class Crc32cBenchmark {
  @Param({"4096", "16777216"})
  public int size;

  private ByteBuffer data;
  private static final int[] TABLE = new int[256];

  static {
    for (int i = 0; i < 256; i++) {
      int c = i;
      for (int k = 0; k < 8; k++) {
        c = (c & 1) != 0 ? (c >>> 1) ^ 0x82f63b78 : c >>> 1;
      }
      TABLE[i] = c;
    }
  }

  @Setup
  public void setup() {
    byte[] b = new byte[size];
    new Random(1).nextBytes(b);
    data = ByteBuffer.allocateDirect(size).put(b).flip();
  }

  @Benchmark
  public int crc32c(BytesCounter bytes) {
    bytes.add(size);
    return Crc32c.of(data);
  }

  /** Baseline: a table-driven CRC32C, one byte at a time. */
  @Benchmark
  public int tableCrc32c(BytesCounter bytes) {
    bytes.add(size);
    int c = ~0;
    for (int i = 0; i < size; i++) {
      c = TABLE[(c ^ data.get(i)) & 0xff] ^ (c >>> 8);
    }
    return ~c;
  }

  /** Reference: java.util.zip.CRC32 over the same bytes. */
  @Benchmark
  public long crc32(BytesCounter bytes) {
    bytes.add(size);
    CRC32 c = new CRC32();
    c.update(data.duplicate());
    return c.getValue();
  }
}
