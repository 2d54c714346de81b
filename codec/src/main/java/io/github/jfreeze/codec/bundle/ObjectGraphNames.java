package io.github.jfreeze.codec.bundle;

import io.github.jfreeze.proto.TrackableObjectGraph;
import io.github.jfreeze.proto.TrackableObjectGraph.TrackableObject;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Friendly names for the keys of TF2 object-based checkpoints, from the
 * {@code _CHECKPOINTABLE_OBJECT_GRAPH} tensor (trackable_object_graph.proto).
 *
 * <p>A variable's {@code SerializedTensor.full_name} is its TF1-style name ({@code dense/kernel});
 * where it is empty (slot variables, plain attributes), the object path from the root is used
 * with the attribute name, e.g. {@code dense/kernel/.OPTIMIZER_SLOT/optimizer/m}.
 *
 * <p>Paths repeat their parents' names, so a deep chain of objects would make names of a total
 * length quadratic in the graph's size. Names are a convenience: once the names built add up to
 * {@link #budget} characters, the remaining keys get none (they are shown as they are).
 */
public final class ObjectGraphNames {
  private ObjectGraphNames() {}

  /** Characters of names built from a graph: 16 per byte of the graph, and 64 Ki more. */
  static long budget(TrackableObjectGraph graph) {
    return 16L * graph.getSerializedSize() + 65_536;
  }

  /**
   * Maps each attribute's checkpoint key to a friendly name.
   *
   * @param graph the object graph read from the {@code _CHECKPOINTABLE_OBJECT_GRAPH} tensor
   * @return checkpoint key to friendly name; keys left out once the name budget is spent
   */
  public static Map<String, String> fromCheckpointGraph(TrackableObjectGraph graph) {
    Map<String, String> names = new HashMap<>();
    long[] left = {budget(graph)};
    Map<Integer, String> paths = paths(graph, left);
    for (int id = 0; id < graph.getNodesCount(); id++) {
      TrackableObject node = graph.getNodes(id);
      for (var attr : node.getAttributesList()) {
        String name = attr.getFullName();
        if (name.isEmpty()) {
          String path = paths.get(id);
          if (path == null) {
            continue;
          }
          if (!"VARIABLE_VALUE".equals(attr.getName())) {
            if ((left[0] -= path.length() + 1 + attr.getName().length()) < 0) {
              return names;
            }
            name = path + (path.isEmpty() ? "" : "/") + attr.getName();
          } else {
            name = path;
          }
        }
        if (!name.isEmpty()) {
          names.putIfAbsent(attr.getCheckpointKey(), name);
        }
      }
      for (var slot : node.getSlotVariablesList()) {
        String original = variableName(graph, slot.getOriginalVariableNodeId(), paths);
        if (original != null && slot.getSlotVariableNodeId() >= 0 && slot.getSlotVariableNodeId() < graph.getNodesCount()) {
          for (var attr : graph.getNodes(slot.getSlotVariableNodeId()).getAttributesList()) {
            if (attr.getFullName().isEmpty() && "VARIABLE_VALUE".equals(attr.getName())) {
              if ((left[0] -= original.length() + 1 + slot.getSlotName().length()) < 0) {
                return names;
              }
              names.put(attr.getCheckpointKey(), original + "/" + slot.getSlotName());
            }
          }
        }
      }
    }
    return names;
  }

  /** A variable node's full name, or its object path when the graph records none. */
  private static String variableName(TrackableObjectGraph graph, int id, Map<Integer, String> paths) {
    if (id < 0 || id >= graph.getNodesCount()) {
      return null;
    }
    for (var attr : graph.getNodes(id).getAttributesList()) {
      if ("VARIABLE_VALUE".equals(attr.getName()) && !attr.getFullName().isEmpty()) {
        return attr.getFullName();
      }
    }
    return paths.get(id);
  }

  /** Breadth-first object paths ({@code model/dense}) from the root, node 0. */
  static Map<Integer, String> paths(TrackableObjectGraph graph) {
    return paths(graph, new long[] {budget(graph)});
  }

  /** As {@link #paths(TrackableObjectGraph)}, stopping when the paths built use up {@code left[0]} characters. */
  private static Map<Integer, String> paths(TrackableObjectGraph graph, long[] left) {
    Map<Integer, String> paths = new HashMap<>();
    if (graph.getNodesCount() == 0) {
      return paths;
    }
    ArrayDeque<Integer> todo = new ArrayDeque<>();
    paths.put(0, "");
    todo.add(0);
    while (!todo.isEmpty()) {
      int id = todo.poll();
      for (var child : graph.getNodes(id).getChildrenList()) {
        int c = child.getNodeId();
        if (c >= 0 && c < graph.getNodesCount() && !paths.containsKey(c)) {
          String parent = paths.get(id);
          if ((left[0] -= parent.length() + 1 + child.getLocalName().length()) < 0) {
            return paths;
          }
          paths.put(c, parent.isEmpty() ? child.getLocalName() : parent + "/" + child.getLocalName());
          todo.add(c);
        }
      }
    }
    return paths;
  }
}
