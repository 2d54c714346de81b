package io.github.jfreeze.freezer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jfreeze.codec.CheckpointReader;
import io.github.jfreeze.codec.Tensor;
import io.github.jfreeze.codec.TensorProtos;
import io.github.jfreeze.codec.testing.TableWriter;
import io.github.jfreeze.codec.testing.TestPaths;
import io.github.jfreeze.codec.table.Table;
import io.github.jfreeze.codec.table.TableEntry;
import io.github.jfreeze.proto.FunctionDef;
import io.github.jfreeze.proto.GraphDef;
import io.github.jfreeze.proto.NodeDef;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Freezing real TF-written models from the shared corpus, checked against their checkpoints. */
class FreezerCorpusTest {
  @TempDir Path tmp;

  static Path corpus(String p) {
    return TestPaths.corpus().resolve(p);
  }

  private static Map<String, NodeDef> nodes(GraphDef g) {
    Map<String, NodeDef> m = new LinkedHashMap<>();
    g.getNodeList().forEach(n -> m.put(n.getName(), n));
    return m;
  }

  /** Every Const that replaced a variable holds exactly the checkpoint's bytes. */
  private static void assertConstantsMatchCheckpoint(GraphDef g, FreezeReport r, Path checkpoint) throws IOException {
    Map<String, NodeDef> nodes = nodes(g);
    try (CheckpointReader ckpt = CheckpointReader.open(checkpoint)) {
      for (FreezeReport.ConvertedVariable v : r.variables()) {
        NodeDef c = nodes.get(v.node());
        assertEquals("Const", c.getOp(), v.node());
        Tensor frozen = TensorProtos.toTensor(c.getAttrOrThrow("value").getTensor(), null, -1);
        Tensor stored = ckpt.read(v.key());
        assertEquals(stored.shape(), frozen.shape());
        assertArrayEquals(stored.toByteArray(), frozen.toByteArray(), v.node());
      }
    }
  }

  private static void assertNoVariablesLeft(GraphDef g) {
    Set<String> stateful = Set.of("VariableV2", "Variable", "VarHandleOp", "ReadVariableOp", "Assign", "AssignVariableOp",
        "RestoreV2", "SaveV2");
    for (NodeDef n : g.getNodeList()) {
      assertFalse(stateful.contains(n.getOp()), n.getName() + " is " + n.getOp());
      assertTrue(n.getDevice().isEmpty(), "devices are cleared: " + n.getName());
    }
    for (FunctionDef f : g.getLibrary().getFunctionList()) {
      for (NodeDef n : f.getNodeDefList()) {
        assertFalse(stateful.contains(n.getOp()), f.getSignature().getName() + "/" + n.getName() + " is " + n.getOp());
      }
    }
  }

  @Test
  void tf1CheckpointWithMeta() throws IOException {
    Path out = tmp.resolve("frozen.pb");
    FreezeReport r = Freezer.freeze(FreezeOptions.builder(corpus("tf2onnx_regression/checkpoint")).outputs("pred").output(out).build());
    GraphDef g = GraphDef.parseFrom(Files.readAllBytes(out));
    assertNoVariablesLeft(g);
    assertEquals(List.of("W", "b"), r.variables().stream().map(FreezeReport.ConvertedVariable::node).toList());
    assertEquals(List.of("X"), r.inputs());
    assertEquals(g.getNodeCount(), r.nodesAfter());
    assertTrue(r.nodesBefore() > r.nodesAfter());
    assertEquals(Files.size(out), r.outputBytes());
    assertConstantsMatchCheckpoint(g, r, corpus("tf2onnx_regression/checkpoint"));
  }

  @Test
  void tf2SavedModelThroughItsSignatureAndFunctions() throws IOException {
    Path dir = corpus("serving_saved_model_half_plus_two_tf2_cpu/00000123");
    Freezer.Frozen f = Freezer.freezeToGraph(FreezeOptions.builder(dir).build());
    GraphDef g = f.graph();
    assertNoVariablesLeft(g);
    assertEquals(List.of("StatefulPartitionedCall_5"), f.report().outputs(), "serving_default's output");
    assertTrue(f.report().functions().stream().allMatch(n -> n.endsWith("_frozen")), f.report().functions().toString());
    // keys come from the model's restore function, not from names
    assertTrue(f.report().variables().stream().allMatch(v -> v.key().endsWith("/.ATTRIBUTES/VARIABLE_VALUE")));
    assertConstantsMatchCheckpoint(g, f.report(), dir);
    // argument types of the called function are now the value types
    for (FunctionDef fn : g.getLibrary().getFunctionList()) {
      fn.getSignature().getInputArgList().forEach(a -> assertFalse(a.getType().name().equals("DT_RESOURCE"), fn.getSignature().getName()));
    }
  }

