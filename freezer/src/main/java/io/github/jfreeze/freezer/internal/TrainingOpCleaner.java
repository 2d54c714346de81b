package io.github.jfreeze.freezer.internal;

import io.github.jfreeze.codec.graph.OpVocabulary;
import io.github.jfreeze.freezer.FreezeException;
import io.github.jfreeze.freezer.FreezeReport.Change;
import io.github.jfreeze.proto.AttrValue;
import io.github.jfreeze.proto.DataType;
import io.github.jfreeze.proto.FunctionDef;
import io.github.jfreeze.proto.NodeDef;
import io.github.jfreeze.proto.TensorProto;
import io.github.jfreeze.proto.TensorShapeProto;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
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
 *
 * The library functions the outputs reach are cleaned the same way ({@link #cleanFunctions}): a
 * TF2 {@code train} function's optimizer update and step counter, which wait on nothing but the
 * returned values' control inputs, are removed.
 */
public final class TrainingOpCleaner {
  /** The assigns rewritten into an op of their two data inputs when the outputs use their result. */
  private static final Set<String> TWO_INPUT_ASSIGNS = OpVocabulary.REF_ASSIGNS;

  private static final Map<String, String> REF_OPS = Map.of("RefSwitch", "Switch", "RefMerge", "Merge",
      "RefEnter", "Enter", "RefExit", "Exit", "RefIdentity", "Identity", "RefNextIteration", "NextIteration",
      "RefSelect", "Select");

  private TrainingOpCleaner() {}

  /**
   * Cleans the part of {@code nodes} that {@code roots} reach, in place (edits committed).
   *
   * @param nodes the main graph
   * @param roots outputs and initializer nodes (node names)
   */
  public static void clean(NodeTable nodes, Collection<String> roots, List<Change> removed, List<Change> rewritten)
      throws FreezeException {
    int[] reachable = SubgraphExtractor.reachable(nodes, roots);
    BitSet among = new BitSet(nodes.size());
    int[] rank = new int[nodes.size()];
    for (int r = 0; r < reachable.length; r++) {
      among.set(reachable[r]);
      rank[reachable[r]] = r;
    }
    NodeTable.Consumers consumers = nodes.consumers(among);
    Set<Integer> dropControlTo = new LinkedHashSet<>();
    for (int i : reachable) {
      String op = nodes.op(i);
      if (REF_OPS.containsKey(op)) {
        NodeDef.Builder n = nodes.edit(i);
        n.setOp(REF_OPS.get(op));
        rewritten.add(new Change(nodes.name(i), op, "became " + n.getOp() + " (reads the frozen value instead of a variable reference)"));
        continue;
      }
      if (!OpVocabulary.changesState(op)) {
        continue; // (most nodes: their names are not made)
      }
      String name = nodes.name(i);
      List<String> dataConsumers = consumerNames(nodes, consumers, rank, i, false);
      boolean usedAsData = !dataConsumers.isEmpty() || roots.contains(name);
      if (!usedAsData) {
        dropControlTo.add(i);
        continue;
      }
      NodeDef.Builder n = nodes.edit(i);
      List<String> data = n.getInputList().stream().filter(in -> !in.startsWith("^")).toList();
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
          List<String> controls = n.getInputList().stream().filter(in -> in.startsWith("^")).toList();
          n.clear().setName(name).setOp("Const").addAllInput(controls)
              .putAttr("dtype", AttrValue.newBuilder().setType(DataType.DT_BOOL).build())
              .putAttr("value", AttrValue.newBuilder().setTensor(TensorProto.newBuilder().setDtype(DataType.DT_BOOL)
                  .setTensorShape(TensorShapeProto.getDefaultInstance()).addBoolVal(true)).build());
          rewritten.add(new Change(name, op, "became Const true (frozen values are always initialized)"));
        }
        default -> throw new FreezeException(FreezeException.Reason.UNSUPPORTED, null, "the outputs use the result of "
            + op + " node '" + name + "' (consumed by " + String.join(", ", dataConsumers.isEmpty() ? List.of(name) : dataConsumers)
            + "), a training op that changes variables; freeze outputs that do not depend on it");
      }
    }
    for (int target : dropControlTo) {
      String targetName = nodes.name(target);
      List<String> from = consumerNames(nodes, consumers, rank, target, true);
      for (String consumer : from) {
        NodeDef.Builder c = nodes.edit(nodes.index(consumer));
        List<String> kept = new ArrayList<>();
        for (String in : c.getInputList()) {
          if (!in.equals("^" + targetName)) {
            kept.add(in);
          }
        }
        c.clearInput().addAllInput(kept);
      }
      removed.add(new Change(targetName, nodes.op(target), from.isEmpty()
          ? "changes state and nothing the outputs need uses it"
          : "changes state; was a control dependency of " + String.join(", ", from)));
    }
    nodes.commit();
  }

  /**
   * Cleans, as {@link #clean} cleans the main graph, every library function the subgraph {@code sub}
   * calls, directly or through other functions: a state-changing op whose result nothing in the
   * body uses (nor returns) is removed with the control edges and {@code control_ret} entries that
   * wait on it; an initialization check whose result is used becomes a {@code true} constant; any
   * other state change whose result is used is refused. Cleaned functions replace theirs in {@code
   * functions}; each removal is reported with its function.
   *
   * @throws FreezeException naming the function and the op whose result the outputs use
   */
  static void cleanFunctions(NodeTable nodes, BitSet sub, Map<String, FunctionDef> functions, List<Change> removed,
      List<Change> rewritten) throws FreezeException {
    ArrayDeque<String> todo = new ArrayDeque<>();
    for (int i = sub.nextSetBit(0); i >= 0; i = sub.nextSetBit(i + 1)) {
      if (nodes.hasFunctionAttr(i) || functions.containsKey(nodes.op(i))) {
        NodeDef n = nodes.node(i);
        todo.addAll(FunctionLibrary.functionRefs(n)); // every function-valued attribute, as the library keeps them
        todo.add(n.getOp());
      }
    }
    Set<String> seen = new LinkedHashSet<>();
    while (!todo.isEmpty()) {
      String name = todo.poll();
      FunctionDef f = functions.get(name);
      if (f == null || !seen.add(name)) {
        continue;
      }
      for (NodeDef n : f.getNodeDefList()) {
        todo.addAll(FunctionLibrary.functionRefs(n));
        todo.add(n.getOp());
      }
      FunctionDef cleaned = cleanFunction(f, removed, rewritten);
      if (cleaned != f) {
        functions.put(name, cleaned);
      }
    }
  }

  private static FunctionDef cleanFunction(FunctionDef f, List<Change> removed, List<Change> rewritten)
      throws FreezeException {
    String fn = f.getSignature().getName();
    FunctionDef.Builder b = null;
    for (NodeDef n : f.getNodeDefList()) {
      if (!OpVocabulary.changesState(n.getOp())) {
        continue;
      }
      FunctionDef current = b == null ? f : b.build();
      List<String> data = new ArrayList<>();
      List<String> control = new ArrayList<>();
      for (NodeDef c : current.getNodeDefList()) {
        for (String in : c.getInputList()) {
          if (in.equals("^" + n.getName())) {
            control.add(c.getName());
          } else if (!in.startsWith("^") && bodyNode(in).equals(n.getName())) {
            data.add(c.getName());
          }
        }
      }
      current.getRetMap().forEach((k, v) -> {
        if (bodyNode(v).equals(n.getName())) {
          data.add("return value " + k);
        }
      });
      if (b == null) {
        b = f.toBuilder();
      }
      String where = "in function " + fn + ": ";
      if (data.isEmpty()) {
        removeFromBody(b, n.getName());
        removed.add(new Change(n.getName(), n.getOp(), where + (control.isEmpty()
            ? "changes state and nothing the outputs need uses it"
            : "changes state; was a control dependency of " + String.join(", ", control))));
      } else if (OpVocabulary.INITIALIZATION_CHECKS.contains(n.getOp())) {
        for (NodeDef.Builder c : b.getNodeDefBuilderList()) {
          if (c.getName().equals(n.getName())) {
            List<String> controls = c.getInputList().stream().filter(in -> in.startsWith("^")).toList();
            c.clear().setName(n.getName()).setOp("Const").addAllInput(controls)
                .putAttr("dtype", AttrValue.newBuilder().setType(DataType.DT_BOOL).build())
                .putAttr("value", AttrValue.newBuilder().setTensor(TensorProto.newBuilder().setDtype(DataType.DT_BOOL)
                    .setTensorShape(TensorShapeProto.getDefaultInstance()).addBoolVal(true)).build());
          }
        }
        renameOutput(b, n.getName(), "is_initialized", "output");
        rewritten.add(new Change(n.getName(), n.getOp(), where + "became Const true (frozen values are always initialized)"));
      } else {
        throw new FreezeException(FreezeException.Reason.UNSUPPORTED, null, "in function " + fn + ", the outputs use the "
            + "result of " + n.getOp() + " node '" + n.getName() + "' (consumed by " + String.join(", ", data)
            + "), a training op that changes variables; freeze outputs that do not depend on it");
      }
    }
    return b == null ? f : b.build();
  }

  /** The body node an input or return value names: {@code node:out:0} and {@code node} name {@code node}. */
  private static String bodyNode(String input) {
    String s = input.startsWith("^") ? input.substring(1) : input;
    int colon = s.indexOf(':');
    return colon < 0 ? s : s.substring(0, colon);
  }

  private static void removeFromBody(FunctionDef.Builder b, String name) {
    for (int k = b.getNodeDefCount() - 1; k >= 0; k--) {
      if (b.getNodeDef(k).getName().equals(name)) {
        b.removeNodeDef(k);
      }
    }
    for (NodeDef.Builder c : b.getNodeDefBuilderList()) {
      List<String> kept = c.getInputList().stream().filter(in -> !in.equals("^" + name)).toList();
      if (kept.size() != c.getInputCount()) {
        c.clearInput().addAllInput(kept);
      }
    }
    List<String> controlRets = b.getControlRetMap().entrySet().stream().filter(e -> e.getValue().equals(name))
        .map(Map.Entry::getKey).toList();
    for (String k : controlRets) {
      b.removeControlRet(k);
      List<String> outputs = b.getSignature().getControlOutputList().stream().filter(o -> !o.equals(k)).toList();
      b.getSignatureBuilder().clearControlOutput().addAllControlOutput(outputs);
    }
  }

  /** Points the body's readers of {@code node:from:i} at {@code node:to:i} (an op rewritten to one with another output name). */
  private static void renameOutput(FunctionDef.Builder b, String node, String from, String to) {
    String old = node + ":" + from + ":";
    for (NodeDef.Builder c : b.getNodeDefBuilderList()) {
      for (int k = 0; k < c.getInputCount(); k++) {
        if (c.getInput(k).startsWith(old)) {
          c.setInput(k, node + ":" + to + ":" + c.getInput(k).substring(old.length()));
        }
      }
    }
    for (Map.Entry<String, String> e : Map.copyOf(b.getRetMap()).entrySet()) {
      if (e.getValue().startsWith(old)) {
        b.putRet(e.getKey(), node + ":" + to + ":" + e.getValue().substring(old.length()));
      }
    }
  }

  /** The reachable nodes reading node {@code p} through data (or control) inputs, in the order reached, once per input. */
  private static List<String> consumerNames(NodeTable nodes, NodeTable.Consumers consumers, int[] rank, int p, boolean control) {
    List<Integer> found = new ArrayList<>();
    for (int j = 0; j < consumers.count(p); j++) {
      int c = consumers.consumer(p, j);
      if (nodes.isControl(c, consumers.position(p, j)) == control) {
        found.add(c);
      }
    }
    // stable: the inputs of one consumer stay in their order
    found.sort((a, b) -> Integer.compare(rank[a], rank[b]));
    List<String> out = new ArrayList<>(found.size());
    found.forEach(c -> out.add(nodes.name(c)));
    return out;
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
  static void checkNothingModifies(NodeTable nodes, BitSet sub, List<String> converted) throws FreezeException {
    Set<String> vars = Set.copyOf(converted);
    for (int i = sub.nextSetBit(0); i >= 0; i = sub.nextSetBit(i + 1)) {
      if (!OpVocabulary.changesState(nodes.op(i))) {
        continue;
      }
      for (int k = 0; k < nodes.inputCount(i); k++) {
        int p = nodes.producer(i, k);
        if (!nodes.isControl(i, k) && p >= 0 && vars.contains(nodes.name(p))) {
          throw new FreezeException(FreezeException.Reason.UNSUPPORTED, null, "node '" + nodes.name(i) + "' (" + nodes.op(i)
              + ") would modify frozen variable '" + nodes.name(p) + "'; exclude that variable or freeze other outputs");
        }
      }
    }
  }

}
