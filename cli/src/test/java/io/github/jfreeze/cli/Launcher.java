package io.github.jfreeze.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a command (the real {@code ./jfreeze} launcher, or a shell) as a separate process, as users do. */
final class Launcher {
  private Launcher() {}

  /** A finished run: exit code, stdout, stderr. */
  record Run(int code, String out, String err) {
    /** Exit 1 with exactly one line on stderr, {@code jfreeze: error: ...}, and no stack trace. */
    Run badInput() {
      assertEquals(1, code, this::toString);
      assertEquals(1, err.lines().count(), () -> "one line: " + this);
      assertTrue(err.startsWith("jfreeze: error: "), this::toString);
      assertFalse(err.contains("\tat ") || err.contains("Exception"), this::toString);
      return this;
    }
  }

  /** Runs {@code cmd} in {@code dir} with {@code env} added, for at most 10 minutes. */
  static Run exec(List<String> cmd, Map<String, String> env, Path dir) throws IOException, InterruptedException {
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
    pb.environment().putAll(env);
    Process p = pb.start();
    if (!p.waitFor(600, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("did not finish in 600 s: " + cmd);
    }
    Run r = new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    Files.delete(out);
    Files.delete(err);
    return r;
  }
}
