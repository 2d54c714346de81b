package io.github.jfreeze.codec;

import com.google.protobuf.TextFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code checkpoint} state file that TF's Saver and CheckpointManager keep beside their
 * checkpoints: a text-format {@code CheckpointState} naming the newest prefix and the ones kept.
 *
 * @param file the state file
 * @param latest {@code model_checkpoint_path}, as written (relative or absolute)
 * @param all {@code all_model_checkpoint_paths}, oldest first
 */
public record CheckpointState(Path file, String latest, List<String> all) {
  /** Larger state files are not something TF writes. */
  private static final long MAX_SIZE = 16 << 20;

  /**
   * Reads a {@code checkpoint} state file.
   *
   * @param file the state file
   * @return what it names
   * @throws CorruptFileException if it is not a state file
   * @throws IOException if it cannot be read
   */
  public static CheckpointState read(Path file) throws IOException {
    long size = Files.size(file);
    if (size > MAX_SIZE) {
      throw new CorruptFileException(file, 0, "checkpoint state file of " + size + " bytes is too large (TF writes a few lines)");
    }
    byte[] bytes = Files.readAllBytes(file);
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        throw new CorruptFileException(file, i, "not a checkpoint state file: binary content (expected text such as "
            + "model_checkpoint_path: \"model.ckpt-100\")");
      }
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    CheckpointState state = plain(file, text);
    if (state == null) {
      var builder = io.github.jfreeze.proto.CheckpointState.newBuilder();
      try {
        TextFormat.Parser.newBuilder().setAllowUnknownFields(true).build().merge(text, builder);
      } catch (TextFormat.ParseException e) {
        throw new CorruptFileException(file, -1, "not a valid checkpoint state file (line " + e.getLine() + ", column "
            + e.getColumn() + "): " + e.getMessage());
      }
      var proto = builder.build();
      state = new CheckpointState(file, proto.getModelCheckpointPath(), List.copyOf(proto.getAllModelCheckpointPathsList()));
    }
    if (state.latest().isEmpty()) {
      throw new CorruptFileException(file, -1, "checkpoint state file has no model_checkpoint_path");
    }
    return state;
  }

  /**
   * The state file as TF writes it, read without protobuf's text parser, whose first use sets up
   * java.util.logging and reads its configuration (about 15 ms of the start of every command on a
   * checkpoint directory; class-load timeline, benchmarks/run.sh): every line empty or one field of
   * {@code CheckpointState}, a path {@code name: "value"} of printable ASCII without escapes, or a
   * timestamp {@code name: 123.45} (digits, a fraction at most); {@code model_checkpoint_path} and
   * {@code last_preserved_timestamp} at most once. Anything else (comments, escapes, other quotes,
   * unknown fields, other numbers, a field twice) returns null, and protobuf parses the text as
   * before: what is accepted, and every message, stay protobuf's.
   */
  static CheckpointState plain(Path file, String text) {
    String latest = null;
    boolean preserved = false;
    List<String> all = new ArrayList<>();
    int n = text.length();
    for (int i = 0; i < n; ) {
      int end = text.indexOf('\n', i);
      end = end < 0 ? n : end;
      int s = i;
      int e = end;
      i = end + 1;
      while (s < e && blank(text.charAt(s))) {
        s++;
      }
      while (e > s && blank(text.charAt(e - 1))) {
        e--;
      }
      if (s == e) {
        continue;
      }
      int colon = text.indexOf(':', s);
      if (colon < 0 || colon >= e) {
        return null;
      }
      int v = colon + 1;
      while (v < e && (text.charAt(v) == ' ' || text.charAt(v) == '\t')) {
        v++;
      }
      switch (text.substring(s, colon)) {
        case "model_checkpoint_path" -> {
          if (latest != null || (latest = quoted(text, v, e)) == null) {
            return null;
          }
        }
        case "all_model_checkpoint_paths" -> {
          String path = quoted(text, v, e);
          if (path == null) {
            return null;
          }
          all.add(path);
        }
        case "all_model_checkpoint_timestamps" -> {
          if (!decimal(text, v, e)) {
            return null;
          }
        }
        case "last_preserved_timestamp" -> {
          if (preserved || !decimal(text, v, e)) {
            return null;
          }
          preserved = true;
        }
        default -> {
          return null;
        }
      }
    }
    return new CheckpointState(file, latest == null ? "" : latest, List.copyOf(all));
  }

  private static boolean blank(char c) {
    return c == ' ' || c == '\t' || c == '\r';
  }

  /** The characters between double quotes spanning [from, to), all printable ASCII but quote and backslash; else null. */
  private static String quoted(String text, int from, int to) {
    if (to - from < 2 || text.charAt(from) != '"' || text.charAt(to - 1) != '"') {
      return null;
    }
    for (int k = from + 1; k < to - 1; k++) {
      char c = text.charAt(k);
      if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
        return null;
      }
    }
    return text.substring(from + 1, to - 1);
  }

  /** Whether [from, to) is digits, with a dot and digits after it at most. */
  private static boolean decimal(String text, int from, int to) {
    int k = from;
    while (k < to && digit(text.charAt(k))) {
      k++;
    }
    if (k == from) {
      return false;
    }
    if (k == to) {
      return true;
    }
    if (text.charAt(k) != '.' || k + 1 == to) {
      return false;
    }
    for (k++; k < to; k++) {
      if (!digit(text.charAt(k))) {
        return false;
      }
    }
    return true;
  }

  private static boolean digit(char c) {
    return c >= '0' && c <= '9';
  }
}
