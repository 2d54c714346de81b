package io.github.jfreeze.bridge;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jfreeze.codec.testing.TestPaths;
import io.github.jfreeze.freezer.ConvertOptions;
import io.github.jfreeze.freezer.FreezeOptions;
import io.github.jfreeze.freezer.Freezer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Checkpoint to SavedModel: native TF loads what {@code jfreeze convert} writes (restoring its
 * variables through the saver) and computes the same outputs as the original checkpoint's graph,
 * here checked against the frozen graph of the original.
 */
class ConvertToSavedModelTest {
  @TempDir Path tmp;

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', value = {
      "models/seed; input_holder; predictions",
      "models/mlp; x; predictions,classes",
      "models/cnn_batchnorm; x; output",
      "models/resource_embedding; ids; logits",
      "models/sharded; ids; logits",
      "checkpoints/tf1_training; x; predictions"})
  void nativeTensorFlowServesTheConvertedModel(String model, String inputs, String outputs) throws IOException {
    NativeAssumptions.assumeNatives();
    Path ckpt = TestPaths.testdata().resolve(model);
    Path savedModel = tmp.resolve("sm");
    Freezer.convertToSavedModel(new ConvertOptions(ckpt, null, List.of(inputs.split(",")), List.of(outputs.split(",")),
        savedModel, false));
    Path frozen = tmp.resolve("frozen.pb");
    Freezer.freeze(FreezeOptions.builder(ckpt).outputs(outputs).output(frozen).build());
    NativeVerifier.Result r = NativeVerifier.verify(NativeVerifier.Options.builder(frozen, savedModel)
        .fetches(outputs.split(",")).seed(11).build());
    assertTrue(r.match(), r.outputs().toString());
  }
}
