package io.github.jfreeze.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.jfreeze.codec.DType;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code jfreeze inspect} over every checkpoint, {@code .meta}, GraphDef and SavedModel of the
 * corpus, as text and as JSON (parsed back and checked for structure).
 */
class InspectCorpusTest {
  private static final Set<String> DTYPES = Arrays.stream(DType.values()).map(DType::pythonName)
      .collect(Collectors.toSet());
  private static final Set<String> FLOATS = Set.of("float32", "float64", "float16", "bfloat16", "float8_e5m2",
      "float8_e4m3fn");

  static List<Path> checkpoints() {
    List<Path> l = Corpus.checkpoints();
    assertTrue(l.size() >= 20, "expected the corpus's checkpoints, found " + l);
    return l;
  }

  static List<Path> metaGraphs() {
    List<Path> l = Corpus.metaGraphs();
    assertTrue(l.size() >= 7, "expected the corpus's .meta files, found " + l);
    return l;
  }

  static List<Path> savedModels() {
    List<Path> l = Corpus.savedModels();
    assertTrue(l.size() >= 15, "expected the corpus's SavedModels, found " + l);
    return l;
  }

  static List<Path> graphDefs() {
    List<Path> l = Corpus.graphDefs();
    assertTrue(l.size() >= 2, "expected the corpus's frozen graphs, found " + l);
    return l;
  }

  static Stream<Path> everything() {
    return Stream.of(checkpoints(), metaGraphs(), savedModels(), graphDefs()).flatMap(List::stream);
  }

  @ParameterizedTest
  @MethodSource("everything")
  void text(Path p) {
    Cli.Result r = Cli.run("inspect", p.toString()).assertOk();
    assertFalse(r.out().isBlank(), () -> r.describe("output"));
  }

  @ParameterizedTest
  @MethodSource("everything")
  void textWithValuesAndVerify(Path p) {
    Cli.Result r = Cli.run("inspect", p.toString(), "--values", "--verify").assertOk();
    assertFalse(r.out().isBlank(), () -> r.describe("output"));
  }

  @ParameterizedTest
  @MethodSource("checkpoints")
  void checkpointJson(Path p) {
    JsonNode j = Cli.run("inspect", p.toString(), "--json", "--values", "--verify").assertOk().json();
    String kind = j.path("kind").asText();
    assertTrue(kind.equals("checkpoint") || kind.equals("saved_model"), () -> "kind " + kind + " for " + p);
    JsonNode ckpt = kind.equals("checkpoint") ? j : j.get("checkpoint");
    checkCheckpoint(ckpt, true);
    assertTrue(ckpt.get("verified").asBoolean());
    if (kind.equals("checkpoint")) {
      JsonNode graph = j.get("graph");
      assertNotNull(graph, "graph field");
      if (!graph.isNull()) {
        checkGraph(graph);
        if (graph.get("kind").asText().equals("meta_graph")) {
          checkMeta(graph);
        }
      }
    }
    checkWarnings(j);
  }

  @ParameterizedTest
  @MethodSource("checkpoints")
  void checkpointJsonWithoutValues(Path p) {
    JsonNode j = Cli.run("inspect", p.toString(), "--json").assertOk().json();
    JsonNode ckpt = j.get("kind").asText().equals("checkpoint") ? j : j.get("checkpoint");
    checkCheckpoint(ckpt, false);
    assertFalse(ckpt.get("verified").asBoolean());
  }

  @ParameterizedTest
  @MethodSource("metaGraphs")
  void metaGraphJson(Path p) {
    JsonNode j = Cli.run("inspect", p.toString(), "--json").assertOk().json();
    // a .meta beside its checkpoint is shown as that checkpoint with its graph
    JsonNode meta = j.get("kind").asText().equals("checkpoint") ? j.get("graph") : j;
    assertEquals("meta_graph", meta.get("kind").asText(), () -> j.toPrettyString());
    checkMeta(meta);
    checkGraph(meta);
    checkWarnings(j);
  }

  @ParameterizedTest
  @MethodSource("graphDefs")
  void graphDefJson(Path p) {
    JsonNode j = Cli.run("inspect", p.toString(), "--json", "--values").assertOk().json();
    assertEquals("graph_def", j.get("kind").asText());
    checkGraph(j);
    JsonNode consts = j.get("constants");
    assertTrue(consts.isArray());
    for (JsonNode c : consts) {
      checkValues(c, c.get("dtype").asText(), c.get("num_elements").asLong());
    }
    checkWarnings(j);
  }

