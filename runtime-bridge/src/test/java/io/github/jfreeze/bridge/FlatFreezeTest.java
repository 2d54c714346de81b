package io.github.jfreeze.bridge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jfreeze.codec.ModelLocation;
import io.github.jfreeze.codec.ModelLocator;
import io.github.jfreeze.freezer.FreezeOptions;
import io.github.jfreeze.freezer.FreezeReport;
import io.github.jfreeze.freezer.Freezer;
import io.github.jfreeze.proto.AttrValue;
import io.github.jfreeze.proto.FunctionDef;
import io.github.jfreeze.proto.GraphDef;
import io.github.jfreeze.proto.NodeDef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flat freezes ({@code FreezeOptions.inlineFunctions}, {@code lowerControlFlow}) of every model
 * {@link FreezeVerifyTest} freezes (the zoo with its recorded feeds, the corpus SavedModels and
 * checkpoints): each is checked for what flattening promises and run in native TF beside the
 * original by {@code verify}'s engine. Inlined: no call is left (only If/Case/While and the
 * functions they name). Lowered: no functional op, an empty function library. A model with
 * nothing to flatten freezes to the same bytes either way. A table of node and function counts
 * and the largest differences goes to {@code target/flat-graphs.md}.
 */
class FlatFreezeTest {
  private static final Set<String> CALLS = Set.of("PartitionedCall", "StatefulPartitionedCall");
  private static final Set<String> CONTROL_FLOW = Set.of("If", "StatelessIf", "Case", "StatelessCase", "While",
      "StatelessWhile");
  private static final List<String> TABLE = new ArrayList<>();

  @TempDir Path tmp;

  @TestFactory
  Stream<DynamicTest> flatFreezesVerifyAgainstTheirOriginals() throws IOException {
    List<FreezeVerifyTest.Case> cases = new ArrayList<>(FreezeVerifyTest.cases());
    assertTrue(cases.size() >= 25, "cases: " + cases.size());
    // TF2 SavedModels of the corpus that freeze but have no variable for FreezeVerifyTest's check
    Path c = io.github.jfreeze.codec.testing.TestPaths.corpus();
    cases.add(new FreezeVerifyTest.Case("tfnet leak_testmodel (TF2, conv1d)", c.resolve("tfnet_leak_testmodel_saved_model"), List.of(),
        "inference", java.util.Map.of()));
    for (String tfjs : List.of("tfjs_node_int64_multiply", "tfjs_node_module_with_multiple_signatures", "tfjs_node_times_two_int",
        "tfjs_node_uint8_multiply")) {
      cases.add(new FreezeVerifyTest.Case(tfjs + " (TF2)", c.resolve(tfjs), List.of(), "serving_default", java.util.Map.of()));
    }
    cases.add(new FreezeVerifyTest.Case("tfjava add (TF2, no variables)", c.resolve("tfjava_saved_model_using_python/model"),
        List.of(), "add", java.util.Map.of()));
    return cases.stream().map(k -> DynamicTest.dynamicTest(k.name(), () -> check(k)));
  }

  private void check(FreezeVerifyTest.Case k) throws IOException {
    NativeAssumptions.assumeNatives();
    String base = k.name().replaceAll("[^A-Za-z0-9]+", "_");
    Path plain = freeze(k, tmp.resolve(base + ".pb"), b -> b);
    Path inlined = freeze(k, tmp.resolve(base + ".inlined.pb"), b -> b.inlineFunctions(true));
    Path lowered = freeze(k, tmp.resolve(base + ".lowered.pb"), b -> b.lowerControlFlow(true));
    GraphDef g0 = GraphDef.parseFrom(Files.readAllBytes(plain));
    GraphDef g1 = GraphDef.parseFrom(Files.readAllBytes(inlined));
    GraphDef g2 = GraphDef.parseFrom(Files.readAllBytes(lowered));
    boolean flat = g0.getLibrary().getFunctionCount() == 0
        && g0.getNodeList().stream().noneMatch(n -> CALLS.contains(n.getOp()) || CONTROL_FLOW.contains(n.getOp()));
    if (flat) {
      // nothing to flatten: the same file, byte for byte
      assertArrayEquals(Files.readAllBytes(plain), Files.readAllBytes(inlined), k.name());
      assertArrayEquals(Files.readAllBytes(plain), Files.readAllBytes(lowered), k.name());
    }
    Set<String> functions = g1.getLibrary().getFunctionList().stream().map(f -> f.getSignature().getName())
        .collect(Collectors.toSet());
    for (NodeDef n : g1.getNodeList()) {
      assertFalse(CALLS.contains(n.getOp()) || functions.contains(n.getOp()), n.getName() + " is still a call: " + n.getOp());
    }
    // functions stay only for the If/Case/While left (and the calls in their bodies)
    boolean controlFlow = g1.getNodeList().stream().anyMatch(n -> CONTROL_FLOW.contains(n.getOp()));
    assertEquals(controlFlow, g1.getLibrary().getFunctionCount() > 0, "functions kept: " + functions);
    for (FunctionDef f : g1.getLibrary().getFunctionList()) {
      assertTrue(namedByControlFlow(g1, f.getSignature().getName()) || calledInBodies(g1, f.getSignature().getName()),
          f.getSignature().getName() + " is kept but nothing names it");
    }
    assertEquals(0, g2.getLibrary().getFunctionCount(), "functions left after lowering");
    for (NodeDef n : g2.getNodeList()) {
      assertFalse(CALLS.contains(n.getOp()) || CONTROL_FLOW.contains(n.getOp()), n.getName() + " is still " + n.getOp());
      assertTrue(n.getAttrMap().values().stream().noneMatch(v -> v.hasFunc() || v.getList().getFuncCount() > 0),
          n.getName() + " still names a function");
    }
    // verify's default fetches (the likely outputs) must be names the original has
    Set<String> original = g0.getNodeList().stream().map(NodeDef::getName).collect(Collectors.toSet());
    for (GraphDef g : List.of(g1, g2)) {
      for (var o : io.github.jfreeze.codec.graph.GraphSummary.of(g).outputs().stream()
          .map(io.github.jfreeze.codec.graph.GraphSummary.Output::name).toList()) {
        assertTrue(original.contains(o), k.name() + ": likely output " + o + " of the flat graph is not in the original");
      }
    }
    double inlinedDiff = verify(k, inlined);
    double loweredDiff = verify(k, lowered);
    TABLE.add("| " + k.name() + " | " + g0.getNodeCount() + " | " + g1.getNodeCount() + " | " + g2.getNodeCount() + " | "
        + g0.getLibrary().getFunctionCount() + " | " + g1.getLibrary().getFunctionCount() + " | "
        + g2.getLibrary().getFunctionCount() + " | " + inlinedDiff + " | " + loweredDiff + " |" + (flat ? " same bytes |" : " |"));
  }

