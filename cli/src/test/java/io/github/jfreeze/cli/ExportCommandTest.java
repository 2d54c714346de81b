package io.github.jfreeze.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.jfreeze.codec.testing.TestPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jfreeze export}: the command over Freezer.export (the files' contents: ExportReadersTest in freezer). */
class ExportCommandTest {
  @TempDir Path tmp;

  @Test
  void exportsTf2WeightsUnderTheirNames() {
    String tf2 = TestPaths.testdata().resolve("checkpoints/tf2_object").toString();
    Path out = tmp.resolve("w.safetensors");
    Cli.Result r = Cli.run("export", tf2, "--to", "safetensors", "-o", out.toString()).assertOk();
    assertTrue(r.out().startsWith("exported " + tf2 + " -> " + out + " (safetensors, 2 tensors, "), r.out());
    assertTrue(r.out().contains("  dense/kernel  float32  [4,3]  model/dense/kernel/.ATTRIBUTES/VARIABLE_VALUE"), r.out());
    assertTrue(r.out().contains("left out (optimizer slots, bookkeeping; --all writes them): 11"), r.out());
    JsonNode j = Cli.run("export", tf2, "--to", "npz", "-o", tmp.resolve("w.npz").toString(), "--keep-keys", "--all",
        "--json").assertOk().json();
    assertEquals("export", j.get("kind").asText());
    assertEquals(13, j.get("tensors").size());
    assertEquals(0, j.get("skipped").size());
    assertEquals(Files.exists(tmp.resolve("w.npz")), true);
  }

  @Test
  void badRequestsAreOneLine() throws Exception {
    String dtypes = TestPaths.testdata().resolve("checkpoints/dtypes").toString();
    Path out = tmp.resolve("d.safetensors");
    Cli.Result r = Cli.run("export", dtypes, "--to", "safetensors", "-o", out.toString()).assertBadInput();
    assertTrue(r.err().contains("'complex64_4' holds complex64 values, which safetensors has no dtype for (npz holds it)"),
        r.err());
    assertTrue(r.err().contains("(leave them out with --exclude)"), r.err());
    assertFalse(Files.exists(out));
    assertEquals(2, Cli.run("export", dtypes, "--to", "onnx", "-o", out.toString()).code());
    assertEquals(2, Cli.run("export", dtypes, "--to", "npz", "-o", out.toString(), "--include", "([").code());
    // an existing file is kept without --force
    Files.writeString(out, "mine");
    Cli.run("export", dtypes, "--to", "safetensors", "-o", out.toString(), "--include", "float32_3x4").assertBadInput();
    assertEquals("mine", Files.readString(out));
  }
}
