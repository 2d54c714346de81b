package io.github.jfreeze.bridge;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.jfreeze.freezer.FreezeOptions;
import io.github.jfreeze.freezer.Freezer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/** Models for the runner and verifier tests, frozen by jfreeze's pure-Java freezer. */
final class Models {
  private Models() {}

  static final String REGRESSION = "tf2onnx_regression/checkpoint";
  static final String HALF_PLUS_TWO_TF2 = "serving_saved_model_half_plus_two_tf2_cpu/00000123";
  static final String HALF_PLUS_TWO_TF1 = "serving_saved_model_half_plus_two_cpu/00000123";

  /** A model of the shared corpus; the test is skipped (loudly) when the corpus is absent. */
  static Path corpus(String relative) {
    Path c = TestPaths.corpus().orElse(null);
    assumeTrue(c != null, "skipped: the shared corpus is absent (set -Djfreeze.corpus)");
    Path p = c.resolve(relative);
    assumeTrue(Files.exists(p), "skipped: " + p + " is absent from the corpus");
    return p;
  }

  static Path testdata(String relative) {
    return TestPaths.testdata().resolve(relative);
  }

  /** Freezes {@code model} into {@code dir/name} with the given outputs (none: the signature's). */
  static Path freeze(Path model, Path dir, String name, String signature, String... outputs) throws IOException {
    Path out = dir.resolve(name);
    FreezeOptions.Builder b = FreezeOptions.builder(model).output(out).force(true);
    if (outputs.length > 0) {
      b.outputs(outputs);
    }
    if (signature != null) {
      b.signature(signature);
    }
    Freezer.freeze(b.build());
    return out;
  }

  /**
   * The seed demo as a TF1-style SavedModel (TF Java's exporter): {@code input_holder} float [1],
   * variables {@code W1} = 5 and {@code B1} = 1, {@code predictions = input_holder * W1 + B1 + 50};
   * feeding 10 gives 101.
   */
  static Path seedDemo(Path dir) throws IOException {
    Path export = dir.resolve("seed_demo");
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Placeholder<TFloat32> x = tf.withName("input_holder").placeholder(TFloat32.class, Placeholder.shape(Shape.of(1)));
      Variable<TFloat32> w = tf.withName("W1").variable(tf.withName("W1_init").constant(new float[] {5f}));
      Variable<TFloat32> b = tf.withName("B1").variable(tf.withName("B1_init").constant(new float[] {1f}));
      Operand<TFloat32> y = tf.withName("predictions").math.add(
          tf.withName("add").math.add(tf.withName("mul").math.mul(x, w), b), tf.withName("fifty").constant(50f));
      Signature s = Signature.builder().key("serving_default").input("x", x).output("y", y).build();
      try (Session session = new Session(g)) {
        session.initialize();
        SavedModelBundle.exporter(export.toString()).withTags("serve").withSession(session).withSignature(s).export();
      }
    }
    return export;
  }

  static List<String> keys(List<NativeTensor> tensors) {
    return tensors.stream().map(NativeTensor::key).toList();
  }
}