  private static boolean namedByControlFlow(GraphDef g, String function) {
    List<FunctionDef> lib = g.getLibrary().getFunctionList();
    Stream<NodeDef> all = Stream.concat(g.getNodeList().stream(), lib.stream().flatMap(f -> f.getNodeDefList().stream()));
    return all.filter(n -> CONTROL_FLOW.contains(n.getOp())).flatMap(n -> n.getAttrMap().values().stream())
        .anyMatch(v -> names(v, function));
  }

  private static boolean calledInBodies(GraphDef g, String function) {
    return g.getLibrary().getFunctionList().stream().flatMap(f -> f.getNodeDefList().stream())
        .anyMatch(n -> n.getOp().equals(function) || n.getAttrMap().values().stream().anyMatch(v -> names(v, function)));
  }

  private static boolean names(AttrValue v, String function) {
    return (v.hasFunc() && v.getFunc().getName().equals(function))
        || v.getList().getFuncList().stream().anyMatch(f -> f.getName().equals(function));
  }

  private static Path freeze(FreezeVerifyTest.Case k, Path out, UnaryOperator<FreezeOptions.Builder> flat) throws IOException {
    FreezeOptions.Builder b = FreezeOptions.builder(k.input()).output(out);
    if (!k.outputs().isEmpty()) {
      b.outputs(k.outputs());
    } else {
      b.signature(k.signature());
    }
    FreezeReport r = Freezer.freeze(flat.apply(b).build());
    assertFalse(r.outputs().isEmpty());
    return out;
  }

  /** Runs the frozen file and the original natively; returns the largest absolute difference. */
  private static double verify(FreezeVerifyTest.Case k, Path frozen) throws IOException {
    List<String> fetches = new ArrayList<>(k.outputs());
    NativeVerifier.Options.Builder v = NativeVerifier.Options.builder(frozen, k.input()).feeds(k.feeds()).seed(7);
    if (fetches.isEmpty()) {
      // a signature's outputs: the names the plain freeze reports
      FreezeOptions.Builder b = FreezeOptions.builder(k.input()).signature(k.signature());
      fetches.addAll(Freezer.freezeToGraph(b.build()).report().outputs());
    }
    v.fetches(fetches);
    ModelLocation loc = ModelLocator.locate(k.input());
    if (loc.kind() == ModelLocation.Kind.CHECKPOINT) {
      v.metaGraph(loc.graphFile()).checkpoint(loc.checkpoint().toString());
    }
    NativeVerifier.Result r = NativeVerifier.verify(v.build());
    assertTrue(r.match(), () -> k.name() + " (" + frozen.getFileName() + "): " + r.outputs());
    assertEquals(fetches.size(), r.outputs().size());
    return r.outputs().stream().mapToDouble(NativeVerifier.Output::maxAbsDiff).max().orElse(0);
  }

  @AfterAll
  static void writeTable() throws IOException {
    if (TABLE.isEmpty()) {
      return;
    }
    List<String> lines = new ArrayList<>();
    lines.add("| model | nodes frozen | nodes inlined | nodes lowered | functions frozen | functions inlined | functions lowered"
        + " | max abs diff inlined | max abs diff lowered | |");
    lines.add("|---|---|---|---|---|---|---|---|---|---|");
    lines.addAll(TABLE);
    Path out = Path.of("target", "flat-graphs.md");
    Files.createDirectories(out.getParent());
    Files.write(out, lines);
  }
}
