package io.github.jfreeze.codec.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.jfreeze.codec.DType;
import io.github.jfreeze.codec.GraphFile;
import io.github.jfreeze.proto.AttrValue;
import io.github.jfreeze.proto.DataType;
import io.github.jfreeze.proto.GraphDef;
import io.github.jfreeze.proto.MetaGraphDef;
import io.github.jfreeze.proto.NodeDef;
import io.github.jfreeze.proto.SavedModel;
import io.github.jfreeze.proto.TensorShapeProto;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GraphSummary and MetaGraphSummary on graphs from the shared corpus (facts visible in the files). */
class GraphSummaryTest {

  /** A corpus file; the corpus is found through -Djfreeze.corpus (the root pom sets it). */
  static Path corpus(String relative) {
    String prop = System.getProperty("jfreeze.corpus");
    if (prop == null || !Files.isDirectory(Path.of(prop))) {
      fail("the test corpus is missing: system property jfreeze.corpus is " + (prop == null ? "not set" : "'" + prop
          + "', not a directory") + "; run through Maven from the repository root or pass -Djfreeze.corpus=...");
    }
    Path p = Path.of(prop).resolve(relative);
    if (!Files.exists(p)) {
      fail("corpus file " + p + " is missing");
    }
    return p;
  }

  private static GraphFile read(String relative) throws IOException {
    return GraphFile.read(corpus(relative));
  }

  private static List<String> names(List<?> records) {
    return records.stream().map(r -> {
      if (r instanceof GraphSummary.Input i) {
        return i.name();
      }
      if (r instanceof GraphSummary.Output o) {
        return o.name();
      }
      return ((GraphSummary.Variable) r).name();
    }).toList();
  }

  @Test
  void frozenRegressionGraph() throws IOException {
    GraphSummary s = GraphSummary.of(read("tf2onnx_regression/graphdef/frozen.pb").graphDef());
    assertEquals(8, s.nodeCount());
    assertEquals(0, s.functionCount());
    assertEquals(List.of(new GraphSummary.OpCount("Identity", 3), new GraphSummary.OpCount("Const", 2),
        new GraphSummary.OpCount("Add", 1), new GraphSummary.OpCount("Mul", 1),
        new GraphSummary.OpCount("Placeholder", 1)), s.ops());
    assertEquals(List.of(new GraphSummary.Input("X", "Placeholder", DType.FLOAT32, PartialShape.UNKNOWN)), s.inputs());
    assertEquals(List.of(new GraphSummary.Output("pred", "Identity")), s.outputs());
    assertTrue(s.variables().isEmpty());
    assertFalse(s.variablesFromCollection());
    assertEquals(2, s.constParameters(), "W and b are scalars");
    assertTrue(s.missingInputs().isEmpty());
  }

  @Test
  void frozenGru() throws IOException {
    GraphSummary s = GraphSummary.of(read("tf2onnx_frozen_gru/frozen.pb").graphDef());
    assertEquals(548, s.nodeCount());
    assertEquals(new GraphSummary.OpCount("Const", 132), s.ops().get(0));
    assertEquals(List.of("X", "keep_prob"), names(s.inputs()));
    assertEquals(List.of("output"), names(s.outputs()));
  }

  @Test
  void trainingMetaGraphLeavesOutSaverAndVariableNodes() throws IOException {
    MetaGraphDef meta = (MetaGraphDef) read("tf2onnx_regression/checkpoint/model.meta").message();
    GraphSummary s = GraphSummary.of(meta);
    assertEquals(List.of("X", "Y"), names(s.inputs()));
    assertTrue(s.variablesFromCollection());
    assertEquals(List.of(new GraphSummary.Variable("W", "VariableV2", DType.FLOAT32, PartialShape.of(), true),
        new GraphSummary.Variable("b", "VariableV2", DType.FLOAT32, PartialShape.of(), true)), s.variables());
    assertEquals(2, s.variableParameters());
    for (GraphSummary.Output o : s.outputs()) {
      assertFalse(o.name().startsWith("save/"), o.toString());
      assertFalse(o.op().equals("NoOp") || o.op().startsWith("Assign") || o.op().equals("Const"), o.toString());
    }
    assertTrue(names(s.outputs()).contains("truediv"), s.outputs().toString());
    // the graph has save/restore_all (a NoOp nothing consumes) and SaveV2/RestoreV2
    assertTrue(meta.getGraphDef().getNodeList().stream().anyMatch(n -> n.getName().equals("save/restore_all")));
  }

