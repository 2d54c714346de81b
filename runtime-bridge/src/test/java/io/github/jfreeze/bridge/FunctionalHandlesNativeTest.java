package io.github.jfreeze.bridge;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.jfreeze.bridge.internal.NativeGraphRunner;
import io.github.jfreeze.bridge.internal.NativeGraphRunner.Fetched;
import io.github.jfreeze.bridge.internal.NativeGraphRunner.NativeFailure;
import io.github.jfreeze.freezer.FreezeOptions;
import io.github.jfreeze.freezer.Freezer;
import io.github.jfreeze.proto.GraphDef;
import io.github.jfreeze.proto.NodeDef;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 16: each functional op of {@code functional_handles} frozen on its own (so that nothing
 * else in the graph hides it) loads in native TF and computes what the original computed. Before,
 * native TF refused the While and StatelessWhile ({@code Node 'while' has an _output_shapes
 * attribute inconsistent with the GraphDef for output #2: Shapes must be equal rank, but are 2 and
 * 0}) and the call ({@code Invalid ret types w_out : resource vs. float}), and failed running the
 * If, StatelessIf and Case with the same message.
 */
class FunctionalHandlesNativeTest {
  private static final Path MODEL = TestPaths.testdata().resolve("models/functional_handles");

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"if_output", "stateless_if_output", "case_output", "while_output", "stateless_while_output",
      "call_output", "if_returned_w", "while_returned_w", "call_returned_w"})
  void frozenAloneItComputesWhatTheOriginalDid(String output) throws IOException {
    NativeAssumptions.assumeNatives();
    JsonNode m = new ObjectMapper().readTree(MODEL.resolve("model.json").toFile());
    GraphDef frozen = Freezer.freezeToGraph(FreezeOptions.builder(MODEL).outputs(output).build()).graph();
    Set<String> nodes = frozen.getNodeList().stream().map(NodeDef::getName).collect(Collectors.toSet());
    Map<String, Fetched> feeds = new LinkedHashMap<>();
    m.path("feeds").fields().forEachRemaining(e -> {
      if (nodes.contains(e.getKey())) {
        feeds.put(e.getKey(), ZooModelsTest.value(e.getValue()));
      }
    });
    try (NativeGraphRunner runner = new NativeGraphRunner(frozen.toByteArray())) {
      Fetched got = runner.run(feeds, List.of(output), List.of()).get(0);
      ZooModelsTest.assertSame(output, ZooModelsTest.value(m.path("expected").path(output)), got);
    } catch (NativeFailure e) {
      fail("native TF cannot run " + output + " frozen: " + e.getMessage());
    }
  }
}
