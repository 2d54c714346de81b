package io.github.jfreeze.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jfreeze.codec.bundle.BundleReader;
import io.github.jfreeze.codec.table.Table;
import io.github.jfreeze.codec.testing.TestPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every checkpoint and graph in the shared corpus (real files from public projects, TF 0.12 to
 * 2.14, see its MANIFEST.md) opens, every block and tensor checksum verifies, every variable has a
 * dtype and shape, and what MANIFEST.md states about them holds.
 */
class CorpusConformanceTest {
  static List<Path> checkpoints() {
    return TestPaths.corpusCheckpoints();
  }

  @TestFactory
  Stream<DynamicTest> everyCheckpointOpensAndEveryTensorVerifies() throws IOException {
    List<Path> all = checkpoints();
    assertEquals(20, all.size(), "checkpoints in the corpus: " + all);
    return all.stream().map(p -> DynamicTest.dynamicTest(TestPaths.corpus().relativize(p).toString(), () -> {
      try (CheckpointReader r = CheckpointReader.open(p)) {
        assertFalse(r.variables().isEmpty());
        for (VariableInfo v : r.variables()) {
          assertNotNull(v.dtype());
          Tensor t = r.read(v.key());
          assertEquals(v.shape(), t.shape(), v.key());
          assertEquals(v.dtype(), t.dtype(), v.key());
          if (v.dtype().isFixedSize()) {
            assertEquals(v.byteSize(), t.data().remaining());
          }
        }
      }
    }));
  }

  private static Map<String, VariableInfo> vars(String relative) throws IOException {
    try (CheckpointReader r = CheckpointReader.open(TestPaths.corpus().resolve(relative))) {
      return r.variables().stream().collect(Collectors.toMap(VariableInfo::key, v -> v));
    }
  }

  private static float scalar(String relative, String key) throws IOException {
    try (CheckpointReader r = CheckpointReader.open(TestPaths.corpus().resolve(relative))) {
      return r.read(key).toFloatArray()[0];
    }
  }

  @Test
  void manifestFactsHold() throws IOException {
    // V1 sharded session bundle: 2 float scalars a, b
    Map<String, VariableInfo> v = vars("serving_session_bundle_half_plus_two_v1/00000123/export-00000-of-00001");
    assertEquals(List.of("a", "b"), v.keySet().stream().sorted().toList());
    assertTrue(v.values().stream().allMatch(x -> x.dtype() == DType.FLOAT32 && x.shape().rank() == 0));
    // half_plus_two: y = a*x + b with a = 0.5, b = 2 (the model's name and its serving tests)
    assertEquals(0.5f, scalar("serving_session_bundle_half_plus_two_v1/00000123/export-00000-of-00001", "a"));
    assertEquals(2.0f, scalar("serving_session_bundle_half_plus_two_v1/00000123/export-00000-of-00001", "b"));
    // V1 single file with float scalars Variable, Variable_1
    v = vars("serving_bad_half_plus_two_v1/00000123/export");
    assertEquals(List.of("Variable", "Variable_1"), v.keySet().stream().sorted().toList());
    assertEquals(5, vars("serving_saved_model_half_plus_two_cpu/00000123/variables/variables").size());
    assertEquals(9, vars("serving_saved_model_half_plus_two_mkl/00000123/variables/variables").size());
    assertEquals(1, vars("serving_saved_model_counter/00000123/variables/variables").size());
    assertEquals(3, vars("tfjava_saved_model/variables/variables").size());
    // t2t: 250 entries, global_step int64, 2 shards
    v = vars("t2t_transformer_test_ckpt/model.ckpt-1");
    assertEquals(250, v.size());
    assertEquals(DType.INT64, v.get("global_step").dtype());
    try (BundleReader r = BundleReader.open(TestPaths.corpus().resolve("t2t_transformer_test_ckpt/model.ckpt-1"))) {
      assertEquals(2, r.header().getNumShards());
    }
    // partial Keras model: only the object graph, a 927-byte string
    v = vars("serving_tf_text_regression_partial/01/variables/variables");
    assertEquals(List.of(BundleReader.OBJECT_GRAPH_KEY), List.copyOf(v.keySet()));
    try (BundleReader r = BundleReader.open(TestPaths.corpus().resolve("serving_tf_text_regression_partial/01/variables/variables"))) {
      // the 927 bytes of its data file: a 2-byte varint length, the 4-byte length checksum, 921 bytes
      assertEquals(927, r.entry(BundleReader.OBJECT_GRAPH_KEY).getSize());
      assertEquals(927 - 2 - 4, r.read(BundleReader.OBJECT_GRAPH_KEY).elements().get(0).length);
    }
    // Keras python_func_model: matrix [784, 10], optimizer iterations int64
    v = vars("tfnet_keras_python_func_model/variables/variables");
    assertEquals(TensorShape.of(784, 10), v.get("layer_with_weights-0/matrix/.ATTRIBUTES/VARIABLE_VALUE").shape());
    assertEquals(DType.INT64, v.get("optimizer/_iterations/.ATTRIBUTES/VARIABLE_VALUE").dtype());
    // tfjs: int64 variables in int64_multiply, int32 in uint8_multiply
    assertTrue(vars("tfjs_node_int64_multiply/variables/variables").values().stream()
        .filter(x -> x.dtype() != DType.STRING).allMatch(x -> x.dtype() == DType.INT64));
    assertTrue(vars("tfjs_node_uint8_multiply/variables/variables").values().stream()
        .filter(x -> x.dtype() != DType.STRING).allMatch(x -> x.dtype() == DType.INT32));
  }

