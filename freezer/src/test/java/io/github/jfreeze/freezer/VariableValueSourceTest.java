package io.github.jfreeze.freezer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jfreeze.codec.Tensor;
import io.github.jfreeze.codec.testing.TestPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A value source hears, once and before any value is asked for, exactly the variables the outputs
 * reach: native-assisted freezing fetches those and no others (issue 16: it fetched every variable
 * of the graph, 2.4 GB for a 16-byte output).
 */
class VariableValueSourceTest {
  @TempDir Path tmp;

  @Test
  void preparedWithTheReachedVariablesOnlyThenAsked() throws IOException {
    List<String> events = new ArrayList<>();
    VariableValueSource source = new VariableValueSource() {
      @Override
      public void prepare(Map<String, String> keysByNode) {
        events.add("prepare " + List.copyOf(keysByNode.keySet()));
        assertEquals(List.copyOf(keysByNode.keySet()), List.copyOf(keysByNode.values()), "mlp's keys are its node names");
      }

      @Override
      public Optional<Tensor> value(String node, String key) {
        events.add("value " + node);
        return Optional.empty(); // read from the checkpoint
      }
    };
    // mlp's predictions read the two dense layers, not global_step or the Momentum slots
    Path out = tmp.resolve("p.pb");
    FreezeReport r = Freezer.freeze(FreezeOptions.builder(TestPaths.testdata().resolve("models/mlp")).outputs("predictions")
        .output(out).values(source).build());
    List<String> converted = r.variables().stream().map(FreezeReport.ConvertedVariable::node).toList();
    assertEquals(List.of("hidden/bias", "hidden/kernel", "logits/bias", "logits/kernel"),
        converted.stream().sorted().toList());
    assertEquals("prepare " + converted, events.get(0));
    assertEquals(converted.size() + 1, events.size(), events.toString());
    assertTrue(events.subList(1, events.size()).stream().allMatch(e -> e.startsWith("value ")), events.toString());
    assertTrue(Files.size(out) > 0);
  }
}
