package io.github.jfreeze.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.jfreeze.codec.testing.Fixture;
import io.github.jfreeze.codec.testing.TestPaths;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code inspect} on every fixture written by native TF (testdata/), in text and JSON; the JSON
 * values of every checkpoint tensor are what native TF restored ({@code expected.json}).
 */
class InspectFixturesTest {
  static Stream<Path> fixtures() throws IOException {
    List<Path> out = new ArrayList<>();
    for (String dir : List.of("checkpoints", "saved_models", "models")) {
      try (Stream<Path> s = Files.list(TestPaths.testdata().resolve(dir))) {
        s.filter(Files::isDirectory).sorted().forEach(out::add);
      }
    }
    assertTrue(out.size() >= 20, out.toString());
    return out.stream();
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void textAndJson(Path p) {
    Cli.Result text = Cli.run("inspect", p.toString(), "--verify").assertOk();
    assertFalse(text.out().isBlank());
    JsonNode j = Cli.run("inspect", p.toString(), "--json", "--values", "--verify").assertOk().json();
    assertEquals(1, j.get("schema_version").asInt());
  }

  static Stream<Fixture> checkpointFixtures() {
    return Fixture.all().stream();
  }

  @ParameterizedTest
  @MethodSource("checkpointFixtures")
  void jsonValuesAreWhatTensorFlowRestored(Fixture f) {
    JsonNode j = Cli.run("inspect", f.checkpointPath().toString(), "--json", "--values").assertOk().json();
    JsonNode ckpt = j.get("kind").asText().equals("checkpoint") ? j : j.get("checkpoint");
    assertEquals(f.format(), ckpt.get("format").asText());
    Map<String, JsonNode> byKey = new HashMap<>();
    ckpt.get("variables").forEach(v -> byKey.put(v.get("key").asText(), v));
    int checked = 0;
    for (Fixture.Expected e : f.tensors()) {
      JsonNode v = byKey.get(e.key());
      assertEquals(e.dtype(), v.get("dtype").asText(), e.key());
      JsonNode values = v.get("values");
      if (e.strings() != null) {
        for (int i = 0; i < e.strings().size(); i++) {
          byte[] s = e.strings().get(i);
          JsonNode got = values.get(i);
          byte[] decoded = got.isTextual() ? got.asText().getBytes(StandardCharsets.UTF_8)
              : Base64.getDecoder().decode(got.get("base64").asText());
          assertTrue(java.util.Arrays.equals(s, decoded), e.key() + "[" + i + "]");
        }
        checked++;
        continue;
      }
      ByteBuffer b = ByteBuffer.wrap(e.data()).order(ByteOrder.LITTLE_ENDIAN);
      long n = e.data().length / Math.max(1, width(e.dtype()));
      if (width(e.dtype()) == 0) {
        continue;
      }
      assertEquals(n, values.size(), e.key());
      for (int i = 0; i < n; i++) {
        JsonNode got = values.get(i);
        switch (e.dtype()) {
          case "float32" -> assertFloat(b.getFloat(i * 4), got, e.key(), true);
          case "float64" -> assertFloat(b.getDouble(i * 8), got, e.key(), false);
          case "int32" -> assertEquals(b.getInt(i * 4), got.asLong(), e.key());
          case "int64" -> assertEquals(b.getLong(i * 8), got.asLong(), e.key());
          case "uint64" -> assertEquals(Long.toUnsignedString(b.getLong(i * 8)), got.bigIntegerValue().toString(), e.key());
          case "bool" -> assertEquals(b.get(i) != 0, got.asBoolean(), e.key());
          default -> { }
        }
      }
      checked++;
    }
    assertTrue(checked > 0);
  }

  private static int width(String dtype) {
    return switch (dtype) {
      case "float32", "int32" -> 4;
      case "float64", "int64", "uint64" -> 8;
      case "bool" -> 1;
      default -> 0;
    };
  }

  /** Floats print as their shortest round-tripping decimal, so compare at their own precision. */
  private static void assertFloat(double expected, JsonNode got, String key, boolean single) {
    if (Double.isNaN(expected)) {
      assertEquals("NaN", got.asText(), key);
    } else if (Double.isInfinite(expected)) {
      assertEquals(expected > 0 ? "Infinity" : "-Infinity", got.asText(), key);
    } else {
      assertEquals(expected, single ? (double) (float) got.asDouble() : got.asDouble(), 0.0, key);
      if (expected == 0 && 1 / expected < 0) {
        assertTrue(got.asText().startsWith("-"), key + ": -0.0 keeps its sign");
      }
    }
  }
}
