package io.github.jfreeze.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.jfreeze.bridge.internal.DataTypeNames;
import io.github.jfreeze.bridge.internal.NativeGraphRunner.Fetched;
import io.github.jfreeze.codec.graph.OpVocabulary;
import io.github.jfreeze.freezer.FreezeOptions;
import io.github.jfreeze.freezer.FreezeReport;
import io.github.jfreeze.freezer.Freezer;
import io.github.jfreeze.proto.GraphDef;
import io.github.jfreeze.proto.NodeDef;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11: {@code models/lookup_tables} (a TF1 SavedModel whose main op fills vocabularies from
 * {@code assets/} files and tables from constants) frozen to a GraphDef alone in a directory runs
 * in native TF, with no file beside it, and computes what TF's SavedModel loader computed on the
 * same strings. Before, the freeze dropped every initializer and the frozen graph failed with
 * "Table not initialized"; {@code --init=} (no init node run) reproduces that.
 */
class LookupTablesNativeTest {
  private static final Path MODEL = TestPaths.testdata().resolve("models/lookup_tables");
  private static final List<String> OUTPUTS = List.of("ids", "scores", "names", "counts_out");

  @TempDir
  Path tmp;

  private Path freezeAlone() throws IOException {
    Path out = tmp.resolve("alone").resolve("frozen.pb");
    Files.createDirectories(out.getParent());
    FreezeReport r = Freezer.freeze(FreezeOptions.builder(MODEL).outputs(OUTPUTS).output(out).build());
    assertEquals(OpVocabulary.TABLE_INIT_NODE, r.initNode());
    assertEquals(6, r.tables().size(), r.tables().toString());
    try (Stream<Path> files = Files.list(out.getParent())) {
      assertEquals(List.of(out), files.toList(), "nothing beside the frozen graph");
    }
    return out;
  }

  private static String words(JsonNode m) {
    List<String> w = new ArrayList<>();
    m.path("feeds").path("words").path("strings_base64").forEach(s -> w.add("\""
        + new String(Base64.getDecoder().decode(s.asText()), StandardCharsets.UTF_8) + "\""));
    return "[" + String.join(", ", w) + "]";
  }

  @Test
  void frozenAloneComputesWhatTheSavedModelLoaderComputed() throws IOException {
    NativeAssumptions.assumeNatives();
    JsonNode m = new ObjectMapper().readTree(MODEL.resolve("model.json").toFile());
    Path frozen = freezeAlone();
    GraphDef g = GraphDef.parseFrom(Files.readAllBytes(frozen));
    List<String> ops = g.getNodeList().stream().map(NodeDef::getOp).toList();
    assertFalse(ops.contains("InitializeTableFromTextFileV2"), ops.toString());
    assertTrue(ops.contains("LookupTableImportV2"), ops.toString());
    NativeRunner.Result r = NativeRunner.run(frozen, Map.of("words", words(m)), OUTPUTS);
    for (String o : OUTPUTS) {
      NativeTensor t = r.output(o);
      ZooModelsTest.assertSame(o, ZooModelsTest.value(m.path("expected").path(o)),
          new Fetched(DataTypeNames.number(t.dtype()), t.shape(), t.data(), t.strings()));
    }
  }

  @Test
  void withoutItsInitNodeTheFrozenGraphFailsAsItDidBefore() throws IOException {
    NativeAssumptions.assumeNatives();
    JsonNode m = new ObjectMapper().readTree(MODEL.resolve("model.json").toFile());
    Path frozen = freezeAlone();
    NativeRunException e = assertThrows(NativeRunException.class,
        () -> NativeRunner.run(frozen, Map.of("words", words(m)), OUTPUTS, Device.CPU, ""));
    assertTrue(e.getMessage().contains("Table not initialized"), e.getMessage());
    NativeRunException unknown = assertThrows(NativeRunException.class,
        () -> NativeRunner.run(frozen, Map.of("words", words(m)), OUTPUTS, Device.CPU, "init_all_table"));
    assertEquals(NativeRunException.Reason.UNKNOWN_NAME, unknown.reason());
    assertTrue(unknown.suggestions().contains(OpVocabulary.TABLE_INIT_NODE), unknown.suggestions().toString());
  }

  @Test
  void verifyRunsTheInitNodeAndMatchesTheSavedModel() throws IOException {
    NativeAssumptions.assumeNatives();
    JsonNode m = new ObjectMapper().readTree(MODEL.resolve("model.json").toFile());
    Path frozen = freezeAlone();
    NativeVerifier.Result r = NativeVerifier.verify(NativeVerifier.Options.builder(frozen, MODEL)
        .feed("words", words(m)).fetches(OUTPUTS).build());
    assertTrue(r.match(), r.outputs().stream().map(Object::toString).collect(Collectors.joining("\n")));
    assertEquals(OUTPUTS.size(), r.outputs().size());
  }
}
