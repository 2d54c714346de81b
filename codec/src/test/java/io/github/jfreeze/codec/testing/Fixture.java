package io.github.jfreeze.codec.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A checkpoint fixture written by native TF (runtime-bridge FixtureGenerator) with the values
 * native TF read back from it ({@code expected.json}).
 */
public record Fixture(Path dir, String checkpoint, String format, List<Expected> tensors, JsonNode json) {

  /** One tensor as TF restored it: raw little-endian bytes, or string elements. */
  public record Expected(String key, String name, String dtype, long[] shape, byte[] data, List<byte[]> strings) {}

  public Path checkpointPath() {
    return dir.resolve(checkpoint);
  }

  @Override
  public String toString() {
    return dir.getFileName().toString();
  }

  public static Fixture load(Path dir) {
    try {
      JsonNode json = new ObjectMapper().readTree(dir.resolve("expected.json").toFile());
      List<Expected> tensors = new ArrayList<>();
      for (JsonNode t : json.get("tensors")) {
        long[] shape = new long[t.get("shape").size()];
        for (int i = 0; i < shape.length; i++) {
          shape[i] = t.get("shape").get(i).asLong();
        }
        byte[] data = t.has("data_hex") ? HexFormat.of().parseHex(t.get("data_hex").asText()) : null;
        List<byte[]> strings = null;
        if (t.has("strings_base64")) {
          strings = new ArrayList<>();
          for (JsonNode s : t.get("strings_base64")) {
            strings.add(Base64.getDecoder().decode(s.asText()));
          }
        }
        tensors.add(new Expected(t.get("key").asText(), t.has("name") ? t.get("name").asText() : null,
            t.get("dtype").asText(), shape, data, strings));
      }
      return new Fixture(dir, json.get("checkpoint").asText(), json.get("format").asText(), tensors, json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every fixture directory under {@code testdata/checkpoints} with an {@code expected.json}. */
  public static List<Fixture> all() {
    Path root = TestPaths.testdata().resolve("checkpoints");
    try (Stream<Path> s = Files.list(root)) {
      return s.filter(p -> Files.isRegularFile(p.resolve("expected.json"))).sorted().map(Fixture::load).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
