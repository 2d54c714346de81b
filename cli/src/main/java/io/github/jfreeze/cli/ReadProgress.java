package io.github.jfreeze.cli;

import io.github.jfreeze.codec.CheckpointReader;
import io.github.jfreeze.codec.ModelLocation;
import io.github.jfreeze.freezer.Progress;
import io.github.jfreeze.freezer.ProgressSampler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Progress of work whose bytes are read by native code jfreeze cannot follow ({@code verify}
 * restoring the original's checkpoint inside TensorFlow): the process's own read count, {@code
 * rchar} of {@code /proc/self/io}, against the size of the files the work reads, sampled by the
 * freezer's {@link ProgressSampler}. Linux only; elsewhere, or when the count cannot be read, it
 * shows nothing. A display, never a failure.
 */
final class ReadProgress implements AutoCloseable {
  private static final Path PROC_IO = Path.of("/proc/self/io");

  private final ProgressSampler sampler;

  private ReadProgress(ProgressSampler sampler) {
    this.sampler = sampler;
  }

  /**
   * Starts showing how much of {@code files} has been read, or returns null when there is nothing
   * to show ({@code progress} null, no files, or no read count on this system).
   */
  static ReadProgress start(Progress progress, List<Path> files) {
    if (progress == null) {
      return null;
    }
    long total = 0;
    for (Path f : files) {
      try {
        total += Files.size(f);
      } catch (IOException e) {
        // a file that cannot be sized is left out of the total
      }
    }
    long base = readChars();
    if (total <= 0 || base < 0) {
      return null;
    }
    long all = total;
    // other reads (classes, natives) count too: never claim to be done before the work is
    return new ReadProgress(ProgressSampler.start(progress, total, () -> Math.min(readCharsOrFail() - base, all - 1)));
  }

  /** The files {@code verify} reads: the frozen graph and what the original model reads. */
  static List<Path> filesOf(Path frozen, ModelLocation original) {
    List<Path> files = new ArrayList<>(List.of(frozen));
    try (CheckpointReader ckpt = original.hasCheckpoint() ? original.openCheckpoint() : null) {
      original.readPaths(null, ckpt).stream().filter(Files::isRegularFile).forEach(files::add);
    } catch (IOException e) {
      // a display: a model that cannot be opened here fails in verify itself
    }
    return files;
  }

  /** {@code rchar} of this process, or -1. */
  private static long readChars() {
    try {
      return readCharsOrFail();
    } catch (IOException | RuntimeException e) {
      return -1; // not Linux, or not readable
    }
  }

  private static long readCharsOrFail() throws IOException {
    for (String line : Files.readAllLines(PROC_IO)) {
      if (line.startsWith("rchar:")) {
        return Long.parseLong(line.substring(6).strip());
      }
    }
    throw new IOException("no rchar in " + PROC_IO);
  }

  /** The work is done: stops and clears the line. */
  @Override
  public void close() {
    sampler.finish();
  }
}
