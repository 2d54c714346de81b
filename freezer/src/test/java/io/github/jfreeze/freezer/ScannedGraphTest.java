package io.github.jfreeze.freezer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.TextFormat;
import io.github.jfreeze.proto.AttrValue;
import io.github.jfreeze.proto.MetaGraphDef;
import io.github.jfreeze.proto.NodeDef;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * A binary {@code .meta} is frozen from its node bytes ({@code NodeTable}: nodes located, parsed
 * when needed); any other graph file is parsed whole first. Both must write the same bytes: every
 * zoo model with a {@code .meta} is frozen from it and from the same MetaGraphDef in text format,
 * and from a copy whose nodes list their attributes in reverse order (bytes protobuf's
 * deterministic writer would not produce, so the frozen graph cannot just copy them).
 */
class ScannedGraphTest {
  @TempDir Path tmp;

  @TestFactory
  Stream<DynamicTest> aMetaGraphFreezesToTheSameBytesFromItsNodeBytesAsFromAWholeParse() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path m : GoldenFrozenGraphTest.models()) {
      JsonNode json = GoldenFrozenGraphTest.model(m);
      Path meta = m.resolve("model.ckpt-1.meta");
      if (!Files.isRegularFile(meta) || !json.has("outputs") || "saved_model".equals(json.path("kind").asText())) {
        continue;
      }
      tests.add(DynamicTest.dynamicTest(m.getFileName().toString(), () -> {
        List<String> outputs = new ArrayList<>();
        json.get("outputs").forEach(o -> outputs.add(o.asText()));
        MetaGraphDef parsed = MetaGraphDef.parseFrom(Files.readAllBytes(meta));
        Path text = tmp.resolve(m.getFileName() + ".meta.txt");
        Files.writeString(text, TextFormat.printer().printToString(parsed), StandardCharsets.UTF_8);
        MetaGraphDef.Builder reversed = parsed.toBuilder();
        for (NodeDef.Builder n : reversed.getGraphDefBuilder().getNodeBuilderList()) {
          List<Map.Entry<String, AttrValue>> attrs = new ArrayList<>(n.getAttrMap().entrySet());
          attrs.sort(Map.Entry.<String, AttrValue>comparingByKey().reversed());
          n.clearAttr();
          attrs.forEach(e -> n.putAttr(e.getKey(), e.getValue()));
        }
        Path shuffled = tmp.resolve(m.getFileName() + "-reversed.meta");
        Files.write(shuffled, reversed.build().toByteArray());

        byte[] scanned = freeze(m, null, outputs, "scanned.pb");
        byte[] whole = freeze(m, text, outputs, "whole.pb");
        byte[] fromReversed = freeze(m, shuffled, outputs, "reversed.pb");
        assertTrue(scanned.length > 0);
        assertArrayEquals(whole, scanned, "scanned .meta vs the whole-parse path");
        assertArrayEquals(whole, fromReversed, "attributes out of order in the input");
      }));
    }
    assertTrue(tests.size() >= 5, "zoo models with a .meta: " + tests.size());
    return tests.stream();
  }

  /**
   * A node over NodeTable's hold size (a 2.4 MB Const kept in the output) is held as an object, not
   * copied into bytes, and written the same from a binary .meta as from a whole parse.
   */
  @org.junit.jupiter.api.Test
  void aLargeConstIsWrittenTheSameFromNodeBytesAsFromAWholeParse() throws IOException {
    Path seed = io.github.jfreeze.codec.testing.TestPaths.testdata().resolve("models/seed");
    MetaGraphDef.Builder meta = MetaGraphDef.parseFrom(Files.readAllBytes(seed.resolve("model.ckpt-1.meta"))).toBuilder();
    byte[] content = new byte[4 * 600_000];
    for (int i = 0; i < content.length; i++) {
      content[i] = (byte) (i * 31 + i / 977);
    }
    var dtype = AttrValue.newBuilder().setType(io.github.jfreeze.proto.DataType.DT_FLOAT).build();
    meta.getGraphDefBuilder().addNode(NodeDef.newBuilder().setName("big").setOp("Const").putAttr("dtype", dtype)
        .putAttr("value", AttrValue.newBuilder().setTensor(io.github.jfreeze.proto.TensorProto.newBuilder()
            .setDtype(io.github.jfreeze.proto.DataType.DT_FLOAT)
            .setTensorShape(io.github.jfreeze.proto.TensorShapeProto.newBuilder()
                .addDim(io.github.jfreeze.proto.TensorShapeProto.Dim.newBuilder().setSize(600_000)))
            .setTensorContent(com.google.protobuf.ByteString.copyFrom(content))).build()));
    byte[] scanned = freezeBinaryAndText(seed, meta.build(), List.of("predictions", "big"), "big");
    var frozen = io.github.jfreeze.proto.GraphDef.parseFrom(scanned);
    NodeDef big = frozen.getNodeList().stream().filter(n -> n.getName().equals("big")).findFirst().orElseThrow();
    assertArrayEquals(content, big.getAttrOrThrow("value").getTensor().getTensorContent().toByteArray());
  }

  /**
   * Names the node table holds as Strings (nodes protobuf parses: a non-ASCII name or input, debug
   * info) and names it leaves in the file find each other: the seed model with {@code mul} renamed
   * {@code mül} and {@code W1/read} given debug info freezes to the same bytes from a binary .meta as
   * from a whole parse, and a node named like one left in the file is a duplicate.
   */
  @org.junit.jupiter.api.Test
  void namesHeldAsStringsAndNamesLeftInTheFileFindEachOther() throws IOException {
    Path seed = io.github.jfreeze.codec.testing.TestPaths.testdata().resolve("models/seed");
    MetaGraphDef.Builder meta = MetaGraphDef.parseFrom(Files.readAllBytes(seed.resolve("model.ckpt-1.meta"))).toBuilder();
    var debug = io.github.jfreeze.proto.NodeDef.ExperimentalDebugInfo.newBuilder().addOriginalNodeNames("read").build();
    for (NodeDef.Builder n : meta.getGraphDefBuilder().getNodeBuilderList()) {
      if (n.getName().equals("mul")) {
        n.setName("m\u00fcl"); // parsed by protobuf: its name as a String; it reads input_holder, left in the file
      } else if (n.getName().equals("add")) {
        n.setInput(0, "m\u00fcl"); // parsed by protobuf too; predictions, read from its bytes, looks it up
      } else if (n.getName().equals("W1/read")) {
        n.setExperimentalDebugInfo(debug); // an ASCII name held as a String, read by m\u00fcl
      }
    }
    List<String> outputs = List.of("predictions");
    byte[] scanned = freezeBinaryAndText(seed, meta.build(), outputs, "renamed");
    var frozen = io.github.jfreeze.proto.GraphDef.parseFrom(scanned);
    assertTrue(frozen.getNodeList().stream().anyMatch(n -> n.getName().equals("m\u00fcl")), frozen.toString());

    // names with equal hash codes ("Aa" and "BB", "Ab" and "BC"), one held as a String and one left in
    // the file, each first on the probe of the other, and both left in the file ("Ac" and "BD"):
    // every input still finds its own node, and neither is taken for a second node of the other's name
    MetaGraphDef.Builder colliding = meta.build().toBuilder();
    var g = colliding.getGraphDefBuilder();
    NodeDef identity = g.getNodeList().stream().filter(n -> n.getName().equals("W1/read")).findFirst().orElseThrow();
    NodeDef add = g.getNodeList().stream().filter(n -> n.getName().equals("add")).findFirst().orElseThrow();
    for (String name : List.of("Aa", "BB", "Ab", "BC", "Ac", "BD")) {
      NodeDef.Builder n = identity.toBuilder().setName(name).clearInput().addInput("input_holder").clearExperimentalDebugInfo();
      if (name.equals("Aa") || name.equals("BC")) {
        n.setExperimentalDebugInfo(debug);
      }
      g.addNode(n);
    }
    g.addNode(add.toBuilder().setName("sum1").clearInput().addInput("Aa").addInput("BB")); // looked up by its bytes
    g.addNode(add.toBuilder().setName("sum2").clearInput().addInput("Ab").addInput("BC").setExperimentalDebugInfo(debug)); // by Strings
    // BD, second on its probe after Ac, is read by bytes and by Strings; Ac by nothing, so it must not be kept
    g.addNode(add.toBuilder().setName("sum3").clearInput().addInput("BD").addInput("BD"));
    g.addNode(add.toBuilder().setName("sum4").clearInput().addInput("BD").addInput("BD").setExperimentalDebugInfo(debug));
    assertEquals("Aa".hashCode(), "BB".hashCode());
    assertEquals("Ab".hashCode(), "BC".hashCode());
    assertEquals("Ac".hashCode(), "BD".hashCode());
    List<String> sums = List.of("predictions", "sum1", "sum2", "sum3", "sum4");
    byte[] collidingScanned = freezeBinaryAndText(seed, colliding.build(), sums, "colliding");
    List<String> written = io.github.jfreeze.proto.GraphDef.parseFrom(collidingScanned).getNodeList().stream()
        .map(NodeDef::getName).toList();
    assertTrue(written.containsAll(List.of("Aa", "BB", "Ab", "BC", "BD")) && !written.contains("Ac"), written.toString());

    // a second node of a name: held as a String after one whose name is in the file
    // (input_holder), and left in the file after one held as a String (W1/read, given debug info above)
    for (String twice : List.of("input_holder", "W1/read")) {
      MetaGraphDef.Builder dup = meta.build().toBuilder();
      NodeDef.Builder extra = NodeDef.newBuilder().setName(twice).setOp("NoOp");
      if (twice.equals("input_holder")) {
        extra.setExperimentalDebugInfo(debug);
      }
      dup.getGraphDefBuilder().addNode(extra);
      Path file = tmp.resolve("dup.meta");
      Files.write(file, dup.build().toByteArray());
      FreezeException e = org.junit.jupiter.api.Assertions.assertThrows(FreezeException.class,
          () -> freeze(seed, file, outputs, "dup.pb"));
      assertTrue(e.getMessage().contains("node '" + twice + "' is defined twice"), e.getMessage());
    }
  }

  /**
   * A node over 64 KiB that is no Const (thousands of control inputs, as a training graph's {@code
   * init} has) is read in place, not parsed: frozen as an output, it comes out as
   * from a whole parse.
   */
  @org.junit.jupiter.api.Test
  void aLargeFanInNodeIsReadInPlaceAndFreezesAsFromAWholeParse() throws IOException {
    Path seed = io.github.jfreeze.codec.testing.TestPaths.testdata().resolve("models/seed");
    MetaGraphDef.Builder meta = MetaGraphDef.parseFrom(Files.readAllBytes(seed.resolve("model.ckpt-1.meta"))).toBuilder();
    NodeDef.Builder fanIn = NodeDef.newBuilder().setName("group_deps").setOp("Identity").addInput("predictions")
        .putAttr("T", io.github.jfreeze.proto.AttrValue.newBuilder().setType(io.github.jfreeze.proto.DataType.DT_FLOAT).build());
    for (int i = 0; fanIn.build().getSerializedSize() <= io.github.jfreeze.codec.graph.NodeBytes.MAX_LENGTH; i++) {
      fanIn.addInput(i % 2 == 0 ? "^add" : "^W1/read");
    }
    meta.getGraphDefBuilder().addNode(fanIn);
    io.github.jfreeze.codec.graph.NodeBytes scan = new io.github.jfreeze.codec.graph.NodeBytes();
    byte[] node = fanIn.build().toByteArray();
    assertTrue(scan.scan(java.nio.ByteBuffer.wrap(node), 0, node.length), "read in place");
    byte[] scanned = freezeBinaryAndText(seed, meta.build(), List.of("predictions", "group_deps"), "fan-in");
    var written = io.github.jfreeze.proto.GraphDef.parseFrom(scanned).getNodeList().stream()
        .filter(n -> n.getName().equals("group_deps")).findFirst().orElseThrow();
    assertEquals(fanIn.getInputCount(), written.getInputCount());
  }

  /**
   * Freezes {@code model} with {@code meta} beside it written as a binary {@code .meta} (its nodes
   * read in place) and as text (parsed whole); the two outputs must be the same bytes.
   *
   * @return the output of the binary one
   */
  private byte[] freezeBinaryAndText(Path model, MetaGraphDef meta, List<String> outputs, String name) throws IOException {
    Path binary = tmp.resolve(name + ".meta");
    Files.write(binary, meta.toByteArray());
    Path text = tmp.resolve(name + ".meta.txt");
    Files.writeString(text, TextFormat.printer().printToString(meta), StandardCharsets.UTF_8);
    byte[] scanned = freeze(model, binary, outputs, name + "-scanned.pb");
    assertArrayEquals(freeze(model, text, outputs, name + "-whole.pb"), scanned);
    return scanned;
  }

  private byte[] freeze(Path model, Path graph, List<String> outputs, String name) throws IOException {
    Path out = tmp.resolve(model.getFileName() + "-" + name);
    FreezeOptions.Builder b = FreezeOptions.builder(model).outputs(outputs.toArray(String[]::new)).output(out).force(true);
    if (graph != null) {
      b.graph(graph);
    }
    Freezer.freeze(b.build());
    return Files.readAllBytes(out);
  }
}
