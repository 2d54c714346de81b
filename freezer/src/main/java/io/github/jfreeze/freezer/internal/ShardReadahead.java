package io.github.jfreeze.freezer.internal;

import io.github.jfreeze.codec.CheckpointReader;
import io.github.jfreeze.freezer.internal.ConstantValue.RawSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Reads a checkpoint's data files ahead of the streaming writer, which copies tensors one at a
 * time in graph order from mapped windows (page faults, which read ahead far less than the
 * kernel does for read(2)): one thread per data file walks that file's tensors in the same order
 * and brings each into the page cache ({@link io.github.jfreeze.codec.CheckpointReader#prefetch}: madvise WILLNEED, then one
 * read per page) while it is at most {@value #AHEAD} bytes ahead of the writer; the shards of a
 * sharded checkpoint are so read in parallel. Only when the data is not already cached (each
 * file's first and last tensor are checked with mincore) and there is more than one CPU: with a
 * warm cache the threads would only cost time. A hint only: the writer reads and checks every byte
 * itself, and a failure here is ignored. Benchmark: benchmarks/run.sh and README "Performance",
 * freeze of big and big_sharded from a cold page cache.
 */
final class ShardReadahead implements AutoCloseable {
  /** How far (in streamed bytes) a shard's reader may run ahead of the writer. */
  static final long AHEAD = 64L << 20;
  private static final long POLL_NANOS = 1_000_000;

  private final List<Thread> threads = new ArrayList<>();
  private volatile long written;
  private volatile boolean stop;

  private ShardReadahead() {}

  /** Starts reading ahead of {@code order} (the streamed tensors in the order written), where it pays. */
  static ShardReadahead start(List<RawSource> order) {
    return start(order, false);
  }

  /**
   * As {@link #start(List)}; {@code always} (tests) reads ahead even of cached data on one CPU.
   * {@code -Djfreeze.readahead=false} turns reading ahead off (benchmarks/run.sh measures with and
   * without).
   */
  static ShardReadahead start(List<RawSource> order, boolean always) {
    ShardReadahead r = new ShardReadahead();
    if (order.isEmpty() || (!always && (Runtime.getRuntime().availableProcessors() < 2
        || !Boolean.parseBoolean(System.getProperty("jfreeze.readahead", "true"))))) {
      return r;
    }
    // tensors by data file, in order of first use
    Map<Path, List<Integer>> byFile = new LinkedHashMap<>();
    long[] start = new long[order.size()];
    long pos = 0;
    // a checkpoint of one shard holds every tensor in its one data file: asked once, not per tensor
    Map<CheckpointReader, Path> onlyFile = new java.util.IdentityHashMap<>();
    List<Integer> last = null;
    Path lastFile = null;
    for (int i = 0; i < order.size(); i++) {
      RawSource s = order.get(i);
      start[i] = pos;
      pos += s.length();
      CheckpointReader reader = s.reader();
      Path file = reader.shards() == 1 ? onlyFile.get(reader) : null;
      if (file == null) {
        file = reader.fileOf(s.key());
        if (reader.shards() == 1) {
          onlyFile.put(reader, file);
        }
      }
      if (file != lastFile) {
        last = byFile.computeIfAbsent(file, k -> new ArrayList<>());
        lastFile = file;
      }
      last.add(i);
    }
    if (byFile.isEmpty() || (!always && cached(order, byFile))) {
      return r;
    }
    for (List<Integer> tensors : byFile.values()) {
      Thread t = new Thread(() -> r.readAhead(order, start, tensors), "jfreeze-readahead");
      t.setDaemon(true);
      r.threads.add(t);
    }
    r.threads.forEach(Thread::start);
    return r;
  }

  /** Whether each file's first and last tensor is in the page cache already (then so is, likely, all). */
  private static boolean cached(List<RawSource> order, Map<Path, List<Integer>> byFile) {
    try {
      for (List<Integer> tensors : byFile.values()) {
        for (int i : List.of(tensors.get(0), tensors.get(tensors.size() - 1))) {
          if (!order.get(i).reader().isCached(order.get(i).key())) {
            return false;
          }
        }
      }
      return true;
    } catch (IOException | RuntimeException e) {
      return true; // cannot tell: read nothing ahead
    }
  }

  private void readAhead(List<RawSource> order, long[] start, List<Integer> tensors) {
    for (int i : tensors) {
      while (!stop && start[i] - written > AHEAD) {
        LockSupport.parkNanos(this, POLL_NANOS);
      }
      if (stop) {
        return;
      }
      RawSource s = order.get(i);
      try {
        s.reader().prefetch(s.key());
      } catch (IOException | RuntimeException e) {
        return; // a hint only: the writer reads (and reports) every byte itself
      }
    }
  }

  /** How many reading threads were started (one per data file, or none). */
  int threads() {
    return threads.size();
  }

  /** Waits until every thread has read its file (tests). */
  void awaitDone() throws InterruptedException {
    for (Thread t : threads) {
      t.join();
    }
  }

  /** The writer has written {@code bytes} more streamed bytes. */
  void advance(long bytes) {
    written += bytes;
  }

  @Override
  public void close() {
    stop = true;
    for (Thread t : threads) {
      LockSupport.unpark(t);
      boolean interrupted = false;
      while (true) {
        try {
          t.join();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
