package io.github.jfreeze.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.jfreeze.codec.testing.TestPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jfreeze rewrite}: the command over Freezer.rewrite (what the new checkpoint holds and that
 * native TF restores it: RewriteTest in freezer, RewriteRestoreTest in the bridge). Here: the
 * summary, the JSON document, and that every refusal is one line with the right exit code and
 * leaves nothing behind.
 */
class RewriteCommandTest {
  static final String TRAINING = TestPaths.testdata().resolve("checkpoints/tf1_training").toString();

  @TempDir Path tmp;

  @Test
  void summaryNamesWhatChanged() {
    Path prefix = tmp.resolve("new/model.ckpt");
    Cli.Result r = Cli.run("rewrite", TRAINING, "-o", prefix.toString(), "--inference-only", "--rename",
        "w(\\d)=layer$1/kernel").assertOk();
    assertTrue(r.out().startsWith("rewrote " + TRAINING + " -> " + prefix + " (4 tensors, 1 data file(s), "), r.out());
    assertTrue(r.out().contains(", .meta rewritten)"), r.out());
    assertTrue(r.out().contains("  layer1/kernel  float32  [4,5]  w1\n"), r.out());
    assertTrue(r.out().contains("  b2             float32  [3]\n"), r.out());
    assertTrue(r.out().contains("  dropped: 11 (b1/Adam, b1/Adam_1, b2/Adam, b2/Adam_1, beta1_power, ...)"), r.out());

    // what the command says it wrote is what inspect reads back, through the new checkpoint state file
    Cli.Result inspect = Cli.run("inspect", tmp.resolve("new").toString(), "--json").assertOk();
    List<String> keys = new ArrayList<>();
    inspect.json().get("variables").forEach(v -> keys.add(v.get("key").asText()));
    assertEquals(List.of("b1", "b2", "layer1/kernel", "layer2/kernel"), keys);
  }

  /** The replacement applies to the whole-key match: 'w|w1' on w1 renames w1, not its first letter. */
  @Test
  void renameReplacesTheWholeKeyMatch() {
    JsonNode j = Cli.run("rewrite", TRAINING, "-o", tmp.resolve("m/model.ckpt").toString(), "--inference-only", "--rename",
        "w|w1=layer1", "--json").assertOk().json();
    List<String> keys = new ArrayList<>();
    j.get("tensors").forEach(t -> keys.add(t.get("new_key").asText()));
    assertTrue(keys.contains("layer1") && !keys.contains("layer11"), keys.toString());
  }

  @Test
  void jsonIsOneDocument() {
    Path prefix = tmp.resolve("model.ckpt");
    Cli.Result r = Cli.run("rewrite", TRAINING, "-o", prefix.toString(), "--shards", "3", "--drop", ".*Adam.*",
        "--json").assertOk();
    JsonNode j = r.json();
    assertEquals("rewrite", j.get("kind").asText());
    assertEquals(1, j.get("schema_version").asInt());
    assertEquals(prefix.toString(), j.get("prefix").asText());
    assertEquals(3, j.get("shards").asInt());
    assertEquals(5, j.get("files").size(), "three data files, the .meta and the index");
    long bytes = 0;
    for (JsonNode f : j.get("files")) {
      assertTrue(Files.isRegularFile(Path.of(f.asText())), f.asText());
      bytes += Path.of(f.asText()).toFile().length();
    }
    assertEquals(bytes, j.get("bytes").asLong());
    assertEquals(prefix + ".meta", j.get("meta").asText());
    assertEquals(7, j.get("tensors").size(), "4 weights, 2 beta powers, global_step");
    assertEquals(8, j.get("dropped").size(), "the Adam slots of 4 variables");
    JsonNode first = j.get("tensors").get(0);
    for (String field : List.of("key", "new_key", "dtype", "new_dtype", "shape", "shard")) {
      assertTrue(first.has(field), field + " in " + first);
    }
  }

  @Test
  void usageErrorsExitTwoAndWriteNothing() throws Exception {
    Path prefix = tmp.resolve("u/model.ckpt");
    for (String[] extra : List.of(new String[] {"--cast", "float64:float16"}, new String[] {"--shards", "-1"},
        new String[] {"--rename", "w1"}, new String[] {"--drop", "(["}, new String[] {"--rename", "w(=x"})) {
      List<String> args = new ArrayList<>(List.of("rewrite", TRAINING, "-o", prefix.toString()));
      args.addAll(List.of(extra));
      Cli.Result r = Cli.run(args.toArray(String[]::new));
      assertEquals(2, r.code(), () -> r.describe("exit code"));
      assertTrue(r.err().startsWith("jfreeze: error: "), () -> r.describe("error prefix"));
      assertFalse(Files.exists(prefix.getParent()), () -> r.describe("nothing written"));
    }
  }

  @Test
  void refusalsAreOneLineAndKeepWhatWasThere() throws Exception {
    Path dir = tmp.resolve("r");
    Path prefix = dir.resolve("model.ckpt");
    Cli.Result drop = Cli.run("rewrite", TRAINING, "-o", prefix.toString(), "--drop", "w1").assertBadInput();
    assertTrue(drop.err().contains("dropping 'w1' would leave variable 'w1' uninitialized, and the output 'predictions' reads it"),
        drop.err());
    Cli.Result clash = Cli.run("rewrite", TRAINING, "-o", prefix.toString(), "--rename", "w1=w2").assertBadInput();
    assertTrue(clash.err().contains("'w1' and 'w2' would both be written as 'w2'"), clash.err());
    Cli.Result cast = Cli.run("rewrite", TRAINING, "-o", prefix.toString(), "--cast", "float32:float16").assertBadInput();
    assertTrue(cast.err().contains("so a checkpoint holding it as float16 would not restore into it"), cast.err());
    Cli.Result missing = Cli.run("rewrite", tmp.resolve("nothing-here").toString(), "-o", prefix.toString())
        .assertBadInput();
    assertTrue(missing.err().contains(tmp.resolve("nothing-here").toString()), missing.err());
    assertFalse(Files.exists(dir), "no refusal leaves a directory or a file behind");

    // an existing checkpoint at the new prefix is kept without --force, replaced with it
    assertEquals(0, Cli.run("rewrite", TRAINING, "-o", prefix.toString(), "--inference-only").code());
    byte[] index = Files.readAllBytes(Path.of(prefix + ".index"));
    Cli.run("rewrite", TRAINING, "-o", prefix.toString()).assertBadInput();
    assertTrue(Arrays.equals(index, Files.readAllBytes(Path.of(prefix + ".index"))), "kept");
    Cli.run("rewrite", TRAINING, "-o", prefix.toString(), "--force").assertOk();
    assertFalse(Arrays.equals(index, Files.readAllBytes(Path.of(prefix + ".index"))), "replaced with --force");
  }
}