  @ParameterizedTest
  @MethodSource("savedModels")
  void savedModelJson(Path p) {
    JsonNode j = Cli.run("inspect", p.toString(), "--json", "--values").assertOk().json();
    assertEquals("saved_model", j.get("kind").asText());
    assertTrue(j.get("meta_graphs").size() >= 1);
    for (JsonNode m : j.get("meta_graphs")) {
      checkMeta(m);
      checkGraph(m);
    }
    if (!j.get("checkpoint").isNull()) {
      checkCheckpoint(j.get("checkpoint"), true);
    }
    checkWarnings(j);
  }

  // ---------------------------------------------------------------------------- checks

  static void checkWarnings(JsonNode j) {
    assertTrue(j.get("warnings").isArray());
    j.get("warnings").forEach(w -> assertTrue(w.isTextual()));
    assertEquals(1, j.get("schema_version").asInt());
  }

  static void checkCheckpoint(JsonNode c, boolean values) {
    String format = c.get("format").asText();
    assertTrue(format.equals("v2") || format.equals("v1"), format);
    assertFalse(c.get("prefix").asText().isEmpty());
    assertTrue(c.get("shards").asInt() >= 1);
    assertTrue(c.get("files").size() >= 1);
    JsonNode vars = c.get("variables");
    assertTrue(vars.isArray() && vars.size() >= 1, "variables");
    assertEquals(vars.size(), c.get("totals").get("variables").asInt());
    long params = 0;
    for (JsonNode v : vars) {
      assertFalse(v.get("key").asText().isEmpty());
      assertTrue(v.get("name").isTextual());
      String dtype = v.get("dtype").asText();
      assertTrue(DTYPES.contains(dtype), dtype);
      long n = 1;
      for (JsonNode d : v.get("shape")) {
        assertTrue(d.isIntegralNumber() && d.asLong() >= 0, v.toString());
        n *= d.asLong();
      }
      assertEquals(n, v.get("num_elements").asLong(), v.toString());
      params += n;
      assertEquals(dtype.equals("string") || dtype.equals("variant"), v.get("bytes").isNull(), v.toString());
      assertTrue(v.get("slices").isArray());
      if (values) {
        checkValues(v, dtype, n);
        assertFalse(v.get("values_truncated").asBoolean());
      } else {
        assertFalse(v.has("values"), "values only under --values");
      }
    }
    assertEquals(params, c.get("totals").get("parameters").asLong());
  }

  static void checkValues(JsonNode v, String dtype, long n) {
    JsonNode values = v.get("values");
    assertNotNull(values, () -> "no values in " + v);
    assertEquals(n, values.size(), v::toString);
    for (JsonNode e : values) {
      if (FLOATS.contains(dtype)) {
        assertTrue(e.isNumber() || Set.of("NaN", "Infinity", "-Infinity").contains(e.asText()), e.toString());
      } else if (dtype.startsWith("complex")) {
        assertTrue(e.isArray() && e.size() == 2, e.toString());
      } else if (dtype.equals("bool")) {
        assertTrue(e.isBoolean(), e.toString());
      } else if (dtype.equals("string")) {
        assertTrue(e.isTextual() || e.has("base64"), e.toString());
      } else {
        assertTrue(e.isIntegralNumber(), e.toString());
      }
    }
  }

  static void checkGraph(JsonNode g) {
    int nodes = g.get("node_count").asInt();
    int sum = 0;
    int last = Integer.MAX_VALUE;
    for (JsonNode o : g.get("ops")) {
      int count = o.get("count").asInt();
      assertTrue(count <= last, "ops sorted by count");
      last = count;
      sum += count;
      assertFalse(o.get("op").asText().isEmpty());
    }
    assertEquals(nodes, sum, "op counts add up to the node count");
    assertTrue(g.get("function_count").asInt() >= 0);
    for (JsonNode i : g.get("inputs")) {
      assertTrue(i.get("name").isTextual() && i.get("op").asText().startsWith("Placeholder"), i.toString());
      assertTrue(i.get("shape").isNull() || i.get("shape").isArray(), i.toString());
    }
    for (JsonNode o : g.get("outputs")) {
      assertTrue(o.get("name").isTextual() && o.get("op").isTextual(), o.toString());
    }
    for (JsonNode v : g.get("variables")) {
      assertTrue(v.get("name").isTextual(), v.toString());
      assertTrue(v.has("trainable") && v.has("dtype") && v.has("shape"), v.toString());
    }
    assertTrue(g.get("missing_inputs").isArray());
  }

