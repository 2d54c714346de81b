package io.github.jfreeze.bridge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.jfreeze.bridge.internal.DataTypeNames;
import io.github.jfreeze.bridge.internal.NativeGraphRunner;
import io.github.jfreeze.bridge.internal.NativeGraphRunner.Fetched;
import io.github.jfreeze.bridge.internal.NativeGraphRunner.NativeFailure;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.tensorflow.proto.CollectionDef;
import org.tensorflow.proto.MetaGraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.SavedModel;
import org.tensorflow.proto.SaverDef;
import org.tensorflow.proto.VariableDef;

/**
 * The model zoo ({@code testdata/models/<name>/model.json}) against native TF: importing each
 * model's graph, restoring its checkpoint through the graph's own saver and feeding
 * {@code feeds} (after its {@code init_op}, with its {@code assets} fed, where it records one) must reproduce {@code expected} (float32/float64 exactly or within 1e-6
 * relative, every other dtype byte for byte); a model that records {@code expect_error} must
 * fail natively with the recorded message. The structural checks need no natives. Regenerate
 * with {@code testdata/generate.sh <name>}. That every model the generator writes is committed, and
 * no other, is FixturesAreCurrentTest's job in testdata-generator.
 */
class ZooModelsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int DT_FLOAT = 1;
  private static final int DT_DOUBLE = 2;
  private static final int DT_STRING = 7;

  static Path models() {
    return TestPaths.testdata().resolve("models");
  }

  static List<Path> modelDirs() throws IOException {
    try (Stream<Path> s = Files.list(models())) {
      return s.filter(Files::isDirectory).sorted().toList();
    }
  }

  @TestFactory
  Stream<DynamicTest> modelJsonMatchesTheFiles() throws IOException {
    return modelDirs().stream().map(d -> DynamicTest.dynamicTest(d.getFileName().toString(), () -> checkLayout(d)));
  }

  @TestFactory
  Stream<DynamicTest> nativeRestoreAndRunReproduceExpected() throws IOException {
    return modelDirs().stream().map(d -> DynamicTest.dynamicTest(d.getFileName().toString(), () -> checkNative(d)));
  }

  private static void checkLayout(Path dir) throws IOException {
    JsonNode m = JSON.readTree(dir.resolve("model.json").toFile());
    assertEquals("2.18.0", m.path("tensorflow_version").asText());
    String kind = m.path("kind").asText();
    assertTrue(kind.equals("checkpoint") || kind.equals("saved_model"), kind);
    String checkpoint = m.path("checkpoint").asText();
    assertTrue(Files.isRegularFile(dir.resolve(checkpoint + ".index")), checkpoint + ".index");
    assertTrue(Files.isRegularFile(dir.resolve(m.path("graph").asText())), m.path("graph").asText());
    MetaGraphDef meta = metaGraph(dir, m);
    Set<String> nodes = meta.getGraphDef().getNodeList().stream().map(NodeDef::getName).collect(Collectors.toSet());
    SaverDef saver = meta.getSaverDef();
    assertTrue(nodes.contains(opName(saver.getFilenameTensorName())), saver.getFilenameTensorName());
    assertTrue(nodes.contains(opName(saver.getRestoreOpName())), saver.getRestoreOpName());
    // inputs, feeds and outputs agree with each other and with the graph
    List<String> inputs = new ArrayList<>();
    for (JsonNode in : m.path("inputs")) {
      String name = in.path("name").asText();
      inputs.add(name);
      assertTrue(nodes.contains(name), "input " + name + " is in the graph");
      JsonNode feed = m.path("feeds").path(name);
      assertEquals(in.path("dtype").asText(), feed.path("dtype").asText(), name);
      assertEquals(in.path("shape").size(), feed.path("shape").size(), name + " rank");
    }
    List<String> feeds = new ArrayList<>();
    m.path("feeds").fieldNames().forEachRemaining(feeds::add);
    assertEquals(inputs, feeds, "feeds are the inputs, in order");
    for (JsonNode out : m.path("outputs")) {
      assertTrue(nodes.contains(opName(out.asText())), "output " + out.asText() + " is in the graph");
    }
    if (m.has("expect_error")) {
      assertFalse(m.has("expected"), "a model that must fail records no outputs");
      assertFalse(m.path("native_error").asText().isEmpty(), "native_error");
    } else {
      List<String> outputs = new ArrayList<>();
      m.path("outputs").forEach(o -> outputs.add(o.asText()));
      List<String> expected = new ArrayList<>();
      m.path("expected").fieldNames().forEachRemaining(expected::add);
      assertEquals(outputs, expected, "one expected value per output");
    }
    if (kind.equals("checkpoint")) {
      // A Python-style Saver subgraph and the variable collections.
      for (String n : List.of("save/Const", "save/RestoreV2", "save/restore_all")) {
        assertTrue(nodes.contains(n), n);
      }
      assertTrue(nodes.stream().anyMatch(n -> n.startsWith("save/SaveV2")), "save/SaveV2");
      assertTrue(nodes.stream().anyMatch(n -> n.startsWith("save/Assign")), "save/Assign* or save/AssignVariableOp*");
      CollectionDef variables = meta.getCollectionDefOrThrow("variables");
      assertFalse(variables.getBytesList().getValueList().isEmpty());
      for (var bytes : variables.getBytesList().getValueList()) {
        VariableDef v = VariableDef.parseFrom(bytes);
        assertTrue(nodes.contains(opName(v.getVariableName())), v.getVariableName());
        assertTrue(nodes.contains(v.getInitializerName()), v.getInitializerName());
        assertTrue(nodes.contains(opName(v.getSnapshotName())), v.getSnapshotName());
      }
      assertTrue(meta.containsCollectionDef("trainable_variables"));
      assertTrue(Files.readString(dir.resolve("checkpoint")).startsWith("model_checkpoint_path: \"" + checkpoint + "\"\n"));
    }
  }

  private static void checkNative(Path dir) throws IOException {
    NativeAssumptions.assumeNatives();
    JsonNode m = JSON.readTree(dir.resolve("model.json").toFile());
    MetaGraphDef meta = metaGraph(dir, m);
    SaverDef saver = meta.getSaverDef();
    byte[] prefix = dir.resolve(m.path("checkpoint").asText()).toString().getBytes(StandardCharsets.UTF_8);
    List<String> outputs = new ArrayList<>();
    m.path("outputs").forEach(o -> outputs.add(o.asText()));
    Map<String, Fetched> feeds = new LinkedHashMap<>();
    m.path("feeds").fields().forEachRemaining(e -> feeds.put(e.getKey(), value(e.getValue())));
    try (NativeGraphRunner runner = new NativeGraphRunner(meta.getGraphDef().toByteArray())) {
      Map<String, Fetched> restoreFeed = Map.of(saver.getFilenameTensorName(), Fetched.string(prefix));
      if (m.has("expect_error")) {
        NativeFailure e = assertThrows(NativeFailure.class,
            () -> runner.run(restoreFeed, List.of(), List.of(saver.getRestoreOpName())), "restoring must fail");
        assertTrue(e.getMessage().replace(dir.toString(), "<dir>").startsWith(m.path("native_error").asText()), e.getMessage());
        return;
      }
      runner.run(restoreFeed, List.of(), List.of(saver.getRestoreOpName()));
      if (m.has("init_op")) { // a SavedModel's main op, the asset tensors fed their files' paths as the loader feeds them
        Map<String, Fetched> assets = new LinkedHashMap<>();
        m.path("assets").fields().forEachRemaining(e -> assets.put(e.getKey() + ":0", Fetched.string(
            dir.resolve("assets").resolve(e.getValue().asText()).toString().getBytes(StandardCharsets.UTF_8))));
        runner.run(assets, List.of(), List.of(m.path("init_op").asText()));
      }
      List<Fetched> got = runner.run(feeds, outputs, List.of());
      for (int i = 0; i < outputs.size(); i++) {
        String name = outputs.get(i);
        assertSame(name, value(m.path("expected").path(name)), got.get(i));
      }
    } catch (NativeFailure e) {
      fail(dir.getFileName() + ": native TF failed: " + e.getMessage());
    }
  }

  static void assertSame(String name, Fetched expected, Fetched actual) {
    assertEquals(DataTypeNames.name(expected.dtype()), DataTypeNames.name(actual.dtype()), name + " dtype");
    assertArrayEquals(expected.shape(), actual.shape(), name + " shape");
    if (expected.dtype() == DT_STRING) {
      assertEquals(expected.strings().size(), actual.strings().size(), name);
      for (int i = 0; i < expected.strings().size(); i++) {
        assertArrayEquals(expected.strings().get(i), actual.strings().get(i), name + "[" + i + "]");
      }
      return;
    }
    if (expected.dtype() == DT_FLOAT || expected.dtype() == DT_DOUBLE) {
      ByteBuffer e = ByteBuffer.wrap(expected.data()).order(ByteOrder.LITTLE_ENDIAN);
      ByteBuffer a = ByteBuffer.wrap(actual.data()).order(ByteOrder.LITTLE_ENDIAN);
      assertEquals(expected.data().length, actual.data().length, name);
      for (int i = 0; e.hasRemaining(); i++) {
        double x = expected.dtype() == DT_FLOAT ? e.getFloat() : e.getDouble();
        double y = expected.dtype() == DT_FLOAT ? a.getFloat() : a.getDouble();
        boolean close = Double.compare(x, y) == 0 || Math.abs(x - y) <= 1e-6 * Math.max(Math.abs(x), Math.abs(y));
        assertTrue(close, name + "[" + i + "]: expected " + x + ", native TF gave " + y);
      }
      return;
    }
    assertEquals(HexFormat.of().formatHex(expected.data()), HexFormat.of().formatHex(actual.data()), name);
  }

  private static MetaGraphDef metaGraph(Path dir, JsonNode m) throws IOException {
    byte[] bytes = Files.readAllBytes(dir.resolve(m.path("graph").asText()));
    if (!m.path("kind").asText().equals("saved_model")) {
      return MetaGraphDef.parseFrom(bytes);
    }
    List<String> tags = new ArrayList<>();
    m.path("tags").forEach(t -> tags.add(t.asText()));
    for (MetaGraphDef meta : SavedModel.parseFrom(bytes).getMetaGraphsList()) {
      if (meta.getMetaInfoDef().getTagsList().equals(tags)) {
        return meta;
      }
    }
    throw new AssertionError(dir + ": no meta graph tagged " + tags);
  }

  static Fetched value(JsonNode v) {
    int dtype = DataTypeNames.number(v.path("dtype").asText());
    assertTrue(dtype > 0, v.path("dtype").asText());
    long[] shape = new long[v.path("shape").size()];
    for (int i = 0; i < shape.length; i++) {
      shape[i] = v.path("shape").get(i).asLong();
    }
    if (dtype == DT_STRING) {
      List<byte[]> strings = new ArrayList<>();
      v.path("strings_base64").forEach(s -> strings.add(Base64.getDecoder().decode(s.asText())));
      return new Fetched(dtype, shape, new byte[0], strings);
    }
    assertNotNull(v.get("data_hex"), "data_hex");
    return new Fetched(dtype, shape, HexFormat.of().parseHex(v.path("data_hex").asText()), List.of());
  }

  private static String opName(String tensor) {
    int colon = tensor.lastIndexOf(':');
    return colon > 0 && tensor.substring(colon + 1).chars().allMatch(Character::isDigit) ? tensor.substring(0, colon) : tensor;
  }
}
