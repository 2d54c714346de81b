package io.github.jfreeze.freezer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jfreeze.codec.testing.TestPaths;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library's messages name the API a caller can use ({@code FreezeOptions.outputs(...)}), never
 * a CLI flag; the CLI puts its flags back (cli's LibraryWordingTest).
 */
class LibraryMessagesTest {
  private static Path corpus(String p) {
    return TestPaths.corpus().resolve(p);
  }

  @Test
  void missingOutputsNameTheOption() {
    FreezeException e = assertThrows(FreezeException.class,
        () -> Freezer.freezeToGraph(FreezeOptions.builder(corpus("tf2onnx_regression/checkpoint")).build()));
    assertEquals(FreezeException.Reason.NO_OUTPUTS, e.reason());
    assertTrue(e.problem().startsWith("no outputs given: name the output node(s) with FreezeOptions.outputs(...); "),
        e.problem());
    assertFalse(e.getMessage().contains("--"), e.getMessage());
  }

  @Test
  void unknownTagsNameTheOption() {
    FreezeException e = assertThrows(FreezeException.class, () -> Freezer.freezeToGraph(
        FreezeOptions.builder(corpus("serving_saved_model_half_plus_two_tf2_cpu/00000123")).tags(Set.of("train")).build()));
    assertTrue(e.problem().endsWith("(pass one with FreezeOptions.tags(...))"), e.problem());
    assertFalse(e.getMessage().contains("--"), e.getMessage());
  }

  @Test
  void convertWithoutSignatureTensorsNamesTheOptions(@TempDir Path tmp) {
    FreezeException e = assertThrows(FreezeException.class, () -> Freezer.convertToSavedModel(new ConvertOptions(
        corpus("tf2onnx_regression/checkpoint"), null, List.of(), List.of(), tmp.resolve("sm"), false)));
    assertEquals(FreezeException.Reason.NO_OUTPUTS, e.reason());
    assertEquals("a serving signature needs ConvertOptions.inputs() and ConvertOptions.outputs() (node names, or key=node:0)",
        e.problem());
  }

  @Test
  void keptVariablesWarningNamesTheOptions() throws Exception {
    FreezeReport r = Freezer.freezeToGraph(FreezeOptions.builder(TestPaths.testdata().resolve("checkpoints/tf1_training"))
        .outputs("predictions").excludeVariables(List.of(".*")).build()).report();
    assertEquals(1, r.warnings().size(), r.warnings().toString());
    assertTrue(r.warnings().get(0).contains(
        " left as variables (FreezeOptions.excludeVariables(...)/FreezeOptions.includeVariables(...)): "), r.warnings().get(0));
  }
}
