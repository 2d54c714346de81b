package io.github.jfreeze.freezer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jfreeze.codec.testing.TestPaths;
import io.github.jfreeze.proto.MetaGraphDef;
import io.github.jfreeze.proto.NodeDef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Graphs that contradict themselves (the kinds FreezerFuzzTest found) fail with reason
 * INVALID_GRAPH, naming the graph file and the node, before anything is written.
 */
class InvalidGraphTest {
  private static final Set<String> CALLERS = Set.of("If", "StatelessIf", "While", "StatelessWhile", "PartitionedCall",
      "StatefulPartitionedCall", "Case", "StatelessCase");

  @TempDir Path tmp;

  /** Freezes zoo model {@code name} with its .meta edited by {@code edit}; returns the failure. */
  private FreezeException freezeEdited(String name, List<String> outputs, Consumer<MetaGraphDef.Builder> edit) throws IOException {
    return freezeEdited(tmp, TestPaths.testdata().resolve("models").resolve(name), outputs, edit);
  }

  /**
   * Freezes the zoo model in {@code model} with its {@code model.ckpt-1.meta} edited by {@code edit}
   * (written to {@code tmp}); the failure, which names the edited file, and nothing written.
   */
  static FreezeException freezeEdited(Path tmp, Path model, List<String> outputs, Consumer<MetaGraphDef.Builder> edit)
      throws IOException {
    MetaGraphDef.Builder meta = MetaGraphDef.parseFrom(Files.readAllBytes(model.resolve("model.ckpt-1.meta"))).toBuilder();
    edit.accept(meta);
    Path graph = tmp.resolve("edited.meta");
    Files.write(graph, meta.build().toByteArray());
    Path out = tmp.resolve("out").resolve("frozen.pb");
    Files.createDirectories(out.getParent());
    FreezeException e = assertThrows(FreezeException.class, () -> Freezer.freeze(
        FreezeOptions.builder(model.resolve("model.ckpt-1")).graph(graph).outputs(outputs).output(out).build()));
    try (Stream<Path> left = Files.list(out.getParent())) {
      assertEquals(List.of(), left.toList(), "nothing written");
    }
    assertEquals(graph, e.file());
    assertNull(e.getCause(), "a check, not the safety net: " + e.getMessage());
    return e;
  }

  @Test
  void callPassingMoreInputsThanItsFunctionTakes() throws IOException {
    FreezeException e = freezeEdited("functional_control_flow", List.of("if_output", "while_output", "call_output"), meta -> {
      for (NodeDef.Builder n : meta.getGraphDefBuilder().getNodeBuilderList()) {
        if (CALLERS.contains(n.getOp())) {
          n.addInput(n.getInput(n.getInputCount() - 1));
        }
      }
    });
    assertEquals(FreezeException.Reason.INVALID_GRAPH, e.reason());
    assertTrue(e.problem().matches(".* node '.*' passes \\d+ input\\(s\\) to function '.*', which takes \\d+"), e.problem());
  }

  @Test
  void variableWithADataInput() throws IOException {
    FreezeException e = freezeEdited("seed", List.of("predictions"), meta -> {
      for (NodeDef.Builder n : meta.getGraphDefBuilder().getNodeBuilderList()) {
        if (n.getName().equals("W1")) {
          n.addInput("input_holder");
        }
      }
    });
    assertEquals(FreezeException.Reason.INVALID_GRAPH, e.reason());
    assertEquals("VariableV2 node 'W1' has data inputs (input_holder); variables take none", e.problem());
  }

  @Test
  void assignWithOneInputUsedByTheOutputs() throws IOException {
    FreezeException e = freezeEdited("seed", List.of("W1/Assign"), meta -> {
      for (NodeDef.Builder n : meta.getGraphDefBuilder().getNodeBuilderList()) {
        if (n.getName().equals("W1/Assign")) {
          String first = n.getInput(0);
          n.clearInput().addInput(first);
        }
      }
    });
    assertEquals(FreezeException.Reason.INVALID_GRAPH, e.reason());
    assertEquals("Assign node 'W1/Assign' has 1 data input(s); its op takes 2", e.problem());
  }

  /** An input whose dtype attribute is a number TF 2.18 does not define (found by FreezerFuzzTest#mutatedConvert). */
  @Test
  void convertOfAnInputWithADtypeTfDoesNotDefine() throws IOException {
    Path model = TestPaths.testdata().resolve("models/seed");
    MetaGraphDef.Builder meta = MetaGraphDef.parseFrom(Files.readAllBytes(model.resolve("model.ckpt-1.meta"))).toBuilder();
    meta.getMetaInfoDefBuilder().getStrippedOpListBuilder().clearOp();
    for (NodeDef.Builder n : meta.getGraphDefBuilder().getNodeBuilderList()) {
      if (n.getName().equals("input_holder")) {
        n.putAttr("dtype", io.github.jfreeze.proto.AttrValue.newBuilder().setTypeValue(77).build());
      }
    }
    Path graph = tmp.resolve("edited.meta");
    Files.write(graph, meta.build().toByteArray());
    ConvertReport r = Freezer.convertToSavedModel(new ConvertOptions(model.resolve("model.ckpt-1"), graph,
        List.of("input_holder"), List.of("predictions"), tmp.resolve("sm"), false));
    assertEquals(List.of("input_holder -> input_holder:0 (unknown, [1])"), r.signatureInputs());
    assertTrue(r.warnings().contains("could not tell the dtype of input_holder:0 (Placeholder); its signature entry says DT_INVALID"),
        r.warnings().toString());
  }

