package io.github.jfreeze.generator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.jfreeze.bridge.NativeAssumptions;
import io.github.jfreeze.bridge.NativeCheckpoint;
import io.github.jfreeze.bridge.NativeTensor;
import io.github.jfreeze.bridge.TensorFlowRuntime;
import io.github.jfreeze.bridge.TestPaths;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.tensorflow.Graph;
import org.tensorflow.RawTensor;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.proto.MetaGraphDef;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TString;

/**
 * Guards the committed fixtures and {@link NativeCheckpoint} against each other: for every
 * {@code testdata/**\/expected.json}, native TF must restore exactly the listed tensors (keys in
 * order, dtypes, shapes, bytes) and refuse exactly the keys listed as unrestorable. Where the
 * fixture records model outputs, running the graph natively must reproduce them (within float
 * rounding, since CPUs may differ in the last bits). Regenerate with {@code testdata/generate.sh}.
 */
class FixturesAreCurrentTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static List<Path> expectedFiles() throws IOException {
    try (Stream<Path> walk = Files.walk(TestPaths.testdata())) {
      return walk.filter(p -> p.getFileName().toString().equals("expected.json")).sorted().toList();
    }
  }

  @Test
  void everyGeneratedFixtureIsCommitted() throws IOException {
    List<Path> dirs = expectedFiles().stream().map(Path::getParent).toList();
    for (String fixture : FixtureGenerator.fixturePaths()) {
      assertTrue(dirs.contains(TestPaths.testdata().resolve(fixture)),
          "testdata/" + fixture + "/expected.json is missing; run testdata/generate.sh");
    }
  }

  /** The model zoo: every model the generator writes is committed, and no other, each written by this generator. */
  @Test
  void everyGeneratedModelIsCommittedAndNoOther() throws IOException {
    List<Path> modelDirs;
    try (Stream<Path> s = Files.list(TestPaths.testdata().resolve("models"))) {
      modelDirs = s.filter(Files::isDirectory).sorted().toList();
    }
    List<String> committed = modelDirs.stream().map(d -> "models/" + d.getFileName()).sorted().toList();
    assertEquals(FixtureGenerator.modelPaths().stream().sorted().toList(), committed, "run testdata/generate.sh models/<name>");
    for (Path d : modelDirs) {
      assertTrue(Files.isRegularFile(d.resolve("model.json")), d + "/model.json");
      assertEquals(FixtureGenerator.GENERATOR, JSON.readTree(d.resolve("model.json").toFile()).path("generator").asText(),
          d + "/model.json");
    }
  }

  @TestFactory
  Stream<DynamicTest> checkpointsRestoreAsRecorded() throws IOException {
    return expectedFiles().stream()
        .map(f -> DynamicTest.dynamicTest(TestPaths.testdata().relativize(f.getParent()).toString(), () -> checkCheckpoint(f)));
  }

  @TestFactory
  Stream<DynamicTest> recordedModelOutputsReproduce() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path f : expectedFiles()) {
      JsonNode root = JSON.readTree(f.toFile());
      String name = TestPaths.testdata().relativize(f.getParent()).toString();
      if (root.has("graph")) {
        tests.add(DynamicTest.dynamicTest(name, () -> checkMetaGraphRun(f.getParent(), root)));
      } else if (root.has("saved_model")) {
        tests.add(DynamicTest.dynamicTest(name, () -> checkSavedModelRun(f.getParent(), root)));
      }
    }
    assertTrue(tests.size() >= 2, "expected the tf1_training and tf1_mlp fixtures to record outputs");
    return tests.stream();
  }

  private static void checkCheckpoint(Path expectedJson) throws IOException {
    NativeAssumptions.assumeNatives();
    JsonNode root = JSON.readTree(expectedJson.toFile());
    assertEquals(FixtureGenerator.GENERATOR, root.path("generator").asText());
    assertEquals(TensorFlowRuntime.version(), root.path("tensorflow_version").asText(), "fixture written by another TF");
    String format = root.path("format").asText();
    assertTrue(format.equals("v1") || format.equals("v2"), format);
    String checkpoint = expectedJson.getParent() + "/" + root.path("checkpoint").asText();
    NativeCheckpoint.Contents contents = NativeCheckpoint.readAll(checkpoint);

    JsonNode tensors = root.path("tensors");
    List<String> expectedKeys = new ArrayList<>();
    tensors.forEach(t -> expectedKeys.add(t.path("key").asText()));
    assertEquals(expectedKeys, contents.tensors().stream().map(NativeTensor::key).toList(), "restored keys");
    for (int i = 0; i < tensors.size(); i++) {
      JsonNode e = tensors.get(i);
      NativeTensor t = contents.tensors().get(i);
      String key = t.key();
      assertEquals(e.path("dtype").asText(), t.dtype(), key);
      assertArrayEquals(longs(e.path("shape")), t.shape(), key);
      if (t.isString()) {
        List<byte[]> strings = t.strings();
        assertEquals(e.path("strings_base64").size(), strings.size(), key);
        for (int j = 0; j < strings.size(); j++) {
          assertArrayEquals(Base64.getDecoder().decode(e.path("strings_base64").get(j).asText()), strings.get(j), key + "[" + j + "]");
        }
      } else {
        assertEquals(e.path("data_hex").asText(), t.dataHex(), key);
      }
    }
    List<String> unrestorable = new ArrayList<>();
    root.path("unrestorable").forEach(u -> unrestorable.add(u.path("key").asText()));
    assertEquals(unrestorable, contents.skipped().stream().map(NativeCheckpoint.Skipped::key).toList(), "unrestorable keys");
  }

  private static void checkMetaGraphRun(Path dir, JsonNode root) throws IOException {
    NativeAssumptions.assumeNatives();
    MetaGraphDef meta = MetaGraphDef.parseFrom(Files.readAllBytes(dir.resolve(root.path("graph").path("meta_graph").asText())));
    try (Graph g = new Graph()) {
      g.importGraphDef(meta.getGraphDef());
      try (Session s = new Session(g);
          TString prefix = TString.scalarOf(dir.resolve(root.path("checkpoint").asText()).toString())) {
        s.runner().feed(meta.getSaverDef().getFilenameTensorName(), prefix).addTarget(meta.getSaverDef().getRestoreOpName()).run().close();
        runAndCompare(root.path("run"), feeds -> {
          Session.Runner r = s.runner();
          feeds.forEach(r::feed);
          for (JsonNode f : root.path("run").path("fetches")) {
            r.fetch(f.path("name").asText());
          }
          return r.run();
        });
      }
    }
  }

  private static void checkSavedModelRun(Path dir, JsonNode root) throws IOException {
    NativeAssumptions.assumeNatives();
    List<String> tags = new ArrayList<>();
    root.path("saved_model").path("tags").forEach(t -> tags.add(t.asText()));
    try (SavedModelBundle bundle = SavedModelBundle.load(dir.toString(), tags.toArray(String[]::new))) {
      runAndCompare(root.path("run"), feeds -> bundle.function(root.path("saved_model").path("signature_def").asText()).call(feeds));
    }
  }

  private interface Runner {
    Result run(Map<String, Tensor> feeds);
  }

  private static void runAndCompare(JsonNode run, Runner runner) {
    Map<String, Tensor> feeds = new java.util.LinkedHashMap<>();
    try {
      for (JsonNode f : run.path("feeds")) {
        assertEquals("float32", f.path("dtype").asText());
        byte[] bytes = HexFormat.of().parseHex(f.path("data_hex").asText());
        feeds.put(f.path("name").asText(), TFloat32.tensorOf(Shape.of(longs(f.path("shape"))), DataBuffers.of(ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer())));
      }
      try (Result result = runner.run(feeds)) {
        int i = 0;
        for (JsonNode f : run.path("fetches")) {
          String name = f.path("name").asText();
          Tensor t = result.get(name).orElseGet(() -> null);
          if (t == null) {
            t = result.get(i);
          }
          i++;
          assertArrayEquals(longs(f.path("shape")), t.shape().asArray(), name);
          float[] expected = floats(HexFormat.of().parseHex(f.path("data_hex").asText()));
          float[] actual = floats(bytes(t));
          assertEquals(expected.length, actual.length, name);
          for (int j = 0; j < expected.length; j++) {
            assertEquals(expected[j], actual[j], 1e-5f * Math.max(1f, Math.abs(expected[j])), name + "[" + j + "]");
          }
        }
      }
    } finally {
      feeds.values().forEach(Tensor::close);
    }
  }

  private static byte[] bytes(Tensor t) {
    RawTensor raw = t.asRawTensor();
    byte[] out = new byte[(int) raw.numBytes()];
    raw.data().read(out);
    return out;
  }

  private static float[] floats(byte[] b) {
    float[] out = new float[b.length / 4];
    ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
    return out;
  }

  private static long[] longs(JsonNode array) {
    long[] out = new long[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).asLong();
    }
    return out;
  }
}
