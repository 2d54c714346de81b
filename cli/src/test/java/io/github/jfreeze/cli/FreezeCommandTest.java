package io.github.jfreeze.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.jfreeze.codec.testing.TestPaths;
import io.github.jfreeze.proto.GraphDef;
import io.github.jfreeze.proto.SavedModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jfreeze freeze} and {@code jfreeze convert} through the command line. */
class FreezeCommandTest {
  @TempDir Path tmp;

  private static String corpus(String p) {
    return TestPaths.corpus().resolve(p).toString();
  }

  @Test
  void freezesASavedModelThroughItsSignature() throws IOException {
    Path out = tmp.resolve("hp2.pb");
    Cli.Result r = Cli.run("freeze", corpus("serving_saved_model_half_plus_two_tf2_cpu/00000123"), "-o", out.toString()).assertOk();
    assertTrue(r.out().contains("outputs:   StatefulPartitionedCall_5"), r.out());
    GraphDef g = GraphDef.parseFrom(Files.readAllBytes(out));
    assertTrue(g.getNodeList().stream().noneMatch(n -> n.getOp().equals("VarHandleOp")));
  }

  @Test
  void lowerControlFlowWritesAGraphInspectShowsWithoutFunctions() throws IOException {
    Path model = TestPaths.testdata().resolve("models/nested_functional");
    Path plain = tmp.resolve("plain.pb");
    Path flat = tmp.resolve("flat.pb");
    JsonNode p = Cli.run("freeze", model.toString(), "--outputs", "output,output_not", "-o", plain.toString(), "--json")
        .assertOk().json();
    JsonNode f = Cli.run("freeze", model.toString(), "--outputs", "output,output_not", "-o", flat.toString(), "--json",
        "--lower-control-flow").assertOk().json();
    assertEquals(6, p.get("functions").size());
    assertEquals(0, f.get("functions").size());
    assertTrue(f.get("nodes_after").asInt() > p.get("nodes_after").asInt());
    Cli.Result r = Cli.run("inspect", flat.toString()).assertOk();
    assertTrue(r.out().contains(" 0 functions"), r.out());
    assertFalse(r.out().contains("StatefulPartitionedCall"), r.out());
  }

  @Test
  void flatteningAFlatGraphChangesNoByte() throws IOException {
    String seed = TestPaths.testdata().resolve("models/seed").toString();
    Path plain = tmp.resolve("seed.pb");
    Path flat = tmp.resolve("seed-flat.pb");
    Cli.run("freeze", seed, "--outputs", "predictions", "-o", plain.toString()).assertOk();
    Cli.run("freeze", seed, "--outputs", "predictions", "-o", flat.toString(), "--inline-functions", "--lower-control-flow")
        .assertOk();
    assertTrue(java.util.Arrays.equals(Files.readAllBytes(plain), Files.readAllBytes(flat)));
  }

  @Test
  void jsonSummaryListsConvertedVariables() throws IOException {
    Path out = tmp.resolve("mlp.pb");
    JsonNode j = Cli.run("freeze", TestPaths.testdata().resolve("checkpoints/tf1_training").toString(), "--outputs",
        "predictions", "-o", out.toString(), "--json").assertOk().json();
    assertEquals("freeze", j.get("kind").asText());
    assertEquals(4, j.get("variables").size());
    assertEquals("x", j.get("inputs").get(0).asText());
    assertEquals(Files.size(out), j.get("output_bytes").asLong());
    GraphDef g = GraphDef.parseFrom(Files.readAllBytes(out));
    assertEquals(j.get("nodes_after").asInt(), g.getNodeCount());
  }

