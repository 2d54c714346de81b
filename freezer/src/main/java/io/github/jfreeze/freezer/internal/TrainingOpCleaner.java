package io.github.jfreeze.freezer.internal;

import io.github.jfreeze.codec.graph.OpVocabulary;
import io.github.jfreeze.freezer.FreezeException;
import io.github.jfreeze.freezer.FreezeReport.Change;
import io.github.jfreeze.proto.AttrValue;
import io.github.jfreeze.proto.DataType;
import io.github.jfreeze.proto.NodeDef;
import io.github.jfreeze.proto.TensorProto;
import io.github.jfreeze.proto.TensorShapeProto;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Removes or rewrites training-only ops that the outputs reach, which make TensorFlow's own
 * freezing produce graphs that fail to load ("Input 0 of node X was passed float from Y:0
 * incompatible with expected float_ref"): variable assignments and optimizer updates hung on the
 * outputs as control dependencies (batch-norm moving averages), {@code Ref*} control-flow ops, and
 * initialization checks. Every change is reported.
 *
 * <ul>
 *   <li>A state-changing op reached only through control edges: the control edges are dropped
 *       (so the op falls out of the subgraph).
 *   <li>One whose output is used: {@code Assign} becomes {@code Identity} of the assigned value,
 *       {@code AssignAdd}/{@code AssignSub} become {@code Add}/{@code Sub} (the value the
 *       variable would have taken), {@code IsVariableInitialized}/{@code VarIsInitializedOp}
 *       become a {@code true} constant; optimizer updates feeding an output are refused.
 *   <li>{@code RefSwitch}, {@code RefMerge}, {@code RefEnter}, {@code RefExit}, {@code
 *       RefIdentity}, {@code RefNextIteration}, {@code RefSelect} become their value versions.
 * </ul>
 */
public final class TrainingOpCleaner {
  /** The assigns rewritten into an op of their two data inputs when the outputs use their result. */
  private static final Set<String> TWO_INPUT_ASSIGNS = OpVocabulary.REF_ASSIGNS;

  private static final Set<String> ASSIGNS = OpVocabulary.STATE_CHANGES;
  private static final Map<String, String> REF_OPS = Map.of("RefSwitch", "Switch", "RefMerge", "Merge",
      "RefEnter", "Enter", "RefExit", "Exit", "RefIdentity", "Identity", "RefNextIteration", "NextIteration",
      "RefSelect", "Select");

  private TrainingOpCleaner() {}

  /** Whether an op changes state (variables, files) rather than computing a value. */
  public static boolean changesState(String op) {
    return ASSIGNS.contains(op) || op.startsWith("Apply") || op.startsWith("ResourceApply")
        || op.startsWith("SparseApply") || op.startsWith("ResourceSparseApply")
        || (op.startsWith("Scatter") && !op.equals("ScatterNd")) || op.startsWith("ResourceScatter");
  }

  /**
   * Cleans the part of {@code nodes} that {@code roots} reach, in place.
   *
   * @param nodes the main graph, by name, in order
   * @param roots outputs and initializer nodes (node names)
   */
  public static void clean(Map<String, NodeDef.Builder> nodes, Collection<String> roots, List<Change> removed,
      List<Change> rewritten) throws FreezeException {
    Set<String> reachable = SubgraphExtractor.reachable(nodes, roots);
    Map<String, List<String>> dataConsumers = new HashMap<>();
    Map<String, List<String>> controlConsumers = new HashMap<>();
    for (String name : reachable) {
      NodeDef.Builder n = nodes.get(name);
      for (String in : n.getInputList()) {
        TensorRef ref = TensorRef.parse(in);
        (ref.control() ? controlConsumers : dataConsumers).computeIfAbsent(ref.node(), k -> new ArrayList<>()).add(name);
      }
    }
    Set<String> dropControlTo = new LinkedHashSet<>();
    for (String name : reachable) {
      NodeDef.Builder n = nodes.get(name);
      String op = n.getOp();
      if (REF_OPS.containsKey(op)) {
        n.setOp(REF_OPS.get(op));
        rewritten.add(new Change(name, op, "became " + n.getOp() + " (reads the frozen value instead of a variable reference)"));
        continue;
      }
      if (!changesState(op)) {
        continue;
      }
      boolean usedAsData = dataConsumers.containsKey(name) || roots.contains(name);
      if (!usedAsData) {
        dropControlTo.add(name);
        continue;
      }
      List<String> data = n.getInputList().stream().filter(i -> !i.startsWith("^")).toList();
      if (TWO_INPUT_ASSIGNS.contains(op) && data.size() != 2) {
        throw new GraphProblem(op + " node '" + name + "' has " + data.size() + " data input(s); its op takes 2");
      }
      switch (op) {
        case "Assign" -> {
          rewriteAs(n, "Identity", List.of(data.get(1)), "T");
          rewritten.add(new Change(name, op, "became Identity of the assigned value (the variable is frozen)"));
        }
        case "AssignAdd", "AssignSub" -> {
          String to = op.equals("AssignAdd") ? "Add" : "Sub";
          rewriteAs(n, to, data, "T");
          rewritten.add(new Change(name, op, "became " + to + " (the value the variable would take; it is frozen)"));
        }
        case "IsVariableInitialized", "VarIsInitializedOp" -> {
          List<String> controls = n.getInputList().stream().filter(i -> i.startsWith("^")).toList();
          n.clear().setName(name).setOp("Const").addAllInput(controls)
              .putAttr("dtype", AttrValue.newBuilder().setType(DataType.DT_BOOL).build())
              .putAttr("value", AttrValue.newBuilder().setTensor(TensorProto.newBuilder().setDtype(DataType.DT_BOOL)
                  .setTensorShape(TensorShapeProto.getDefaultInstance()).addBoolVal(true)).build());
          rewritten.add(new Change(name, op, "became Const true (frozen values are always initialized)"));
        }
        default -> throw new FreezeException(FreezeException.Reason.UNSUPPORTED, null, "the outputs use the result of "
            + op + " node '" + name + "' (consumed by " + String.join(", ", dataConsumers.getOrDefault(name, List.of(name)))
            + "), a training op that changes variables; freeze outputs that do not depend on it");
      }
    }
    for (String target : dropControlTo) {
      List<String> from = controlConsumers.getOrDefault(target, List.of());
      for (String consumer : from) {
        NodeDef.Builder c = nodes.get(consumer);
        List<String> kept = new ArrayList<>();
        for (String in : c.getInputList()) {
          if (!in.equals("^" + target)) {
            kept.add(in);
          }
        }
        c.clearInput().addAllInput(kept);
      }
      removed.add(new Change(target, nodes.get(target).getOp(), from.isEmpty()
          ? "changes state and nothing the outputs need uses it"
          : "changes state; was a control dependency of " + String.join(", ", from)));
    }
  }

  private static void rewriteAs(NodeDef.Builder n, String op, List<String> dataInputs, String typeAttr) {
    String name = n.getName();
    List<String> controls = n.getInputList().stream().filter(i -> i.startsWith("^")).toList();
    AttrValue t = n.getAttrOrDefault(typeAttr, null);
    AttrValue klass = n.getAttrOrDefault("_class", null);
    String device = n.getDevice();
    n.clear().setName(name).setOp(op).addAllInput(dataInputs).addAllInput(controls).setDevice(device);
    if (t != null) {
      n.putAttr("T", t);
    }
    if (klass != null) {
      n.putAttr("_class", klass);
    }
  }

  /**
   * A converted variable must not still feed an op that needs a reference or a resource (what
   * {@link #clean} leaves when the outputs need it).
   *
   * @throws FreezeException naming the op that would modify a frozen variable
   */
  static void checkNothingModifies(Map<String, NodeDef.Builder> sub, List<String> converted) throws FreezeException {
    Set<String> vars = Set.copyOf(converted);
    for (NodeDef.Builder n : sub.values()) {
      if (!TrainingOpCleaner.changesState(n.getOp())) {
        continue;
      }
      for (String in : n.getInputList()) {
        TensorRef ref = TensorRef.parse(in);
        if (!ref.control() && vars.contains(ref.node())) {
          throw new FreezeException(FreezeException.Reason.UNSUPPORTED, null, "node '" + n.getName() + "' (" + n.getOp()
              + ") would modify frozen variable '" + ref.node() + "'; exclude that variable or freeze other outputs");
        }
      }
    }
  }
}
