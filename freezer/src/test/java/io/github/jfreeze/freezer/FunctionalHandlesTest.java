package io.github.jfreeze.freezer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jfreeze.codec.testing.TestPaths;
import io.github.jfreeze.proto.AttrValue;
import io.github.jfreeze.proto.DataType;
import io.github.jfreeze.proto.FunctionDef;
import io.github.jfreeze.proto.GraphDef;
import io.github.jfreeze.proto.MetaGraphDef;
import io.github.jfreeze.proto.NodeDef;
import io.github.jfreeze.proto.OpDef;
import io.github.jfreeze.proto.TensorShapeProto;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The zoo model {@code functional_handles} (Python's shape attributes on functional ops that take
 * and return a resource handle): frozen one output at a time, every record of the handle on the
 * op and its callees changes with it (issue 16; before, a While kept the handle's scalar {@code
 * _output_shapes} and TF refused to import the graph, and If/Case/call copies still declared a
 * resource result). Edited so that a record cannot change with it, the freezer refuses with
 * INVALID_GRAPH naming the node ({@code RewriteCheck}) instead of writing what TF would refuse.
 * Native runs of the frozen model are in the bridge's {@code ZooFreezeTest}.
 */
class FunctionalHandlesTest {
  private static final Path MODEL = TestPaths.testdata().resolve("models/functional_handles");
  private static final TensorShapeProto W_SHAPE = shape(2, 2);

  @TempDir Path tmp;

  @ParameterizedTest
  @CsvSource({
    "if_output, cond, 2, 1",
    "stateless_if_output, cond_1, 2, 1",
    "case_output, switch_case/indexed_case, 2, 1",
    "while_output, while, 2, 2",
    "stateless_while_output, while_1, 2, 2",
    "call_output, StatefulPartitionedCall, 1, 1",
  })
  void everyRecordOfTheHandleChangesWithIt(String output, String op, int input, int returned) throws IOException {
    GraphDef frozen = Freezer.freezeToGraph(FreezeOptions.builder(MODEL).outputs(output).build()).graph();
    NodeDef call = frozen.getNodeList().stream().filter(n -> n.getName().equals(op)).findFirst().orElseThrow();
    for (String types : List.of("T", "Tin", "Tout")) {
      if (call.containsAttr(types)) {
        assertFalse(call.getAttrOrThrow(types).getList().getTypeList().contains(DataType.DT_RESOURCE), op + " " + types);
      }
    }
    assertEquals(W_SHAPE, call.getAttrOrThrow("_output_shapes").getList().getShape(returned), op + " _output_shapes");
    if (call.containsAttr("output_shapes")) {
      assertEquals(W_SHAPE, call.getAttrOrThrow("output_shapes").getList().getShape(returned), op + " output_shapes");
    }
    assertFalse(call.getAttrOrThrow("_read_only_resource_inputs").getList().getIList().contains((long) input),
        op + " _read_only_resource_inputs");
    for (FunctionDef f : frozen.getLibrary().getFunctionList()) {
      String name = f.getSignature().getName();
      assertTrue(name.endsWith("_frozen"), name);
      for (OpDef.ArgDef a : f.getSignature().getInputArgList()) {
        assertEquals(a.getName().equals("i") ? DataType.DT_INT32 : DataType.DT_FLOAT, a.getType(), name + " argument " + a.getName());
      }
      for (OpDef.ArgDef a : f.getSignature().getOutputArgList()) {
        assertFalse(a.getType() == DataType.DT_RESOURCE, name + " result " + a.getName());
      }
      int w = f.getSignature().getInputArgList().stream().map(OpDef.ArgDef::getName).toList().indexOf("w");
      assertTrue(f.getArgAttrOrThrow(w).getAttrOrThrow("_output_shapes").getList().getShape(0).getUnknownRank(),
          name + " keeps the handle's scalar shape for its argument w");
    }
  }

  @Test
  void aReturnedHandleIsReadAsTheValue() throws IOException {
    GraphDef frozen = Freezer.freezeToGraph(FreezeOptions.builder(MODEL)
        .outputs("if_returned_w", "while_returned_w", "call_returned_w").build()).graph();
    for (String read : List.of("if_returned_w", "while_returned_w", "call_returned_w")) {
      NodeDef n = frozen.getNodeList().stream().filter(x -> x.getName().equals(read)).findFirst().orElseThrow();
      assertEquals("Identity", n.getOp(), read);
    }
  }

