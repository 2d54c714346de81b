package io.github.jfreeze.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.jfreeze.codec.testing.TestPaths;
import io.github.jfreeze.proto.AttrValue;
import io.github.jfreeze.proto.DataType;
import io.github.jfreeze.proto.GraphDef;
import io.github.jfreeze.proto.NodeDef;
import io.github.jfreeze.proto.TensorProto;
import io.github.jfreeze.proto.TensorShapeProto;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jfreeze run} and {@code jfreeze verify} on native TensorFlow, through the command line. */
class RunVerifyCommandTest {
  @TempDir Path tmp;

  @BeforeEach
  void natives() {
    Launcher.assumeNatives();
  }

  private Path freezeSeed() {
    Path out = tmp.resolve("seed.pb");
    Cli.run("freeze", TestPaths.testdata().resolve("models/seed").toString(), "--outputs", "predictions", "-o", out.toString())
        .assertOk();
    return out;
  }

  @Test
  void theReadmeDemoPrints101() {
    Cli.Result r = Cli.run("run", freezeSeed().toString(), "--feed", "input_holder=10.0").assertOk();
    assertTrue(r.out().startsWith("predictions  float32 [1]  [101."), r.out());
    JsonNode j = Cli.run("run", tmp.resolve("seed.pb").toString(), "--feed", "input_holder=10.0", "--json").assertOk().json();
    assertEquals(101.0, j.get("outputs").get(0).get("values").get(0).asDouble());
    assertEquals("cpu", j.get("device").asText());
  }

  /** Issue 11: a SavedModel's vocabularies and constant tables survive freezing; run and verify run init_all_tables. */
  @Test
  void lookupTablesFreezeRunAndVerifyWithTheirInitNode() throws IOException {
    String model = TestPaths.testdata().resolve("models/lookup_tables").toString();
    Path out = Files.createDirectories(tmp.resolve("tables")).resolve("frozen.pb");
    JsonNode f = Cli.run("freeze", model, "--outputs", "ids,scores,names,counts_out", "-o", out.toString(), "--json")
        .assertOk().json();
    assertEquals("init_all_tables", f.get("init_node").asText());
    assertEquals(6, f.get("tables").size());
    JsonNode vocab = f.get("tables").get(0);
    assertEquals("vocab/hash_table", vocab.get("table").asText());
    assertEquals(8, vocab.get("entries").asInt());
    assertTrue(vocab.get("how").asText().contains("assets/vocab.txt"), vocab.toString());
    Cli.Result text = Cli.run("freeze", model, "--outputs", "ids", "-o", tmp.resolve("ids.pb").toString()).assertOk();
    assertTrue(text.out().contains("init:      init_all_tables"), text.out());
    String words = "words=[\"fox\", \"nope\", \"brown\"]";
    Cli.Result r = Cli.run("run", out.toString(), "--feed", words, "--fetch", "ids,names").assertOk();
    assertTrue(r.out().startsWith("ids  int64 [3]  [ 3 -1  2]"), r.out());
    Cli.Result none = Cli.run("run", out.toString(), "--feed", words, "--fetch", "ids", "--init=");
    assertEquals(1, none.code());
    assertTrue(none.err().contains("Table not initialized"), none.err());
    JsonNode v = Cli.run("verify", out.toString(), "--against", model, "--feed", words, "--json").assertOk().json();
    assertTrue(v.get("match").asBoolean(), v.toString());
    assertEquals("init_all_tables", v.get("init_node").asText(), v.toString());
    Cli.Result verifyText = Cli.run("verify", out.toString(), "--against", model, "--feed", words).assertOk();
    assertTrue(verifyText.out().contains("init     init_all_tables (run once"), verifyText.out());
  }

