package io.github.jfreeze.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jfreeze.codec.testing.TestPaths;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The freezer names its API options; {@code jfreeze} shows its own flags in their place. */
class LibraryWordingTest {
  @TempDir Path tmp;

  @Test
  void errorsNameFlags() {
    Cli.Result r = Cli.run("freeze", TestPaths.corpus().resolve("tf2onnx_regression/checkpoint").toString(),
        "-o", tmp.resolve("x.pb").toString());
    assertEquals(2, r.code(), () -> r.describe("exit code: no outputs is a usage error"));
    assertTrue(r.err().contains(": no outputs given: name the output node(s) with --outputs; likely outputs "), r.err());
    assertFalse(r.err().contains("FreezeOptions"), r.err());
    Cli.Result tags = Cli.run("freeze", TestPaths.corpus().resolve("serving_saved_model_half_plus_two_tf2_cpu/00000123").toString(),
        "--tags", "train", "-o", tmp.resolve("y.pb").toString()).assertBadInput();
    assertTrue(tags.err().contains("(pass one with --tags)"), tags.err());
  }

  @Test
  void warningsNameFlags() {
    Cli.Result r = Cli.run("freeze", TestPaths.testdata().resolve("checkpoints/tf1_training").toString(), "--outputs",
        "predictions", "--exclude-vars", ".*", "-o", tmp.resolve("kept.pb").toString()).assertOk();
    assertTrue(r.err().contains(" left as variables (--exclude-vars/--include-vars): "), r.err());
    assertFalse(r.err().contains("FreezeOptions"), r.err());
  }

  /** A table filled at run time is refused; the message names the flag that keeps its filling node. */
  @Test
  void tableRefusalsNameTheInitializerNodesFlag() throws java.io.IOException {
    io.github.jfreeze.proto.GraphDef g = io.github.jfreeze.proto.GraphDef.newBuilder()
        .addNode(io.github.jfreeze.proto.NodeDef.newBuilder().setName("m").setOp("MutableHashTableV2"))
        .addNode(io.github.jfreeze.proto.NodeDef.newBuilder().setName("k").setOp("Placeholder"))
        .addNode(io.github.jfreeze.proto.NodeDef.newBuilder().setName("insert").setOp("LookupTableInsertV2")
            .addInput("m").addInput("k").addInput("k"))
        .addNode(io.github.jfreeze.proto.NodeDef.newBuilder().setName("out").setOp("LookupTableFindV2")
            .addInput("m").addInput("k").addInput("k")).build();
    Path graph = tmp.resolve("tables.pb");
    java.nio.file.Files.write(graph, g.toByteArray());
    Cli.Result r = Cli.run("freeze", graph.toString(), "--outputs", "out", "-o", tmp.resolve("t.pb").toString()).assertBadInput();
    assertTrue(r.err().contains("table 'm' (MutableHashTableV2) is filled by 'insert' (LookupTableInsertV2) at run time"), r.err());
    assertTrue(r.err().contains("keep 'insert' with --initializer-nodes"), r.err());
    assertFalse(r.err().contains("FreezeOptions"), r.err());
  }

  @Test
  void textWithoutLibraryNamesIsUnchanged() {
    String s = "output 'prd' is not in the graph; closest names: pred";
    assertEquals(s, LibraryWording.asFlags(s));
  }
}
