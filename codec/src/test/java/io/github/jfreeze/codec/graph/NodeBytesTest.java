package io.github.jfreeze.codec.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.ExtensionRegistryLite;
import io.github.jfreeze.codec.testing.Damage;
import io.github.jfreeze.codec.testing.FixtureGraphs;
import io.github.jfreeze.proto.AttrValue;
import io.github.jfreeze.proto.GraphDef;
import io.github.jfreeze.proto.NodeDef;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link NodeBytes} against protobuf, node by node: wherever the scanner says it read a node, protobuf
 * parses the same bytes without unknown fields to the same name, op, inputs, device, colocation,
 * function facts and dtype/shape/value attributes, and the bytes are canonical exactly when protobuf's deterministic writer gives them
 * back. Over every node of the fixtures' and the corpus's graphs (as TF wrote them, as protobuf-java
 * writes them, attributes reversed) and over corrupted copies of them.
 */
class NodeBytesTest {
  /** Every node of every binary graph in testdata/ and the corpus, as serialized in the file. */
  private static List<byte[]> fixtureNodes() {
    List<byte[]> out = new ArrayList<>();
    for (GraphDef g : FixtureGraphs.all()) {
      // the nodes as the file holds them: protobuf keeps map entries in the order it read them
      g.getNodeList().forEach(x -> out.add(x.toByteArray()));
      for (var f : g.getLibrary().getFunctionList()) {
        f.getNodeDefList().forEach(x -> out.add(x.toByteArray()));
      }
    }
    return out;
  }

  @Test
  void everyFixtureNodeIsReadAsProtobufReadsIt() throws IOException {
    List<byte[]> nodes = fixtureNodes();
    assertTrue(nodes.size() > 3000, "nodes in the fixtures: " + nodes.size());
    NodeBytes scan = new NodeBytes();
    int read = 0;
    int canonical = 0;
    for (byte[] bytes : nodes) {
      if (check(scan, bytes)) {
        read++;
        canonical += scan.canonical ? 1 : 0;
      }
      NodeDef n = NodeDef.parseFrom(bytes);
      byte[] sorted = deterministic(n);
      if (check(scan, sorted)) {
        assertTrue(scan.canonical, n.getName() + ": deterministic bytes not canonical");
      }
      if (n.getAttrCount() > 1) {
        NodeDef.Builder b = n.toBuilder().clearAttr();
        List<Map.Entry<String, AttrValue>> attrs = new ArrayList<>(n.getAttrMap().entrySet());
        attrs.sort(Map.Entry.<String, AttrValue>comparingByKey().reversed());
        attrs.forEach(e -> b.putAttr(e.getKey(), e.getValue()));
        if (check(scan, b.build().toByteArray())) {
          assertFalse(scan.canonical, n.getName() + ": attributes in reverse order taken as canonical");
        }
      }
    }
    // the scanner must carry the common case, or the freezer parses every node again
    assertTrue(read > nodes.size() * 9L / 10, "read " + read + " of " + nodes.size() + " nodes");
    assertTrue(canonical > read / 2, "canonical " + canonical + " of " + read);
    System.out.println("NodeBytesTest: read " + read + " of " + nodes.size() + " fixture nodes, " + canonical + " canonical");
  }

  @Test
  void corruptedNodesAreReadAsProtobufReadsThemOrLeftToIt() throws IOException {
    List<byte[]> nodes = fixtureNodes();
    NodeBytes scan = new NodeBytes();
    Random random = new Random(14);
    int read = 0;
    for (int round = 0; round < 60_000; round++) {
      byte[] bytes = Damage.of(nodes.get(random.nextInt(nodes.size())), random);
      if (check(scan, bytes)) {
        read++;
      }
    }
    assertTrue(read > 1000, "corrupted nodes still read: " + read);
  }