  @Test
  void verifyMatchesTheCheckpointAndCatchesADifference() throws IOException {
    Path frozen = freezeSeed();
    String seed = TestPaths.testdata().resolve("models/seed").toString();
    Cli.Result ok = Cli.run("verify", frozen.toString(), "--against", seed).assertOk();
    assertTrue(ok.out().contains("match"), ok.out());
    JsonNode j = Cli.run("verify", frozen.toString(), "--against", seed, "--feed", "input_holder=2", "--json").assertOk().json();
    assertTrue(j.get("match").asBoolean());
    assertEquals(0.0, j.get("outputs").get(0).get("max_abs_diff").asDouble());
    assertEquals("per dtype", j.get("atol").asText());
    assertTrue(j.get("init_node").isNull(), "the seed fills no table: " + j);
    JsonNode strict = Cli.run("verify", frozen.toString(), "--against", seed, "--atol", "0", "--json").assertOk().json();
    assertEquals(0.0, strict.get("atol").asDouble());
    assertEquals(2, Cli.run("verify", frozen.toString(), "--against", seed, "--atol", "-1").code());
    // a frozen graph whose W1 is 5.5 instead of 5: predictions differ by 0.5 * 10
    GraphDef g = GraphDef.parseFrom(Files.readAllBytes(frozen));
    GraphDef.Builder b = g.toBuilder();
    for (NodeDef.Builder n : b.getNodeBuilderList()) {
      if (n.getName().equals("W1")) {
        byte[] v = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat(5.5f).array();
        TensorProto t = n.getAttrOrThrow("value").getTensor().toBuilder()
            .setTensorContent(com.google.protobuf.ByteString.copyFrom(v)).build();
        n.putAttr("value", AttrValue.newBuilder().setTensor(t).build());
      }
    }
    Path wrong = tmp.resolve("wrong.pb");
    Files.write(wrong, b.build().toByteArray());
    Cli.Result bad = Cli.run("verify", wrong.toString(), "--against", seed, "--feed", "input_holder=10");
    assertEquals(1, bad.code(), bad.describe("exit"));
    assertTrue(bad.out().contains("DIFFERS"), bad.out());
    assertEquals(1, bad.errLines().size(), bad.err());
    assertTrue(bad.err().contains("1 of 1 output(s) differ"), bad.err());
  }

  /**
   * Issue 11: outputs of about 1e-9 against 0 (as TF's threaded reductions give between runs) were
   * reported as different, since only a relative tolerance applied. The seed model (TF-written) is
   * fed the input that makes its output 0, and its frozen graph's output is raised to 1e-9:
   * within float32's default absolute tolerance (1e-8) it matches; with {@code --atol 0} it differs.
   */
  @Test
  void tinyOutputsAgainstZeroMatchWithinTheDtypesAbsoluteTolerance() throws IOException {
    Path frozen = freezeSeed();
    String seed = TestPaths.testdata().resolve("models/seed").toString();
    // the seed's output is affine in its input: TF's own outputs at 0 and 1 give the input where it is 0
    float at0 = (float) Cli.run("run", frozen.toString(), "--feed", "input_holder=0", "--json").assertOk().json()
        .get("outputs").get(0).get("values").get(0).asDouble();
    float at1 = (float) Cli.run("run", frozen.toString(), "--feed", "input_holder=1", "--json").assertOk().json()
        .get("outputs").get(0).get("values").get(0).asDouble();
    String feed = "input_holder=" + (-at0 / (at1 - at0));
    JsonNode zero = Cli.run("run", frozen.toString(), "--feed", feed, "--json").assertOk().json();
    assertEquals(0.0, zero.get("outputs").get(0).get("values").get(0).asDouble(), "TF's output there: " + zero);
    GraphDef.Builder b = GraphDef.parseFrom(Files.readAllBytes(frozen)).toBuilder();
    for (NodeDef.Builder n : b.getNodeBuilderList()) {
      if (n.getName().equals("predictions")) {
        n.setName("predictions/raw");
      }
    }
    TensorProto tiny = TensorProto.newBuilder().setDtype(DataType.DT_FLOAT)
        .setTensorShape(TensorShapeProto.newBuilder().addDim(TensorShapeProto.Dim.newBuilder().setSize(1)))
        .addFloatVal(1e-9f).build();
    b.addNode(NodeDef.newBuilder().setName("tiny").setOp("Const").putAttr("dtype", AttrValue.newBuilder()
        .setType(DataType.DT_FLOAT).build()).putAttr("value", AttrValue.newBuilder().setTensor(tiny).build()));
    // Maximum, not an add: Grappler folds a constant added after the model's own constant adds
    b.addNode(NodeDef.newBuilder().setName("predictions").setOp("Maximum").addInput("predictions/raw").addInput("tiny")
        .putAttr("T", AttrValue.newBuilder().setType(DataType.DT_FLOAT).build()));
    Path shifted = tmp.resolve("shifted.pb");
    Files.write(shifted, b.build().toByteArray());

    JsonNode j = Cli.run("verify", shifted.toString(), "--against", seed, "--feed", feed, "--fetch", "predictions",
        "--json").assertOk().json();
    assertTrue(j.get("match").asBoolean(), j.toString());
    double diff = j.get("outputs").get(0).get("max_abs_diff").asDouble();
    assertTrue(diff > 0 && diff < 1e-8, "the outputs differ by about 1e-9: " + j);
    Cli.Result strict = Cli.run("verify", shifted.toString(), "--against", seed, "--feed", feed, "--fetch", "predictions",
        "--atol", "0");
    assertEquals(1, strict.code(), strict.describe("exit"));
    assertTrue(strict.out().contains("DIFFERS"), strict.out());
    // with --json the verdict is a whole document, exit 1, one line on stderr
    Cli.Result strictJson = Cli.run("verify", shifted.toString(), "--against", seed, "--feed", feed, "--fetch",
        "predictions", "--atol", "0", "--json");
    assertEquals(1, strictJson.code(), strictJson.describe("exit"));
    assertEquals(1, strictJson.errLines().size(), strictJson.describe("stderr"));
    JsonNode differs = strictJson.json();
    assertTrue(!differs.get("match").asBoolean() && differs.get("outputs").get(0).get("mismatched").asInt() == 1,
        differs.toString());
  }

