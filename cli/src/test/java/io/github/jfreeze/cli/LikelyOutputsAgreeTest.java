package io.github.jfreeze.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.jfreeze.bridge.internal.GraphFiles;
import io.github.jfreeze.codec.testing.TestPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code inspect} and {@code run}/{@code verify} name the same likely outputs for the same graph:
 * {@code inspect --json}'s {@code outputs} against the runtime bridge's default fetches
 * ({@link GraphFiles#likelyOutputs}, what {@code run} and {@code verify} fetch without
 * {@code --fetch}). Over every GraphDef of testdata and the corpus, and every zoo model frozen to
 * its recorded outputs. No natives are needed: both sides read the file in Java.
 */
class LikelyOutputsAgreeTest {
  @TempDir Path tmp;

  @TestFactory
  Stream<DynamicTest> committedGraphDefs() throws IOException {
    List<Path> graphs = new ArrayList<>(Corpus.graphDefs());
    try (Stream<Path> s = Files.walk(TestPaths.testdata())) {
      s.filter(p -> p.getFileName().toString().endsWith(".pbtxt") || p.getFileName().toString().equals("frozen.pb"))
          .sorted().forEach(graphs::add);
    }
    assertTrue(graphs.size() >= 15, "expected the zoo's frozen.pbtxt files and the corpus GraphDefs: " + graphs);
    return graphs.stream().map(g -> DynamicTest.dynamicTest(g.toString(), () -> agree(g)));
  }

  /**
   * The graph of every {@code .meta} and SavedModel of testdata and the corpus, written out as a
   * GraphDef: training graphs with savers ({@code save/}, {@code save_1/}), initializers and
   * variable reads, which frozen graphs rarely have.
   */
  @TestFactory
  Stream<DynamicTest> graphsOfMetaGraphsAndSavedModels() throws IOException {
    List<Path> files = new ArrayList<>(Corpus.metaGraphs());
    Corpus.savedModels().forEach(d -> files.add(d.resolve("saved_model.pb")));
    try (Stream<Path> s = Files.walk(TestPaths.testdata())) {
      s.filter(p -> p.getFileName().toString().endsWith(".meta") || p.getFileName().toString().equals("saved_model.pb"))
          .sorted().forEach(files::add);
    }
    List<DynamicTest> tests = new ArrayList<>();
    for (Path f : files) {
      List<io.github.jfreeze.proto.GraphDef> graphs = new ArrayList<>();
      if (f.getFileName().toString().equals("saved_model.pb")) {
        io.github.jfreeze.proto.SavedModel.parseFrom(Files.readAllBytes(f)).getMetaGraphsList()
            .forEach(m -> graphs.add(m.getGraphDef()));
      } else {
        graphs.add(io.github.jfreeze.proto.MetaGraphDef.parseFrom(Files.readAllBytes(f)).getGraphDef());
      }
      for (int i = 0; i < graphs.size(); i++) {
        io.github.jfreeze.proto.GraphDef g = graphs.get(i);
        String name = f + (graphs.size() > 1 ? " #" + i : "");
        tests.add(DynamicTest.dynamicTest(name, () -> {
          Path out = Files.createTempFile(tmp, "graph", ".pb");
          Files.write(out, g.toByteArray());
          agree(out);
        }));
      }
    }
    assertTrue(tests.size() >= 20, "expected the .meta files and SavedModels of testdata and the corpus: " + files);
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> zooModelsFrozen() throws IOException {
    List<Path> models;
    try (Stream<Path> s = Files.list(TestPaths.testdata().resolve("models"))) {
      models = s.filter(d -> Files.isRegularFile(d.resolve("model.json"))).sorted().toList();
    }
    assertFalse(models.isEmpty());
    return models.stream().map(m -> DynamicTest.dynamicTest(m.getFileName().toString(), () -> {
      JsonNode json = Cli.JSON.readTree(m.resolve("model.json").toFile());
      if (json.has("expect_error")) {
        return; // a model recorded as one native TF refuses to run is not frozen here
      }
      List<String> outputs = new ArrayList<>();
      json.path("outputs").forEach(o -> outputs.add(o.asText()));
      Path out = tmp.resolve(m.getFileName() + ".pb");
      Cli.run("freeze", m.toString(), "--outputs", String.join(",", outputs), "-o", out.toString()).assertOk();
      agree(out);
    }));
  }

  private static void agree(Path graph) throws Exception {
    Cli.Result r = Cli.run("inspect", graph.toString(), "--json").assertOk();
    JsonNode j = r.json();
    JsonNode g = j.has("graph") ? j.get("graph") : j;
    List<String> inspect = new ArrayList<>();
    g.get("outputs").forEach(o -> inspect.add(o.get("name").asText()));
    List<String> run = GraphFiles.likelyOutputs(GraphFiles.readGraphDef(graph));
    assertEquals(inspect, run, graph + ": inspect and run/verify name different likely outputs");
  }
}
