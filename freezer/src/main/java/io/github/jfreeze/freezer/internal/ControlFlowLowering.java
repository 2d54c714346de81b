package io.github.jfreeze.freezer.internal;

import static io.github.jfreeze.freezer.internal.GraphFlattener.OUTPUT_SHAPES;
import static io.github.jfreeze.freezer.internal.GraphFlattener.integer;
import static io.github.jfreeze.freezer.internal.GraphFlattener.scalar;
import static io.github.jfreeze.freezer.internal.GraphFlattener.shape;
import static io.github.jfreeze.freezer.internal.GraphFlattener.type;

import io.github.jfreeze.freezer.FreezeException.Reason;
import io.github.jfreeze.freezer.internal.GraphFlattener.Inputs;
import io.github.jfreeze.proto.AttrValue;
import io.github.jfreeze.proto.DataType;
import io.github.jfreeze.proto.FunctionDef;
import io.github.jfreeze.proto.NameAttrList;
import io.github.jfreeze.proto.NodeDef;
import io.github.jfreeze.proto.TensorProto;
import io.github.jfreeze.proto.TensorShapeProto;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Functional control flow lowered to TF1 dataflow control flow, as TensorFlow's {@code
 * lower_if_op.cc}, {@code lower_case_op.cc} and {@code lower_while_op.cc} do it (names included,
 * {@code <node>/<part>/_N}):
 *
 * <ul>
 *   <li>{@code If}/{@code StatelessIf}: {@code switch_pred} = Switch(pred, pred) with the node's
 *       control inputs, pivots {@code pivot_f}/{@code pivot_t} (Identity of its outputs), a Switch
 *       per input, a call per branch depending on its pivot, a Merge per output ({@code output})
 *       and {@code branch_executed} = Merge(pivot_t, pivot_f) depending on both calls;
 *   <li>{@code Case}/{@code StatelessCase}: a conditional per branch, its predicate {@code index ==
 *       b} (the last branch's: no other's, Case's default for an index out of range), each with
 *       its Switch, pivot and Switches of the inputs, one Merge per output over all branches. TF
 *       uses its internal {@code _SwitchN} here, which runtimes reading TF1 graphs do not know;
 *       only public ops are used instead;
 *   <li>{@code While}/{@code StatelessWhile}: per loop variable Enter (frame = the node's name,
 *       its {@code parallel_iterations}), Merge(Enter, NextIteration), Switch on a LoopCond of the
 *       cond call (which depends on the first Merge), the body call reading the Switches' true
 *       outputs and depending on {@code loop_body_control}, Exit from the false outputs,
 *       NextIteration of the body's outputs; control inputs go to {@code LoopControlInputs}.
 * </ul>
 *
 * The node keeps its name as an {@code IdentityN} of its outputs (a NoOp when it has none; unlike
 * TF's, the IdentityN of an If or Case does not depend on {@code branch_executed}); the
 * branch and loop calls are marked {@link GraphFlattener#MULTI_DEVICE} and inlined next. Recorded
 * shapes: outputs take the node's {@code _output_shapes}, values inside a loop the While's {@code
 * output_shapes} (or unknown rank), the rest their inputs'.
 */
final class ControlFlowLowering {
  static final Set<String> LOWERED = Set.of("If", "StatelessIf", "Case", "StatelessCase", "While", "StatelessWhile");
  private final GraphFlattener g;

  ControlFlowLowering(GraphFlattener g) {
    this.g = g;
  }

  void lower(int i) {
    NodeDef n = g.node(i);
    if (Inputs.of(n).data().isEmpty()) {
      throw new GraphProblem(n.getName() + " (" + n.getOp() + ") has no inputs; it needs at least its "
          + (n.getOp().endsWith("While") ? "loop variables" : "condition or branch index"));
    }
    switch (n.getOp()) {
      case "If", "StatelessIf" -> lowerIf(i, n);
      case "Case", "StatelessCase" -> lowerCase(i, n);
      default -> lowerWhile(i, n);
    }
  }

  private void lowerIf(int i, NodeDef n) {
    String name = n.getName();
    Inputs in = Inputs.of(n);
    AttrValue tcond = n.getAttrMap().get("Tcond");
    if (tcond != null && tcond.getType() != DataType.DT_BOOL) {
      throw new GraphProblem(Reason.UNSUPPORTED, name + " (" + n.getOp() + ") has a condition of type " + tcond.getType()
          + "; lowering needs a bool condition, as TensorFlow's does");
    }
    NameAttrList thenF = function(n, "then_branch");
    NameAttrList elseF = function(n, "else_branch");
    List<DataType> tin = types(n, "Tin", in.data().size() - 1);
    List<DataType> tout = types(n, "Tout", -1);
    String pred = in.data().get(0);
    String thenCall = g.newName(name + "/then");
    String elseCall = g.newName(name + "/else");
    String switchPred = g.newName(name + "/switch_pred");
    TensorShapeProto predShape = g.shapeOf(pred);
    add(node(n, switchPred, "Switch").addInput(pred).addInput(pred).addAllInput(in.control()).putAttr("T", type(DataType.DT_BOOL)),
        n, predShape, predShape);
    String pivotF = g.newName(name + "/pivot_f");
    add(node(n, pivotF, "Identity").addInput(switchPred).putAttr("T", type(DataType.DT_BOOL)), n, predShape);
    String pivotT = g.newName(name + "/pivot_t");
    add(node(n, pivotT, "Identity").addInput(out(switchPred, 1)).putAttr("T", type(DataType.DT_BOOL)), n, predShape);
    NodeDef.Builder thenB = call(n, thenCall, thenF);
    NodeDef.Builder elseB = call(n, elseCall, elseF);
    for (int k = 1; k < in.data().size(); k++) {
      String src = in.data().get(k);
      String sw = g.newName(name + "/" + TensorRef.nodeName(src));
      TensorShapeProto s = g.shapeOf(src);
      add(placed(NodeDef.newBuilder().setName(sw).setOp("Switch").addInput(src).addInput(pred), g.deviceOf(src))
          .putAttr("T", type(tin.get(k - 1))), n, s, s);
      thenB.addInput(out(sw, 1));
      elseB.addInput(sw);
    }
    addCall(thenB.addInput("^" + pivotT), n, GraphFlattener.shapes(n));
    addCall(elseB.addInput("^" + pivotF), n, GraphFlattener.shapes(n));
    String[] merges = merges(n, List.of(thenCall, elseCall), tout, "/output");
    String executed = g.newName(name + "/branch_executed");
    add(node(n, executed, "Merge").addInput(pivotT).addInput(pivotF).addInput("^" + thenCall).addInput("^" + elseCall)
        .putAttr("T", type(DataType.DT_BOOL)).putAttr("N", integer(2)), n, predShape, scalar());
    replace(i, n, merges, tout, executed, executed);
  }

  /**
   * Case as N conditionals over one index: branch b runs when {@code index == b}, the last also
   * when no other does (Case's default for an index out of range). TF lowers Case with its
   * internal {@code _SwitchN}; runtimes that read TF1 graphs know {@code Switch} but not that
   * (DL4J's importer refuses it), so each branch gets its own predicate, pivot and Switches.
   */
  private void lowerCase(int i, NodeDef n) {
    String name = n.getName();
    Inputs in = Inputs.of(n);
    AttrValue branchesAttr = n.getAttrMap().get("branches");
    if (branchesAttr == null || branchesAttr.getList().getFuncCount() == 0) {
      throw new GraphProblem(name + " (" + n.getOp() + ") has no branches");
    }
    List<NameAttrList> branches = branchesAttr.getList().getFuncList();
    int count = branches.size();
    List<DataType> tin = types(n, "Tin", in.data().size() - 1);
    List<DataType> tout = types(n, "Tout", -1);
    String index = in.data().get(0);
    String inFrame = "^" + TensorRef.nodeName(index);
    List<String> calls = new ArrayList<>();
    for (int b = 0; b < count; b++) {
      calls.add(g.newName(name + "/branch" + b));
    }
    // pred_b = index == b; the last = none of the others
    List<String> preds = new ArrayList<>();
    String any = null;
    for (int b = 0; b < count - 1; b++) {
      String value = g.newName(name + "/index_" + b);
      add(node(n, value, "Const").addInput(inFrame).putAttr("dtype", type(DataType.DT_INT32))
          .putAttr("value", constant(TensorProto.newBuilder().setDtype(DataType.DT_INT32).addIntVal(b))), n, scalar());
      String pred = g.newName(name + "/pred_" + b);
      add(node(n, pred, "Equal").addInput(index).addInput(value).putAttr("T", type(DataType.DT_INT32)), n, scalar());
      preds.add(pred);
      if (any == null) {
        any = pred;
      } else {
        String or = g.newName(name + "/any_" + b);
        add(node(n, or, "LogicalOr").addInput(any).addInput(pred), n, scalar());
        any = or;
      }
    }
    String last = g.newName(name + "/pred_" + (count - 1));
    if (any == null) {
      add(node(n, last, "Const").addInput(inFrame).putAttr("dtype", type(DataType.DT_BOOL))
          .putAttr("value", constant(TensorProto.newBuilder().setDtype(DataType.DT_BOOL).addBoolVal(true))), n, scalar());
    } else {
      add(node(n, last, "LogicalNot").addInput(any), n, scalar());
    }
    preds.add(last);
    List<String> pivots = new ArrayList<>();
    for (int b = 0; b < count; b++) {
      String sp = g.newName(name + "/switch_pred_" + b);
      add(node(n, sp, "Switch").addInput(preds.get(b)).addInput(preds.get(b)).addAllInput(in.control())
          .putAttr("T", type(DataType.DT_BOOL)), n, scalar(), scalar());
      String pivot = g.newName(name + "/pivot_" + b);
      add(node(n, pivot, "Identity").addInput(out(sp, 1)).putAttr("T", type(DataType.DT_BOOL)), n, scalar());
      pivots.add(pivot);
    }
    List<NodeDef.Builder> builders = new ArrayList<>();
    for (int b = 0; b < count; b++) {
      builders.add(call(n, calls.get(b), branches.get(b)));
    }
    for (int k = 1; k < in.data().size(); k++) {
      String src = in.data().get(k);
      TensorShapeProto s = g.shapeOf(src);
      for (int b = 0; b < count; b++) {
        String sw = g.newName(name + "/" + TensorRef.nodeName(src));
        add(placed(NodeDef.newBuilder().setName(sw).setOp("Switch").addInput(src).addInput(preds.get(b)), g.deviceOf(src))
            .putAttr("T", type(tin.get(k - 1))), n, s, s);
        builders.get(b).addInput(out(sw, 1));
      }
    }
    for (int b = 0; b < count; b++) {
      addCall(builders.get(b).addInput("^" + pivots.get(b)), n, GraphFlattener.shapes(n));
    }
    String[] merges = merges(n, calls, tout, "/merge");
    String executed = g.newName(name + "/branch_executed");
    NodeDef.Builder be = node(n, executed, "Merge").addAllInput(pivots);
    calls.forEach(c -> be.addInput("^" + c));
    add(be.putAttr("T", type(DataType.DT_BOOL)).putAttr("N", integer(count)), n, scalar(), scalar());
    replace(i, n, merges, tout, executed, executed);
  }

  private static AttrValue constant(TensorProto.Builder t) {
    return AttrValue.newBuilder().setTensor(t.setTensorShape(TensorShapeProto.getDefaultInstance())).build();
  }

  private void lowerWhile(int i, NodeDef n) {
    String name = n.getName();
    Inputs in = Inputs.of(n);
    int vars = in.data().size();
    List<DataType> t = types(n, "T", vars);
    if (vars == 0) {
      throw new GraphProblem(Reason.UNSUPPORTED, name + " (" + n.getOp() + ") has no loop variables");
    }
    NameAttrList condF = function(n, "cond");
    NameAttrList bodyF = function(n, "body");
    FunctionDef cond = g.library.get(condF.getName());
    if (cond != null && cond.getSignature().getOutputArgCount() == 1
        && cond.getSignature().getOutputArg(0).getType() != DataType.DT_BOOL
        && cond.getSignature().getOutputArg(0).getType() != DataType.DT_INVALID) {
      throw new GraphProblem(Reason.UNSUPPORTED, name + " (" + n.getOp() + "): its cond " + condF.getName() + " returns "
          + cond.getSignature().getOutputArg(0).getType() + "; lowering needs a bool, as TensorFlow's does");
    }
    AttrValue pi = n.getAttrMap().get("parallel_iterations");
    long parallel = pi == null ? 10 : pi.getI();
    AttrValue declared = n.getAttrMap().get("output_shapes");
    List<TensorShapeProto> loopShapes = declared == null ? List.of() : declared.getList().getShapeList();
    List<TensorShapeProto> outShapes = GraphFlattener.shapes(n);
    // names in the order TF's LowerWhileHelper makes them
    String condCall = g.newName(name + "/cond");
    String bodyCall = g.newName(name + "/body");
    String[] enters = names(name + "/enter", vars);
    String control = in.control().isEmpty() ? null : g.newName(name + "/LoopControlInputs");
    String[] merges = names(name + "/merge", vars);
    String loopCond = g.newName(name + "/LoopCond");
    String[] switches = new String[vars];
    for (int k = 0; k < vars; k++) {
      switches[k] = g.newName(name + "/" + TensorRef.nodeName(in.data().get(k)) + "_switch");
    }
    String bodyControl = g.newName(name + "/loop_body_control");
    String[] exits = names(name + "/exit", vars);
    String[] nexts = names(name + "/next_iteration", vars);

    for (int k = 0; k < vars; k++) {
      NodeDef.Builder b = node(n, enters[k], "Enter").addInput(in.data().get(k)).putAttr("T", type(t.get(k)))
          .putAttr("frame_name", AttrValue.newBuilder().setS(com.google.protobuf.ByteString.copyFromUtf8(name)).build())
          .putAttr("parallel_iterations", integer(parallel))
          .putAttr("is_constant", AttrValue.newBuilder().setB(false).build());
      if (control != null) {
        b.addInput("^" + control);
      }
      add(b, n, g.shapeOf(in.data().get(k)));
    }
    if (control != null) {
      add(node(n, control, "NoOp").addAllInput(in.control()), n);
    }
    for (int k = 0; k < vars; k++) {
      add(node(n, merges[k], "Merge").addInput(enters[k]).addInput(nexts[k]).putAttr("T", type(t.get(k)))
          .putAttr("N", integer(2)), n, shape(loopShapes, k), scalar());
    }
    NodeDef.Builder cb = call(n, condCall, condF);
    for (String m : merges) {
      cb.addInput(m);
    }
    addCall(cb.addInput("^" + merges[0]), n, List.of(scalar()));
    add(node(n, loopCond, "LoopCond").addInput(condCall), n, scalar());
    for (int k = 0; k < vars; k++) {
      add(node(n, switches[k], "Switch").addInput(merges[k]).addInput(loopCond).putAttr("T", type(t.get(k))), n,
          shape(loopShapes, k), shape(loopShapes, k));
    }
    NodeDef.Builder bb = call(n, bodyCall, bodyF);
    List<TensorShapeProto> bodyShapes = new ArrayList<>();
    for (int k = 0; k < vars; k++) {
      bb.addInput(out(switches[k], 1));
      bodyShapes.add(shape(loopShapes, k));
    }
    addCall(bb.addInput("^" + bodyControl), n, bodyShapes);
    add(node(n, bodyControl, "Identity").addInput(out(switches[0], 1)).putAttr("T", type(t.get(0))), n, shape(loopShapes, 0));
    for (int k = 0; k < vars; k++) {
      add(node(n, exits[k], "Exit").addInput(switches[k]).putAttr("T", type(t.get(k))), n,
          shape(outShapes.isEmpty() ? loopShapes : outShapes, k));
    }
    for (int k = 0; k < vars; k++) {
      add(node(n, nexts[k], "NextIteration").addInput(out(bodyCall, k)).putAttr("T", type(t.get(k))), n, shape(loopShapes, k));
    }
    if (g.isAdded(name)) {
      // a loop from a body: no one fetches it, but control dependents wait for it; a NoOp on the
      // Exits does that without leaving an IdentityN nothing reads (a "likely output" to inspect)
      NodeDef.Builder done = node(n, name, "NoOp");
      for (String e : exits) {
        done.addInput("^" + e);
      }
      g.replace(i, done.build(), exits, name);
    } else {
      replace(i, n, exits, t, null, name);
    }
  }

  // ---- helpers

  private String[] names(String prefix, int count) {
    String[] out = new String[count];
    for (int k = 0; k < count; k++) {
      out[k] = g.newName(prefix);
    }
    return out;
  }

  /** A Merge per output over the calls' outputs. */
  private String[] merges(NodeDef n, List<String> calls, List<DataType> tout, String part) {
    String[] merges = new String[tout.size()];
    List<TensorShapeProto> shapes = GraphFlattener.shapes(n);
    for (int k = 0; k < merges.length; k++) {
      merges[k] = g.newName(n.getName() + part);
      NodeDef.Builder m = node(n, merges[k], "Merge");
      for (String c : calls) {
        m.addInput(out(c, k));
      }
      add(m.putAttr("T", type(tout.get(k))).putAttr("N", integer(calls.size())), n, shape(shapes, k), scalar());
    }
    return merges;
  }

  /** Node {@code n} becomes an IdentityN of {@code outputs} (a NoOp when there are none). */
  private void replace(int i, NodeDef n, String[] outputs, List<DataType> types, String dependsOn, String control) {
    NodeDef.Builder b = node(n, n.getName(), outputs.length == 0 ? "NoOp" : "IdentityN");
    if (outputs.length > 0) {
      b.addAllInput(List.of(outputs)).putAttr("T", GraphFlattener.types(types));
      if (GraphFlattener.shaped(n)) {
        b.putAttr(OUTPUT_SHAPES, n.getAttrMap().get(OUTPUT_SHAPES));
      }
    }
    // TF's IdentityN also depends on branch_executed; here only the NoOp does, so the IdentityN
    // has data inputs only (DL4J's importer takes every IdentityN input for a tensor); control
    // dependents of the node still wait for branch_executed
    if (dependsOn != null && outputs.length == 0) {
      b.addInput("^" + dependsOn);
    }
    g.replace(i, b.build(), outputs, control);
  }

  private NodeDef.Builder call(NodeDef n, String name, NameAttrList f) {
    if (!g.library.containsKey(f.getName())) {
      throw new GraphProblem(n.getName() + " (" + n.getOp() + ") calls function " + f.getName() + ", which is not in the graph's library");
    }
    return node(n, name, f.getName()).putAllAttr(f.getAttrMap())
        .putAttr(GraphFlattener.MULTI_DEVICE, AttrValue.newBuilder().setB(true).build());
  }

  private void addCall(NodeDef.Builder b, NodeDef n, List<TensorShapeProto> shapes) {
    if (GraphFlattener.shaped(n)) {
      b.putAttr(OUTPUT_SHAPES, GraphFlattener.shapesAttr(shapes));
    }
    g.add(b.build());
  }

  private void add(NodeDef.Builder b, NodeDef n, TensorShapeProto... shapes) {
    add(b, n, List.of(shapes));
  }

  private void add(NodeDef.Builder b, NodeDef n, List<TensorShapeProto> shapes) {
    if (GraphFlattener.shaped(n) && !b.getOp().equals("NoOp")) {
      b.putAttr(OUTPUT_SHAPES, GraphFlattener.shapesAttr(shapes));
    }
    g.add(b.build());
  }

  /** A new node on the lowered node's device. */
  private NodeDef.Builder node(NodeDef n, String name, String op) {
    return placed(NodeDef.newBuilder().setName(name).setOp(op), n.getDevice());
  }

  private NodeDef.Builder placed(NodeDef.Builder b, String device) {
    if (!g.clearDevices && !device.isEmpty()) {
      b.setDevice(device);
    }
    return b;
  }

  private static String out(String node, int k) {
    return k == 0 ? node : node + ":" + k;
  }

  private static NameAttrList function(NodeDef n, String attr) {
    AttrValue v = n.getAttrMap().get(attr);
    if (v == null || !v.hasFunc()) {
      throw new GraphProblem(n.getName() + " (" + n.getOp() + ") has no function attribute '" + attr + "'");
    }
    return v.getFunc();
  }

  /** The type list attribute {@code attr}, which must have {@code count} entries when that is not -1. */
  private static List<DataType> types(NodeDef n, String attr, int count) {
    AttrValue v = n.getAttrMap().get(attr);
    if (v == null || (count >= 0 && v.getList().getTypeCount() != count)) {
      throw new GraphProblem(n.getName() + " (" + n.getOp() + ") has " + (v == null ? "no attribute " + attr
          : v.getList().getTypeCount() + " types in " + attr + " for " + count + " inputs"));
    }
    return v.getList().getTypeList();
  }
}