  /**
   * Native-assisted freezing restores only what the outputs reach (one RestoreV2 of those tensors,
   * partitions by their slice) and must write what pure Java writes, for every zoo checkpoint:
   * partitioned, sharded, resource and ref variables, functions.
   */
  @Test
  void nativeAssistedFreezingWritesTheSameBytes() throws IOException {
    int models = 0;
    try (var dirs = Files.list(TestPaths.testdata().resolve("models"))) {
      for (Path m : dirs.sorted().toList()) {
        JsonNode json = Cli.JSON.readTree(m.resolve("model.json").toFile());
        if (json.has("expect_error") || !json.has("outputs") || "saved_model".equals(json.path("kind").asText())) {
          continue;
        }
        List<String> names = new ArrayList<>();
        json.get("outputs").forEach(o -> names.add(o.asText()));
        String outputs = String.join(",", names);
        Path java = tmp.resolve(m.getFileName() + "-java.pb");
        Path nat = tmp.resolve(m.getFileName() + "-native.pb");
        Cli.run("freeze", m.toString(), "--outputs", outputs, "-o", java.toString()).assertOk();
        Cli.Result r = Cli.run("freeze", m.toString(), "--outputs", outputs, "-o", nat.toString(), "--native-values");
        assertEquals(0, r.code(), () -> r.describe(m.getFileName() + ": exit code"));
        assertEquals(-1, Files.mismatch(java, nat), m.getFileName() + ": native-assisted bytes differ");
        models++;
      }
    }
    assertTrue(models >= 10, "zoo models frozen both ways: " + models);
  }

  @Test
  void badInputsAreOneLine() {
    Path frozen = freezeSeed();
    Cli.Result r = Cli.run("run", frozen.toString(), "--feed", "input_holdr=1").assertBadInput();
    assertTrue(r.err().contains("input_holder"), "suggests the right name: " + r.err());
    Cli.run("run", tmp.resolve("missing.pb").toString()).assertBadInput();
    assertFalse(Cli.run("run", frozen.toString(), "--device", "tpu").code() == 0);
    assertEquals(2, Cli.run("run", frozen.toString(), "--device", "tpu").code());
    // GPU asked for where none is: a clear error, not a silent CPU run
    if (!io.github.jfreeze.bridge.Device.gpuAvailable()) {
      r = Cli.run("run", frozen.toString(), "--feed", "input_holder=1", "--device", "gpu").assertBadInput();
      assertTrue(r.err().contains("GPU"), r.err());
    }
  }

