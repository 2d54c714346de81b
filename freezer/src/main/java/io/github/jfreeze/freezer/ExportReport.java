package io.github.jfreeze.freezer;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link Freezer#export} wrote.
 *
 * @param output the file written
 * @param outputBytes its size
 * @param tensors the tensors written, in file order
 * @param skipped the checkpoint keys left out as optimizer slots or bookkeeping (see {@link
 *     ExportOptions#all()})
 */
public record ExportReport(Path output, long outputBytes, List<Exported> tensors, List<String> skipped) {
  /**
   * Copies the lists.
   *
   * @param output the file written
   * @param outputBytes its size
   * @param tensors the tensors written
   * @param skipped the keys left out
   */
  public ExportReport {
    tensors = List.copyOf(tensors);
    skipped = List.copyOf(skipped);
  }

  /**
   * One tensor written.
   *
   * @param name its name in the file
   * @param key its checkpoint key
   * @param dtype its dtype (Python name)
   * @param shape its dimensions
   * @param bytes its value bytes
   */
  public record Exported(String name, String key, String dtype, List<Long> shape, long bytes) {}
}
