package io.github.jfreeze.freezer;

import java.nio.file.Path;
import java.util.List;

/**
 * What a checkpoint to SavedModel conversion wrote.
 *
 * @param output the SavedModel directory
 * @param signatureInputs {@code key -> tensor (dtype, shape)} lines of the serving_default signature
 * @param signatureOutputs same for outputs
 * @param variables checkpoint tensors copied into {@code variables/}
 * @param dataBytes bytes of the copied data files
 * @param warnings things worth knowing
 */
public record ConvertReport(Path output, List<String> signatureInputs, List<String> signatureOutputs, int variables,
    long dataBytes, List<String> warnings) {
  /**
   * Copies the lists.
   *
   * @param output the SavedModel directory
   * @param signatureInputs the signature's input lines
   * @param signatureOutputs the signature's output lines
   * @param variables checkpoint tensors copied
   * @param dataBytes bytes of the copied data files
   * @param warnings things worth knowing
   */
  public ConvertReport {
    signatureInputs = List.copyOf(signatureInputs);
    signatureOutputs = List.copyOf(signatureOutputs);
    warnings = List.copyOf(warnings);
  }
}
