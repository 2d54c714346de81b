package io.github.jfreeze.freezer;

import io.github.jfreeze.codec.DType;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What {@link Freezer#rewrite} writes: a checkpoint copied into a new V2 checkpoint, with tensors
 * dropped, renamed or cast on the way.
 *
 * @param input the checkpoint (directory, prefix or any of its files; V2, V1 or partitioned) or
 *     SavedModel directory
 * @param output the new checkpoint's prefix ({@code dir/model.ckpt}); its directory is created
 *     when it does not exist, with a {@code checkpoint} state file naming the prefix
 * @param drop regular expressions (whole match, against the key or the TF2 variable name) of
 *     tensors to leave out
 * @param renames key renames, applied in order to each key that the pattern matches whole
 * @param cast the dtype float32 tensors become ({@link DType#FLOAT16} or {@link DType#BFLOAT16},
 *     rounded to nearest even as TF's {@code Cast}), or null to keep every dtype
 * @param shards the number of data files to write; 0 for as many as the input has (1 for V1)
 * @param inferenceOnly true to leave out optimizer slots and bookkeeping tensors (the rule of
 *     {@link Freezer#export}); a TF2 object graph is kept, rewritten to match
 * @param force whether existing files of the output prefix may be replaced
 */
public record RewriteOptions(Path input, Path output, List<String> drop, List<Rename> renames, DType cast, int shards,
    boolean inferenceOnly, boolean force) {

  /**
   * One rename: keys the pattern matches whole become the replacement, in which {@code $1} ...
   * are the pattern's groups ({@link java.util.regex.Matcher#replaceFirst}).
   *
   * @param pattern a regular expression
   * @param replacement the new key
   */
  public record Rename(String pattern, String replacement) {
    /**
     * Checks.
     *
     * @param pattern a regular expression
     * @param replacement the new key
     */
    public Rename {
      Objects.requireNonNull(pattern, "pattern is null");
      Objects.requireNonNull(replacement, "replacement is null");
    }
  }

  /**
   * Checks and copies.
   *
   * @param input the checkpoint
   * @param output the new prefix
   * @param drop patterns of tensors to leave out
   * @param renames renames, in order
   * @param cast float16, bfloat16 or null
   * @param shards data files, 0 for as many as the input has
   * @param inferenceOnly leave out optimizer slots and bookkeeping
   * @param force replace existing files
   */
  public RewriteOptions {
    Objects.requireNonNull(input, "input is null");
    Objects.requireNonNull(output, "output is null");
    drop = List.copyOf(drop);
    renames = List.copyOf(renames);
    if (cast != null && cast != DType.FLOAT16 && cast != DType.BFLOAT16) {
      throw new IllegalArgumentException("cast must be float16 or bfloat16, not " + cast);
    }
    if (shards < 0 || shards > 99_999) {
      throw new IllegalArgumentException("shards must be 0 (as the input) to 99999, not " + shards);
    }
  }
}