  static void checkMeta(JsonNode m) {
    assertTrue(m.get("tags").isArray());
    assertTrue(m.get("tensorflow_version").isTextual());
    assertTrue(m.get("saver").isNull() || m.get("saver").get("version").isTextual());
    for (JsonNode c : m.get("collections")) {
      assertTrue(Set.of("node_list", "bytes_list", "int64_list", "float_list", "any_list", "none")
          .contains(c.get("kind").asText()), c.toString());
    }
    for (JsonNode s : m.get("signatures")) {
      assertTrue(s.get("key").isTextual());
      for (JsonNode t : s.get("inputs")) {
        assertTrue(t.get("key").isTextual() && t.get("name").isTextual() && t.has("dtype") && t.has("shape"));
      }
      assertTrue(s.get("outputs").isArray());
    }
  }

  // ------------------------------------------------------ facts visible in the files

  private static JsonNode variable(JsonNode ckpt, String key) {
    for (JsonNode v : ckpt.get("variables")) {
      if (v.get("key").asText().equals(key)) {
        return v;
      }
    }
    throw new AssertionError("no variable " + key + " in " + ckpt);
  }

  @Test
  void halfPlusTwoV1SessionBundleHoldsAAndB() {
    JsonNode j = Cli.run("inspect", Corpus.file("serving_session_bundle_half_plus_two_v1/00000123").toString(),
        "--json", "--values").assertOk().json();
    assertEquals("checkpoint", j.get("kind").asText());
    assertEquals("v1", j.get("format").asText());
    assertEquals(0.5, variable(j, "a").get("values").get(0).asDouble());
    assertEquals(2.0, variable(j, "b").get("values").get(0).asDouble());
    assertEquals("float32", variable(j, "a").get("dtype").asText());
    // export.meta: tensorflow_version "0.12.head", SaverDef V1 sharded, any_list serving_signatures
    JsonNode meta = j.get("graph");
    assertEquals("0.12.head", meta.get("tensorflow_version").asText());
    assertEquals("V1", meta.get("saver").get("version").asText());
    assertTrue(meta.get("saver").get("sharded").asBoolean());
    assertTrue(meta.get("collections").toString().contains("{\"name\":\"serving_signatures\",\"kind\":\"any_list\""));
  }

  @Test
  void halfPlusTwoSavedModels() {
    JsonNode tf1 = Cli.run("inspect", Corpus.file("serving_saved_model_half_plus_two_cpu/00000123").toString(),
        "--json", "--values").assertOk().json();
    assertEquals(0.5, variable(tf1.get("checkpoint"), "a").get("values").get(0).asDouble());
    assertEquals(2.0, variable(tf1.get("checkpoint"), "b").get("values").get(0).asDouble());
    assertEquals(5, tf1.get("checkpoint").get("variables").size(), "MANIFEST: 5 float vars");
    JsonNode mg = tf1.get("meta_graphs").get(0);
    assertEquals("[\"serve\"]", mg.get("tags").toString());
    assertEquals("1.14.0", mg.get("tensorflow_version").asText());
    assertEquals(5, mg.get("signatures").size(), "MANIFEST: 5 signatures");
    JsonNode serving = null;
    for (JsonNode s : mg.get("signatures")) {
      if (s.get("key").asText().equals("serving_default")) {
        serving = s;
      }
    }
    assertNotNull(serving);
    JsonNode x = serving.get("inputs").get(0);
    assertEquals("x", x.get("key").asText());
    assertEquals("x:0", x.get("name").asText());
    assertEquals("float32", x.get("dtype").asText());
    assertEquals("[-1,1]", x.get("shape").toString());

    JsonNode tf2 = Cli.run("inspect", Corpus.file("serving_saved_model_half_plus_two_tf2_cpu/00000123").toString(),
        "--json", "--values").assertOk().json();
    JsonNode a = variable(tf2.get("checkpoint"), "a/.ATTRIBUTES/VARIABLE_VALUE");
    assertEquals("a", a.get("name").asText(), "friendly name from the object graph");
    assertEquals(0.5, a.get("values").get(0).asDouble());
    assertEquals(2.0, variable(tf2.get("checkpoint"), "b/.ATTRIBUTES/VARIABLE_VALUE").get("values").get(0).asDouble());
    assertEquals("2.14.0", tf2.get("meta_graphs").get(0).get("tensorflow_version").asText());
    assertEquals(24, tf2.get("meta_graphs").get(0).get("object_graph_nodes").asInt(), "MANIFEST: 24 nodes");
  }

