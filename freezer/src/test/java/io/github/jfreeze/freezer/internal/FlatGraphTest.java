package io.github.jfreeze.freezer.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jfreeze.codec.testing.TestPaths;
import io.github.jfreeze.freezer.FreezeOptions;
import io.github.jfreeze.freezer.FreezeReport;
import io.github.jfreeze.freezer.FreezeException;
import io.github.jfreeze.freezer.Freezer;
import io.github.jfreeze.proto.AttrValue;
import io.github.jfreeze.proto.DataType;
import io.github.jfreeze.proto.FunctionDef;
import io.github.jfreeze.proto.GraphDef;
import io.github.jfreeze.proto.MetaGraphDef;
import io.github.jfreeze.proto.NameAttrList;
import io.github.jfreeze.proto.NodeDef;
import io.github.jfreeze.proto.OpDef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The structure of flat freezes ({@link GraphFlattener}): TF's names and wiring for inlined calls,
 * recorded shapes and types after lowering, nesting without recursion, {@code _noinline}, and
 * graphs with nothing to flatten written byte for byte as before. That the flat graphs compute what
 * the originals do is checked natively by the bridge's {@code FlatFreezeTest}.
 */
class FlatGraphTest {
  private static final Set<String> FUNCTIONAL = Set.of("PartitionedCall", "StatefulPartitionedCall", "If", "StatelessIf",
      "Case", "StatelessCase", "While", "StatelessWhile");

  @TempDir Path tmp;

  private static Path model(String name) {
    return TestPaths.testdata().resolve("models").resolve(name);
  }

  private static List<String> outputs(String name) throws IOException {
    String json = Files.readString(model(name).resolve("model.json"));
    String list = json.substring(json.indexOf("\"outputs\""));
    list = list.substring(list.indexOf('[') + 1, list.indexOf(']'));
    return java.util.Arrays.stream(list.split(",")).map(s -> s.strip().replace("\"", "")).toList();
  }

  private static FreezeOptions.Builder options(Path model, List<String> outputs) {
    return FreezeOptions.builder(model).outputs(outputs);
  }

  @ParameterizedTest
  @ValueSource(strings = {"seed", "mlp", "while_enter", "refswitch_cond", "saved_model_tf1", "sharded", "dtypes_graph"})
  void graphsWithNothingToFlattenAreWrittenByteForByte(String name) throws IOException {
    byte[] plain = write(options(model(name), outputs(name)), "plain.pb");
    assertArrayEquals(plain, write(options(model(name), outputs(name)).inlineFunctions(true), "inlined.pb"));
    assertArrayEquals(plain, write(options(model(name), outputs(name)).lowerControlFlow(true), "lowered.pb"));
  }

  private byte[] write(FreezeOptions.Builder b, String file) throws IOException {
    Path out = tmp.resolve(file);
    Freezer.freeze(b.output(out).build());
    return Files.readAllBytes(out);
  }

  @Test
  void nestedCallsAreInlinedWithTensorFlowsNamesAndWiring() throws IOException {
    Freezer.Frozen f = Freezer.freezeToGraph(options(model("partitioned_call"), List.of("output")).inlineFunctions(true).build());
    Map<String, NodeDef> g = byName(f.graph());
    assertEquals(0, f.graph().getLibrary().getFunctionCount());
    assertTrue(f.report().functions().isEmpty());
    // outer: one Identity per argument, body nodes under the caller's name, one per return value
    for (int k = 0; k < 3; k++) {
      NodeDef in = g.get("Func/PartitionedCall/input/_" + k);
      assertEquals("Identity", in.getOp());
      // w and b were resource handles: the converted function takes their values
      assertEquals(DataType.DT_FLOAT, in.getAttrOrThrow("T").getType());
    }
    assertEquals(List.of("x"), g.get("Func/PartitionedCall/input/_0").getInputList());
    assertEquals(List.of("w"), g.get("Func/PartitionedCall/input/_1").getInputList());
    assertEquals(List.of("loc:@w"), g.get("Func/PartitionedCall/input/_1").getAttrOrThrow("_class").getList().getSList().stream()
        .map(s -> s.toStringUtf8()).toList());
    NodeDef add = g.get("PartitionedCall/add_0");
    assertEquals("AddV2", add.getOp());
    // the nested call's output (TF's output Identity), inlined after its caller
    NodeDef innerOut = g.get(add.getInput(0));
    assertEquals("Identity", innerOut.getOp());
    assertTrue(innerOut.getName().startsWith("Func/PartitionedCall/PartitionedCall/output/_"), innerOut.getName());
    assertEquals("PartitionedCall/PartitionedCall/mul_0", innerOut.getInput(0));
    NodeDef mul = g.get("PartitionedCall/PartitionedCall/mul_0");
    assertTrue(mul.getInput(0).startsWith("Func/PartitionedCall/PartitionedCall/input/_"), mul.getInput(0));
    // the nested caller came from a body: no one could name it, so it is gone
    assertFalse(g.containsKey("PartitionedCall/PartitionedCall"));
    // the reader of the call reads the output Identity, as after TF's inlining
    assertEquals(List.of("Func/PartitionedCall/output/_3"), g.get("output").getInputList());
    assertEquals(List.of("PartitionedCall/add_0", "^Func/PartitionedCall/output_control_node/_4"),
        g.get("Func/PartitionedCall/output/_3").getInputList());
    assertEquals("NoOp", g.get("Func/PartitionedCall/output_control_node/_4").getOp());
    for (NodeDef n : f.graph().getNodeList()) {
      assertFalse(FUNCTIONAL.contains(n.getOp()), n.getName());
      for (String in : n.getInputList()) {
        assertTrue(g.containsKey(TensorRef.nodeName(in)), n.getName() + " reads " + in);
      }
    }
  }

