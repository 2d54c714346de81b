package io.github.jfreeze.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Options, bad inputs (exit 1, one line) and usage errors (exit 2). */
class InspectOptionsTest {
  @TempDir
  Path tmp;

  private static String tf2HalfPlusTwo() {
    return Corpus.file("serving_saved_model_half_plus_two_tf2_cpu/00000123").toString();
  }

  private static String keras() {
    return Corpus.file("tfnet_keras_python_func_model").toString();
  }

  @Test
  void tensorByFriendlyNameOrKey() {
    JsonNode byName = Cli.run("inspect", tf2HalfPlusTwo(), "--tensor", "b", "--json", "--values").assertOk().json();
    JsonNode vars = byName.get("checkpoint").get("variables");
    assertEquals(1, vars.size());
    assertEquals("b/.ATTRIBUTES/VARIABLE_VALUE", vars.get(0).get("key").asText());
    assertEquals(2.0, vars.get(0).get("values").get(0).asDouble());
    assertEquals(4, byName.get("checkpoint").get("totals").get("variables").asInt(), "totals cover the checkpoint");

    Cli.Result byKey = Cli.run("inspect", tf2HalfPlusTwo(), "--tensor", "a/.ATTRIBUTES/VARIABLE_VALUE", "--values")
        .assertOk();
    assertTrue(byKey.out().contains("tensor_name:  a/.ATTRIBUTES/VARIABLE_VALUE  (a)\n0.5\n"), byKey::out);
    assertTrue(byKey.out().contains("(1 of 4 shown)"), byKey::out);
  }

  @Test
  void unknownTensorNamesTheClosest() {
    Cli.Result r = Cli.run("inspect", keras(), "--tensor", "transformer/matrx").assertBadInput();
    assertTrue(r.err().startsWith("jfreeze: error: " + keras() + ": no tensor 'transformer/matrx'"), r::err);
    assertTrue(r.err().contains("closest: transformer/matrix"), r::err);
  }

  @Test
  void ambiguousFriendlyName() {
    Cli.Result r = Cli.run("inspect", keras(), "--tensor", "count").assertBadInput();
    assertTrue(r.err().contains("keras_api/metrics/0/count/.ATTRIBUTES/VARIABLE_VALUE"), r::err);
  }

  @Test
  void unknownConstInGraph() {
    Path frozen = Corpus.file("tf2onnx_regression/graphdef/frozen.pb");
    Cli.Result r = Cli.run("inspect", frozen.toString(), "--tensor", "w").assertBadInput();
    assertTrue(r.err().contains("no Const node 'w'") && r.err().contains("closest: W"), r::err);
    Cli.Result ok = Cli.run("inspect", frozen.toString(), "--tensor", "W").assertOk();
    assertTrue(ok.out().contains("const_name:  W"), ok::out);
  }

  @Test
  void maxValuesInJsonCutsTheList() {
    JsonNode j = Cli.run("inspect", keras(), "--tensor", "transformer/matrix", "--json", "--values",
        "--max-values", "3").assertOk().json();
    JsonNode v = j.get("checkpoint").get("variables").get(0);
    assertEquals(3, v.get("values").size());
    assertTrue(v.get("values_truncated").asBoolean());
  }

  @Test
  void textValuesAreAbbreviatedLikeNumpy() {
    Cli.Result abbreviated = Cli.run("inspect", keras(), "--tensor", "transformer/matrix", "--values").assertOk();
    assertTrue(abbreviated.out().contains("..."), abbreviated::out);
    // 784 x 10 abbreviated: 3 + 3 rows of 3 + 3 values, plus the row of "..."
    String values = abbreviated.out().substring(abbreviated.out().indexOf("tensor_name:"));
    assertEquals(7, values.lines().filter(l -> l.startsWith(" [") || l.startsWith("[[") || l.equals(" ...")).count(),
        values);
    Cli.Result full = Cli.run("inspect", keras(), "--tensor", "transformer/matrix", "--values", "--max-values",
        "10000").assertOk();
    assertFalse(full.out().contains("..."));
  }

