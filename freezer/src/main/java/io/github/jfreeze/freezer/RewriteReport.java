package io.github.jfreeze.freezer;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link Freezer#rewrite} wrote.
 *
 * @param prefix the new checkpoint's prefix
 * @param files the files written: data files, the {@code .meta} when there is one, the index, and
 *     the {@code checkpoint} state file when the directory was created
 * @param bytes their total size
 * @param shards the number of data files
 * @param tensors the tensors written, in key order of the input
 * @param dropped the keys left out
 * @param meta the rewritten {@code .meta}, or null when the input has none
 * @param warnings what was noticed on the way
 */
public record RewriteReport(Path prefix, List<Path> files, long bytes, int shards, List<Rewritten> tensors,
    List<String> dropped, Path meta, List<String> warnings) {
  /**
   * Copies the lists.
   *
   * @param prefix the new prefix
   * @param files the files written
   * @param bytes their size
   * @param shards data files
   * @param tensors the tensors written
   * @param dropped the keys left out
   * @param meta the new {@code .meta}, or null
   * @param warnings warnings
   */
  public RewriteReport {
    files = List.copyOf(files);
    tensors = List.copyOf(tensors);
    dropped = List.copyOf(dropped);
    warnings = List.copyOf(warnings);
  }

  /**
   * One tensor written.
   *
   * @param key its key in the input
   * @param newKey its key in the output
   * @param dtype its dtype in the input (Python name)
   * @param newDtype its dtype in the output
   * @param shape its dimensions
   * @param shard the data file it went to (the first slice's, for a partitioned tensor)
   */
  public record Rewritten(String key, String newKey, String dtype, String newDtype, List<Long> shape, int shard) {}
}