  @Test
  void savedModelWithoutVariables() {
    JsonNode j = Cli.run("inspect", Corpus.file("serving_matrix_half_plus_two/1").toString(), "--json")
        .assertOk().json();
    assertTrue(j.get("checkpoint").isNull());
    Cli.Result text = Cli.run("inspect", Corpus.file("serving_matrix_half_plus_two/1").toString()).assertOk();
    assertTrue(text.out().contains("no variables/ directory"), text::out);
  }

  @Test
  void frozenRegressionGraphInputsOutputsAndWeights() {
    Path frozen = Corpus.file("tf2onnx_regression/graphdef/frozen.pb");
    JsonNode g = Cli.run("inspect", frozen.toString(), "--json", "--values").assertOk().json();
    assertEquals(8, g.get("node_count").asInt(), "MANIFEST: 8 nodes");
    assertEquals(1, g.get("inputs").size());
    assertEquals("X", g.get("inputs").get(0).get("name").asText());
    assertEquals("float32", g.get("inputs").get(0).get("dtype").asText());
    assertEquals(1, g.get("outputs").size());
    assertEquals("pred", g.get("outputs").get(0).get("name").asText());
    // the frozen weights are the checkpoint's values
    JsonNode ckpt = Cli.run("inspect", Corpus.file("tf2onnx_regression/checkpoint").toString(), "--json", "--values")
        .assertOk().json();
    for (JsonNode c : g.get("constants")) {
      String name = c.get("name").asText();
      assertEquals(variable(ckpt, name).get("values"), c.get("values"), name);
    }
    assertEquals(2, g.get("constants").size());
    Cli.Result text = Cli.run("inspect", frozen.toString()).assertOk();
    assertTrue(text.out().contains("X  float32"), text::out);
    assertTrue(text.out().contains("pred  Identity"), text::out);
  }

  @Test
  void checkpointWithMetaShowsBoth() {
    JsonNode j = Cli.run("inspect", Corpus.file("tf2onnx_regression/checkpoint/model.meta").toString(), "--json")
        .assertOk().json();
    assertEquals("checkpoint", j.get("kind").asText());
    assertEquals(2, j.get("variables").size());
    JsonNode meta = j.get("graph");
    assertEquals("meta_graph", meta.get("kind").asText());
    assertEquals("1.11.0", meta.get("tensorflow_version").asText());
    assertEquals("V2", meta.get("saver").get("version").asText(), "MANIFEST: SaverDef V2");
    assertEquals("collection", meta.get("variables_source").asText());
    assertEquals("[\"W\",\"b\"]", names(meta.get("variables")));
    assertEquals("[\"X\",\"Y\"]", names(meta.get("inputs")));
    Cli.Result text = Cli.run("inspect", Corpus.file("tf2onnx_regression/checkpoint").toString()).assertOk();
    assertTrue(text.out().contains("checkpoint  ") && text.out().contains("MetaGraphDef  "), text::out);
  }

  @Test
  void legacySaverAndStaleStatePath() {
    Cli.Result r = Cli.run("inspect", Corpus.file("serving_bad_half_plus_two_v1/00000123").toString(), "--json");
    JsonNode j = r.assertOk().json();
    assertEquals("LEGACY", j.get("graph").get("saver").get("version").asText(), "MANIFEST: SaverDef without version");
    // producer 11: the Placeholder's empty shape attribute is an unknown shape to TF, not a scalar
    assertTrue(j.get("graph").get("inputs").get(0).get("shape").isNull(), j.get("graph").get("inputs").toString());
    assertEquals(List.of("Variable", "Variable_1"),
        List.of(j.get("variables").get(0).get("key").asText(), j.get("variables").get(1).get("key").asText()));
    // the state file names an absolute path from another machine
    assertEquals(1, j.get("warnings").size());
    assertEquals(1, r.errLines().size());
    assertTrue(r.err().startsWith("jfreeze: warning: "), r::err);
  }

  @Test
  void xorMetaGraph() {
    JsonNode j = Cli.run("inspect", Corpus.file("tfnet_meta/xor.meta").toString(), "--json").assertOk().json();
    assertEquals("meta_graph", j.get("kind").asText());
    assertEquals("1.13.1", j.get("tensorflow_version").asText());
    assertEquals("[\"Placeholder\",\"Placeholder_1\"]", names(j.get("inputs")));
    assertEquals("[4,2]", j.get("inputs").get(0).get("shape").toString());
    assertEquals("int32", j.get("inputs").get(1).get("dtype").asText());
    assertEquals("[\"Variable\",\"Variable_1\",\"global_step\"]", names(j.get("variables")));
    assertEquals("[2,8]", j.get("variables").get(0).get("shape").toString());
    assertFalse(j.get("variables").get(2).get("trainable").asBoolean(), "global_step is not trainable");
  }