  @Test
  void tf1SavedModelAndV1Checkpoint() throws IOException {
    Freezer.Frozen f = Freezer.freezeToGraph(FreezeOptions.builder(corpus("serving_saved_model_half_plus_two_cpu/00000123"))
        .signature("regress_x_to_y").build());
    assertNoVariablesLeft(f.graph());
    assertConstantsMatchCheckpoint(f.graph(), f.report(), corpus("serving_saved_model_half_plus_two_cpu/00000123"));
    Path v1 = corpus("serving_session_bundle_half_plus_two_v1/00000123");
    f = Freezer.freezeToGraph(FreezeOptions.builder(v1).outputs("y").build());
    assertNoVariablesLeft(f.graph());
    assertConstantsMatchCheckpoint(f.graph(), f.report(), v1);
  }

  @Test
  void outputIsDeterministic() throws IOException {
    Path a = tmp.resolve("a.pb");
    Path b = tmp.resolve("b.pb");
    Path dir = corpus("serving_saved_model_half_plus_two_tf2_cpu/00000123");
    Freezer.freeze(FreezeOptions.builder(dir).output(a).build());
    Freezer.freeze(FreezeOptions.builder(dir).output(b).build());
    assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
  }

  @Test
  void freezingAFrozenGraphSaysSo() {
    FreezeException e = assertThrows(FreezeException.class,
        () -> Freezer.freezeToGraph(FreezeOptions.builder(corpus("tf2onnx_regression/graphdef/frozen.pb")).build()));
    assertEquals(FreezeException.Reason.ALREADY_FROZEN, e.reason());
    assertTrue(e.getMessage().contains("already frozen"), e.getMessage());
  }

  /**
   * Issue 11: outputs that reach no variable are no failure. The pruned graph is written, as TF's
   * converter writes it, and the report says there was nothing to convert (before: ALREADY_FROZEN).
   */
  @Test
  void outputsThatReachNoVariableGiveThePrunedGraph() throws IOException {
    Path graph = corpus("tf2onnx_regression/graphdef/frozen.pb");
    Freezer.Frozen f = Freezer.freezeToGraph(FreezeOptions.builder(graph).outputs("pred").build());
    assertTrue(f.report().variables().isEmpty());
    assertTrue(f.report().warnings().stream().anyMatch(w -> w.contains("nothing to convert")), f.report().warnings().toString());
    GraphDef original = GraphDef.parseFrom(java.nio.file.Files.readAllBytes(graph));
    assertEquals(f.report().nodesBefore(), original.getNodeCount());
    assertTrue(f.graph().getNodeList().stream().anyMatch(n -> n.getName().equals("pred")));
    assertTrue(f.graph().getNodeCount() <= original.getNodeCount());
  }

  @Test
  void noOrWrongOutputsListLikelyOnes() {
    FreezeException e = assertThrows(FreezeException.class,
        () -> Freezer.freezeToGraph(FreezeOptions.builder(corpus("tf2onnx_regression/checkpoint")).build()));
    assertEquals(FreezeException.Reason.NO_OUTPUTS, e.reason());
    assertTrue(e.getMessage().contains("likely outputs") && e.getMessage().contains("truediv"), e.getMessage());
    e = assertThrows(FreezeException.class,
        () -> Freezer.freezeToGraph(FreezeOptions.builder(corpus("tf2onnx_regression/checkpoint")).outputs("prd").build()));
    assertEquals(FreezeException.Reason.NOT_IN_GRAPH, e.reason());
    assertTrue(e.getMessage().contains("closest names: pred"), e.getMessage());
  }

