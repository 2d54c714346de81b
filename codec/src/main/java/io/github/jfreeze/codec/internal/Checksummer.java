package io.github.jfreeze.codec.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

/**
 * One daemon thread that checksums a window of a file while the caller's thread copies it
 * ({@link FileSource#copyTo}): a freeze or export of a large tensor then costs the longer of the
 * two rather than their sum. On a machine with one CPU, or with {@code
 * -Djfreeze.checksum.parallel=false}, the work runs in the caller's thread.
 * Benchmark: benchmarks/run.sh, {@code freeze_big} and {@code export_big_256m} against
 * {@code cpsync_big}.
 */
final class Checksummer {
  private static final boolean PARALLEL = Runtime.getRuntime().availableProcessors() > 1
      && Boolean.parseBoolean(System.getProperty("jfreeze.checksum.parallel", "true"));
  private static volatile ExecutorService executor;

  private Checksummer() {}

  /** Starts {@code work}: on the checksum thread, or done at once where there is only one CPU. */
  static Future<?> submit(Runnable work) {
    if (!PARALLEL) {
      FutureTask<?> done = new FutureTask<>(work, null);
      done.run();
      return done;
    }
    return executor().submit(work);
  }

  /**
   * Waits for {@code work} to finish, even when interrupted (the caller releases what it reads
   * right after), and rethrows what it threw.
   */
  static void await(Future<?> work) throws IOException {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          work.get();
          return;
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          Throwable cause = e.getCause();
          if (cause instanceof UncheckedIOException u) {
            throw u.getCause();
          }
          if (cause instanceof RuntimeException r) {
            throw r;
          }
          if (cause instanceof Error err) {
            throw err;
          }
          throw new IOException(cause);
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static ExecutorService executor() {
    ExecutorService e = executor;
    if (e == null) {
      synchronized (Checksummer.class) {
        e = executor;
        if (e == null) {
          executor = e = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "jfreeze-checksum");
            t.setDaemon(true);
            return t;
          });
        }
      }
    }
    return e;
  }
}