  /** Nodes written by hand: what the scanner must leave to protobuf, and the facts it reads. */
  @Test
  void itReadsTheFactsAndLeavesWhatItDoesNotCheckToProtobuf() throws IOException {
    NodeBytes scan = new NodeBytes();
    NodeDef plain = NodeDef.newBuilder().setName("a/read").setOp("Identity").addInput("^b").addInput("c:12:3").addInput("d:x")
        .setDevice("/cpu:0").putAttr("T", AttrValue.newBuilder().setType(io.github.jfreeze.proto.DataType.DT_FLOAT).build())
        .putAttr("_class", AttrValue.newBuilder().setList(AttrValue.ListValue.newBuilder()
            .addS(com.google.protobuf.ByteString.copyFromUtf8("loc:@a")).addS(com.google.protobuf.ByteString.copyFromUtf8("b")))
            .build())
        .putAttr("f", AttrValue.newBuilder().setFunc(io.github.jfreeze.proto.NameAttrList.newBuilder().setName("g")).build())
        .build();
    assertTrue(check(scan, deterministic(plain)));
    assertEquals(List.of("a", "b"), scan.colocation);
    assertTrue(scan.functionAttr && scan.device && scan.canonical);

    // not ASCII, a debug info, an unknown field: protobuf's
    assertFalse(check(scan, deterministic(plain.toBuilder().setName("é").build())));
    assertFalse(check(scan, deterministic(plain.toBuilder()
        .setExperimentalDebugInfo(NodeDef.ExperimentalDebugInfo.newBuilder().addOriginalNodeNames("x")).build())));
    byte[] unknown = Arrays.copyOf(deterministic(plain), deterministic(plain).length + 2);
    unknown[unknown.length - 2] = (byte) (15 << 3);
    unknown[unknown.length - 1] = 1;
    assertFalse(check(scan, unknown));
    // a varint one byte longer than it need be parses the same but is not what the writer writes
    byte[] padded = {0x0a, (byte) 0x81, 0, 'n', 0x12, 4, 'N', 'o', 'O', 'p'};
    assertEquals("n", NodeDef.parseFrom(padded).getName());
    assertFalse(check(scan, padded));
    // a name twice: protobuf keeps the last
    byte[] twice = {0x0a, 1, 'a', 0x0a, 1, 'b'};
    assertEquals("b", NodeDef.parseFrom(twice).getName());
    assertFalse(check(scan, twice));
  }

  /**
   * Size bounds: a node over {@link NodeBytes#MAX_LENGTH} is read unless it is a {@code Const} (a
   * large value protobuf keeps as a view) or its name is over {@link NodeBytes#MAX_NAME_LENGTH};
   * the next node scanned after a large one reads as before.
   */
  @Test
  void aLargeNodeIsReadUnlessItHoldsAValueOrALongName() throws IOException {
    NodeBytes scan = new NodeBytes();
    NodeDef.Builder fanIn = NodeDef.newBuilder().setName("init").setOp("NoOp");
    for (int i = 0; fanIn.build().getSerializedSize() <= NodeBytes.MAX_LENGTH; i++) {
      fanIn.addInput("^expert_" + i + "/kernel/Assign");
    }
    assertTrue(check(scan, deterministic(fanIn.build())));
    assertEquals(fanIn.getInputCount(), scan.inputCount);
    NodeDef small = NodeDef.newBuilder().setName("a").setOp("NoOp").addInput("^b").build();
    assertTrue(check(scan, deterministic(small)));

    var content = com.google.protobuf.ByteString.copyFrom(new byte[NodeBytes.MAX_LENGTH]);
    var tensor = io.github.jfreeze.proto.TensorProto.newBuilder().setDtype(io.github.jfreeze.proto.DataType.DT_INT8)
        .setTensorShape(io.github.jfreeze.proto.TensorShapeProto.newBuilder()
            .addDim(io.github.jfreeze.proto.TensorShapeProto.Dim.newBuilder().setSize(NodeBytes.MAX_LENGTH)))
        .setTensorContent(content);
    NodeDef big = NodeDef.newBuilder().setName("c").setOp("Const")
        .putAttr("value", AttrValue.newBuilder().setTensor(tensor).build()).build();
    assertFalse(check(scan, deterministic(big)));
    // the same attribute on another op is read (it is not a value protobuf would keep as a view)
    assertTrue(check(scan, deterministic(big.toBuilder().setOp("ConstLike").build())));
    // a Const that does not start with its name and op is not looked into: left to protobuf
    byte[] opFirst = deterministic(big.toBuilder().setName("").build());
    assertFalse(check(scan, opFirst));

    String longName = "n".repeat(NodeBytes.MAX_NAME_LENGTH + 1);
    assertFalse(check(scan, deterministic(small.toBuilder().setName(longName).build())));
    assertTrue(check(scan, deterministic(small.toBuilder().setName(longName.substring(1)).build())));
    assertTrue(check(scan, deterministic(small)));
    assertEquals("a", scan.name);
  }

