package io.github.jfreeze.bridge;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.jfreeze.bridge.internal.NativeGraphRunner.Fetched;
import io.github.jfreeze.codec.ModelLocation;
import io.github.jfreeze.codec.ModelLocator;
import io.github.jfreeze.freezer.FreezeOptions;
import io.github.jfreeze.freezer.Freezer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code jfreeze freeze} writes, checked by {@code jfreeze verify}'s engine: every zoo model
 * and the corpus models that carry a checkpoint and a graph (the half_plus_two family, tf2onnx's
 * regression, the TF2 and Keras SavedModels) are frozen to a file, then run in native TF beside
 * the original (graph + restored checkpoint, or the SavedModel) on the same inputs.
 */
class FreezeVerifyTest {
  @TempDir Path tmp;

  /** A model to freeze and verify: input, outputs (empty: the signature), signature, feeds. */
  record Case(String name, Path input, List<String> outputs, String signature, Map<String, String> feeds) {}

  static List<Case> cases() throws IOException {
    List<Case> out = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    for (Path dir : ZooModelsTest.modelDirs()) {
      JsonNode m = json.readTree(dir.resolve("model.json").toFile());
      if (m.has("expect_error")) {
        continue;
      }
      List<String> outputs = new ArrayList<>();
      if (!"saved_model".equals(m.path("kind").asText())) {
        m.path("outputs").forEach(o -> outputs.add(o.asText()));
      }
      Map<String, String> feeds = new LinkedHashMap<>();
      m.path("feeds").fields().forEachRemaining(e -> feeds.put(e.getKey(), text(ZooModelsTest.value(e.getValue()))));
      out.add(new Case("zoo " + dir.getFileName(), dir, outputs, "serving_default", feeds));
    }
    Path c = io.github.jfreeze.codec.testing.TestPaths.corpus();
    out.add(new Case("tf2onnx regression checkpoint", c.resolve("tf2onnx_regression/checkpoint"), List.of("pred"), null, Map.of()));
    out.add(new Case("tf2onnx regression SavedModel", c.resolve("tf2onnx_regression/saved_model"), List.of(), "serving_default", Map.of()));
    for (String hp2 : List.of("serving_saved_model_half_plus_two_cpu/00000123",
        "serving_saved_model_half_plus_two_cpu_with_saved_model_config/00000123",
        "serving_saved_model_half_plus_two_mkl/00000123", "tfjava_saved_model")) {
      out.add(new Case(hp2 + " serving_default", c.resolve(hp2), List.of(), "serving_default", Map.of("x", "[[1.0], [2.0], [5.0]]")));
      if (!hp2.contains("mkl")) { // the MKL variant's regress_x2_to_y3 needs a [1,10,10,1] input
        out.add(new Case(hp2 + " regress_x2_to_y3", c.resolve(hp2), List.of(), "regress_x2_to_y3", Map.of("x2", "[[1.0], [2.0], [5.0]]")));
      }
    }
    Path tf2 = c.resolve("serving_saved_model_half_plus_two_tf2_cpu/00000123");
    out.add(new Case("half_plus_two TF2 serving_default", tf2, List.of(), "serving_default", Map.of("serving_default_x", "[3.0]")));
    out.add(new Case("half_plus_two TF2 regress_x2_to_y3", tf2, List.of(), "regress_x2_to_y3", Map.of()));
    out.add(new Case("half_plus_two V1 session bundle", c.resolve("serving_session_bundle_half_plus_two_v1/00000123"),
        List.of("y"), null, Map.of("x", "[[1.0], [2.0], [5.0]]")));
    out.add(new Case("tfjs times_three_float (TF2)", c.resolve("tfjs_node_times_three_float"), List.of(), "serving_default", Map.of()));
    out.add(new Case("tfjava get_variable (TF2)", c.resolve("tfjava_saved_model_using_python/model"), List.of(), "get_variable", Map.of()));
    out.add(new Case("keras python_func_model (TF2)", c.resolve("tfnet_keras_python_func_model"), List.of(), "serving_default", Map.of()));
    return out;
  }

  static String text(Fetched f) {
    return FeedValues.format(new NativeTensor("feed", io.github.jfreeze.bridge.internal.DataTypeNames.name(f.dtype()), f.shape(), f.data(), f.strings()));
  }

  @TestFactory
  Stream<DynamicTest> frozenFilesVerifyAgainstTheirOriginals() throws IOException {
    List<Case> cases = cases();
    assertTrue(cases.size() >= 25, "cases: " + cases.size());
    return cases.stream().map(k -> DynamicTest.dynamicTest(k.name(), () -> {
      NativeAssumptions.assumeNatives();
      Path frozen = tmp.resolve(k.name().replaceAll("[^A-Za-z0-9]+", "_") + ".pb");
      FreezeOptions.Builder b = FreezeOptions.builder(k.input()).output(frozen);
      if (!k.outputs().isEmpty()) {
        b.outputs(k.outputs());
      } else {
        b.signature(k.signature());
      }
      var report = Freezer.freeze(b.build());
      assertFalse(report.variables().isEmpty());
      // the original is located the way the CLI does it: with the codec's locator
      NativeVerifier.Options.Builder v = NativeVerifier.Options.builder(frozen, k.input()).feeds(k.feeds())
          .fetches(report.outputs()).seed(7);
      ModelLocation loc = ModelLocator.locate(k.input());
      if (loc.kind() == ModelLocation.Kind.CHECKPOINT) {
        v.metaGraph(loc.graphFile()).checkpoint(loc.checkpoint().toString());
      }
      NativeVerifier.Result r = NativeVerifier.verify(v.build());
      assertTrue(r.match(), () -> k.name() + ": " + r.outputs());
      assertTrue(r.outputs().size() == report.outputs().size());
    }));
  }
}
