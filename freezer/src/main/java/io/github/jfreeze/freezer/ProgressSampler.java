package io.github.jfreeze.freezer;

import java.io.IOException;

/**
 * Reports a {@link Progress} by sampling a count from a daemon thread about every 200 ms, so the
 * work itself stays as it is: the freezer samples how much of an output exists (no per-chunk
 * callbacks on the copy path, whose memory-mapped transfer needs the real file channel), the CLI's
 * {@code verify} how much its process has read while native code restores a checkpoint. The one
 * sampling loop of jfreeze.
 */
public final class ProgressSampler implements AutoCloseable {
  /** How much of the work is done. */
  @FunctionalInterface
  public interface Done {
    /**
     * How much is done so far, in the unit of the total (bytes).
     *
     * @return the count
     * @throws IOException if it cannot be told (the sample is skipped)
     */
    long get() throws IOException;
  }

  private static final long INTERVAL_MILLIS = 200;

  private final Progress progress;
  private final long total;
  private final Thread thread;
  private volatile boolean stopped;

  private ProgressSampler(Progress progress, long total, Done done) {
    this.progress = progress;
    this.total = total;
    this.thread = progress == null ? null : new Thread(() -> sample(done), "jfreeze-progress");
    if (thread != null) {
      thread.setDaemon(true);
      thread.start();
    }
  }

  /**
   * Starts sampling; with a null {@code progress}, does nothing.
   *
   * @param progress who hears it, or null
   * @param total the count when the work is done (bytes the output will have)
   * @param done how much is done now (counts above {@code total} are reported as {@code total})
   * @return the sampler, to {@link #finish} when the work is complete and close in any case
   */
  public static ProgressSampler start(Progress progress, long total, Done done) {
    return new ProgressSampler(progress, total, done);
  }

  private void sample(Done done) {
    long last = -1;
    while (!stopped) {
      try {
        Thread.sleep(INTERVAL_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
      if (stopped) {
        return;
      }
      try {
        long now = Math.min(done.get(), total);
        if (now != last) {
          progress.update(now, total);
          last = now;
        }
      } catch (IOException | RuntimeException e) {
        // a sample that cannot be taken is skipped: progress is a display, never a failure
      }
    }
  }

  /** The work is complete: stops sampling and reports {@code total} of {@code total}. */
  public void finish() {
    stop();
    if (progress != null) {
      progress.update(total, total);
    }
  }

  /** Stops sampling (reporting nothing more). */
  @Override
  public void close() {
    stop();
  }

  private void stop() {
    stopped = true;
    if (thread != null) {
      thread.interrupt();
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