  /** Edits the node named {@code name} of the seed graph. */
  private static Consumer<MetaGraphDef.Builder> node(String name, Consumer<NodeDef.Builder> edit) {
    return meta -> meta.getGraphDefBuilder().getNodeBuilderList().stream().filter(n -> n.getName().equals(name))
        .forEach(edit);
  }

  // Issue 10: each of these froze with exit 0 before the graph validation; native TF then refused
  // the result ("Unknown input node", "nodes in a cycle").

  @Test
  void danglingInput() throws IOException {
    FreezeException e = freezeEdited("seed", List.of("predictions"), node("add", n -> n.setInput(1, "no_such_node")));
    assertEquals(FreezeException.Reason.INVALID_GRAPH, e.reason());
    assertEquals("node 'add' has input 'no_such_node', which names no node", e.problem());
  }

  @Test
  void danglingControlInput() throws IOException {
    FreezeException e = freezeEdited("seed", List.of("predictions"), node("add", n -> n.addInput("^gone")));
    assertEquals("node 'add' has input '^gone', which names no node", e.problem());
  }

  @Test
  void twoNodeCycle() throws IOException {
    FreezeException e = freezeEdited("seed", List.of("predictions"), node("mul", n -> n.setInput(0, "add")));
    assertEquals(FreezeException.Reason.INVALID_GRAPH, e.reason());
    assertTrue(e.problem().startsWith("2 node(s) are in a cycle that no loop frame makes"), e.problem());
    assertTrue(e.problem().contains("mul") && e.problem().contains("add"), e.problem());
  }

  @Test
  void selfLoop() throws IOException {
    FreezeException e = freezeEdited("seed", List.of("predictions"), node("add", n -> n.setInput(0, "add")));
    assertTrue(e.problem().startsWith("1 node(s) are in a cycle that no loop frame makes (no NextIteration back edge), e.g. add"),
        e.problem());
  }

  @Test
  void duplicateNodeNames() throws IOException {
    FreezeException e = freezeEdited("seed", List.of("predictions"), meta -> meta.getGraphDefBuilder()
        .addNode(NodeDef.newBuilder().setName("mul").setOp("Const")));
    assertEquals(FreezeException.Reason.INVALID_GRAPH, e.reason());
    assertEquals("node 'mul' is defined twice", e.problem());
  }

  @Test
  void outputIndexTheOpDoesNotHave() throws IOException {
    FreezeException e = freezeEdited("seed", List.of("predictions:5"), meta -> {});
    assertEquals(FreezeException.Reason.INVALID_GRAPH, e.reason());
    assertEquals("output 'predictions:5' asks for output 5 of 'predictions', but its op AddV2 has 1 output", e.problem());
  }

  @Test
  void inputIndexTheOpDoesNotHave() throws IOException {
    FreezeException e = freezeEdited("seed", List.of("predictions"), node("add", n -> n.setInput(0, "mul:1")));
    assertEquals("node 'add' input 'mul:1' asks for output 1 of 'mul', but its op Mul has 1 output", e.problem());
  }

  @Test
  void functionBodyInputNamingNothing() throws IOException {
    FreezeException e = freezeEdited("functional_control_flow", List.of("if_output", "while_output", "call_output"), meta -> {
      var f = meta.getGraphDefBuilder().getLibraryBuilder().getFunctionBuilder(0);
      f.getNodeDefBuilder(0).addInput("^missing_node");
    });
    assertEquals(FreezeException.Reason.INVALID_GRAPH, e.reason());
    assertTrue(e.problem().matches("node '.*' in function '.*' input '\\^missing_node' names neither a node of the body nor an "
        + "argument"), e.problem());
  }

  /**
   * Issue 10: a chain of 2,000 Identity nodes after a variable overflowed the stack (the conversion
   * walked it recursively). A chain of 200,000 now freezes: every walk is iterative.
   */
  @Test
  void aLongChainAfterAVariableFreezes() throws IOException {
    Path model = TestPaths.testdata().resolve("models/seed");
    MetaGraphDef.Builder meta = MetaGraphDef.parseFrom(Files.readAllBytes(model.resolve("model.ckpt-1.meta"))).toBuilder();
    var t = io.github.jfreeze.proto.AttrValue.newBuilder().setType(io.github.jfreeze.proto.DataType.DT_FLOAT).build();
    String prev = "W1/read";
    int n = 200_000;
    for (int i = 0; i < n; i++) {
      String name = "chain/" + i;
      meta.getGraphDefBuilder().addNode(NodeDef.newBuilder().setName(name).setOp("Identity").addInput(prev).putAttr("T", t));
      prev = name;
    }
    String last = prev;
    meta.getGraphDefBuilder().getNodeBuilderList().stream().filter(b -> b.getName().equals("mul")).forEach(b -> b.setInput(1, last));
    Path graph = tmp.resolve("chain.meta");
    Files.write(graph, meta.build().toByteArray());
    Path out = tmp.resolve("frozen.pb");
    FreezeReport r = Freezer.freeze(FreezeOptions.builder(model.resolve("model.ckpt-1")).graph(graph).outputs("predictions")
        .output(out).build());
    assertEquals(2, r.variables().size());
    io.github.jfreeze.proto.GraphDef frozen = io.github.jfreeze.proto.GraphDef.parseFrom(Files.readAllBytes(out));
    assertEquals(n + 9, frozen.getNodeCount());
  }
}