  @Test
  void feedsThatWouldBeSilentlyChangedAreRefused() {
    Path frozen = freezeSeed();
    String seed = TestPaths.testdata().resolve("models/seed").toString();
    // a finite number beyond float32 is an error, not inf
    Cli.Result r = Cli.run("run", frozen.toString(), "--feed", "input_holder=1e999").assertBadInput();
    assertTrue(r.err().contains("'1e999' is beyond float32's range"), r.err());
    Cli.run("verify", frozen.toString(), "--against", seed, "--feed", "input_holder=1e999").assertBadInput();
    // a name given twice, or no '=', is a usage error naming the option (picocli's maps keep the last silently)
    for (String cmd : new String[] {"run", "verify"}) {
      String[] args = cmd.equals("run")
          ? new String[] {"run", frozen.toString(), "--feed", "input_holder=1", "--feed", "input_holder=2"}
          : new String[] {"verify", frozen.toString(), "--against", seed, "--feed", "input_holder=1", "--feed",
              "input_holder=2"};
      r = Cli.run(args);
      assertEquals(2, r.code(), r.describe("exit code"));
      assertTrue(r.err().startsWith("jfreeze: error: --feed input_holder is given twice"), r.describe("message"));
    }
    r = Cli.run("run", frozen.toString(), "--feed", "input_holder");
    assertEquals(2, r.code(), r.describe("exit code"));
    assertTrue(r.err().contains("--feed 'input_holder': expected NAME=VALUE"), r.describe("message"));
    r = Cli.run("verify", frozen.toString(), "--against", seed, "--shape", "x=1", "--shape", "x=2");
    assertEquals(2, r.code(), r.describe("exit code"));
    assertTrue(r.err().contains("--shape x is given twice"), r.describe("message"));
    // a string value may hold '=' after the first one
    assertEquals(2, Cli.run("run", frozen.toString(), "--feed", "=1").code());
  }

  @Test
  void aMissingGraphIsNamedOnce() {
    String missing = tmp.resolve("missing.pb").toString();
    for (String[] args : new String[][] {{"run", missing}, {"verify", missing, "--against",
        TestPaths.testdata().resolve("models/seed").toString()}}) {
      Cli.Result r = Cli.run(args).assertBadInput();
      assertEquals(r.err().indexOf(missing), r.err().lastIndexOf(missing), r.describe("the path once"));
    }
  }

  /** Issue 16: run takes a SavedModel and a signature, as saved_model_cli run does. */
  @Test
  void runTakesASavedModelAndASignature() throws IOException {
    String seed = TestPaths.testdata().resolve("models/seed").toString();
    // what native TF computed from the seed's recorded feed (testdata/models/seed/model.json)
    JsonNode model = Cli.JSON.readTree(TestPaths.testdata().resolve("models/seed/model.json").toFile());
    float feed = ByteBuffer.wrap(java.util.HexFormat.of().parseHex(model.at("/feeds/input_holder/data_hex").asText()))
        .order(ByteOrder.LITTLE_ENDIAN).getFloat();
    float expected = ByteBuffer.wrap(java.util.HexFormat.of().parseHex(model.at("/expected/predictions/data_hex").asText()))
        .order(ByteOrder.LITTLE_ENDIAN).getFloat();
    Path sm = tmp.resolve("sm");
    Cli.run("convert", seed, "--to", "saved-model", "-o", sm.toString(), "--inputs", "input_holder", "--outputs",
        "predictions").assertOk();

    Cli.Result r = Cli.run("run", sm.toString(), "--signature", "serving_default", "--feed", "input_holder=" + feed)
        .assertOk();
    assertEquals("predictions  float32 [1]  [" + expected + "]", r.out().strip());
    // the default signature, the saved_model.pb named instead of its directory, a fetch by key, JSON
    JsonNode j = Cli.run("run", sm.resolve("saved_model.pb").toString(), "--feed", "input_holder=" + feed, "--fetch",
        "predictions", "--json").assertOk().json();
    assertEquals("serving_default", j.get("signature").asText());
    assertEquals("predictions", j.at("/outputs/0/name").asText());
    assertEquals(expected, j.at("/outputs/0/values/0").floatValue());

    r = Cli.run("run", sm.toString(), "--signature", "serving", "--feed", "input_holder=1").assertBadInput();
    assertTrue(r.err().contains("signature 'serving' is not in SavedModel " + sm + " (tags serve; its signatures: "
        + "serving_default)"), r.err());
    // a checkpoint or a training graph: one line saying what run takes
    for (String other : new String[] {seed, seed + "/model.ckpt-1.meta", seed + "/model.ckpt-1.index"}) {
      r = Cli.run("run", other).assertBadInput();
      assertTrue(r.err().contains("run takes a frozen GraphDef (.pb, .pbtxt) or a SavedModel directory"), r.err());
    }
    assertEquals(2, Cli.run("run", freezeSeed().toString(), "--signature", "x").code());
  }
}