  /** {@code n} as protobuf's deterministic writer writes it. */
  static byte[] deterministic(NodeDef n) {
    byte[] out = new byte[n.getSerializedSize()];
    com.google.protobuf.CodedOutputStream cos = com.google.protobuf.CodedOutputStream.newInstance(out);
    cos.useDeterministicSerialization();
    try {
      n.writeTo(cos);
      cos.checkNoSpaceLeft();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out;
  }

  /** The attribute value at {@code [from, to)} of the scanned bytes, or null when {@code from} is -1. */
  private static AttrValue at(NodeBytes scan, int from, int to) throws IOException {
    return from < 0 ? null : AttrValue.parseFrom(Arrays.copyOfRange(scan.bytes(), from, to));
  }

  /**
   * Scans {@code bytes}; where the scan succeeds, protobuf must parse them to the same facts.
   *
   * @return whether the scanner read them
   */
  private static boolean check(NodeBytes scan, byte[] bytes) {
    ByteBuffer buffer = ByteBuffer.allocateDirect(bytes.length + 8);
    buffer.position(3);
    buffer.put(bytes);
    boolean read = scan.scan(buffer, 3, bytes.length);
    // a scan that leaves the name in the bytes reads the same node the same way, its name at [nameFrom, nameTo)
    NodeBytes lazy = new NodeBytes();
    lazy.readName = false;
    assertEquals(read, lazy.scan(buffer, 3, bytes.length), Arrays.toString(bytes));
    if (!read) {
      return false;
    }
    assertEquals(null, lazy.name);
    assertEquals(scan.name, new String(lazy.bytes(), lazy.nameFrom, lazy.nameTo - lazy.nameFrom, StandardCharsets.US_ASCII));
    assertEquals(scan.name, new String(scan.bytes(), scan.nameFrom, scan.nameTo - scan.nameFrom, StandardCharsets.US_ASCII));
    assertEquals(scan.canonical, lazy.canonical);
    assertEquals(scan.inputCount, lazy.inputCount);
    NodeDef n;
    try {
      CodedInputStream in = CodedInputStream.newInstance(bytes);
      n = NodeDef.parser().parseFrom(in, ExtensionRegistryLite.getEmptyRegistry());
      in.checkLastTagWas(0);
      assertTrue(in.isAtEnd());
    } catch (IOException e) {
      throw new AssertionError("the scanner read bytes protobuf refuses: " + e.getMessage() + " " + Arrays.toString(bytes), e);
    }
    String what = n.getName() + " " + Arrays.toString(bytes);
    assertTrue(n.getUnknownFields().asMap().isEmpty(), what);
    assertEquals(n.getName(), scan.name, what);
    assertEquals(n.getOp(), scan.op, what);
    assertEquals(!n.getDevice().isEmpty(), scan.device, what);
    List<String> inputs = new ArrayList<>();
    for (int k = 0; k < scan.inputCount; k++) {
      inputs.add(new String(scan.bytes(), scan.inputFrom[k], scan.inputTo[k] - scan.inputFrom[k], StandardCharsets.US_ASCII));
    }
    assertEquals(n.getInputList(), inputs, what);
    boolean functions = n.getAttrMap().values().stream().anyMatch(v -> v.hasFunc() || (v.hasList() && v.getList().getFuncCount() > 0));
    assertEquals(functions, scan.functionAttr, what);
    if (n.containsAttr("_class")) {
      List<String> expected = new ArrayList<>();
      for (var s : n.getAttrOrThrow("_class").getList().getSList()) {
        String c = s.toString(StandardCharsets.UTF_8);
        expected.add(c.startsWith("loc:@") ? c.substring(5) : c);
      }
      assertEquals(expected, scan.colocation, what);
    } else {
      assertEquals(null, scan.colocation, what);
    }
    assertEquals(Arrays.equals(deterministic(n), bytes), scan.canonical, what);
    try {
      assertEquals(n.getAttrOrDefault("dtype", null), at(scan, scan.dtypeFrom, scan.dtypeTo), what);
      assertEquals(n.getAttrOrDefault("shape", null), at(scan, scan.shapeFrom, scan.shapeTo), what);
      assertEquals(n.getAttrOrDefault("value", null), at(scan, scan.valueFrom, scan.valueTo), what);
    } catch (IOException e) {
      throw new AssertionError(what, e);
    }
    return true;
  }
}