  @Test
  void xorMetaGraph() throws IOException {
    GraphSummary s = GraphSummary.of((MetaGraphDef) read("tfnet_meta/xor.meta").message());
    assertEquals(List.of(new GraphSummary.Input("Placeholder", "Placeholder", DType.FLOAT32, PartialShape.of(4, 2)),
        new GraphSummary.Input("Placeholder_1", "Placeholder", DType.INT32, PartialShape.of(4))), s.inputs());
    assertEquals(List.of("Variable", "Variable_1", "global_step"), names(s.variables()));
    assertEquals(PartialShape.of(2, 8), s.variables().get(0).shape());
    assertEquals(Boolean.FALSE, s.variables().get(2).trainable());
    List<String> outputs = names(s.outputs());
    assertTrue(outputs.contains("loss"), outputs.toString());
    // train_op is an AssignAdd, init a NoOp, global_step/read a plain read of a variable
    assertFalse(outputs.contains("train_op") || outputs.contains("init") || outputs.contains("global_step/read"),
        outputs.toString());
  }

  @Test
  void tf2SavedModelGraph() throws IOException {
    SavedModel sm = (SavedModel) read("serving_saved_model_half_plus_two_tf2_cpu/00000123/saved_model.pb").message();
    MetaGraphSummary m = MetaGraphSummary.of(sm).get(0);
    assertEquals(List.of("serve"), m.tags());
    assertEquals("2.14.0", m.tensorflowVersion());
    assertEquals(24, m.objectGraphNodes());
    GraphSummary g = m.graph();
    assertTrue(g.functionCount() > 0);
    assertNull(g.variables().get(0).trainable(), "no variables collection in a TF2 SavedModel");
    assertTrue(names(g.variables()).containsAll(List.of("a", "b", "c")), g.variables().toString());
    assertFalse(names(g.inputs()).contains("saver_filename"), "the saver's file name is not a model input");
    MetaGraphSummary.Signature serving = m.signatures().stream().filter(s -> s.key().equals("serving_default"))
        .findFirst().orElseThrow();
    assertEquals(List.of(new MetaGraphSummary.TensorSpec("x", "serving_default_x:0", "name", DType.FLOAT32,
        PartialShape.of(1))), serving.inputs());
  }

  @Test
  void tf1SavedModelSignaturesAndSaver() throws IOException {
    SavedModel sm = (SavedModel) read("serving_saved_model_half_plus_two_cpu/00000123/saved_model.pb").message();
    MetaGraphSummary m = MetaGraphSummary.of(sm).get(0);
    assertEquals("1.14.0", m.tensorflowVersion());
    assertEquals(5, m.signatures().size());
    MetaGraphSummary.Signature serving = m.signatures().get(4);
    assertEquals("serving_default", serving.key());
    assertEquals("tensorflow/serving/predict", serving.methodName());
    assertEquals(List.of(new MetaGraphSummary.TensorSpec("x", "x:0", "name", DType.FLOAT32, PartialShape.of(-1, 1))),
        serving.inputs());
    assertEquals(List.of(new MetaGraphSummary.TensorSpec("y", "y:0", "name", DType.FLOAT32, PartialShape.of(-1, 1))),
        serving.outputs());
    MetaGraphSummary.Saver saver = m.saver().orElseThrow();
    assertEquals("V2", saver.version());
    assertTrue(saver.sharded());
    assertEquals("save/restore_all", saver.restoreOp());
    assertTrue(m.collections().contains(new MetaGraphSummary.Collection("variables", "bytes_list", 5)));
    assertEquals(List.of("y", "y2", "y3"), names(m.graph().outputs()));
    assertFalse(names(m.graph().inputs()).stream().anyMatch(n -> n.startsWith("save/")));
  }

