package io.github.jfreeze.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.TextFormat;
import io.github.jfreeze.codec.testing.TestPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link CheckpointState#plain}, the state file read without protobuf's text parser, against that
 * parser: on every state file TF wrote among the fixtures and the corpus (each read plain), on
 * encodings TF does not write, and on random ones, it returns what protobuf parses or leaves the
 * text to protobuf (null); it never accepts what protobuf refuses.
 */
class CheckpointStateTest {
  private static final Path FILE = Path.of("checkpoint");

  /** What protobuf parses, as (latest, all), or null when it refuses the text. */
  private static List<Object> protobuf(String text) {
    var b = io.github.jfreeze.proto.CheckpointState.newBuilder();
    try {
      TextFormat.Parser.newBuilder().setAllowUnknownFields(true).build().merge(text, b);
    } catch (TextFormat.ParseException e) {
      return null;
    }
    return List.of(b.getModelCheckpointPath(), List.copyOf(b.getAllModelCheckpointPathsList()));
  }

  /** Checks the plain read of {@code text} against protobuf's; returns whether it was read plain. */
  private static boolean agrees(String text) {
    CheckpointState plain = CheckpointState.plain(FILE, text);
    if (plain == null) {
      return false;
    }
    List<Object> expected = protobuf(text);
    assertNotNull(expected, () -> "read plain, but protobuf refuses: " + text);
    assertEquals(expected, List.of(plain.latest(), plain.all()), text);
    return true;
  }