  @Test
  void aCallNamedAsAnOutputStaysFetchableAsAnIdentityN() throws IOException {
    Freezer.Frozen f = Freezer.freezeToGraph(options(model("partitioned_call"), List.of("PartitionedCall")).inlineFunctions(true).build());
    NodeDef call = byName(f.graph()).get("PartitionedCall");
    assertEquals("IdentityN", call.getOp());
    assertEquals(List.of(DataType.DT_FLOAT), call.getAttrOrThrow("T").getList().getTypeList());
    // data inputs only; the output Identity waits for the output control node instead
    assertEquals(List.of("Func/PartitionedCall/output/_3"), call.getInputList());
    assertEquals(List.of("PartitionedCall/add_0", "^Func/PartitionedCall/output_control_node/_4"),
        byName(f.graph()).get("Func/PartitionedCall/output/_3").getInputList());
  }

  @Test
  void loweredGraphsHaveNoFunctionsAndRecordEveryShapeAndType() throws IOException {
    String name = "functional_handles";
    // nodes that record no shapes already in the plain freeze (the converted variables' Consts, body
    // nodes the conversion retyped): not flattening's to add
    GraphDef plain = Freezer.freezeToGraph(options(model(name), outputs(name)).build()).graph();
    Set<String> unshaped = plain.getNodeList().stream().filter(n -> !n.containsAttr("_output_shapes")).map(NodeDef::getName)
        .collect(Collectors.toSet());
    Set<String> unshapedInBodies = plain.getLibrary().getFunctionList().stream().flatMap(fn -> fn.getNodeDefList().stream())
        .filter(n -> !n.containsAttr("_output_shapes")).map(NodeDef::getName).collect(Collectors.toSet());
    Freezer.Frozen f = Freezer.freezeToGraph(options(model(name), outputs(name)).lowerControlFlow(true).build());
    assertFalse(f.graph().hasLibrary(), "no library");
    assertTrue(f.report().functions().isEmpty());
    Map<String, FunctionDef> none = Map.of();
    int enters = 0;
    for (NodeDef n : f.graph().getNodeList()) {
      assertFalse(FUNCTIONAL.contains(n.getOp()), n.getName() + " is still " + n.getOp());
      String base = n.getName().substring(n.getName().lastIndexOf('/') + 1);
      if (!n.getOp().equals("NoOp") && !unshaped.contains(n.getName()) && !unshapedInBodies.contains(base)) {
        // every node of this model records its shapes (Python's add_shapes); lowering keeps that true
        AttrValue shapes = n.getAttrMap().get("_output_shapes");
        assertNotNull(shapes, n.getName() + " (" + n.getOp() + ") lacks _output_shapes");
        assertEquals(GraphValidator.outputCount(n, none), shapes.getList().getShapeCount(), n.getName());
      }
      if (Set.of("Switch", "Merge", "Enter", "Exit", "NextIteration", "Identity", "IdentityN").contains(n.getOp())) {
        assertTrue(n.containsAttr("T"), n.getName() + " has no T");
      }
      if (n.getOp().equals("Enter")) {
        enters++;
        assertEquals(10, n.getAttrOrThrow("parallel_iterations").getI());
        String frame = n.getAttrOrThrow("frame_name").getS().toStringUtf8();
        assertTrue(frame.equals("while") || frame.equals("while_1"), frame);
      }
    }
    assertTrue(enters >= 8, "Enter nodes: " + enters);
  }

