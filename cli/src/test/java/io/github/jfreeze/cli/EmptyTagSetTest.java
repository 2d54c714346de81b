package io.github.jfreeze.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Issue 11: a SavedModel saved with the empty tag set (as TF1 Hub modules are) whose outputs reach no
 * variable. Before, {@code freeze --tags ""} found no MetaGraphDef "with tags ''" though the model
 * has exactly that set, {@code --tags ,} then refused with "already frozen; nothing to do", and
 * {@code run --tags ""} asked TF for the tag set {""}. Now {@code ""} and {@code ,} name the empty
 * set in every command, and nothing to convert writes the pruned graph with exit 0. The model is
 * exported by native TF (TF Java's exporter, no tags) at test time, and the expected outputs are
 * what native TF computes from it.
 */
class EmptyTagSetTest {
  @TempDir Path tmp;

  @BeforeEach
  void natives() {
    Launcher.assumeNatives();
  }

  /** {@code y = x * 2}, no variables, signature serving_default, saved with no tags; returns TF's y for x = [3, -1.5]. */
  private static float[] export(Path dir) throws java.io.IOException {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Placeholder<TFloat32> x = tf.withName("x").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1)));
      var y = tf.withName("y").math.mul(x, tf.withName("two").constant(2f));
      try (Session s = new Session(g)) {
        Signature sig = Signature.builder().key("serving_default").input("x", x).output("y", y).build();
        SavedModelBundle.exporter(dir.toString()).withTags().withSession(s).withSignature(sig).export();
      }
    }
    try (SavedModelBundle bundle = SavedModelBundle.load(dir.toString(), new String[0]);
        TFloat32 in = TFloat32.tensorOf(StdArrays.ndCopyOf(new float[] {3f, -1.5f}));
        Result r = bundle.call(Map.of("x", in))) {
      TFloat32 out = (TFloat32) r.get("y").orElseThrow();
      return StdArrays.array1dCopyOf(out);
    }
  }

  private static List<Double> values(JsonNode run) {
    List<Double> out = new ArrayList<>();
    run.get("outputs").get(0).get("values").forEach(v -> out.add(v.asDouble()));
    return out;
  }

  @Test
  void theEmptyTagSetIsNamedByAnEmptyTagsValueAndNothingToConvertIsSuccess() throws java.io.IOException {
    Path model = tmp.resolve("module");
    float[] expected = export(model);
    List<Double> tf = List.of((double) expected[0], (double) expected[1]);

    for (String tags : new String[] {"", ","}) {
      Path out = tmp.resolve("frozen" + tags.length() + ".pb");
      JsonNode j = Cli.run("freeze", model.toString(), "--tags", tags, "-o", out.toString(), "--json").assertOk().json();
      assertEquals(0, j.get("variables").size(), j.toString());
      assertEquals(List.of("y"), List.of(j.get("outputs").get(0).asText()));
      assertTrue(j.get("warnings").toString().contains("nothing to convert"), j.toString());

      // the frozen graph computes what TF computed from the SavedModel
      JsonNode run = Cli.run("run", out.toString(), "--feed", "x=[3,-1.5]", "--fetch", "y", "--json").assertOk().json();
      assertEquals(tf, values(run));
      // run and verify load the SavedModel with the empty tag set
      assertEquals(tf, values(Cli.run("run", model.toString(), "--tags", tags, "--feed", "x=[3,-1.5]", "--json").assertOk().json()));
      Cli.run("verify", out.toString(), "--against", model.toString(), "--tags", tags).assertOk();
    }
    // the default tag set (serve) is not there: the message names the set the module has
    Cli.Result r = Cli.run("freeze", model.toString(), "-o", tmp.resolve("x.pb").toString()).assertBadInput();
    assertTrue(r.err().contains("has ''"), r.err());
  }
}
