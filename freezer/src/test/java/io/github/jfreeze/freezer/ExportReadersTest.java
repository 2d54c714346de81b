package io.github.jfreeze.freezer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.jfreeze.codec.testing.TestPaths;
import io.github.jfreeze.freezer.ExportOptions.Format;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exported weights read by a reader nobody here wrote: NumPy's {@code np.load} for {@code .npz},
 * NumPy over safetensors' documented layout for {@code .safetensors} ({@code read_weights.py}; no
 * safetensors library is served here). Every tensor must equal what native TF restored from the
 * fixture ({@code expected.json}), for every fixture checkpoint: all dtypes, sharded, partitioned,
 * V1, strings, TF1 and TF2 keys. NumPy is required where natives are ({@code
 * JFREEZE_REQUIRE_NATIVES=1}, as in CI, whose {@code .ci/run} installs {@code python3-numpy}).
 */
class ExportReadersTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Dtypes each format holds, by Python name (the others are refused, tested below). */
  private static final Set<String> SAFETENSORS = Set.of("float16", "bfloat16", "float32", "float64", "int8", "int16",
      "int32", "int64", "uint8", "uint16", "uint32", "uint64", "bool", "float8_e5m2", "float8_e4m3fn");
  private static final Set<String> NPZ = Set.of("float16", "float32", "float64", "int8", "int16", "int32", "int64",
      "uint8", "uint16", "uint32", "uint64", "bool", "complex64", "complex128", "string");

  @TempDir static Path tmp;
  private static Path reader;

  @BeforeAll
  static void numpy() throws Exception {
    String why = null;
    try {
      Process p = new ProcessBuilder("python3", "-c", "import numpy").redirectErrorStream(true).start();
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        why = "python3 cannot import numpy: " + new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      }
    } catch (IOException e) {
      why = "no python3: " + e.getMessage();
    }
    if (why != null) {
      if ("1".equals(System.getenv("JFREEZE_REQUIRE_NATIVES"))) {
        fail("JFREEZE_REQUIRE_NATIVES=1 but " + why + " (apt-get install python3-numpy)");
      }
      Assumptions.abort("skipped: " + why);
    }
    reader = tmp.resolve("read_weights.py");
    try (InputStream in = ExportReadersTest.class.getResourceAsStream("read_weights.py")) {
      Files.write(reader, in.readAllBytes());
    }
  }

  private static JsonNode read(Format f, Path file) throws Exception {
    Process p = new ProcessBuilder("python3", reader.toString(), f == Format.NPZ ? "npz" : "safetensors", file.toString())
        .start();
    byte[] out = p.getInputStream().readAllBytes();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), "NumPy could not read " + file + ": " + err);
    return JSON.readTree(out);
  }

  static List<Path> fixtures() throws IOException {
    try (Stream<Path> s = Files.walk(TestPaths.testdata().resolve("checkpoints"))) {
      return s.filter(p -> p.getFileName().toString().equals("expected.json")).map(Path::getParent).sorted().toList();
    }
  }

  @TestFactory
  Stream<DynamicTest> everyFixtureReadsBackAsTfRestoredIt() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path dir : fixtures()) {
      for (Format f : Format.values()) {
        tests.add(DynamicTest.dynamicTest(TestPaths.testdata().relativize(dir) + " " + f, () -> check(dir, f)));
      }
    }
    assertTrue(tests.size() >= 16, tests.toString());
    return tests.stream();
  }

  private static void check(Path dir, Format f) throws Exception {
    JsonNode expected = JSON.readTree(dir.resolve("expected.json").toFile());
    Set<String> held = f == Format.NPZ ? NPZ : SAFETENSORS;
    List<String> exclude = new ArrayList<>();
    List<JsonNode> compared = new ArrayList<>();
    for (JsonNode t : expected.path("tensors")) {
      if (held.contains(t.path("dtype").asText()) && !(f == Format.NPZ && endsInNul(t))) {
        compared.add(t);
      } else {
        exclude.add(Pattern.quote(t.path("key").asText()));
      }
    }
    expected.path("unrestorable").forEach(u -> exclude.add(Pattern.quote(u.path("key").asText())));
    Path out = tmp.resolve(dir.getFileName() + "-" + f + (f == Format.NPZ ? ".npz" : ".safetensors"));
    Path input = dir.resolve(expected.path("checkpoint").asText());
    ExportReport r = Freezer.export(new ExportOptions(input, f, out, List.of(), exclude, true, true, true));
    assertEquals(compared.size(), r.tensors().size(), "tensors written");
    JsonNode got = read(f, out);
    for (JsonNode t : compared) {
      String key = t.path("key").asText();
      JsonNode g = got.get(key);
      assertTrue(g != null, key + " is not in the file");
      List<Long> shape = new ArrayList<>();
      t.path("shape").forEach(d -> shape.add(d.asLong()));
      List<Long> gotShape = new ArrayList<>();
      g.path("shape").forEach(d -> gotShape.add(d.asLong()));
      assertEquals(shape, gotShape, key + " shape");
      if (t.has("strings_base64")) {
        assertEquals(t.path("strings_base64"), g.path("strings"), key + " strings");
      } else {
        assertEquals(t.path("data_hex").asText(), g.path("hex").asText(), key + " bytes");
      }
    }
    assertEquals(Files.size(out), r.outputBytes());
  }

  private static boolean endsInNul(JsonNode t) throws IOException {
    if (!t.has("strings_base64")) {
      return false;
    }
    for (JsonNode s : t.path("strings_base64")) {
      byte[] b = java.util.Base64.getDecoder().decode(s.asText());
      if (b.length > 0 && b[b.length - 1] == 0) {
        return true;
      }
    }
    return false;
  }

  /** TF2 keys under their variable names, slots and bookkeeping left out, the TF key in the metadata. */
  @Test
  void tf2KeysAreWrittenUnderTheirNames() throws Exception {
    Path out = tmp.resolve("tf2.safetensors");
    ExportReport r = Freezer.export(new ExportOptions(TestPaths.testdata().resolve("checkpoints/tf2_object"),
        Format.SAFETENSORS, out, List.of(), List.of(), false, false, false));
    assertEquals(List.of("dense/bias", "dense/kernel"), r.tensors().stream().map(ExportReport.Exported::name).toList());
    assertEquals(11, r.skipped().size(), r.skipped().toString());
    JsonNode got = read(Format.SAFETENSORS, out);
    assertEquals("model/dense/kernel/.ATTRIBUTES/VARIABLE_VALUE", got.at("/__metadata__/tf_key:dense~1kernel").asText());
    // the values are those under the raw keys
    Path raw = tmp.resolve("tf2-raw.safetensors");
    Freezer.export(new ExportOptions(TestPaths.testdata().resolve("checkpoints/tf2_object"), Format.SAFETENSORS, raw,
        List.of(), List.of(), true, false, false));
    assertEquals(read(Format.SAFETENSORS, raw).at("/model~1dense~1kernel~1.ATTRIBUTES~1VARIABLE_VALUE/hex"),
        got.at("/dense~1kernel/hex"));
    // TF1 slots (Adam, Adam_1) and global_step are left out the same way
    ExportReport tf1 = Freezer.export(new ExportOptions(TestPaths.testdata().resolve("checkpoints/tf1_training"),
        Format.NPZ, tmp.resolve("tf1.npz"), List.of(), List.of(), false, false, false));
    assertFalse(tf1.tensors().stream().anyMatch(t -> t.name().endsWith("/Adam") || t.name().endsWith("/Adam_1")),
        tf1.tensors().toString());
    assertTrue(tf1.skipped().stream().anyMatch(k -> k.endsWith("/Adam_1")), tf1.skipped().toString());
  }

  @Test
  void dtypesAFormatCannotHoldAreRefusedNamingThem() {
    Path dtypes = TestPaths.testdata().resolve("checkpoints/dtypes");
    FreezeException e = assertThrows(FreezeException.class, () -> Freezer.export(new ExportOptions(dtypes,
        Format.SAFETENSORS, tmp.resolve("x.safetensors"), List.of("complex64_4"), List.of(), true, true, false)));
    assertTrue(e.getMessage().contains("'complex64_4' holds complex64 values, which safetensors has no dtype for (npz "
        + "holds it)"),
        e.getMessage());
    e = assertThrows(FreezeException.class, () -> Freezer.export(new ExportOptions(dtypes, Format.NPZ,
        tmp.resolve("x.npz"), List.of("bfloat16_12"), List.of(), true, true, false)));
    assertTrue(e.getMessage().contains("'bfloat16_12' holds bfloat16 values, which NumPy has no dtype for (safetensors "
        + "holds it)"), e.getMessage());
    assertFalse(Files.exists(tmp.resolve("x.npz")));
  }
}