  @Test
  void snappyCompressedIndexesAreRead() throws IOException {
    for (String p : List.of("serving_saved_model_half_plus_two_cpu/00000123/variables/variables.index",
        "serving_saved_model_half_plus_two_cpu_with_saved_model_config/00000123/variables/variables.index",
        "serving_saved_model_half_plus_two_tf2_cpu/00000123/variables/variables.index")) {
      try (Table t = Table.open(TestPaths.corpus().resolve(p))) {
        assertEquals(1, t.compressionType(0), p + ": MANIFEST.md says its data block is Snappy");
      }
    }
    // and the values inside decode: a = 0.5 in the Snappy-indexed TF2 model
    assertEquals(0.5f, scalar("serving_saved_model_half_plus_two_tf2_cpu/00000123/variables/variables", "a/.ATTRIBUTES/VARIABLE_VALUE"));
  }

  @Test
  void tf2FriendlyNamesComeFromTheObjectGraph() throws IOException {
    Map<String, VariableInfo> v = vars("tfnet_keras_python_func_model/variables/variables");
    VariableInfo matrix = v.get("layer_with_weights-0/matrix/.ATTRIBUTES/VARIABLE_VALUE");
    assertTrue(matrix.hasFriendlyName());
    assertFalse(matrix.name().contains(".ATTRIBUTES"), matrix.name());
  }

  @TestFactory
  Stream<DynamicTest> everyGraphFileIsIdentified() throws IOException {
    List<Path> graphs;
    try (Stream<Path> s = Files.walk(TestPaths.corpus())) {
      graphs = s.filter(p -> p.toString().endsWith(".meta") || p.getFileName().toString().endsWith(".pb"))
          .filter(p -> !p.getFileName().toString().matches("fingerprint.pb|keras_metadata.pb|saved_model_config.pb"))
          .sorted().toList();
    }
    assertEquals(25, graphs.size(), graphs.toString());
    return graphs.stream().map(p -> DynamicTest.dynamicTest(TestPaths.corpus().relativize(p).toString(), () -> {
      GraphFile g = GraphFile.read(p);
      String n = p.getFileName().toString();
      GraphFile.Kind expected = n.endsWith(".meta") ? GraphFile.Kind.META_GRAPH
          : n.equals("saved_model.pb") ? GraphFile.Kind.SAVED_MODEL : GraphFile.Kind.GRAPH_DEF;
      assertEquals(expected, g.kind());
      // detection is by content: the same bytes under a neutral name give the same answer
      assertEquals(expected, GraphFile.parse(Path.of("model.bin"), Files.readAllBytes(p)).kind());
    }));
  }
}