  @Test
  void failuresAreOneLineWithExitOne() throws IOException {
    Path out = tmp.resolve("x.pb");
    // already frozen
    Cli.Result r = Cli.run("freeze", corpus("tf2onnx_regression/graphdef/frozen.pb"), "-o", out.toString()).assertBadInput();
    assertTrue(r.err().contains("already frozen"), r.err());
    // wrong output name
    r = Cli.run("freeze", corpus("tf2onnx_regression/checkpoint"), "--outputs", "prd", "-o", out.toString()).assertBadInput();
    assertTrue(r.err().contains("closest names: pred"), r.err());
    // output is an input
    r = Cli.run("freeze", corpus("tf2onnx_regression/checkpoint"), "--outputs", "pred", "-o",
        corpus("tf2onnx_regression/checkpoint/model.meta"), "--force").assertBadInput();
    assertTrue(r.err().contains("is an input"), r.err());
    // no such input
    Cli.run("freeze", tmp.resolve("nothing").toString(), "--outputs", "pred", "-o", out.toString()).assertBadInput();
    // existing output without --force
    Files.writeString(out, "mine");
    r = Cli.run("freeze", corpus("tf2onnx_regression/checkpoint"), "--outputs", "pred", "-o", out.toString()).assertBadInput();
    assertTrue(r.err().contains("--force"), r.err());
    assertEquals("mine", Files.readString(out));
    // nothing half-written anywhere
    try (Stream<Path> s = Files.list(tmp)) {
      assertEquals(1, s.count());
    }
  }

  @Test
  void usageErrorsExitTwo() {
    assertEquals(2, Cli.run("freeze", corpus("tf2onnx_regression/checkpoint")).code(), "-o is required");
    // no outputs on a checkpoint: what to freeze is the caller's choice, so a usage error, whose
    // message names the graph and lists the likely outputs to copy; nothing is written
    Path out = tmp.resolve("none.pb");
    Cli.Result r = Cli.run("freeze", corpus("tf2onnx_regression/checkpoint"), "-o", out.toString());
    assertEquals(2, r.code(), r.describe("exit code"));
    assertTrue(r.err().startsWith("jfreeze: error: ") && r.err().contains("model.meta: no outputs given")
        && r.err().contains("--outputs") && r.err().contains("likely outputs"), r.err());
    assertFalse(Files.exists(out));
    assertEquals(2, Cli.run("convert", corpus("tf2onnx_regression/checkpoint"), "--to", "onnx", "-o", "x",
        "--inputs", "X", "--outputs", "pred").code());
  }

  @Test
  void convertsACheckpointToASavedModel() throws IOException {
    Path dir = tmp.resolve("sm");
    JsonNode j = Cli.run("convert", corpus("tf2onnx_regression/checkpoint"), "--to", "saved-model", "-o", dir.toString(),
        "--inputs", "X", "--outputs", "pred", "--json").assertOk().json();
    assertEquals(2, j.get("variables").asInt());
    SavedModel sm = SavedModel.parseFrom(Files.readAllBytes(dir.resolve("saved_model.pb")));
    var sig = sm.getMetaGraphs(0).getSignatureDefOrThrow("serving_default");
    assertEquals("X:0", sig.getInputsOrThrow("X").getName());
    assertEquals("pred:0", sig.getOutputsOrThrow("pred").getName());
    assertTrue(Files.isRegularFile(dir.resolve("variables/variables.index")));
    assertTrue(Files.isRegularFile(dir.resolve("variables/variables.data-00000-of-00001")));
    // the bundle is byte-for-byte the checkpoint's
    assertEquals(-1, Files.mismatch(dir.resolve("variables/variables.index"),
        TestPaths.corpus().resolve("tf2onnx_regression/checkpoint/model.index")));
    // and jfreeze reads the result like any SavedModel
    Cli.run("inspect", dir.toString()).assertOk();
    assertFalse(Cli.run("convert", corpus("tf2onnx_regression/checkpoint"), "--to", "saved-model", "-o", dir.toString(),
        "--inputs", "X", "--outputs", "pred").code() == 0, "exists without --force");
  }

  @Test
  void devicesAreClearedUnlessKept() throws IOException {
    // global_step/read sits on /device:CPU:0 in the TF-written graph
    String ckpt = TestPaths.testdata().resolve("checkpoints/tf1_training").toString();
    Path cleared = tmp.resolve("c.pb");
    Path kept = tmp.resolve("k.pb");
    Cli.run("freeze", ckpt, "--outputs", "global_step/read", "-o", cleared.toString()).assertOk();
    Cli.run("freeze", ckpt, "--outputs", "global_step/read", "-o", kept.toString(), "--keep-devices").assertOk();
    assertTrue(GraphDef.parseFrom(Files.readAllBytes(cleared)).getNodeList().stream().allMatch(n -> n.getDevice().isEmpty()));
    assertEquals(2, GraphDef.parseFrom(Files.readAllBytes(kept)).getNodeList().stream()
        .filter(n -> n.getDevice().equals("/device:CPU:0")).count(), "the variable's Const and its read");
  }
}
