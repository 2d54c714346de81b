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

  /** The repository root holding the built {@code ./jfreeze}; skips the test when it is not built. */
  static Path root() {
    String prop = System.getProperty("jfreeze.root");
    Path root = Path.of(prop != null ? prop : "..").toAbsolutePath().normalize();
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(root.resolve("cli/target/classpath.txt")),
        "skipped: ./jfreeze is not built; this test runs after package");
    return root;
  }

  /**
   * Skips the calling test, naming why, when TensorFlow's natives cannot load; fails it instead
   * where natives are required ({@code JFREEZE_REQUIRE_NATIVES=1}, as in CI).
   */
  static void assumeNatives() {
    if (io.github.jfreeze.bridge.TensorFlowRuntime.isAvailable()) {
      return;
    }
    String reason = io.github.jfreeze.bridge.TensorFlowRuntime.unavailableReason().orElse("unknown");
    if ("1".equals(System.getenv("JFREEZE_REQUIRE_NATIVES"))) {
      org.junit.jupiter.api.Assertions.fail("JFREEZE_REQUIRE_NATIVES=1 but " + reason);
    }
    org.junit.jupiter.api.Assumptions.abort("native TensorFlow unavailable: " + reason);
  }

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