  @Test
  void frozenGru() {
    JsonNode j = Cli.run("inspect", Corpus.file("tf2onnx_frozen_gru/frozen.pb").toString(), "--json")
        .assertOk().json();
    assertEquals(548, j.get("node_count").asInt(), "MANIFEST: 548 nodes");
    assertEquals("Const", j.get("ops").get(0).get("op").asText());
    assertEquals(132, j.get("ops").get(0).get("count").asInt(), "MANIFEST: 132 Const nodes");
  }

  @Test
  void shardedT2tCheckpoint() {
    JsonNode j = Cli.run("inspect", Corpus.file("t2t_transformer_test_ckpt").toString(), "--json").assertOk().json();
    assertEquals(2, j.get("shards").asInt(), "MANIFEST: num_shards=2");
    assertEquals(3, j.get("files").size(), "index and two data files");
    assertEquals(250, j.get("variables").size(), "MANIFEST: 250 entries");
    JsonNode step = variable(j, "global_step");
    assertEquals("int64", step.get("dtype").asText());
    assertEquals("[]", step.get("shape").toString());
    assertTrue(j.get("graph").isNull(), "model.ckpt-1.meta is not in the corpus");
    Cli.Result text = Cli.run("inspect", Corpus.file("t2t_transformer_test_ckpt").toString()).assertOk();
    assertTrue(text.out().contains("v2, 2 shards"), text::out);
    assertTrue(text.out().contains("250 variables"), text::out);
  }

  @Test
  void kerasFriendlyNames() {
    Path model = Corpus.file("tfnet_keras_python_func_model");
    JsonNode j = Cli.run("inspect", model.toString(), "--json").assertOk().json();
    JsonNode m = variable(j.get("checkpoint"), "layer_with_weights-0/matrix/.ATTRIBUTES/VARIABLE_VALUE");
    assertEquals("[784,10]", m.get("shape").toString());
    assertEquals(7840, m.get("num_elements").asInt());
    assertEquals(31360, m.get("bytes").asInt());
    assertEquals("int64", variable(j.get("checkpoint"), "optimizer/_iterations/.ATTRIBUTES/VARIABLE_VALUE")
        .get("dtype").asText());
    Cli.Result text = Cli.run("inspect", model.toString()).assertOk();
    assertTrue(text.out().lines().anyMatch(l -> l.startsWith("key") && l.contains("name") && l.contains("dtype")),
        text::out);
  }

  @Test
  void tfjsIntegerVariables() {
    JsonNode i64 = Cli.run("inspect", Corpus.file("tfjs_node_int64_multiply").toString(), "--json", "--values")
        .assertOk().json();
    assertTrue(i64.get("checkpoint").get("variables").findValuesAsText("dtype").contains("int64"));
    JsonNode u8 = Cli.run("inspect", Corpus.file("tfjs_node_uint8_multiply").toString(), "--json").assertOk().json();
    for (JsonNode v : u8.get("checkpoint").get("variables")) {
      if (!v.get("key").asText().equals("_CHECKPOINTABLE_OBJECT_GRAPH")) {
        assertEquals("int32", v.get("dtype").asText(), "MANIFEST: uint8_multiply's variables are int32");
      }
    }
  }

  @Test
  void partialSavedModelObjectGraphIsBase64() {
    Cli.Result r = Cli.run("inspect", Corpus.file("serving_tf_text_regression_partial/01").toString(), "--json",
        "--values");
    JsonNode j = r.assertOk().json();
    assertEquals("checkpoint", j.get("kind").asText());
    assertEquals(1, j.get("variables").size());
    JsonNode v = j.get("variables").get(0);
    assertEquals("_CHECKPOINTABLE_OBJECT_GRAPH", v.get("key").asText());
    assertEquals("string", v.get("dtype").asText());
    byte[] bytes = Base64.getDecoder().decode(v.get("values").get(0).get("base64").asText());
    // MANIFEST: the data file holds this one 927-byte entry: a 2-byte varint length, the 4-byte
    // length checksum, then the string
    assertEquals(927, 2 + 4 + bytes.length);
    assertTrue(r.err().contains("no saved_model.pb"), r::err);
  }

  private static String names(JsonNode list) {
    return list.findValuesAsText("name").stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(",", "[", "]"));
  }
}