  @Test
  void verifyFindsACorruptTensor() throws IOException {
    Path src = Corpus.file("tf2onnx_regression/checkpoint");
    Files.copy(src.resolve("model.index"), tmp.resolve("model.index"));
    byte[] data = Files.readAllBytes(src.resolve("model.data-00000-of-00001"));
    data[0] ^= 0x40;
    Files.write(tmp.resolve("model.data-00000-of-00001"), data);
    Cli.run("inspect", tmp.resolve("model").toString()).assertOk(); // the index alone is fine
    Cli.Result r = Cli.run("inspect", tmp.resolve("model").toString(), "--verify").assertBadInput();
    assertTrue(r.err().contains("model.data-00000-of-00001: checksum does not match"), r::err);
    Cli.run("inspect", tmp.resolve("model").toString(), "--json", "--values").assertBadInput();
  }

  @Test
  void verifyReportsSuccess() {
    Cli.Result r = Cli.run("inspect", Corpus.file("t2t_transformer_test_ckpt").toString(), "--verify").assertOk();
    assertTrue(r.out().contains("verified: read all 250 tensors"), r::out);
  }

  @Test
  void textFormatGraphDef() throws IOException {
    Path f = tmp.resolve("tiny.pbtxt");
    Files.writeString(f, """
        node { name: "x" op: "Placeholder"
               attr { key: "dtype" value { type: DT_FLOAT } }
               attr { key: "shape" value { shape { dim { size: -1 } dim { size: 3 } } } } }
        node { name: "two" op: "Const" attr { key: "dtype" value { type: DT_FLOAT } }
               attr { key: "value" value { tensor { dtype: DT_FLOAT tensor_shape { } float_val: 2 } } } }
        node { name: "y" op: "Mul" input: "x" input: "two" }
        """);
    JsonNode j = Cli.run("inspect", f.toString(), "--json", "--values").assertOk().json();
    assertEquals("graph_def", j.get("kind").asText());
    assertTrue(j.get("text_format").asBoolean());
    assertEquals("[-1,3]", j.get("inputs").get(0).get("shape").toString());
    assertEquals("y", j.get("outputs").get(0).get("name").asText());
    assertEquals("[2.0]", j.get("constants").get(0).get("values").toString());
    Cli.Result text = Cli.run("inspect", f.toString(), "--verify").assertOk();
    assertTrue(text.out().contains("x  float32  [?, 3]  Placeholder"), text::out);
  }

  @Test
  void constThatDoesNotFitItsShapeFailsVerify() throws IOException {
    Path f = tmp.resolve("bad.pbtxt");
    Files.writeString(f, """
        node { name: "c" op: "Const" attr { key: "value" value { tensor { dtype: DT_FLOAT
               tensor_shape { dim { size: 2 } } tensor_content: "abc" } } } }
        """);
    Cli.run("inspect", f.toString()).assertOk();
    Cli.Result r = Cli.run("inspect", f.toString(), "--verify").assertBadInput();
    assertTrue(r.err().contains("Const node 'c': tensor_content holds 3 bytes"), r::err);
  }

  @Test
  void damagedMetaBesideACheckpointIsAWarning() throws IOException {
    Path src = Corpus.file("tf2onnx_regression/checkpoint");
    for (String n : new String[] {"model.index", "model.data-00000-of-00001"}) {
      Files.copy(src.resolve(n), tmp.resolve(n));
    }
    byte[] junk = new byte[100];
    new Random(7).nextBytes(junk);
    Files.write(tmp.resolve("model.meta"), junk);
    Cli.Result r = Cli.run("inspect", tmp.resolve("model").toString(), "--json").assertOk();
    assertTrue(r.json().get("graph").isNull());
    assertEquals(1, r.json().get("warnings").size());
    assertTrue(r.err().startsWith("jfreeze: warning: cannot read the graph beside the checkpoint: "), r::err);
    Cli.run("inspect", tmp.resolve("model").toString(), "--verify").assertBadInput();
  }

