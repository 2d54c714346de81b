package io.github.jfreeze.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.jfreeze.codec.testing.TestPaths;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code inspect} names what must run once before the outputs: a SavedModel's init op and table
 * initializers (as TF's loader finds them), and the {@code init_all_tables} node a frozen graph with
 * lookup tables carries (TF-written fixture {@code models/lookup_tables}).
 */
class InspectInitNodesTest {
  @TempDir Path tmp;

  private static List<String> initNodes(JsonNode j) {
    List<String> names = new ArrayList<>();
    j.findValue("init_nodes").forEach(n -> names.add(n.asText()));
    return names;
  }

  @Test
  void savedModelAndFrozenGraphNameTheirInitNodes() {
    String model = TestPaths.testdata().resolve("models/lookup_tables").toString();
    List<String> saved = initNodes(Cli.run("inspect", model, "--json").assertOk().json());
    assertEquals("main_op", saved.get(0), "the loader's main op first: " + saved);
    assertTrue(saved.containsAll(List.of("vocab/table_init", "boost/table_init")), saved.toString());
    assertEquals(7, saved.size(), saved.toString());

    Path frozen = tmp.resolve("ids.pb");
    Cli.run("freeze", model, "--outputs", "ids", "-o", frozen.toString()).assertOk();
    assertEquals(List.of("init_all_tables"), initNodes(Cli.run("inspect", frozen.toString(), "--json").assertOk().json()));
    assertTrue(Cli.run("inspect", frozen.toString()).assertOk().out()
        .contains("init (run once before the outputs): init_all_tables"));

    Path seed = tmp.resolve("seed.pb");
    Cli.run("freeze", TestPaths.testdata().resolve("models/seed").toString(), "--outputs", "predictions", "-o",
        seed.toString()).assertOk();
    assertEquals(List.of(), initNodes(Cli.run("inspect", seed.toString(), "--json").assertOk().json()));
    assertFalse(Cli.run("inspect", seed.toString()).assertOk().out().contains("init ("));
  }
}
