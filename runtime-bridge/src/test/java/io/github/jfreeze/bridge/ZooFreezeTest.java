package io.github.jfreeze.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.jfreeze.bridge.internal.NativeGraphRunner;
import io.github.jfreeze.bridge.internal.NativeGraphRunner.Fetched;
import io.github.jfreeze.bridge.internal.NativeGraphRunner.NativeFailure;
import io.github.jfreeze.freezer.FreezeException;
import io.github.jfreeze.freezer.FreezeOptions;
import io.github.jfreeze.freezer.Freezer;
import io.github.jfreeze.proto.FunctionDef;
import io.github.jfreeze.proto.GraphDef;
import io.github.jfreeze.proto.NodeDef;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Differential test of jfreeze's freezer over the model zoo: each model frozen for its
 * {@code outputs} must keep no variable, saver, training-update op or file-reading table
 * initializer, load in native TF and, after running its init node (there exactly where the original
 * has an {@code init_op}), compute {@code expected} from {@code feeds} (as {@link ZooModelsTest} compares); a model that
 * records {@code expect_error} must be refused with that {@link FreezeException.Reason}.
 */
class ZooFreezeTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> LEFT_OVER = Set.of("VariableV2", "Variable", "VarHandleOp", "ReadVariableOp", "Assign",
      "AssignSub", "AssignAdd", "AssignVariableOp", "RefSwitch", "RefEnter", "IsVariableInitialized", "VarIsInitializedOp",
      "RestoreV2", "SaveV2", "InitializeTableFromTextFileV2", "InitializeTableFromTextFile");

  @TestFactory
  Stream<DynamicTest> frozenModelsComputeWhatTheOriginalsDo() throws IOException {
    return ZooModelsTest.modelDirs().stream().map(d -> DynamicTest.dynamicTest(d.getFileName().toString(), () -> check(d)));
  }

  private static void check(Path dir) throws IOException {
    NativeAssumptions.assumeNatives();
    JsonNode m = JSON.readTree(dir.resolve("model.json").toFile());
    List<String> outputs = new ArrayList<>();
    m.path("outputs").forEach(o -> outputs.add(o.asText()));
    FreezeOptions options = FreezeOptions.builder(dir).outputs(outputs).build();
    if (m.has("expect_error")) {
      FreezeException e = assertThrows(FreezeException.class, () -> Freezer.freezeToGraph(options));
      assertEquals(m.path("expect_error").asText(), e.reason().name(), e.getMessage());
      return;
    }
    Freezer.Frozen result = Freezer.freezeToGraph(options);
    GraphDef frozen = result.graph();
    String init = result.report().initNode();
    assertEquals(m.has("init_op"), init != null, "an init node exactly where the original has an init op");
    for (NodeDef n : frozen.getNodeList()) {
      assertFalse(LEFT_OVER.contains(n.getOp()), n.getName() + " is still " + n.getOp());
    }
    for (FunctionDef f : frozen.getLibrary().getFunctionList()) {
      for (NodeDef n : f.getNodeDefList()) {
        assertFalse(LEFT_OVER.contains(n.getOp()), f.getSignature().getName() + "/" + n.getName() + " is still " + n.getOp());
      }
    }
    Set<String> nodes = frozen.getNodeList().stream().map(NodeDef::getName).collect(Collectors.toSet());
    Map<String, Fetched> feeds = new LinkedHashMap<>();
    m.path("feeds").fields().forEachRemaining(e -> {
      if (nodes.contains(e.getKey())) { // placeholders no output needs are pruned
        feeds.put(e.getKey(), ZooModelsTest.value(e.getValue()));
      }
    });
    try (NativeGraphRunner runner = new NativeGraphRunner(frozen.toByteArray())) {
      if (init != null) {
        runner.run(Map.of(), List.of(), List.of(init));
      }
      List<Fetched> got = runner.run(feeds, outputs, List.of());
      for (int i = 0; i < outputs.size(); i++) {
        ZooModelsTest.assertSame(outputs.get(i), ZooModelsTest.value(m.path("expected").path(outputs.get(i))), got.get(i));
      }
    } catch (NativeFailure e) {
      fail(dir.getFileName() + ": native TF cannot run the frozen graph: " + e.getMessage());
    }
  }
}