  // --------------------------------------------------------------------------- bad input

  @Test
  void missingPath() {
    Path missing = tmp.resolve("nope");
    Cli.Result r = Cli.run("inspect", missing.toString()).assertBadInput();
    assertTrue(r.err().startsWith("jfreeze: error: " + missing + ": "), r::err);
    assertFalse(r.err().substring(16 + missing.toString().length()).contains(missing.toString() + ": "),
        () -> "path given twice: " + r.err());
  }

  @Test
  void directoryWithoutCheckpoints() throws IOException {
    Files.writeString(tmp.resolve("notes.txt"), "nothing here");
    Cli.Result r = Cli.run("inspect", tmp.toString()).assertBadInput();
    assertTrue(r.err().startsWith("jfreeze: error: " + tmp + ": "), r::err);
  }

  @Test
  void truncatedIndex() throws IOException {
    byte[] index = Files.readAllBytes(Corpus.file("tf2onnx_regression/checkpoint/model.index"));
    Files.write(tmp.resolve("model.index"), java.util.Arrays.copyOf(index, index.length / 2));
    Files.copy(Corpus.file("tf2onnx_regression/checkpoint/model.data-00000-of-00001"),
        tmp.resolve("model.data-00000-of-00001"));
    Cli.Result r = Cli.run("inspect", tmp.resolve("model.index").toString()).assertBadInput();
    assertTrue(r.err().startsWith("jfreeze: error: " + tmp.resolve("model.index") + ": "), r::err);
    Cli.run("inspect", tmp.toString(), "--json").assertBadInput();
  }

  @Test
  void randomBytes() throws IOException {
    byte[] junk = new byte[4096];
    new Random(42).nextBytes(junk);
    Path f = tmp.resolve("junk.pb");
    Files.write(f, junk);
    Cli.Result r = Cli.run("inspect", f.toString(), "--json").assertBadInput();
    assertTrue(r.err().startsWith("jfreeze: error: " + f + ": "), r::err);
    assertTrue(r.out().isEmpty(), "no partial JSON");
  }

  @Test
  void emptyFile() throws IOException {
    Path f = tmp.resolve("empty.pb");
    Files.write(f, new byte[0]);
    Cli.run("inspect", f.toString()).assertBadInput();
  }

  @Test
  void debugAddsTheStackTrace() {
    Cli.Result r = Cli.run("inspect", tmp.resolve("nope").toString(), "--debug");
    assertEquals(1, r.code());
    assertTrue(r.errLines().size() > 2, r::err);
    assertTrue(r.errLines().get(0).startsWith("jfreeze: error: "), r::err);
    assertTrue(r.err().contains("\tat "), r::err);
    assertEquals(1, Cli.run("--debug", "inspect", tmp.resolve("nope").toString()).code());
  }

  // ------------------------------------------------------------------------------- usage

  @Test
  void usageErrorsExitTwo() {
    for (String[] args : new String[][] {
        {}, {"inspect"}, {"inspect", "--bogus", "x"}, {"frobnicate"}, {"inspect", "x", "y"},
        {"inspect", "x", "--max-values", "-1"}, {"inspect", "x", "--max-values", "many"}}) {
      Cli.Result r = Cli.run(args);
      assertEquals(Main.USAGE, r.code(), () -> r.describe("exit code"));
      assertTrue(r.err().startsWith("jfreeze: error: "), () -> r.describe("stderr"));
      assertTrue(r.out().isEmpty(), () -> r.describe("stdout"));
    }
  }

  @Test
  void help() {
    Cli.Result r = Cli.run("inspect", "--help").assertOk();
    for (String option : new String[] {"--values", "--tensor", "--max-values", "--json", "--verify", "--debug"}) {
      assertTrue(r.out().contains(option), () -> option + " missing from\n" + r.out());
    }
    assertTrue(Cli.run("--help").assertOk().out().contains("inspect"));
    assertTrue(Cli.run("--version").assertOk().out().startsWith("jfreeze "));
  }
}
