package io.github.jfreeze.codec.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jfreeze.codec.CorruptFileException;
import io.github.jfreeze.codec.GraphFile;
import io.github.jfreeze.codec.testing.TestPaths;
import io.github.jfreeze.proto.AttrValue;
import io.github.jfreeze.proto.GraphDef;
import io.github.jfreeze.proto.MetaGraphDef;
import io.github.jfreeze.proto.NameAttrList;
import io.github.jfreeze.proto.NodeDef;
import io.github.jfreeze.proto.TensorShapeProto;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * GraphScan gives exactly the summary of the full parse ({@code GraphFile.read} then {@code
 * MetaGraphSummary.of}), or gives up: on every {@code .meta} of the corpus and the fixtures, on
 * damaged copies of them (where the full parse fails, the scan must give up too), and at the edge
 * of protobuf's recursion limit.
 */
class GraphScanTest {

  static List<Path> metas() throws IOException {
    List<Path> out = new ArrayList<>();
    for (Path root : List.of(TestPaths.corpus(), TestPaths.testdata())) {
      try (Stream<Path> s = Files.walk(root)) {
        s.filter(p -> p.getFileName().toString().endsWith(".meta")).sorted().forEach(out::add);
      }
    }
    return out;
  }

  /** Everything a summary says, as text. */
  static String describe(MetaGraphSummary m) {
    GraphSummary g = m.graph();
    return String.join("\n", List.of(
        "tags " + m.tags(), "version " + m.tensorflowVersion() + " " + m.tensorflowGitVersion(),
        "ops " + m.strippedOpCount(), "saver " + m.saver(), "collections " + m.collections(),
        "signatures " + m.signatures(), "objects " + m.objectGraphNodes(), "assets " + m.assets(),
        "nodes " + g.nodeCount(), "functions " + g.functionCount(), "histogram " + g.ops(),
        "inputs " + g.inputs(), "outputs " + g.outputs(), "variables " + g.variables(),
        "from collection " + g.variablesFromCollection(), "const " + g.constParameters(),
        "variable params " + g.variableParameters(), "control " + g.controlEdges(), "missing " + g.missingInputs()));
  }

  /** The full parse's summary, or null where GraphFile would not read the bytes as a MetaGraphDef. */
  static String full(Path name, byte[] bytes) {
    try {
      GraphFile f = GraphFile.parse(name, bytes);
      return f.kind() == GraphFile.Kind.META_GRAPH && !f.text() ? describe(MetaGraphSummary.of((MetaGraphDef) f.message()))
          : null;
    } catch (CorruptFileException e) {
      return null;
    }
  }

  static String scanned(byte[] bytes) {
    GraphScan.ScannedMeta s = GraphScan.metaGraph(bytes);
    return s == null ? null : describe(s.summary());
  }

  @TestFactory
  Stream<DynamicTest> sameSummaryAsTheFullParse() throws IOException {
    return metas().stream().map(p -> DynamicTest.dynamicTest(TestPaths.root().relativize(p.toAbsolutePath()).toString(), () -> {
      byte[] bytes = Files.readAllBytes(p);
      String full = full(p, bytes);
      GraphScan.ScannedMeta s = GraphScan.readMetaGraph(p);
      if (full == null) {
        assertNull(s, "the full parse does not read it as a binary MetaGraphDef, the scan must give up");
        return;
      }
      assertNotNull(s, "a clean TF-written .meta is scanned");
      assertEquals(full, describe(s.summary()));
      MetaGraphDef expected = ((MetaGraphDef) GraphFile.parse(p, bytes).message()).toBuilder().clearGraphDef().build();
      assertEquals(expected, s.withoutGraph());
    }));
  }

  /** Flipped bytes and truncations: the scan agrees with the full parse or gives up, never differs. */
  @TestFactory
  Stream<DynamicTest> damagedCopiesNeverDisagree() throws IOException {
    return metas().stream().filter(p -> p.toString().contains("testdata")).limit(6).map(p -> DynamicTest.dynamicTest(
        p.getFileName().toString() + " in " + p.getParent().getFileName(), () -> {
          byte[] original = Files.readAllBytes(p);
          Random random = new Random(p.toString().hashCode());
          int agreedScans = 0;
          for (int i = 0; i < 300; i++) {
            byte[] b = original.clone();
            if (i % 10 == 9) {
              b = java.util.Arrays.copyOf(b, random.nextInt(b.length));
            } else {
              for (int k = 0; k <= i % 3; k++) {
                b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
              }
            }
            String full = full(p, b);
            String scan = scanned(b);
            if (scan != null) {
              assertEquals(full, scan, "mutation " + i + ": the scan read what the full parse reads differently");
              agreedScans++;
            }
          }
          assertTrue(agreedScans > 0, "some damaged copies are still read by both");
        }));
  }

