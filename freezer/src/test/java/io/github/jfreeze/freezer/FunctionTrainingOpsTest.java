package io.github.jfreeze.freezer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jfreeze.codec.testing.TestPaths;
import io.github.jfreeze.proto.AttrValue;
import io.github.jfreeze.proto.DataType;
import io.github.jfreeze.proto.FunctionDef;
import io.github.jfreeze.proto.MetaGraphDef;
import io.github.jfreeze.proto.NodeDef;
import io.github.jfreeze.proto.SavedModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11: training ops inside the functions the outputs reach are cleaned as in the main graph.
 * {@code models/train_step_function}'s {@code train} function takes an SGD step; before, the freeze
 * left {@code ResourceApplyGradientDescent} and {@code AssignAddVariableOp} on the frozen values
 * (refused since by RewriteCheck as a type mismatch; native TF refused the graph before that). The
 * native check of the frozen result is {@code ZooFreezeTest}.
 */
class FunctionTrainingOpsTest {
  private static final Path MODEL = TestPaths.testdata().resolve("models/train_step_function");
  private static final String TRAIN = "__inference_train_step_30_PlcaVghx4Hg";

  @TempDir
  Path tmp;

  @Test
  void theStepInsideTheFunctionIsRemovedAndReportedWithItsFunction() throws IOException {
    Freezer.Frozen f = Freezer.freezeToGraph(FreezeOptions.builder(MODEL).outputs("loss").build());
    List<String> removed = f.report().removed().stream().map(c -> c.node() + " (" + c.op() + "): " + c.detail()).toList();
    assertEquals(List.of(
        "SGD/AssignAddVariableOp (AssignAddVariableOp): in function " + TRAIN + ": changes state; was a control dependency of Identity",
        "SGD/update (ResourceApplyGradientDescent): in function " + TRAIN + ": changes state; was a control dependency of Identity"),
        removed);
    FunctionDef body = f.graph().getLibrary().getFunction(0);
    assertEquals(TRAIN + "_frozen", body.getSignature().getName());
    for (NodeDef n : body.getNodeDefList()) {
      assertTrue(!n.getOp().equals("ResourceApplyGradientDescent") && !n.getOp().equals("AssignAddVariableOp"), n.getOp());
      assertTrue(n.getInputList().stream().noneMatch(in -> in.startsWith("^SGD/")), n.toString());
    }
  }

  @Test
  void anInitializationCheckUsedInsideTheFunctionBecomesTrue() throws IOException {
    Freezer.Frozen f = freezeEdited(train -> {
      train.addNodeDef(NodeDef.newBuilder().setName("is_init").setOp("VarIsInitializedOp").addInput("w"));
      train.addNodeDef(NodeDef.newBuilder().setName("checked").setOp("Select").addInput("is_init:is_initialized:0")
          .addInput("Identity:output:0").addInput("Identity:output:0")
          .putAttr("T", AttrValue.newBuilder().setType(DataType.DT_FLOAT).build()));
      train.putRet("loss", "checked:output:0");
    });
    assertTrue(f.report().rewritten().stream().anyMatch(c -> c.node().equals("is_init")
        && c.detail().equals("in function " + TRAIN + ": became Const true (frozen values are always initialized)")),
        f.report().rewritten().toString());
    NodeDef checked = f.graph().getLibrary().getFunction(0).getNodeDefList().stream()
        .filter(n -> n.getName().equals("checked")).findFirst().orElseThrow();
    assertEquals("is_init:output:0", checked.getInput(0));
  }

  @Test
  void aStateChangeWhoseResultTheOutputsUseIsRefusedNamingItsFunction() {
    FreezeException e = assertThrows(FreezeException.class, () -> freezeEdited(train -> {
      train.addNodeDef(NodeDef.newBuilder().setName("count").setOp("ResourceCountUpTo").addInput("step")
          .putAttr("limit", AttrValue.newBuilder().setI(10).build())
          .putAttr("T", AttrValue.newBuilder().setType(DataType.DT_INT64).build()));
      train.addNodeDef(NodeDef.newBuilder().setName("count_f").setOp("Cast").addInput("count:output:0")
          .putAttr("SrcT", AttrValue.newBuilder().setType(DataType.DT_INT64).build())
          .putAttr("DstT", AttrValue.newBuilder().setType(DataType.DT_FLOAT).build()));
      train.addNodeDef(NodeDef.newBuilder().setName("loss_plus").setOp("AddV2").addInput("Identity:output:0")
          .addInput("count_f:y:0").putAttr("T", AttrValue.newBuilder().setType(DataType.DT_FLOAT).build()));
      train.putRet("loss", "loss_plus:z:0");
    }));
    assertEquals(FreezeException.Reason.UNSUPPORTED, e.reason());
    assertTrue(e.getMessage().contains("in function " + TRAIN + ", the outputs use the result of ResourceCountUpTo node 'count' "
        + "(consumed by count_f), a training op that changes variables"), e.getMessage());
  }

  /** Freezes {@code loss} of the model with its train function edited (the variables are the model's). */
  private Freezer.Frozen freezeEdited(Consumer<FunctionDef.Builder> edit) throws IOException {
    MetaGraphDef.Builder meta = SavedModel.parseFrom(Files.readAllBytes(MODEL.resolve("saved_model.pb"))).getMetaGraphs(0)
        .toBuilder();
    for (FunctionDef.Builder f : meta.getGraphDefBuilder().getLibraryBuilder().getFunctionBuilderList()) {
      if (f.getSignature().getName().equals(TRAIN)) {
        edit.accept(f);
      }
    }
    Path graph = tmp.resolve("edited.meta");
    Files.write(graph, meta.build().toByteArray());
    return Freezer.freezeToGraph(FreezeOptions.builder(MODEL).graph(graph).outputs("loss").build());
  }
}
