package io.github.jfreeze.freezer.internal;

import io.github.jfreeze.proto.AttrValue;
import io.github.jfreeze.proto.FunctionDef;
import io.github.jfreeze.proto.GraphDef;
import io.github.jfreeze.proto.NodeDef;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Freezing stage 6, the output graph: the converted subgraph in its original node order with the
 * nodes the conversion added before their users, calls renamed to the converted functions, devices
 * cleared when asked, colocation constraints on removed nodes dropped, the reachable {@link
 * FunctionLibrary} and the input's {@code versions}.
 */
final class GraphAssembler {
  private GraphAssembler() {}

  /**
   * An assembled graph.
   *
   * @param graph the frozen graph
   * @param functions the library functions it keeps
   */
  record Assembled(GraphDef graph, List<String> functions) {}

  /**
   * Assembles the frozen graph.
   *
   * @param input the graph being frozen (for its library's gradients and its versions)
   * @param sub the converted subgraph, in original order
   * @param functions the original library, by name
   * @param converter the conversion that was run on {@code sub}
   * @param clearDevices whether device placements are cleared
   * @return the graph and its kept functions
   */
  static Assembled assemble(GraphDef input, Map<String, NodeDef.Builder> sub, Map<String, FunctionDef> functions,
      ConstantConverter converter, boolean clearDevices) {
    List<NodeDef.Builder> ordered = new ArrayList<>();
    Map<String, List<NodeDef.Builder>> before = new HashMap<>();
    for (NodeDef.Builder added : converter.addedMainNodes()) {
      before.computeIfAbsent(converter.insertBefore().get(added.getName()), k -> new ArrayList<>()).add(added);
    }
    for (NodeDef.Builder n : sub.values()) {
      ordered.addAll(before.getOrDefault(n.getName(), List.of()));
      ordered.add(n);
    }
    Map<String, String> renames = converter.renamedFunctions();
    Map<String, FunctionDef> library = new LinkedHashMap<>();
    for (FunctionDef f : functions.values()) {
      library.put(f.getSignature().getName(), f);
    }
    library.putAll(converter.convertedFunctions());
    Set<String> names = new LinkedHashSet<>();
    ordered.forEach(n -> names.add(n.getName()));
    GraphDef.Builder out = GraphDef.newBuilder();
    for (NodeDef.Builder n : ordered) {
      ConstantConverter.renameCalls(n, renames);
      if (clearDevices) {
        n.clearDevice();
      }
      fixColocation(n, names);
      out.addNode(n);
    }
    FunctionLibrary lib = FunctionLibrary.of(out.getNodeList(), library, renames, input.getLibrary().getGradientList(), clearDevices);
    if (lib.library() != null) {
      out.setLibrary(lib.library());
    }
    if (input.hasVersions()) {
      out.setVersions(input.getVersions());
    }
    copyLegacyVersion(input, out);
    return new Assembled(out.build(), lib.names());
  }

  /** The GraphDef's deprecated {@code version} field, kept as TF's converter keeps it. */
  @SuppressWarnings("deprecation")
  private static void copyLegacyVersion(GraphDef input, GraphDef.Builder out) {
    if (input.getVersion() != 0) {
      out.setVersion(input.getVersion());
    }
  }

  /** Drops colocation constraints on nodes that are no longer in the graph. */
  private static void fixColocation(NodeDef.Builder n, Set<String> names) {
    AttrValue klass = n.getAttrOrDefault("_class", null);
    if (klass == null) {
      return;
    }
    AttrValue.ListValue.Builder list = AttrValue.ListValue.newBuilder();
    for (var s : klass.getList().getSList()) {
      String v = s.toString(StandardCharsets.UTF_8);
      if (!v.startsWith("loc:@") || names.contains(v.substring(5))) {
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
