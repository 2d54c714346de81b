package io.github.jfreeze.freezer.internal;

import io.github.jfreeze.proto.AttrValue;
import io.github.jfreeze.proto.NodeDef;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * TF's {@code graph_util.extract_sub_graph}: the nodes the roots reach through data inputs,
 * control inputs and {@code _class} colocation ("loc:@name", so colocated nodes are not lost),
 * kept in their original order.
 */
public final class SubgraphExtractor {
  private SubgraphExtractor() {}

  /** Names of nodes reached from {@code roots}; roots not in the graph are ignored (check first). */
  public static Set<String> reachable(Map<String, NodeDef.Builder> nodes, Collection<String> roots) {
    Set<String> keep = new LinkedHashSet<>();
    ArrayDeque<String> todo = new ArrayDeque<>(roots);
    while (!todo.isEmpty()) {
      String name = todo.poll();
      NodeDef.Builder n = nodes.get(name);
      if (n == null || !keep.add(name)) {
        continue;
      }
      for (String in : n.getInputList()) {
        todo.add(TensorRef.nodeName(in));
      }
      todo.addAll(colocatedWith(n));
    }
    return keep;
  }

  /** The node names in a node's {@code _class} colocation attribute. */
  public static List<String> colocatedWith(NodeDef.Builder n) {
    List<String> out = new ArrayList<>();
    AttrValue klass = n.getAttrOrDefault("_class", null);
    if (klass != null) {
      for (var s : klass.getList().getSList()) {
        String v = s.toString(StandardCharsets.UTF_8);
        out.add(v.startsWith("loc:@") ? v.substring(5) : v);
      }
    }
    return out;
  }

  /** The reachable subgraph, in original order (a new map; builders are shared). */
  public static Map<String, NodeDef.Builder> extract(Map<String, NodeDef.Builder> nodes, Collection<String> roots) {
    Set<String> keep = reachable(nodes, roots);
    Map<String, NodeDef.Builder> out = new LinkedHashMap<>();
    for (var e : nodes.entrySet()) {
      if (keep.contains(e.getKey())) {
        out.put(e.getKey(), e.getValue());
      }
    }
    return out;
  }
}