  @Test
  void everyStateFileTensorFlowWroteIsReadPlainAsProtobufReadsIt() throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path root : List.of(TestPaths.testdata(), TestPaths.corpus())) {
      try (Stream<Path> s = Files.walk(root)) {
        s.filter(p -> p.getFileName().toString().equals("checkpoint") && Files.isRegularFile(p)).forEach(files::add);
      }
    }
    assertTrue(files.size() >= 20, files.toString());
    for (Path f : files) {
      String text = Files.readString(f, StandardCharsets.UTF_8);
      assertTrue(agrees(text), () -> f + " is not read plain:\n" + text);
      assertEquals(CheckpointState.read(f).latest(), CheckpointState.plain(f, text).latest());
    }
  }

  private static final List<String> READ_PLAIN = List.of(
      "model_checkpoint_path: \"model.ckpt-3\"\n",
      "model_checkpoint_path: \"a\"\nall_model_checkpoint_paths: \"a\"\nall_model_checkpoint_timestamps: 1700000000.5\n"
          + "last_preserved_timestamp: 1699999000.0\n",
      "model_checkpoint_path:\"a\"",
      "  model_checkpoint_path: \"a\"  \r\n\r\n\tall_model_checkpoint_paths:\t\"b c\"\t\n",
      "all_model_checkpoint_paths: \"x\"\nmodel_checkpoint_path: \"/abs/dir with spaces/m.ckpt-1\"\n",
      "model_checkpoint_path: \"\"\n",
      "",
      "\n\n",
      "model_checkpoint_path: \"C:/models/m-?????-of-00002\"\nall_model_checkpoint_timestamps: 17\n");

  private static final List<String> LEFT_TO_PROTOBUF = List.of(
      "# a comment\nmodel_checkpoint_path: \"a\"\n",
      "model_checkpoint_path: \"a\" # a comment\n",
      "model_checkpoint_path: \"a\\\"b\"\n",
      "model_checkpoint_path: \"a\\\\b\"\n",
      "model_checkpoint_path: \"a\\nb\"\n",
      "model_checkpoint_path: \"\\101\"\n",
      "model_checkpoint_path: \"\\x41\"\n",
      "model_checkpoint_path: 'a'\n",
      "model_checkpoint_path: \"a\" \"b\"\n",
      "model_checkpoint_path: \"a\"\nmodel_checkpoint_path: \"b\"\n",
      "model_checkpoint_path : \"a\"\n",
      "model_checkpoint_path \"a\"\n",
      "model_checkpoint_path: \"a\"; all_model_checkpoint_paths: \"b\"\n",
      "model_checkpoint_path: \"a\" all_model_checkpoint_paths: \"b\"\n",
      "all_model_checkpoint_paths: [\"a\", \"b\"]\nmodel_checkpoint_path: \"b\"\n",
      "model_checkpoint_path: \"é\"\n",
      "model_checkpoint_path: \"a\"\nsomething_else: 3\n",
      "model_checkpoint_path: \"a\"\nall_model_checkpoint_timestamps: 1.7e9\n",
      "model_checkpoint_path: \"a\"\nall_model_checkpoint_timestamps: -1\n",
      "model_checkpoint_path: \"a\"\nall_model_checkpoint_timestamps: inf\n",
      "model_checkpoint_path: \"a\"\nall_model_checkpoint_timestamps: 1.\n",
      "model_checkpoint_path: \"a\"\nall_model_checkpoint_timestamps: .5\n",
      "model_checkpoint_path: \"a\"\nall_model_checkpoint_timestamps: 0x10\n",
      "model_checkpoint_path: \"a\"\nall_model_checkpoint_timestamps: 1.5f\n",
      "model_checkpoint_path: \"a\"\nlast_preserved_timestamp: 1\nlast_preserved_timestamp: 2\n",
      "model_checkpoint_path: \"a\"\nall_model_checkpoint_timestamps: \"1\"\n",
      "model_checkpoint_path: a\n",
      "model_checkpoint_path: \"a\n",
      "model_checkpoint_path: \"a\"\u000b\n",
      "model_checkpoint_path: \"a\"\f\n",
      "model_checkpoint_path: \"a\t\"\n",
      "model_checkpoint_path: \"a\"\nall_model_checkpoint_paths: \"\u0085\"\n",
      "model_checkpoint_path { }\n",
      ":\n",
      "model_checkpoint_path:\n");

  @Test
  void encodingsTensorFlowDoesNotWrite() {
    for (String text : READ_PLAIN) {
      assertTrue(agrees(text), () -> "not read plain: " + text);
    }
    for (String text : LEFT_TO_PROTOBUF) {
      assertNull(CheckpointState.plain(FILE, text), () -> "read plain: " + text);
    }
  }

  @Test
  void randomTextsAgreeWithProtobuf() {
    String[] names = {"model_checkpoint_path", "all_model_checkpoint_paths", "all_model_checkpoint_timestamps",
        "last_preserved_timestamp", "model_checkpoint_pat", "x", ""};
    String[] values = {"\"a\"", "\"model.ckpt-1\"", "\"\"", "\"a b\"", "\"a\\\"\"", "'a'", "1", "1.5", "1.", "-2", "1e3",
        "nan", "\"é\"", "[\"a\"]", "\"a\" \"b\"", "", "{}", "\"a\" # c", "0", "00.00"};
    String[] seps = {": ", ":", " : ", ":\t", " ", "::"};
    String[] ends = {"\n", "\r\n", "", " \n", "\t\n", "\n\n", ";", " # x\n"};
    Random random = new Random(14);
    int plain = 0;
    for (int round = 0; round < 50_000; round++) {
      StringBuilder sb = new StringBuilder();
      int lines = random.nextInt(5);
      for (int l = 0; l < lines; l++) {
        sb.append(random.nextInt(4) == 0 ? "  " : "").append(names[random.nextInt(names.length)])
            .append(seps[random.nextInt(seps.length)]).append(values[random.nextInt(values.length)])
            .append(ends[random.nextInt(ends.length)]);
      }
      plain += agrees(sb.toString()) ? 1 : 0;
    }
    assertTrue(plain > 1_000, "read plain: " + plain);
  }

  /** A state file TF wrote, with one character changed, inserted or removed, many times over. */
  @Test
  void damagedStateFilesAgreeWithProtobuf() throws IOException {
    String text = Files.readString(TestPaths.testdata().resolve("checkpoints/tf1_training/checkpoint"), StandardCharsets.UTF_8);
    String alphabet = "\"\\:# \t\r\n'.-e0123456789abmx_[]{}é";
    Random random = new Random(4);
    for (int round = 0; round < 20_000; round++) {
      StringBuilder sb = new StringBuilder(text);
      for (int k = 1 + random.nextInt(2); k > 0; k--) {
        int at = random.nextInt(sb.length());
        char c = alphabet.charAt(random.nextInt(alphabet.length()));
        switch (random.nextInt(3)) {
          case 0 -> sb.setCharAt(at, c);
          case 1 -> sb.insert(at, c);
          default -> sb.deleteCharAt(at);
        }
      }
      agrees(sb.toString());
    }
  }
}
