package io.github.jfreeze.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.jfreeze.codec.testing.TestPaths;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11: a SavedModel saved with the empty tag set (as TF1 Hub modules are) whose outputs reach no
 * variable. Before, {@code freeze --tags ""} found no MetaGraphDef "with tags ''" though the model
 * has exactly that set, {@code --tags ,} then refused with "already frozen; nothing to do", and
 * {@code run --tags ""} asked TF for the tag set {""}. Now {@code ""} and {@code ,} name the empty
 * set in every command, and nothing to convert writes the pruned graph with exit 0. The model is
 * {@code saved_models/empty_tags}, exported by native TF (TF Java's exporter, no tags) through the
 * generator; the expected outputs are what native TF computed from it ({@code expected.json}'s
 * {@code run}).
 */
class EmptyTagSetTest {
  private static final Path MODEL = TestPaths.testdata().resolve("saved_models/empty_tags");

  @TempDir Path tmp;

  @BeforeEach
  void natives() {
    Launcher.assumeNatives();
  }

  /** TF's y for x = [3, -1.5], as the generator recorded it. */
  private static List<Double> expected() throws IOException {
    JsonNode y = Cli.JSON.readTree(MODEL.resolve("expected.json").toFile()).get("run").get("fetches").get(0);
    ByteBuffer b = ByteBuffer.wrap(HexFormat.of().parseHex(y.get("data_hex").asText())).order(ByteOrder.LITTLE_ENDIAN);
    List<Double> out = new ArrayList<>();
    while (b.hasRemaining()) {
      out.add((double) b.getFloat());
    }
    return out;
  }

  private static List<Double> values(JsonNode run) {
    List<Double> out = new ArrayList<>();
    run.get("outputs").get(0).get("values").forEach(v -> out.add(v.asDouble()));
    return out;
  }

  @Test
  void theEmptyTagSetIsNamedByAnEmptyTagsValueAndNothingToConvertIsSuccess() throws IOException {
    Path model = MODEL;
    List<Double> tf = expected();
    assertEquals(2, tf.size());

    for (String tags : new String[] {"", ","}) {
      Path out = tmp.resolve("frozen" + tags.length() + ".pb");
      JsonNode j = Cli.run("freeze", model.toString(), "--tags", tags, "-o", out.toString(), "--json").assertOk().json();
      assertEquals(0, j.get("variables").size(), j.toString());
      assertEquals(List.of("y"), List.of(j.get("outputs").get(0).asText()));
      assertTrue(j.get("warnings").toString().contains("nothing to convert"), j.toString());

      // the frozen graph computes what TF computed from the SavedModel
      JsonNode run = Cli.run("run", out.toString(), "--feed", "x=[3,-1.5]", "--fetch", "y", "--json").assertOk().json();
      assertEquals(tf, values(run));
      // run and verify load the SavedModel with the empty tag set
      assertEquals(tf, values(Cli.run("run", model.toString(), "--tags", tags, "--feed", "x=[3,-1.5]", "--json").assertOk().json()));
      Cli.run("verify", out.toString(), "--against", model.toString(), "--tags", tags).assertOk();
    }
    // the default tag set (serve) is not there: the message names the set the module has
    Cli.Result r = Cli.run("freeze", model.toString(), "-o", tmp.resolve("x.pb").toString()).assertBadInput();
    assertTrue(r.err().contains("has ''"), r.err());
  }
}