  /**
   * An attribute nested {@code depth} functions deep (AttrValue.func, its attr map, AttrValue
   * again: three messages a step) around an innermost value {@code extra} messages deep (0: an int,
   * 1: a list, 2: a shape with a dimension), so that every message depth is tried.
   */
  static AttrValue nested(int depth, int extra) {
    AttrValue v = switch (extra) {
      case 0 -> AttrValue.newBuilder().setI(7).build();
      case 1 -> AttrValue.newBuilder().setList(AttrValue.ListValue.newBuilder().addI(7)).build();
      default -> AttrValue.newBuilder().setShape(TensorShapeProto.newBuilder().addDim(TensorShapeProto.Dim.newBuilder().setSize(7)))
          .build();
    };
    for (int i = 0; i < depth; i++) {
      v = AttrValue.newBuilder().setFunc(NameAttrList.newBuilder().setName("f").putAttr("a", v)).build();
    }
    return v;
  }

  @Test
  void recursionLimitAsInTheFullParse() {
    int bothRead = 0;
    int bothRefused = 0;
    for (int depth = 28; depth <= 35; depth++) {
      for (int extra = 0; extra < 3; extra++) {
        for (String key : List.of("T", "shape")) {
          MetaGraphDef meta = MetaGraphDef.newBuilder().setGraphDef(GraphDef.newBuilder()
              .addNode(NodeDef.newBuilder().setName("x").setOp("Placeholder").putAttr(key, nested(depth, extra)))).build();
          byte[] bytes = meta.toByteArray();
          String full = full(Path.of("deep.meta"), bytes);
          assertEquals(full, scanned(bytes), "depth " + depth + "+" + extra + " in attr " + key);
          if (full == null) {
            bothRefused++;
          } else {
            bothRead++;
          }
        }
      }
    }
    assertTrue(bothRead > 0 && bothRefused > 0, "the depths tried cross protobuf's limit");
  }

  /**
   * Inputs the scan reads as bytes are found by comparing bytes, those of nodes protobuf parses by
   * Strings: names whose hashes collide ("Aa" and "BB", "Ab" and "BC"; names are hashed as UTF-8
   * bytes, so also "A\u00fc" and "=9v", "\u00fc" and "\u011d"), a name twice, a name that is not
   * ASCII, a name nothing has, and a node over 64 KiB (read as bytes since it is no Const) all give
   * the full parse's summary.
   */
  @Test
  void namesThatCollideRepeatOrAreNotAsciiAreFoundAsInTheFullParse() {
    assertEquals(utf8Hash("Aa"), utf8Hash("BB"));
    assertEquals(utf8Hash("Ab"), utf8Hash("BC"));
    GraphDef.Builder g = GraphDef.newBuilder();
    assertEquals(utf8Hash("A\u00fc"), utf8Hash("=9v")); // a name that is not ASCII, first on the probe of one that is
    assertEquals(utf8Hash("\u00fc"), utf8Hash("\u011d")); // two that are not
    for (String c : List.of("Aa", "BB", "Ab", "BC", "m\u00fcl", "A\u00fc", "=9v", "Aa", "\u00fc", "\u011d")) {
      g.addNode(NodeDef.newBuilder().setName(c).setOp("Neg"));
    }
    g.addNode(NodeDef.newBuilder().setName("x").setOp("Identity").addInput("BB"));
    g.addNode(NodeDef.newBuilder().setName("y").setOp("Identity").addInput("BC:0"));
    g.addNode(NodeDef.newBuilder().setName("z").setOp("Identity").addInput("^m\u00fcl"));
    g.addNode(NodeDef.newBuilder().setName("q").setOp("Identity").addInput("nothere:1"));
    g.addNode(NodeDef.newBuilder().setName("h").setOp("Identity").addInput("=9v"));
    g.addNode(NodeDef.newBuilder().setName("u").setOp("Identity").addInput("\u011d:0"));
    NodeDef.Builder fanIn = NodeDef.newBuilder().setName("init").setOp("NoOp");
    for (int i = 0; fanIn.build().getSerializedSize() <= NodeBytes.MAX_LENGTH; i++) {
      fanIn.addInput(i % 2 == 0 ? "^x" : "^Ab");
    }
    g.addNode(fanIn);
    byte[] bytes = MetaGraphDef.newBuilder().setGraphDef(g).build().toByteArray();
    String full = full(Path.of("names.meta"), bytes);
    assertNotNull(full);
    assertEquals(full, scanned(bytes));
    GraphSummary s = GraphScan.metaGraph(bytes).summary().graph();
    assertEquals(List.of("q <- nothere:1"), s.missingInputs());
    // what nothing consumes: both nodes named Aa (BB, its hash's twin, is consumed), A\u00fc (=9v,
    // its twin, is), \u00fc (likewise), and the ends
    assertEquals(List.of("Aa", "A\u00fc", "Aa", "\u00fc", "y", "z", "q", "h", "u"),
        s.outputs().stream().map(GraphSummary.Output::name).toList());
    assertEquals(s.outputs(), GraphSummary.of(g.build()).outputs()); // (from NodeDefs, all names as Strings)
  }

