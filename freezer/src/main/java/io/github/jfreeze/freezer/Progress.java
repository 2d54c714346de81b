package io.github.jfreeze.freezer;

/**
 * Hears how far the writing of an output has got, for a progress display on long work.
 *
 * <p>jfreeze calls it from a thread of its own, about every 200 ms while the output is written
 * (the frozen graph, or a SavedModel's variables), and once more with {@code done == total} when
 * every byte is written (before the output is synced and published, which can still fail).
 * Implementations should return quickly.
 */
@FunctionalInterface
public interface Progress {
  /**
   * How far the output has got.
   *
   * @param done bytes written so far
   * @param total bytes the output will have
   */
  void update(long done, long total);
}
