package io.github.jfreeze.bridge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jfreeze.bridge.NativeRunException.Reason;
import io.github.jfreeze.codec.DType;
import io.github.jfreeze.codec.Tensor;
import io.github.jfreeze.codec.TensorShape;
import io.github.jfreeze.freezer.FreezeOptions;
import io.github.jfreeze.freezer.FreezeReport;
import io.github.jfreeze.freezer.Freezer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Variable values fetched from native TF sessions after a restore. */
class NativeVariablesTest {
  @BeforeEach
  void natives() {
    NativeAssumptions.assumeNatives();
  }

  private static final Path TRAINING = TestPaths.testdata().resolve("checkpoints/tf1_training");
  private static final List<String> TRAINING_VARIABLES =
      List.of("w1", "b1", "w2", "b2", "global_step", "w1/Adam", "w1/Adam_1", "beta1_power");

  @Test
  void tf1CheckpointValuesAreWhatRestoreV2Reads() throws IOException {
    String prefix = TRAINING.resolve("model.ckpt-3").toString();
    Map<String, NativeTensor> values =
        NativeVariables.restore(TRAINING.resolve("model.ckpt-3.meta"), prefix, TRAINING_VARIABLES);
    assertEquals(TRAINING_VARIABLES, List.copyOf(values.keySet()));
    for (String v : TRAINING_VARIABLES) {
      // in this fixture the checkpoint keys are the variable names
      assertEquals(NativeCheckpoint.read(prefix, v), values.get(v), v);
    }
    assertEquals("int64", values.get("global_step").dtype());
    assertEquals("0300000000000000", values.get("global_step").dataHex());
  }

  @Test
  void anOlderCheckpointGivesOlderValues() throws IOException {
    String prefix = TRAINING.resolve("model.ckpt-1").toString();
    Map<String, NativeTensor> values =
        NativeVariables.restore(TRAINING.resolve("model.ckpt-3.meta"), prefix, List.of("global_step:0"));
    assertEquals("0100000000000000", values.get("global_step").dataHex());
  }

  @Test
  void tf1SavedModelVariables() throws IOException {
    Path model = TestPaths.testdata().resolve("saved_models/tf1_mlp");
    List<String> names = List.of("hidden/kernel", "hidden/bias", "out/kernel", "out/bias");
    Map<String, NativeTensor> values = NativeVariables.restore(model, Set.of("serve"), names);
    String prefix = NativeCheckpoint.savedModelPrefix(model);
    for (String v : names) {
      assertEquals(NativeCheckpoint.read(prefix, v), values.get(v), v);
    }
  }

  @Test
  void tf2SavedModelResourceVariables() throws IOException {
    Path model = Models.corpus(Models.HALF_PLUS_TWO_TF2);
    Map<String, NativeTensor> values = NativeVariables.restore(model, Set.of("serve"), List.of("a", "b", "c"));
    assertArrayEquals(new float[] {0.5f}, NativeRunnerTest.floats(values.get("a")));
    assertArrayEquals(new float[] {2f}, NativeRunnerTest.floats(values.get("b")));
    assertArrayEquals(new float[] {3f}, NativeRunnerTest.floats(values.get("c")));
    assertArrayEquals(new long[0], values.get("a").shape());
    assertEquals("float32", values.get("a").dtype());
  }

  @Test
  void unknownAndNonVariableNodes() throws IOException {
    Path meta = TRAINING.resolve("model.ckpt-3.meta");
    String prefix = TRAINING.resolve("model.ckpt-3").toString();
    NativeRunException unknown = assertThrows(NativeRunException.class,
        () -> NativeVariables.restore(meta, prefix, List.of("w3")));
    assertEquals(Reason.UNKNOWN_NAME, unknown.reason());
    assertTrue(unknown.suggestions().contains("w1"), unknown.suggestions()::toString);
    NativeRunException notVariable = assertThrows(NativeRunException.class,
        () -> NativeVariables.restore(meta, prefix, List.of("logits")));
    assertEquals(Reason.UNKNOWN_NAME, notVariable.reason());
    assertTrue(notVariable.getMessage().contains("is a "), notVariable.getMessage());
    NativeRunException badCheckpoint = assertThrows(NativeRunException.class,
        () -> NativeVariables.restore(meta, prefix + "-nope", List.of("w1")));
    assertEquals(Reason.TENSORFLOW_ERROR, badCheckpoint.reason());
  }

  /**
   * Native-assisted freezing, the benchmark baseline: the freezer takes every value from native TF
   * and produces the same graph as when it reads the checkpoint itself.
   */
  @Test
  void nativeAssistedFreezingGivesThePureJavaGraph() throws IOException {
    FreezeOptions pure = FreezeOptions.builder(TRAINING).outputs("predictions", "loss").build();
    Freezer.Frozen expected = Freezer.freezeToGraph(pure);
    List<String> variables = new ArrayList<>();
    expected.report().variables().forEach(v -> variables.add(v.node()));
    Map<String, NativeTensor> values = NativeVariables.restore(TRAINING.resolve("model.ckpt-3.meta"),
        TRAINING.resolve("model.ckpt-3").toString(), variables);
    Set<String> supplied = new HashSet<>();
    FreezeOptions assisted = FreezeOptions.builder(TRAINING).outputs("predictions", "loss").values((node, key) -> {
      NativeTensor t = values.get(node);
      supplied.add(node);
      return Optional.of(Tensor.of(DType.parse(t.dtype()), TensorShape.of(t.shape()),
          ByteBuffer.wrap(t.data()).order(ByteOrder.LITTLE_ENDIAN)));
    }).build();
    Freezer.Frozen actual = Freezer.freezeToGraph(assisted);
    assertEquals(Set.copyOf(variables), supplied);
    assertEquals(expected.graph(), actual.graph());
    FreezeReport r = actual.report();
    assertEquals(expected.report().variableBytes(), r.variableBytes());
  }
}
