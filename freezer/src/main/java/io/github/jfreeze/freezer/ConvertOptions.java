package io.github.jfreeze.freezer;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Checkpoint to SavedModel conversion: which checkpoint, which tensors the {@code serving_default}
 * signature exposes, and where the SavedModel directory goes.
 *
 * @param input checkpoint (directory, prefix or any of its files) with its {@code .meta}
 * @param graph a MetaGraphDef to use instead of the {@code .meta} beside the checkpoint, or null
 * @param inputs signature inputs: {@code node}, {@code node:0} or {@code key=node:0}
 * @param outputs signature outputs, same forms
 * @param output the SavedModel directory to create
 * @param force whether an existing output directory may be replaced
 * @param progress who hears how far copying the variables has got, or null
 */
public record ConvertOptions(Path input, Path graph, List<String> inputs, List<String> outputs, Path output, boolean force,
    Progress progress) {
  /**
   * Checks the paths and copies the lists.
   *
   * @param input the checkpoint
   * @param graph a MetaGraphDef to use instead, or null
   * @param inputs signature inputs
   * @param outputs signature outputs
   * @param output the SavedModel directory to create
   * @param force whether an existing output directory may be replaced
   * @param progress who hears how far copying the variables has got, or null
   */
  public ConvertOptions {
    Objects.requireNonNull(input, "input is null");
    Objects.requireNonNull(output, "output is null");
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
  }

  /**
   * Options without a progress listener.
   *
   * @param input the checkpoint
   * @param graph a MetaGraphDef to use instead, or null
   * @param inputs signature inputs
   * @param outputs signature outputs
   * @param output the SavedModel directory to create
   * @param force whether an existing output directory may be replaced
   */
  public ConvertOptions(Path input, Path graph, List<String> inputs, List<String> outputs, Path output, boolean force) {
    this(input, graph, inputs, outputs, output, force, null);
  }
}