  /**
   * The name index against a plain one (a map of Strings, the first node of a name winning) on
   * random graphs of repeated, colliding, non-ASCII and missing names with control and indexed
   * inputs: what nothing consumes, the inputs naming no node and the control edges agree, read from
   * NodeDefs and scanned from the wire.
   */
  @Test
  void theNameIndexAgreesWithAPlainMapOnRandomGraphs() {
    List<String> pool = List.of("Aa", "BB", "Ab", "BC", "\u00fc", "\u011d", "A\u00fc", "=9v", "x", "x/y", "m\u00fcl",
        "\uD83D\uDE00", "n");
    Random random = new Random(14);
    for (int round = 0; round < 300; round++) {
      GraphDef.Builder g = GraphDef.newBuilder();
      int n = 1 + random.nextInt(12);
      for (int i = 0; i < n; i++) {
        NodeDef.Builder node = NodeDef.newBuilder().setName(pool.get(random.nextInt(pool.size()))).setOp("Neg");
        for (int k = random.nextInt(4); k > 0; k--) {
          String target = random.nextInt(8) == 0 ? "gone" : pool.get(random.nextInt(pool.size()));
          node.addInput(switch (random.nextInt(3)) {
            case 0 -> "^" + target;
            case 1 -> target + ":" + random.nextInt(3);
            default -> target;
          });
        }
        g.addNode(node);
      }
      GraphDef graph = g.build();
      // the plain summary
      java.util.Map<String, Integer> first = new java.util.HashMap<>();
      for (int i = 0; i < n; i++) {
        first.putIfAbsent(graph.getNode(i).getName(), i);
      }
      java.util.Set<Integer> consumed = new java.util.HashSet<>();
      List<String> missing = new ArrayList<>();
      int control = 0;
      for (NodeDef node : graph.getNodeList()) {
        for (String in : node.getInputList()) {
          control += in.startsWith("^") ? 1 : 0;
          Integer source = first.get(GraphSummary.nodeName(in));
          if (source == null) {
            missing.add(node.getName() + " <- " + in);
          } else {
            consumed.add(source);
          }
        }
      }
      List<String> outputs = new ArrayList<>();
      for (NodeDef node : graph.getNodeList()) {
        if (!consumed.contains(first.get(node.getName()))) {
          outputs.add(node.getName());
        }
      }
      GraphSummary fromNodes = GraphSummary.of(graph);
      GraphSummary scanned = GraphScan.metaGraph(MetaGraphDef.newBuilder().setGraphDef(graph).build().toByteArray())
          .summary().graph();
      for (GraphSummary s : List.of(fromNodes, scanned)) {
        assertEquals(outputs, s.outputs().stream().map(GraphSummary.Output::name).toList(), graph::toString);
        assertEquals(missing, s.missingInputs(), graph::toString);
        assertEquals(control, s.controlEdges(), graph::toString);
      }
    }
  }

  private static int utf8Hash(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    return SummaryNodes.hash(b, 0, b.length);
  }

  @Test
  void invalidUtf8InANodeNameIsLeftToTheFullParse() {
    byte[] bytes = MetaGraphDef.newBuilder().setGraphDef(GraphDef.newBuilder()
        .addNode(NodeDef.newBuilder().setName("ab").setOp("NoOp"))).build().toByteArray();
    int at = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("ab");
    bytes[at] = (byte) 0xff;
    assertNull(full(Path.of("bad.meta"), bytes));
    assertNull(scanned(bytes));
  }

  @Test
  void textAndOtherNamesAreLeftToGraphFile() throws IOException {
    assertNull(GraphScan.metaGraph("graph_def { node { name: \"a\" op: \"NoOp\" } }".getBytes(StandardCharsets.UTF_8)));
    Path pb = Files.createTempFile("graph", ".pb");
    try {
      Files.write(pb, MetaGraphDef.newBuilder().setGraphDef(GraphDef.newBuilder()
          .addNode(NodeDef.newBuilder().setName("a").setOp("NoOp"))).build().toByteArray());
      assertNull(GraphScan.readMetaGraph(pb), "only .meta files are tried as a MetaGraphDef first");
    } finally {
      Files.delete(pb);
    }
  }
}