  @Test
  void deeplyNestedCallsInlineWithoutRecursion() throws IOException {
    int depth = 3000;
    FreezeReport r = freezeEdited("partitioned_call", List.of("deep"), meta -> {
      var lib = meta.getGraphDefBuilder().getLibraryBuilder();
      for (int d = 0; d < depth; d++) {
        FunctionDef.Builder f = FunctionDef.newBuilder().setSignature(OpDef.newBuilder().setName("chain_" + d)
            .addInputArg(OpDef.ArgDef.newBuilder().setName("x").setType(DataType.DT_FLOAT))
            .addOutputArg(OpDef.ArgDef.newBuilder().setName("y").setType(DataType.DT_FLOAT)));
        if (d + 1 < depth) {
          f.addNodeDef(call("next", "chain_" + (d + 1), "x")).putRet("y", "next:output:0");
        } else {
          f.addNodeDef(NodeDef.newBuilder().setName("id").setOp("Identity").addInput("x")
              .putAttr("T", AttrValue.newBuilder().setType(DataType.DT_FLOAT).build())).putRet("y", "id:output:0");
        }
        lib.addFunction(f);
      }
      meta.getGraphDefBuilder().addNode(call("deep", "chain_0", "x"));
    });
    assertTrue(r.functions().isEmpty(), r.functions().toString());
    // per level an input and an output Identity (the output control NoOps nothing waits on are cut away)
    assertEquals(2 * depth + 4, r.nodesAfter(), "x, the last level's Identity, deep and its output control NoOp");
  }

  private static NodeDef call(String name, String function, String input) {
    AttrValue one = AttrValue.newBuilder().setList(AttrValue.ListValue.newBuilder().addType(DataType.DT_FLOAT)).build();
    return NodeDef.newBuilder().setName(name).setOp("PartitionedCall").addInput(input).putAttr("Tin", one).putAttr("Tout", one)
        .putAttr("f", AttrValue.newBuilder().setFunc(NameAttrList.newBuilder().setName(function)).build()).build();
  }

  @Test
  void noinlineFunctionsStayCallsAsInTensorFlow() throws IOException {
    FreezeReport r = freezeEdited("partitioned_call", List.of("output"), meta -> {
      for (FunctionDef.Builder f : meta.getGraphDefBuilder().getLibraryBuilder().getFunctionBuilderList()) {
        if (f.getSignature().getName().startsWith("inner")) {
          f.putAttr("_noinline", AttrValue.newBuilder().setB(true).build());
        }
      }
    });
    assertEquals(1, r.functions().size(), r.functions().toString());
    assertTrue(r.functions().get(0).startsWith("inner"), r.functions().toString());
    assertTrue(r.warnings().stream().anyMatch(w -> w.contains("PartitionedCall/PartitionedCall") && w.contains("_noinline")),
        r.warnings().toString());
  }

  /** A function that calls itself would be inlined without end; it is refused before anything is inlined. */
  @Test
  void recursiveFunctionsAreRefused() {
    FreezeException e = assertThrows(FreezeException.class, () -> freezeEdited("partitioned_call", List.of("output"), meta -> {
      for (FunctionDef.Builder f : meta.getGraphDefBuilder().getLibraryBuilder().getFunctionBuilderList()) {
        if (f.getSignature().getName().startsWith("inner")) {
          String self = f.getSignature().getName();
          f.addNodeDef(NodeDef.newBuilder().setName("again").setOp("PartitionedCall")
              .putAttr("f", AttrValue.newBuilder().setFunc(NameAttrList.newBuilder().setName(self)).build())
              .putAttr("Tin", AttrValue.newBuilder().setList(AttrValue.ListValue.getDefaultInstance()).build())
              .putAttr("Tout", AttrValue.newBuilder().setList(AttrValue.ListValue.getDefaultInstance()).build()));
        }
      }
    }));
    assertTrue(e.getMessage().contains("calls itself") && e.getMessage().contains("recursive"), e.getMessage());
  }

  private FreezeReport freezeEdited(String name, List<String> outputs, Consumer<MetaGraphDef.Builder> edit) throws IOException {
    MetaGraphDef.Builder meta = MetaGraphDef.parseFrom(Files.readAllBytes(model(name).resolve("model.ckpt-1.meta"))).toBuilder();
    edit.accept(meta);
    Path graph = tmp.resolve("edited.meta");
    Files.write(graph, meta.build().toByteArray());
    return Freezer.freezeToGraph(FreezeOptions.builder(model(name).resolve("model.ckpt-1")).graph(graph).outputs(outputs)
        .inlineFunctions(true).build()).report();
  }

  private static Map<String, NodeDef> byName(GraphDef g) {
    return g.getNodeList().stream().collect(Collectors.toMap(NodeDef::getName, n -> n));
  }
}
