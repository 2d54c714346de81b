package io.github.jfreeze.freezer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.TextFormat;
import io.github.jfreeze.codec.testing.TestPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden files: the frozen graph of every zoo model (written by native TF, see testdata/README.md)
 * as canonical protobuf text ({@code testdata/models/<name>/frozen.pbtxt}, map entries sorted) is
 * compared with what jfreeze produces now. A change in the freezer's output shows up as a diff of
 * these files; review it as the review of the behaviour change, then regenerate with
 * {@code mvn -pl freezer -am verify -Dtest=GoldenFrozenGraphTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Djfreeze.golden.update=true}.
 */
class GoldenFrozenGraphTest {
  static final String UPDATE = "jfreeze.golden.update";

  /** Zoo models that freeze (those expecting an error are tested elsewhere). */
  static List<Path> models() throws IOException {
    Path root = TestPaths.testdata().resolve("models");
    List<Path> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(root)) {
      for (Path m : s.sorted().toList()) {
        if (!model(m).has("expect_error")) {
          out.add(m);
        }
      }
    }
    return out;
  }

  static JsonNode model(Path dir) throws IOException {
    return new ObjectMapper().readTree(dir.resolve("model.json").toFile());
  }

  /** Freezes a zoo model with the outputs its model.json names. */
  static Freezer.Frozen freeze(Path dir) throws IOException {
    JsonNode json = model(dir);
    FreezeOptions.Builder b = FreezeOptions.builder(dir);
    if (json.has("outputs") && !"saved_model".equals(json.path("kind").asText())) {
      json.get("outputs").forEach(o -> b.outputs(o.asText()));
    }
    return Freezer.freezeToGraph(b.build());
  }

  @TestFactory
  Stream<DynamicTest> frozenGraphsMatchTheirGoldenText() throws IOException {
    List<Path> models = models();
    assertTrue(models.size() >= 10, "zoo models found: " + models);
    boolean update = Boolean.getBoolean(UPDATE);
    return models.stream().map(m -> DynamicTest.dynamicTest(m.getFileName().toString(), () -> {
      String text = TextFormat.printer().printToString(freeze(m).graph());
      Path golden = m.resolve("frozen.pbtxt");
      if (update) {
        Files.writeString(golden, text, StandardCharsets.UTF_8);
      }
      assertTrue(Files.isRegularFile(golden), golden + " is missing; regenerate with -D" + UPDATE + "=true");
      assertEquals(Files.readString(golden, StandardCharsets.UTF_8), text,
          "frozen graph of " + m.getFileName() + " changed; review the diff, then regenerate with -D" + UPDATE + "=true");
    }));
  }
}
