package io.github.jfreeze.freezer.internal;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.util.concurrent.locks.LockSupport;

/**
 * Flushes a file being written to disk in the background, every {@value #STEP} bytes it grows, so
 * that the final {@code fsync} before the atomic rename finds little left to write: the disk
 * writes overlap the copying instead of following it (RocksDB's {@code bytes_per_sync}). For a
 * 1 GiB frozen graph this takes the fsync at the end from about 0.3 s to a few milliseconds
 * (benchmark: {@code benchmarks/run.sh}, whole-process {@code freeze} of {@code big}). A file that
 * stays under {@value #STEP} bytes is never touched.
 */
final class WriteBehind implements AutoCloseable {
  /** Bytes written between two background flushes. */
  static final long STEP = 32L << 20;
  private static final long POLL_NANOS = 5_000_000;

  private final FileChannel channel;
  private final Thread thread;
  private volatile boolean stop;
  private volatile IOException failure;

  private WriteBehind(FileChannel channel) {
    this.channel = channel;
    this.thread = new Thread(this::run, "jfreeze-write-behind");
    thread.setDaemon(true);
  }

  static WriteBehind start(FileChannel channel) {
    WriteBehind w = new WriteBehind(channel);
    w.thread.start();
    return w;
  }

  private void run() {
    long synced = 0;
    try {
      while (!stop) {
        long size = channel.size();
        if (size - synced >= STEP) {
          channel.force(false);
          synced = size;
        } else {
          LockSupport.parkNanos(this, POLL_NANOS);
        }
      }
    } catch (ClosedChannelException e) {
      // the writer failed and closed the file: nothing to flush
    } catch (IOException e) {
      failure = e;
    }
  }

  /** Stops flushing; rethrows a flush failure (the caller's own fsync would meet it too). */
  @Override
  public void close() throws IOException {
    stop = true;
    LockSupport.unpark(thread);
    boolean interrupted = false;
    while (true) {
      try {
        thread.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (failure != null) {
      throw failure;
    }
  }
}
