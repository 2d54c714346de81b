package io.github.jfreeze.freezer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.CodedOutputStream;
import io.github.jfreeze.codec.testing.TestPaths;
import io.github.jfreeze.proto.GraphDef;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streamed output (weights copied from the data file as the graph is written) is byte-for-byte
 * the deterministic serialization of the in-memory frozen graph, on every freezable fixture.
 */
class StreamingOutputTest {
  @TempDir Path tmp;

  /** (input, outputs or empty for the signature). */
  static List<Object[]> cases() throws IOException {
    List<Object[]> out = new ArrayList<>();
    Path corpus = TestPaths.corpus();
    out.add(new Object[] {corpus.resolve("tf2onnx_regression/checkpoint"), "pred"});
    out.add(new Object[] {corpus.resolve("tf2onnx_regression/saved_model"), ""});
    out.add(new Object[] {corpus.resolve("serving_saved_model_half_plus_two_tf2_cpu/00000123"), ""});
    out.add(new Object[] {corpus.resolve("tfnet_keras_python_func_model"), ""});
    out.add(new Object[] {corpus.resolve("serving_session_bundle_half_plus_two_v1/00000123"), "y"});
    out.add(new Object[] {TestPaths.testdata().resolve("checkpoints/tf1_training"), "predictions,loss"});
    out.add(new Object[] {TestPaths.testdata().resolve("saved_models/tf1_mlp"), ""});
    Path models = TestPaths.testdata().resolve("models");
    if (Files.isDirectory(models)) {
      try (Stream<Path> s = Files.list(models)) {
        for (Path m : s.sorted().toList()) {
          var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(m.resolve("model.json").toFile());
          if (json.has("expect_error")) {
            continue;
          }
          List<String> outs = new ArrayList<>();
          json.get("outputs").forEach(o -> outs.add(o.asText()));
          out.add(new Object[] {m, String.join(",", outs)});
        }
      }
    }
    return out;
  }

  static byte[] deterministic(GraphDef g) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CodedOutputStream cos = CodedOutputStream.newInstance(bytes);
    cos.useDeterministicSerialization();
    g.writeTo(cos);
    cos.flush();
    return bytes.toByteArray();
  }

  @TestFactory
  Stream<DynamicTest> streamedEqualsInMemory() throws IOException {
    return cases().stream().map(c -> DynamicTest.dynamicTest(c[0] + " " + c[1], () -> {
      Path input = (Path) c[0];
      FreezeOptions.Builder b = FreezeOptions.builder(input);
      if (!((String) c[1]).isEmpty()) {
        b.outputs((String) c[1]);
      }
      Path out = tmp.resolve(input.getFileName() + "-" + System.nanoTime() + ".pb");
      FreezeReport streamed = Freezer.freeze(b.output(out).build());
      Freezer.Frozen inMemory = Freezer.freezeToGraph(b.output(null).build());
      byte[] expected = deterministic(inMemory.graph());
      assertArrayEquals(expected, Files.readAllBytes(out));
      assertEquals(expected.length, streamed.outputBytes());
      assertEquals(expected.length, inMemory.report().outputBytes());
      assertTrue(streamed.variables().size() > 0);
    }));
  }
}