  // RewriteCheck: each of these froze before it, and native TF refused the graph

  @Test
  void aBranchReturningAnotherHandleIsRefused() throws IOException {
    FreezeException e = returningAnotherHandle("if_output", "handle_else", "w_out");
    assertTrue(e.problem().matches("If node 'cond' declares outputs \\(float32, float32\\), but function 'handle_else_\\w+_frozen' "
        + "returns \\(float32, resource\\)"), e.problem());
  }

  @Test
  void aLoopBodyReturningAnotherHandleIsRefused() throws IOException {
    FreezeException e = returningAnotherHandle("while_output", "handle_while_body", "w_next");
    assertTrue(e.problem().matches("in function handle_while_body_\\w+_frozen, result 'w_next' is declared float32 but returns "
        + "resource \\('other:resource:0'\\)"), e.problem());
  }

  /** Freezes {@code output} with function {@code prefix}_... returning another variable's handle as {@code result}. */
  private FreezeException returningAnotherHandle(String output, String prefix, String result) throws IOException {
    return freezeEdited(List.of(output), meta -> function(meta, prefix).addNodeDef(otherHandle()).putRet(result, "other:resource:0"));
  }

  @Test
  void aReaderOfTheReturnedHandleTheFreezerCannotRewriteIsRefused() throws IOException {
    FreezeException e = freezeEdited(List.of("w_shape"), meta -> meta.getGraphDefBuilder().addNode(NodeDef.newBuilder()
        .setName("w_shape").setOp("VariableShape").addInput("cond:1")
        .putAttr("out_type", AttrValue.newBuilder().setType(DataType.DT_INT32).build())));
    assertEquals("VariableShape node 'w_shape' takes resource as input 0, but output 1 of 'cond' now returns a frozen float32 "
        + "value; the freezer does not rewrite VariableShape for it", e.problem());
  }

  @Test
  void recordedShapesOfTooFewOutputsAreRefused() throws IOException {
    FreezeException e = freezeEdited(List.of("while_output"), meta -> {
      for (NodeDef.Builder n : meta.getGraphDefBuilder().getNodeBuilderList()) {
        if (n.getName().equals("while")) {
          AttrValue.Builder s = n.getAttrOrThrow("_output_shapes").toBuilder();
          s.getListBuilder().removeShape(3).removeShape(2);
          n.putAttr("_output_shapes", s.build());
        }
      }
    });
    assertEquals("While node 'while' has 4 outputs but records the shapes of 2 in _output_shapes", e.problem());
  }

  /** Freezes the model with its .meta edited by {@code edit}: refused as INVALID_GRAPH naming the file, nothing written. */
  private FreezeException freezeEdited(List<String> outputs, Consumer<MetaGraphDef.Builder> edit) throws IOException {
    FreezeException e = InvalidGraphTest.freezeEdited(tmp, MODEL, outputs, edit);
    assertEquals(FreezeException.Reason.INVALID_GRAPH, e.reason(), e.getMessage());
    return e;
  }

  private static FunctionDef.Builder function(MetaGraphDef.Builder meta, String prefix) {
    return meta.getGraphDefBuilder().getLibraryBuilder().getFunctionBuilderList().stream()
        .filter(f -> f.getSignature().getName().startsWith(prefix + "_")).findFirst().orElseThrow();
  }

  /** A handle of another variable, made inside a function body. */
  private static NodeDef otherHandle() {
    return NodeDef.newBuilder().setName("other").setOp("VarHandleOp")
        .putAttr("dtype", AttrValue.newBuilder().setType(DataType.DT_FLOAT).build())
        .putAttr("shape", AttrValue.newBuilder().setShape(W_SHAPE).build())
        .putAttr("container", AttrValue.newBuilder().setS(com.google.protobuf.ByteString.EMPTY).build())
        .putAttr("shared_name", AttrValue.newBuilder().setS(com.google.protobuf.ByteString.copyFromUtf8("other")).build())
        .build();
  }

  private static TensorShapeProto shape(long... dims) {
    TensorShapeProto.Builder b = TensorShapeProto.newBuilder();
    for (long d : dims) {
      b.addDim(TensorShapeProto.Dim.newBuilder().setSize(d));
    }
    return b.build();
  }
}
