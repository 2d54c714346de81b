package io.github.jfreeze.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.jfreeze.bridge.NativeRunner;
import io.github.jfreeze.bridge.NativeTensor;
import io.github.jfreeze.codec.testing.TestPaths;
import io.github.jfreeze.freezer.FreezeOptions;
import io.github.jfreeze.freezer.FreezeReport;
import io.github.jfreeze.freezer.Freezer;
import io.github.jfreeze.proto.AttrValue;
import io.github.jfreeze.proto.GraphDef;
import io.github.jfreeze.proto.NodeDef;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.samediff.frameworkimport.tensorflow.importer.TensorflowFrameworkImporter;

/**
 * A runtime that cannot run TensorFlow functions runs jfreeze's flat freezes: DL4J SameDiff's
 * TensorFlow importer (nd4j CPU backend, no TensorFlow on its classpath) imports TF2 models frozen
 * with {@code lowerControlFlow} and computes what native TensorFlow computed: the zoo's functional
 * models against the values native TF recorded in their {@code model.json}, and the corpus's Keras
 * SavedModel against native TF running the SavedModel itself in this JVM (runtime-bridge).
 */
class SameDiffImportTest {
  /** What the importers read: no functional op, no function library (checked before importing). */
  private static final Set<String> FUNCTIONAL = Set.of("PartitionedCall", "StatefulPartitionedCall", "If", "StatelessIf",
      "Case", "StatelessCase", "While", "StatelessWhile");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  @org.junit.jupiter.api.BeforeEach
  void nd4jBackendForThisMachine() {
    // the module carries nd4j's linux-x86_64 backend (the CI machine's); elsewhere it cannot load
    org.junit.jupiter.api.Assumptions.assumeTrue(System.getProperty("os.name").startsWith("Linux")
        && Set.of("amd64", "x86_64").contains(System.getProperty("os.arch")),
        "skipped: nd4j-native is declared for linux-x86_64 only, this is " + System.getProperty("os.name") + "/"
            + System.getProperty("os.arch"));
  }

  @TestFactory
  Stream<DynamicTest> flatZooModelsComputeWhatNativeTensorFlowRecorded() {
    // the zoo's TF2-style models SameDiff 1.0.0-M2.1 imports and runs: nested calls; If, While in
    // a branch, a call in the loop body. Left out, for SameDiff's own limits, not the graphs' (the
    // same flat graphs verify in native TF, FlatFreezeTest): functional_control_flow and
    // functional_handles (its Sum mapping fails: "Node with name Sum for opdef with name Sum did
    // not contain a tensor with name x"), function_gather (its GatherV2 ignores batch_dims: [2,2,3]
    // for [2,3]), case_branches (branch 0 is right; for branches 1 and 2 it returns no output),
    // rnn_while ("No import process defined for TensorListFromTensor")
    return Stream.of("partitioned_call", "nested_functional")
        .map(name -> DynamicTest.dynamicTest(name, () -> checkZoo(name)));
  }

  private void checkZoo(String name) throws IOException {
    Path dir = TestPaths.testdata().resolve("models").resolve(name);
    JsonNode m = JSON.readTree(dir.resolve("model.json").toFile());
    List<String> outputs = new ArrayList<>();
    m.path("outputs").forEach(o -> outputs.add(o.asText()));
    Path flat = freezeFlat(FreezeOptions.builder(dir).outputs(outputs), name);
    Map<String, INDArray> feeds = new LinkedHashMap<>();
    GraphDef g = GraphDef.parseFrom(Files.readAllBytes(flat));
    Set<String> names = new java.util.HashSet<>();
    g.getNodeList().forEach(n -> names.add(n.getName()));
    m.path("feeds").fields().forEachRemaining(e -> {
      if (names.contains(e.getKey())) {
        feeds.put(e.getKey(), array(e.getValue()));
      }
    });
    Map<String, INDArray> got = run(flat, feeds, outputs);
    for (String o : outputs) {
      assertClose(name + " " + o, array(m.path("expected").path(o)), got.get(o));
    }
  }

