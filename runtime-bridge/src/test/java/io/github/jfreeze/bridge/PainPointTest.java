package io.github.jfreeze.bridge;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jfreeze.codec.ModelLocation;
import io.github.jfreeze.codec.ModelLocator;
import io.github.jfreeze.codec.testing.TestPaths;
import io.github.jfreeze.freezer.FreezeOptions;
import io.github.jfreeze.freezer.FreezeReport;
import io.github.jfreeze.freezer.Freezer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * TensorFlow's best-known freezing failures, each reproduced by a zoo model written by native TF:
 * frozen the way TF's converter does it (training ops left in place) the graph fails in native TF;
 * frozen by jfreeze it loads and computes what the original computes.
 */
class PainPointTest {
  @TempDir Path tmp;

  @BeforeEach
  void natives() {
    NativeAssumptions.assumeNatives();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      // model, outputs, what TF's result fails with
      "cnn_batchnorm, output, Input 0 of node BatchNorm/AssignMovingAvg was passed float from BatchNorm/moving_mean:0 incompatible with expected float_ref",
      "refswitch_cond, output, incompatible with expected float_ref",
      "assign_variable_in_cond, output, incompatible with expected resource"})
  void tensorflowsWayFailsJfreezesWayVerifies(String model, String outputs, String failure) throws IOException {
    Path dir = TestPaths.testdata().resolve("models").resolve(model);
    Path tfStyle = tmp.resolve(model + "-tf.pb");
    Path ours = tmp.resolve(model + ".pb");
    Freezer.freeze(FreezeOptions.builder(dir).outputs(outputs).output(tfStyle).keepTrainingOps(true).build());
    NativeRunException e = assertThrows(NativeRunException.class,
        () -> NativeRunner.run(tfStyle, java.util.Map.of(), List.of(outputs.split(",")), Device.CPU),
        "the graph TF's converter would write must not run");
    assertTrue(e.getMessage().contains(failure), e.getMessage());

    FreezeReport r = Freezer.freeze(FreezeOptions.builder(dir).outputs(outputs).output(ours).build());
    assertFalse(r.removed().isEmpty() && r.rewritten().isEmpty(), "jfreeze reports what it changed");
    ModelLocation loc = ModelLocator.locate(dir);
    NativeVerifier.Result v = NativeVerifier.verify(NativeVerifier.Options.builder(ours, dir).metaGraph(loc.graphFile())
        .checkpoint(loc.checkpoint().toString()).fetches(outputs.split(",")).seed(3).build());
    assertTrue(v.match(), v.outputs().toString());
  }
}