  @Test
  void checkpointMissingAVariableFailsBeforeWriting() throws IOException {
    // the checkpoint of another run: 'b' was saved as 'bias'
    Path dir = Files.createDirectory(tmp.resolve("ckpt"));
    try (Stream<Path> s = Files.list(corpus("tf2onnx_regression/checkpoint"))) {
      for (Path p : s.toList()) {
        Files.copy(p, dir.resolve(p.getFileName()));
      }
    }
    Map<byte[], byte[]> entries = new LinkedHashMap<>();
    try (Table t = Table.open(dir.resolve("model.index"))) {
      Table.Cursor c = t.cursor();
      for (TableEntry e = c.next(); e != null; e = c.next()) {
        byte[] v = new byte[e.value().remaining()];
        e.value().duplicate().get(v);
        entries.put(e.keyString().equals("b") ? "bias".getBytes(StandardCharsets.UTF_8) : e.key(), v);
      }
    }
    Files.write(dir.resolve("model.index"), TableWriter.write(entries, 262144, false));
    Path out = tmp.resolve("out.pb");
    FreezeException e = assertThrows(FreezeException.class,
        () -> Freezer.freeze(FreezeOptions.builder(dir).outputs("pred").output(out).build()));
    assertEquals(FreezeException.Reason.VARIABLE_MISMATCH, e.reason());
    assertTrue(e.getMessage().contains("variable 'b'") && e.getMessage().contains("closest keys: bias"), e.getMessage());
    assertFalse(Files.exists(out));
  }

  @Test
  void outputsNeverReplaceInputsOrExistingFilesUnlessForced() throws IOException {
    Path ckpt = corpus("tf2onnx_regression/checkpoint");
    FreezeException e = assertThrows(FreezeException.class, () -> Freezer.freeze(
        FreezeOptions.builder(ckpt).outputs("pred").output(ckpt.resolve("model.meta")).force(true).build()));
    assertEquals(FreezeException.Reason.BAD_OUTPUT, e.reason());
    assertTrue(e.getMessage().contains("is an input"), e.getMessage());
    Path sm = corpus("tf2onnx_regression/saved_model");
    e = assertThrows(FreezeException.class, () -> Freezer.freeze(
        FreezeOptions.builder(sm).output(sm.resolve("frozen.pb")).build()));
    assertTrue(e.getMessage().contains("inside the input"), e.getMessage());
    // the same through a symbolic link to the SavedModel's directory
    Path link = Files.createSymbolicLink(tmp.resolve("sm-link"), sm);
    e = assertThrows(FreezeException.class, () -> Freezer.freeze(
        FreezeOptions.builder(sm).output(link.resolve("frozen.pb")).build()));
    assertTrue(e.getMessage().contains("inside the input"), e.getMessage());
    Files.delete(link);
    Path out = tmp.resolve("f.pb");
    Files.writeString(out, "keep me");
    e = assertThrows(FreezeException.class, () -> Freezer.freeze(FreezeOptions.builder(ckpt).outputs("pred").output(out).build()));
    assertTrue(e.getMessage().contains("already exists; set FreezeOptions.force(true)"), e.getMessage());
    assertEquals("keep me", Files.readString(out));
    Freezer.freeze(FreezeOptions.builder(ckpt).outputs("pred").output(out).force(true).build());
    assertTrue(Files.size(out) > 100);
    try (Stream<Path> s = Files.list(tmp)) {
      assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary files left");
    }
  }

  @Test
  void excludedVariablesStayVariables() throws IOException {
    Freezer.Frozen f = Freezer.freezeToGraph(FreezeOptions.builder(corpus("tf2onnx_regression/checkpoint")).outputs("pred")
        .excludeVariables(List.of("b")).build());
    Map<String, NodeDef> nodes = nodes(f.graph());
    assertEquals("Const", nodes.get("W").getOp());
    assertEquals("VariableV2", nodes.get("b").getOp());
    assertEquals(List.of("b"), f.report().keptVariables());
    f = Freezer.freezeToGraph(FreezeOptions.builder(corpus("tf2onnx_regression/checkpoint")).outputs("pred")
        .includeVariables(List.of("[A-Z]")).build());
    assertEquals(List.of("W"), f.report().variables().stream().map(FreezeReport.ConvertedVariable::node).toList());
  }
}