  @Test
  void flatKerasModelComputesWhatNativeTensorFlowComputesFromTheSavedModel() throws IOException {
    Path model = TestPaths.corpus().resolve("tfnet_keras_python_func_model");
    Path flat = freezeFlat(FreezeOptions.builder(model).signature("serving_default"), "keras");
    float[] x = new float[2 * 784];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) Math.sin(i * 0.37) * 0.5f + 0.5f;
    }
    StringBuilder literal = new StringBuilder("[");
    for (int r = 0; r < 2; r++) {
      literal.append(r == 0 ? "[" : ", [");
      for (int c = 0; c < 784; c++) {
        literal.append(c == 0 ? "" : ", ").append(x[r * 784 + c]);
      }
      literal.append("]");
    }
    literal.append("]");
    NativeRunner.Result nativeRun = NativeRunner.runSavedModel(model, Set.of("serve"), "serving_default",
        Map.of("input_1", literal.toString()), List.of(), io.github.jfreeze.bridge.Device.CPU);
    NativeTensor expected = nativeRun.outputs().get(0);
    Map<String, INDArray> got = run(flat, Map.of("serving_default_input_1", Nd4j.create(x, new long[] {2, 784})),
        List.of("StatefulPartitionedCall"));
    INDArray want = Nd4j.create(floats(expected.data()), expected.shape());
    assertClose("keras", want, got.get("StatefulPartitionedCall"));

    // what it gets without flattening: the call into the function library, which it cannot run
    Path plain = tmp.resolve("keras-plain.pb");
    Freezer.freeze(FreezeOptions.builder(model).signature("serving_default").output(plain).build());
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> run(plain, Map.of("serving_default_input_1", Nd4j.create(x, new long[] {2, 784})), List.of("StatefulPartitionedCall")));
    assertTrue(e.getMessage().contains("StatefulPartitionedCall"), e.getMessage());
  }

  /** Freezes flat and checks the structure the importers document: no functional op, no library. */
  private Path freezeFlat(FreezeOptions.Builder b, String name) throws IOException {
    Path out = tmp.resolve(name + ".pb");
    FreezeReport r = Freezer.freeze(b.output(out).lowerControlFlow(true).build());
    assertTrue(r.functions().isEmpty(), r.functions().toString());
    GraphDef g = GraphDef.parseFrom(Files.readAllBytes(out));
    assertFalse(g.hasLibrary());
    for (NodeDef n : g.getNodeList()) {
      assertFalse(FUNCTIONAL.contains(n.getOp()), n.getName() + " is " + n.getOp());
      for (AttrValue v : n.getAttrMap().values()) {
        assertFalse(v.hasFunc() || v.getList().getFuncCount() > 0, n.getName() + " names a function");
      }
    }
    return out;
  }

  private static Map<String, INDArray> run(Path flat, Map<String, INDArray> feeds, List<String> outputs) {
    SameDiff sd = new TensorflowFrameworkImporter().runImport(flat.toString(), new HashMap<>(), false);
    return sd.output(feeds, outputs.toArray(String[]::new));
  }

  private static void assertClose(String what, INDArray want, INDArray got) {
    assertTrue(got != null, what + ": no output");
    assertEquals(want.length(), got.length(), what + ": " + got.shapeInfoToString());
    double[] w = want.castTo(DataType.DOUBLE).data().asDouble();
    double[] g = got.castTo(DataType.DOUBLE).data().asDouble();
    for (int i = 0; i < w.length; i++) {
      double tol = 1e-5 + 1e-5 * Math.max(Math.abs(w[i]), Math.abs(g[i]));
      assertTrue(Math.abs(w[i] - g[i]) <= tol, what + "[" + i + "]: native TF " + w[i] + ", SameDiff " + g[i]);
    }
  }

  /** A value as model.json records it (little-endian row-major hex). */
  private static INDArray array(JsonNode v) {
    long[] shape = new long[v.path("shape").size()];
    for (int i = 0; i < shape.length; i++) {
      shape[i] = v.path("shape").get(i).asLong();
    }
    ByteBuffer b = ByteBuffer.wrap(HexFormat.of().parseHex(v.path("data_hex").asText())).order(ByteOrder.LITTLE_ENDIAN);
    switch (v.path("dtype").asText()) {
      case "float32" -> {
        return Nd4j.create(floats(b.array()), shape);
      }
      case "int32" -> {
        int[] a = new int[b.remaining() / 4];
        b.asIntBuffer().get(a);
        return Nd4j.createFromArray(a).reshape(shape);
      }
      case "int64" -> {
        long[] a = new long[b.remaining() / 8];
        b.asLongBuffer().get(a);
        return Nd4j.createFromArray(a).reshape(shape);
      }
      case "bool" -> {
        boolean[] a = new boolean[b.remaining()];
        for (int i = 0; i < a.length; i++) {
          a[i] = b.get(i) != 0;
        }
        return shape.length == 0 ? Nd4j.scalar(a[0]) : Nd4j.createFromArray(a).reshape(shape);
      }
      default -> throw new IllegalArgumentException("dtype " + v.path("dtype").asText());
    }
  }

  private static float[] floats(byte[] bytes) {
    float[] a = new float[bytes.length / 4];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(a);
    return a;
  }
}
