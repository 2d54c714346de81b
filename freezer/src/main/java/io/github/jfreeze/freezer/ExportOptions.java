package io.github.jfreeze.freezer;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What {@link Freezer#export} writes: a checkpoint's weights as one safetensors or NumPy {@code .npz}
 * file.
 *
 * @param input the checkpoint (directory, prefix or any of its files) or SavedModel directory
 * @param format the file format
 * @param output the file to create
 * @param include names or regular expressions (whole-name match) of the tensors to write; empty
 *     for all
 * @param exclude names or regular expressions of tensors to leave out
 * @param keepKeys true to name tensors by their checkpoint keys instead of their variable names
 *     (TF2 object-graph keys such as {@code model/dense/kernel/.ATTRIBUTES/VARIABLE_VALUE} are
 *     otherwise written as {@code dense/kernel})
 * @param all true to write optimizer slots and bookkeeping tensors too (left out by default)
 * @param force whether an existing regular file may be replaced
 */
public record ExportOptions(Path input, Format format, Path output, List<String> include, List<String> exclude,
    boolean keepKeys, boolean all, boolean force) {

  /** The formats. */
  public enum Format {
    /** Hugging Face's safetensors: a JSON header, then every tensor's little-endian bytes. */
    SAFETENSORS,
    /** NumPy's {@code .npz}: a ZIP (stored, not compressed) of one {@code .npy} per tensor. */
    NPZ
  }

  /**
   * Checks and copies.
   *
   * @param input the checkpoint
   * @param format the format
   * @param output the file
   * @param include names or patterns to keep
   * @param exclude names or patterns to drop
   * @param keepKeys name tensors by key
   * @param all write slots and bookkeeping tensors too
   * @param force replace an existing file
   */
  public ExportOptions {
    Objects.requireNonNull(input, "input is null");
    Objects.requireNonNull(format, "format is null");
    Objects.requireNonNull(output, "output is null");
    include = List.copyOf(include);
    exclude = List.copyOf(exclude);
  }
}
