package io.github.jfreeze.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real {@code ./jfreeze} launcher script. Maven runs this in the integration-test phase,
 * after {@code package} has written the cli jar and {@code cli/target/classpath.txt}.
 */
class LauncherIT {
  private static Path root;

  @TempDir
  Path cwd;

  @BeforeAll
  static void findLauncher() {
    String prop = System.getProperty("jfreeze.root");
    root = Path.of(prop != null ? prop : "..").toAbsolutePath().normalize();
    Path classpath = root.resolve("cli/target/classpath.txt");
    Assumptions.assumeTrue(Files.isRegularFile(classpath), "skipped: " + classpath + " is absent, so ./jfreeze "
        + "cannot run; it is written by `mvn package` (this test runs after package in `mvn install`)");
  }

  private record Run(int code, String out, String err) {}

  private Run run(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(root.resolve("jfreeze").toString());
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).directory(cwd.toFile())
        .redirectOutput(cwd.resolve("out.txt").toFile()).redirectError(cwd.resolve("err.txt").toFile()).start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "jfreeze did not finish in 60 s");
    return new Run(p.exitValue(), Files.readString(cwd.resolve("out.txt"), StandardCharsets.UTF_8),
        Files.readString(cwd.resolve("err.txt"), StandardCharsets.UTF_8));
  }

  @Test
  void inspectsACorpusCheckpointFromAnotherDirectory() throws Exception {
    Path ckpt = Corpus.file("serving_session_bundle_half_plus_two_v1/00000123");
    Run r = run("inspect", ckpt.toString(), "--json", "--values");
    assertEquals(0, r.code(), r.err());
    assertEquals("", r.err());
    JsonNode j = Cli.JSON.readTree(r.out());
    assertEquals("checkpoint", j.get("kind").asText());
    assertEquals("a", j.get("variables").get(0).get("key").asText());
    assertEquals(0.5, j.get("variables").get(0).get("values").get(0).asDouble());

    Run text = run("inspect", ckpt.toString());
    assertEquals(0, text.code(), text.err());
    assertTrue(text.out().contains("2 variables, 2 parameters, 8 bytes"), text.out());
  }

  /** The README's main command: freeze the bundled seed checkpoint, run it natively, see 101. */
  @Test
  void theReadmeDemo() throws Exception {
    Run freeze = run("freeze", root.resolve("testdata/models/seed").toString(), "--outputs", "predictions", "-o",
        "seed-frozen.pb", "--force");
    assertEquals(0, freeze.code(), freeze.err());
    Run r = run("run", "seed-frozen.pb", "--feed", "input_holder=10.0");
    if (r.code() != 0 && r.err().contains("natives") && !"1".equals(System.getenv("JFREEZE_REQUIRE_NATIVES"))) {
      Assumptions.abort("native TensorFlow unavailable: " + r.err());
    }
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("predictions  float32 [1]  [101.0]"), r.out());
    assertTrue(r.err().lines().noneMatch(l -> l.contains("jfreeze: error")), r.err());
  }

  @Test
  void exitCodesThroughTheScript() throws Exception {
    Run missing = run("inspect", cwd.resolve("missing").toString());
    assertEquals(1, missing.code());
    assertEquals(1, missing.err().lines().count(), missing.err());
    assertTrue(missing.err().startsWith("jfreeze: error: "), missing.err());
    assertEquals(2, run("inspect", "--no-such-option").code());
  }
}