  @Test
  void legacySaverAndCollections() throws IOException {
    MetaGraphSummary m = MetaGraphSummary.of((MetaGraphDef) read("serving_bad_half_plus_two_v1/00000123/export.meta")
        .message());
    assertEquals("LEGACY", m.saver().orElseThrow().version());
    // producer 11: TF reads its Placeholder's empty shape attribute as unknown (issue 11: it was shown as a scalar)
    GraphSummary.Input x = m.graph().inputs().get(0);
    assertEquals("Placeholder", x.name());
    assertEquals(PartialShape.UNKNOWN, x.shape());
    MetaGraphSummary cond = MetaGraphSummary.of((MetaGraphDef) read("tfnet_meta/cond_test.meta").message());
    assertEquals(List.of(new MetaGraphSummary.Collection("cond_context", "bytes_list", 2)), cond.collections());
    assertTrue(cond.saver().isEmpty());
  }

  // ---------------------------------------------------------------- rules, on built graphs

  @Test
  void aScalarPlaceholderIsUnknownOnlyInGraphsBeforeVersion22() {
    NodeDef x = NodeDef.newBuilder().setName("x").setOp("Placeholder")
        .putAttr("shape", io.github.jfreeze.proto.AttrValue.newBuilder().setShape(io.github.jfreeze.proto.TensorShapeProto.getDefaultInstance()).build())
        .build();
    for (int producer : new int[] {0, 21, 22, 1994}) {
      GraphDef g = GraphDef.newBuilder().addNode(x).setVersions(io.github.jfreeze.proto.VersionDef.newBuilder().setProducer(producer)).build();
      PartialShape shape = GraphSummary.of(g).inputs().get(0).shape();
      assertEquals(producer <= 21 ? PartialShape.UNKNOWN : PartialShape.fromProto(io.github.jfreeze.proto.TensorShapeProto.getDefaultInstance()),
          shape, "producer " + producer);
    }
  }

  private static NodeDef node(String name, String op, String... inputs) {
    return NodeDef.newBuilder().setName(name).setOp(op).addAllInput(List.of(inputs)).build();
  }

  private static NodeDef placeholder(String name, String op, DataType type, long... dims) {
    TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
    for (long d : dims) {
      shape.addDimBuilder().setSize(d);
    }
    return NodeDef.newBuilder().setName(name).setOp(op)
        .putAttr("dtype", AttrValue.newBuilder().setType(type).build())
        .putAttr("shape", AttrValue.newBuilder().setShape(shape).build()).build();
  }

  @Test
  void consumersCountDataControlAndIndexedInputs() {
    GraphDef g = GraphDef.newBuilder()
        .addNode(placeholder("in", "Placeholder", DataType.DT_FLOAT, -1, 3))
        .addNode(placeholder("rate", "PlaceholderWithDefault", DataType.DT_HALF))
        .addNode(node("split", "Split", "in"))
        .addNode(node("a", "Relu", "split:1"))
        .addNode(node("dep", "Identity", "in"))
        .addNode(node("b", "Add", "a", "rate", "^dep"))
        .addNode(node("v", "VarHandleOp"))
        .addNode(node("v/Read/ReadVariableOp", "ReadVariableOp", "v"))
        .addNode(node("v/IsInitialized/VarIsInitializedOp", "VarIsInitializedOp", "v"))
        .addNode(node("v/Assign", "AssignVariableOp", "v", "in"))
        .addNode(node("save/SaveV2", "SaveV2"))
        .addNode(node("save_1/Const", "Const"))
        .addNode(node("init", "NoOp", "^v/Assign"))
        .addNode(node("dangling", "Mul", "b", "ghost:0", "^nobody"))
        .build();
    GraphSummary s = GraphSummary.of(g);
    assertEquals(List.of(
        new GraphSummary.Input("in", "Placeholder", DType.FLOAT32, PartialShape.of(-1, 3)),
        new GraphSummary.Input("rate", "PlaceholderWithDefault", DType.FLOAT16, PartialShape.of())), s.inputs());
    assertEquals(List.of(new GraphSummary.Output("dangling", "Mul")), s.outputs());
    assertEquals(List.of("dangling <- ghost:0", "dangling <- ^nobody"), s.missingInputs());
    assertEquals(3, s.controlEdges());
    assertEquals(List.of(new GraphSummary.Variable("v", "VarHandleOp", null, PartialShape.UNKNOWN, null)),
        s.variables());
    assertEquals("[?, 3]", PartialShape.of(-1, 3).toString());
    assertEquals("<unknown>", PartialShape.UNKNOWN.toString());
    assertEquals(-1, PartialShape.of(-1, 3).numElements());
    assertEquals(1, PartialShape.of().numElements());
  }

