package io.github.jfreeze.freezer.internal;

import io.github.jfreeze.proto.AttrValue;
import io.github.jfreeze.proto.FunctionDef;
import io.github.jfreeze.proto.GraphDef;
import io.github.jfreeze.proto.NodeDef;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.function.Predicate;
import java.util.function.IntPredicate;
import java.util.function.UnaryOperator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Freezing stage 6, the output graph: the converted subgraph in its original node order with the
 * nodes the conversion added before their users, calls renamed to the converted functions, devices
 * cleared when asked, colocation constraints on removed nodes dropped, the reachable {@link
 * FunctionLibrary} and the input's {@code versions}.
 */
final class GraphAssembler {
  private GraphAssembler() {}

  /**
   * An assembled graph: which nodes, in which order, and how each is finished when written.
   *
   * @param nodes the main graph the nodes are numbered in
   * @param order the frozen graph's nodes, by number, in order
   * @param tail the frozen graph's other fields (library, versions)
   * @param functions the library functions it keeps
   * @param finish what each node gets on its way out: calls renamed, devices cleared, colocation
   *     on removed nodes dropped
   * @param untouched the nodes {@code finish} is known to leave as they are, from NodeTable's facts
   *     alone (null: none is known)
   */
  record Assembled(NodeTable nodes, int[] order, GraphDef tail, List<String> functions, UnaryOperator<NodeDef> finish,
      IntPredicate untouched) {}

  /**
   * Assembles the frozen graph.
   *
   * @param input the graph being frozen, without its nodes (for its library's gradients and its versions)
   * @param nodes the converted main graph
   * @param sub the converted subgraph
   * @param functions the original library, by name
   * @param converter the conversion that was run on {@code sub}
   * @param clearDevices whether device placements are cleared
   * @return the graph and its kept functions
   */
  static Assembled assemble(GraphDef input, NodeTable nodes, BitSet sub, Map<String, FunctionDef> functions,
      ConstantConverter converter, boolean clearDevices) {
    Map<String, List<Integer>> before = new HashMap<>();
    for (int added : converter.addedMainNodes()) {
      before.computeIfAbsent(converter.insertBefore().get(nodes.name(added)), k -> new ArrayList<>()).add(added);
    }
    int[] order = new int[sub.cardinality() + converter.addedMainNodes().size()];
    int count = 0;
    BitSet written = new BitSet(nodes.size());
    for (int i = sub.nextSetBit(0); i >= 0; i = sub.nextSetBit(i + 1)) {
      for (int added : before.isEmpty() ? List.<Integer>of() : before.getOrDefault(nodes.name(i), List.of())) {
        order[count++] = added;
        written.set(added);
      }
      order[count++] = i;
      written.set(i);
    }
    order = Arrays.copyOf(order, count);
    Map<String, String> renames = converter.renamedFunctions();
    Map<String, FunctionDef> library = new LinkedHashMap<>();
    for (FunctionDef f : functions.values()) {
      library.put(f.getSignature().getName(), f);
    }
    library.putAll(converter.convertedFunctions());
    List<NodeDef> calling = new ArrayList<>();
    for (int i : order) {
      if (nodes.hasFunctionAttr(i) || library.containsKey(nodes.op(i))) {
        calling.add(nodes.node(i));
      }
    }
    GraphDef.Builder out = GraphDef.newBuilder();
    FunctionLibrary lib = FunctionLibrary.of(calling, library, renames, input.getLibrary().getGradientList(), clearDevices);
    if (lib.library() != null) {
      out.setLibrary(lib.library());
    }
    if (input.hasVersions()) {
      out.setVersions(input.getVersions());
    }
    copyLegacyVersion(input, out);
    UnaryOperator<NodeDef> finish = n -> {
      boolean colocated = n.containsAttr("_class");
      boolean calls = !renames.isEmpty() && n.getAttrMap().values().stream()
          .anyMatch(v -> v.hasFunc() || (v.hasList() && v.getList().getFuncCount() > 0));
      if (!colocated && !calls && !(clearDevices && !n.getDevice().isEmpty())) {
        return n;
      }
      NodeDef.Builder b = n.toBuilder();
      ConstantConverter.renameCalls(b, renames);
      if (clearDevices) {
        b.clearDevice();
      }
      fixColocation(b, name -> {
        int i = nodes.index(name);
        return i >= 0 && written.get(i);
      });
      return b.build();
    };
    // what finish leaves alone: no colocation to drop, no call to rename, no device to clear
    IntPredicate untouched = i -> (renames.isEmpty() || !nodes.hasFunctionAttr(i)) && !(clearDevices && nodes.hasDevice(i))
        && colocatedWithWritten(nodes, i, written);
    return new Assembled(nodes, order, out.build(), lib.names(), finish, untouched);
  }

  /** Whether every colocation entry of node {@code i} names a written node (none is dropped; an empty list is). */
  private static boolean colocatedWithWritten(NodeTable nodes, int i, BitSet written) {
    if (!nodes.colocated(i)) {
      return true;
    }
    List<String> with = nodes.colocatedWith(i);
    if (with.isEmpty()) {
      return false; // an empty _class is removed
    }
    for (String name : with) {
      int j = nodes.index(name);
      if (j < 0 || !written.get(j)) {
        return false;
      }
    }
    return true;
  }

  /** The GraphDef's deprecated {@code version} field, kept as TF's converter keeps it. */
  @SuppressWarnings("deprecation")
  private static void copyLegacyVersion(GraphDef input, GraphDef.Builder out) {
    if (input.getVersion() != 0) {
      out.setVersion(input.getVersion());
    }
  }

  /** Drops colocation constraints on nodes that are no longer in the graph. */
  static void fixColocation(NodeDef.Builder n, Predicate<String> kept) {
    AttrValue klass = n.getAttrOrDefault("_class", null);
    if (klass == null) {
      return;
    }
    AttrValue.ListValue.Builder list = AttrValue.ListValue.newBuilder();
    for (var s : klass.getList().getSList()) {
      String v = s.toString(StandardCharsets.UTF_8);
      if (!v.startsWith("loc:@") || kept.test(v.substring(5))) {
        list.addS(s);
      }
    }
    if (list.getSCount() == 0) {
      n.removeAttr("_class");
    } else if (list.getSCount() != klass.getList().getSCount()) {
      n.putAttr("_class", AttrValue.newBuilder().setList(list).build());
    }
  }
}
