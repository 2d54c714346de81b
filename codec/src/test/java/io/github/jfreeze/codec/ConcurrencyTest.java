package io.github.jfreeze.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jfreeze.codec.testing.TestPaths;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link CheckpointReader} promises concurrent reads from many threads, and that closing it makes
 * reads in flight and later reads fail with an {@link IOException}. Each checkpoint here is opened
 * once and read by many threads at once; every value must equal a single-threaded read. Then it is
 * closed while reads are running: each read either returns the right values or fails with an
 * IOException (ClosedChannelException and its asynchronous-close subclass), never anything else.
 */
class ConcurrencyTest {
  private static final int THREADS = 16;
  private static final int ROUNDS = 20;
  /** How reads racing close ended, by checkpoint and exception: printed after the tests. */
  private static final Map<String, Integer> KINDS = new java.util.concurrent.ConcurrentSkipListMap<>();

  @org.junit.jupiter.api.AfterAll
  static void report() {
    System.out.println("reads racing close ended with: " + KINDS);
  }

  /** V2 (sharded, 250 tensors, 1.6 MB of floats), V2 with partitioned and string tensors, V1 with slices. */
  static Path checkpoint(String which) {
    return switch (which) {
      case "t2t" -> TestPaths.corpus().resolve("t2t_transformer_test_ckpt/model.ckpt-1");
      case "partitioned" -> TestPaths.testdata().resolve("checkpoints/partitioned/model.ckpt");
      case "strings" -> TestPaths.testdata().resolve("checkpoints/strings/model.ckpt");
      case "dtypes" -> TestPaths.testdata().resolve("checkpoints/dtypes/model.ckpt");
      case "v1_slices" -> TestPaths.testdata().resolve("checkpoints/v1_slices/model.ckpt");
      case "v1_sharded" -> TestPaths.testdata().resolve("checkpoints/v1_sharded/model.ckpt-?????-of-00002");
      default -> throw new IllegalArgumentException(which);
    };
  }

  /** A tensor's dtype, shape and values, comparable with equals. */
  private static List<Object> snapshot(Tensor t) {
    Object values = t.hasElements() ? t.elements().stream().map(e -> ByteBuffer.wrap(e.clone())).toList()
        : ByteBuffer.wrap(t.toByteArray());
    return List.of(t.dtype(), t.shape(), values);
  }

  private static Map<String, List<Object>> readSequentially(Path p) throws IOException {
    Map<String, List<Object>> out = new LinkedHashMap<>();
    try (CheckpointReader r = CheckpointReader.open(p)) {
      for (VariableInfo v : r.variables()) {
        out.put(v.key(), snapshot(r.read(v.key())));
      }
    }
    return out;
  }

  @ParameterizedTest
  @ValueSource(strings = {"t2t", "partitioned", "strings", "dtypes", "v1_slices", "v1_sharded"})
  void manyThreadsReadTheSameValuesAsOne(String which) throws Exception {
    Path p = checkpoint(which);
    Map<String, List<Object>> expected = readSequentially(p);
    List<String> keys = new ArrayList<>(expected.keySet());
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    AtomicLong reads = new AtomicLong();
    try (CheckpointReader r = CheckpointReader.open(p)) {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        Random random = new Random(t);
        futures.add(pool.submit(() -> {
          start.await();
          List<String> order = new ArrayList<>(keys);
          for (int round = 0; round < ROUNDS; round++) {
            Collections.shuffle(order, random);
            for (String k : order) {
              assertEquals(expected.get(k), snapshot(r.read(k)), k);
              reads.incrementAndGet();
            }
          }
          return null;
        }));
      }
      start.countDown();
      assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
        for (Future<?> f : futures) {
          f.get();
        }
      });
    } finally {
      pool.shutdownNow();
    }
    assertEquals((long) THREADS * ROUNDS * keys.size(), reads.get());
  }

  @ParameterizedTest
  @ValueSource(strings = {"t2t", "partitioned", "strings", "v1_slices", "v1_sharded"})
  void closingFailsReadsInFlightCleanly(String which) throws Exception {
    Path p = checkpoint(which);
    Map<String, List<Object>> expected = readSequentially(p);
    List<String> keys = new ArrayList<>(expected.keySet());
    for (int attempt = 0; attempt < 10; attempt++) {
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
      CheckpointReader r = CheckpointReader.open(p);
      CountDownLatch started = new CountDownLatch(THREADS);
      List<Future<?>> futures = new ArrayList<>();
      try {
        for (int t = 0; t < THREADS; t++) {
          Random random = new Random(attempt * 100L + t);
          futures.add(pool.submit(() -> {
            started.countDown();
            while (true) {
              String k = keys.get(random.nextInt(keys.size()));
              List<Object> got;
              try {
                got = snapshot(r.read(k));
              } catch (Throwable e) {
                failures.add(e);
                return null; // the reader is closed: every later read fails too
              }
              assertEquals(expected.get(k), got, k + ": a read that succeeds returns the right values");
            }
          }));
        }
        started.await();
        Thread.sleep(1 + attempt * 3L);
        r.close();
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
          for (Future<?> f : futures) {
            f.get();
          }
        });
      } finally {
        pool.shutdownNow();
      }
      assertEquals(THREADS, failures.size(), "every thread ends on a failed read");
      for (Throwable e : failures) {
        assertInstanceOf(IOException.class, e, "a read racing close fails with an IOException: " + e);
        assertTrue(e instanceof ClosedChannelException, "not a corrupt-file report, the file is fine: " + e);
      }
      failures.forEach(e -> KINDS.merge(which + ": " + e.getClass().getSimpleName(), 1, Integer::sum));
      // and after close, every read fails the same way
      for (String k : keys.subList(0, Math.min(5, keys.size()))) {
        assertThrows(ClosedChannelException.class, () -> r.read(k));
      }
    }
  }
}
