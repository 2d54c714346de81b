package io.github.jfreeze.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;

/** Runs {@code jfreeze} in-process with captured output. */
final class Cli {
  static final ObjectMapper JSON = new ObjectMapper();

  record Result(String[] args, int code, String out, String err) {
    List<String> errLines() {
      return err.isEmpty() ? List.of() : Arrays.asList(err.split("\n"));
    }

    /** Lines on stderr that are not {@code jfreeze: warning: ...}. */
    List<String> nonWarnings() {
      return errLines().stream().filter(l -> !l.startsWith("jfreeze: warning: ")).toList();
    }

    JsonNode json() {
      try {
        return JSON.readTree(out);
      } catch (Exception e) {
        throw new AssertionError("jfreeze " + String.join(" ", args) + " wrote invalid JSON: " + e.getMessage()
            + "\n" + out, e);
      }
    }

    Result assertOk() {
      assertEquals(0, code, () -> describe("exit code"));
      assertTrue(nonWarnings().isEmpty(), () -> describe("stderr other than warnings"));
      return this;
    }

    /** Exit 1 with exactly one line on stderr, {@code jfreeze: error: ...}, and no stack trace. */
    Result assertBadInput() {
      assertEquals(1, code, () -> describe("exit code"));
      assertEquals(1, errLines().size(), () -> describe("one stderr line"));
      assertTrue(err.startsWith("jfreeze: error: "), () -> describe("error prefix"));
      assertFalse(err.contains("Exception") || err.contains("\tat "), () -> describe("no stack trace"));
      return this;
    }

    String describe(String what) {
      return what + " of jfreeze " + String.join(" ", args) + ": exit " + code + "\n--- stdout\n" + out
          + "\n--- stderr\n" + err;
    }
  }

  private Cli() {}

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
    return new Result(args, code, out.toString(), err.toString().replace("\r\n", "\n"));
  }
}