  /**
   * A name given to two nodes is one name: what consumes it consumes both, and what nothing
   * consumes is listed once per node; inputs are found by their node name whatever their suffix.
   */
  @Test
  void repeatedNamesAndSuffixedInputs() {
    GraphDef g = GraphDef.newBuilder()
        .addNode(node("x", "Relu"))
        .addNode(node("y", "Relu"))
        .addNode(node("x", "Tanh"))
        .addNode(node("y", "Tanh"))
        .addNode(node("z", "Add", "x:12", "^x"))
        .addNode(node("x:1", "Relu"))
        .addNode(node("w", "Relu", "x:1:0"))
        .build();
    GraphSummary s = GraphSummary.of(g);
    assertEquals(List.of(new GraphSummary.Output("y", "Relu"), new GraphSummary.Output("y", "Tanh"),
        new GraphSummary.Output("z", "Add"), new GraphSummary.Output("x:1", "Relu"), new GraphSummary.Output("w", "Relu")),
        s.outputs());
    assertEquals(1, s.controlEdges());
    assertEquals(List.of(), s.missingInputs());
  }

  /**
   * The variables collection: each variable once, in the order listed, trainable when {@code
   * trainable_variables} lists it or its own VariableDef says so; one the graph lacks has no op;
   * a VariableDef with slice info (read by protobuf) and one protobuf cannot read. The same from
   * the nodes protobuf parsed and from the scan's bytes.
   */
  @Test
  void variablesCollectionEachOnceInOrderTrainableFromEitherPlace() {
    GraphDef graph = GraphDef.newBuilder().addNode(placeholder("a", "VariableV2", DataType.DT_FLOAT, 2))
        .addNode(node("b", "VarHandleOp")).addNode(node("c", "VariableV2")).build();
    java.util.function.BiFunction<String, Boolean, com.google.protobuf.ByteString> def = (name, trainable) ->
        io.github.jfreeze.proto.VariableDef.newBuilder().setVariableName(name).setInitializerName(name + "/Assign")
            .setTrainable(trainable).build().toByteString();
    var sliced = io.github.jfreeze.proto.VariableDef.newBuilder().setVariableName("c:0")
        .setSaveSliceInfoDef(io.github.jfreeze.proto.SaveSliceInfoDef.newBuilder().setFullName("c")).build().toByteString();
    var variables = io.github.jfreeze.proto.CollectionDef.newBuilder().setBytesList(
        io.github.jfreeze.proto.CollectionDef.BytesList.newBuilder().addValue(def.apply("a:0", false))
            .addValue(def.apply("b:0", true)).addValue(def.apply("a:0", false)).addValue(def.apply("ghost:0", false))
            .addValue(def.apply("ghost:0", true)).addValue(com.google.protobuf.ByteString.copyFrom(new byte[] {0x0a, 5}))
            .addValue(sliced).addValue(def.apply("^b", false)));
    var trainable = io.github.jfreeze.proto.CollectionDef.newBuilder().setBytesList(
        io.github.jfreeze.proto.CollectionDef.BytesList.newBuilder().addValue(def.apply("a:0", false))
            .addValue(def.apply("ghost", false)));
    MetaGraphDef meta = MetaGraphDef.newBuilder().setGraphDef(graph).putCollectionDef("variables", variables.build())
        .putCollectionDef("trainable_variables", trainable.build()).build();
    List<GraphSummary.Variable> expected = List.of(
        new GraphSummary.Variable("a", "VariableV2", DType.FLOAT32, PartialShape.of(2), true),
        new GraphSummary.Variable("b", "VarHandleOp", null, PartialShape.UNKNOWN, true),
        new GraphSummary.Variable("ghost", "", null, PartialShape.UNKNOWN, true),
        new GraphSummary.Variable("c", "VariableV2", null, PartialShape.UNKNOWN, false));
    assertEquals(expected, GraphSummary.of(meta).variables());
    assertEquals(expected, GraphScan.metaGraph(meta.toByteArray()).summary().graph().variables());
  }

  @Test
  void nodeNames() {
    assertEquals("a", GraphSummary.nodeName("^a"));
    assertEquals("a/b", GraphSummary.nodeName("a/b:2"));
    assertEquals("a", GraphSummary.nodeName("a"));
  }
}
