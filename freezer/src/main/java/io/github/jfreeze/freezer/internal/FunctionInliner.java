package io.github.jfreeze.freezer.internal;

import static io.github.jfreeze.freezer.internal.GraphFlattener.OUTPUT_SHAPES;

import io.github.jfreeze.freezer.FreezeException.Reason;
import io.github.jfreeze.freezer.internal.GraphFlattener.Inputs;
import io.github.jfreeze.proto.AttrValue;
import io.github.jfreeze.proto.DataType;
import io.github.jfreeze.proto.FunctionDef;
import io.github.jfreeze.proto.NodeDef;
import io.github.jfreeze.proto.OpDef;
import io.github.jfreeze.proto.TensorShapeProto;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One function call replaced by its body, as TensorFlow's {@code InlineFunctionBody}
 * ({@code inline_function_utils.cc}) does it with the caller kept fetchable:
 *
 * <ul>
 *   <li>the caller's control inputs go to a NoOp {@code Func/<caller>/input_control_node/_N};
 *       when there is one, the argument Identities, the body nodes without inputs and the body's
 *       calls without control inputs depend on it (so nothing of the body runs where the call
 *       would not have, inside a branch or a loop frame);
 *   <li>an Identity {@code Func/<caller>/input/_N} per argument, reading the caller's input;
 *   <li>the body nodes, named {@code <caller>/<node>}, their inputs rewritten from the body's
 *       {@code node:out_arg:i} form to graph form through the op's output arguments; placeholder
 *       attributes filled from the call, frame names and colocation prefixed;
 *   <li>an Identity {@code Func/<caller>/output/_N} per return value, and a NoOp {@code
 *       Func/<caller>/output_control_node/_N} that depends on the {@code control_ret} nodes
 *       (partitioned calls and lowered branches, TF's multi-device calls) or on the output
 *       Identities (a library function called by name, TF's native calls);
 *   <li>the caller itself becomes an {@code IdentityN} of the outputs (a NoOp depending on the
 *       output control node when there are none), so its name still fetches its outputs (a call
 *       that came from a body is dropped instead: no one could name it); readers of the call read
 *       the output Identities, control dependents depend on the output control node. One
 *       departure from TF: the output control node is a control input of the output Identities
 *       of a kept multi-device call, not of the IdentityN, which so has data inputs only (DL4J's
 *       importer takes every IdentityN input for a tensor); fetching the caller still waits for
 *       the control outputs.
 * </ul>
 *
 * <p>Placement follows TF's placers: for multi-device calls the argument Identities take their
 * input's device and are colocated with it, body nodes without a device take the caller's; native
 * calls put every node on the caller's device. With devices cleared (the default) none is set.
 *
 * <p>Functions marked {@code _noinline} are left as calls, as TF leaves them (its inliner refuses
 * them unless told to ignore the mark). Functions with {@code api_implements} are inlined: the
 * call names the implementation the graph was built with, and TF's graph compilers inline those
 * too ({@code inline_impl_selection_group_functions}).
 */
final class FunctionInliner {
  private final GraphFlattener g;

  FunctionInliner(GraphFlattener g) {
    this.g = g;
  }

  /**
   * Inlines the call at node {@code ci}.
   *
   * @return false when the call is left as it is ({@code _noinline})
   */
  boolean inline(int ci) {
    NodeDef call = g.node(ci);
    String fname;
    Map<String, AttrValue> inst;
    boolean multi;
    if (call.getOp().equals(GraphFlattener.PARTITIONED_CALL) || call.getOp().equals(GraphFlattener.STATEFUL_PARTITIONED_CALL)) {
      AttrValue f = call.getAttrMap().get("f");
      if (f == null || !f.hasFunc()) {
        throw new GraphProblem(call.getName() + " (" + call.getOp() + ") has no function attribute 'f'");
      }
      fname = f.getFunc().getName();
      inst = f.getFunc().getAttrMap();
      multi = true;
    } else {
      fname = call.getOp();
      inst = call.getAttrMap();
      AttrValue m = call.getAttrMap().get(GraphFlattener.MULTI_DEVICE);
      multi = m != null && m.getB();
    }
    FunctionDef fd = g.library.get(fname);
    if (fd == null) {
      throw new GraphProblem(call.getName() + " calls function " + fname + ", which is not in the graph's library");
    }
    AttrValue noinline = fd.getAttrMap().get("_noinline");
    if (noinline != null && noinline.getB()) {
      g.keep(call.getName(), "function " + fname + " is marked _noinline (TensorFlow does not inline it either)");
      return false;
    }
    new Inlining(call, fd, inst, multi).run(ci);
    return true;
  }

  /** The state of one inlining. */
  private final class Inlining {
    private final NodeDef call;
    private final FunctionDef fd;
    private final OpDef sig;
    private final Map<String, AttrValue> inst;
    private final boolean multi;
    private final String prefix;
    private final boolean shaped;
    private final boolean placed;
    private final Map<String, String> args = new HashMap<>();
    private final Map<String, NodeDef> body = new HashMap<>();

    Inlining(NodeDef call, FunctionDef fd, Map<String, AttrValue> inst, boolean multi) {
      this.call = call;
      this.fd = fd;
      this.sig = fd.getSignature();
      this.inst = inst;
      this.multi = multi;
      this.prefix = call.getName() + "/";
      this.shaped = GraphFlattener.shaped(call);
      this.placed = !g.clearDevices;
    }

    void run(int ci) {
      Inputs in = Inputs.of(call);
      if (in.data().size() != sig.getInputArgCount()) {
        throw new GraphProblem(call.getName() + " passes " + in.data().size() + " inputs to function " + sig.getName()
            + ", which takes " + sig.getInputArgCount());
      }
      String inCtl = null;
      if (!in.control().isEmpty()) {
        inCtl = g.newName("Func/" + prefix + "input_control_node");
        NodeDef.Builder b = NodeDef.newBuilder().setName(inCtl).setOp("NoOp").addAllInput(in.control());
        place(b, call.getDevice());
        g.add(b.build());
      }
      List<TensorShapeProto> callShapes = GraphFlattener.shapes(call);
      for (int i = 0; i < sig.getInputArgCount(); i++) {
        OpDef.ArgDef arg = sig.getInputArg(i);
        String input = in.data().get(i);
        String name = g.newName("Func/" + prefix + "input");
        NodeDef.Builder b = NodeDef.newBuilder().setName(name).setOp("Identity").addInput(input)
            .putAttr("T", GraphFlattener.type(GraphFlattener.base(type(arg))));
        if (inCtl != null) {
          b.addInput("^" + inCtl);
        }
        place(b, multi ? g.deviceOf(input) : call.getDevice());
        if (multi) {
          colocate(b, TensorRef.nodeName(input));
        }
        if (shaped) {
          b.putAttr(OUTPUT_SHAPES, GraphFlattener.shapesAttr(List.of(argShape(i, input))));
        }
        g.add(b.build());
        args.put(arg.getName(), name);
      }
      for (NodeDef n : fd.getNodeDefList()) {
        body.put(n.getName(), substituted(n));
      }
      for (NodeDef n : fd.getNodeDefList()) {
        g.add(bodyNode(body.get(n.getName()), inCtl));
      }
      String[] outputs = new String[sig.getOutputArgCount()];
      List<DataType> types = new ArrayList<>();
      List<NodeDef.Builder> outs = new ArrayList<>();
      for (int i = 0; i < outputs.length; i++) {
        OpDef.ArgDef out = sig.getOutputArg(i);
        String ret = fd.getRetMap().get(out.getName());
        if (ret == null) {
          throw new GraphProblem("function " + sig.getName() + " returns nothing for its output " + out.getName());
        }
        String src = graphInput(ret);
        DataType t = GraphFlattener.base(type(out));
        types.add(t);
        outputs[i] = g.newName("Func/" + prefix + "output");
        NodeDef.Builder b = NodeDef.newBuilder().setName(outputs[i]).setOp("Identity").addInput(src)
            .putAttr("T", GraphFlattener.type(t));
        if (!multi) {
          place(b, call.getDevice());
        } else {
          colocate(b, TensorRef.nodeName(src));
        }
        if (shaped) {
          b.putAttr(OUTPUT_SHAPES, GraphFlattener.shapesAttr(List.of(GraphFlattener.shape(callShapes, i))));
        }
        outs.add(b);
      }
      String outCtl = g.newName("Func/" + prefix + "output_control_node");
      NodeDef.Builder oc = NodeDef.newBuilder().setName(outCtl).setOp("NoOp");
      if (multi) {
        for (String node : controlReturns()) {
          oc.addInput("^" + controlTarget(node));
        }
      } else {
        for (String o : outputs) {
          oc.addInput("^" + o);
        }
      }
      if (oc.getInputCount() == 0 && inCtl != null) {
        oc.addInput("^" + inCtl);
      }
      place(oc, call.getDevice());
      // TF's IdentityN in place of the caller depends on the output control node; here the output
      // Identities do (a multi-device call's control outputs; a native call's control node waits
      // for the outputs themselves), so fetching the caller still runs them, and the IdentityN
      // has data inputs only: DL4J's importer reads every IdentityN input as a tensor
      boolean kept = !g.isAdded(call.getName());
      for (NodeDef.Builder b : outs) {
        if (kept && multi) {
          b.addInput("^" + outCtl);
        }
        g.add(b.build());
      }
      g.add(oc.build());

      NodeDef.Builder sub = NodeDef.newBuilder().setName(call.getName()).setDevice(placed ? call.getDevice() : "");
      if (outputs.length == 0) {
        sub.setOp("NoOp").addInput("^" + outCtl);
      } else {
        sub.setOp("IdentityN").addAllInput(List.of(outputs)).putAttr("T", GraphFlattener.types(types));
        if (shaped) {
          sub.putAttr(OUTPUT_SHAPES, call.getAttrMap().get(OUTPUT_SHAPES));
        }
      }
      g.replace(ci, sub.build(), outputs, outCtl);
    }

    /** The names of the control_ret nodes, in the signature's order (then any others, by name). */
    private List<String> controlReturns() {
      List<String> out = new ArrayList<>();
      Map<String, String> rest = new TreeMap<>(fd.getControlRetMap());
      for (String c : sig.getControlOutputList()) {
        String node = rest.remove(c);
        if (node != null) {
          out.add(node);
        }
      }
      out.addAll(rest.values());
      return out;
    }

    private String controlTarget(String node) {
      if (args.containsKey(node)) {
        return args.get(node);
      }
      if (!body.containsKey(node)) {
        throw new GraphProblem("function " + sig.getName() + " names '" + node + "' as a control output; its body has no such node");
      }
      return prefix + node;
    }

    /** The type of an argument, its type attribute filled from the call; list arguments are not handled. */
    private DataType type(OpDef.ArgDef arg) {
      if (!arg.getNumberAttr().isEmpty() || !arg.getTypeListAttr().isEmpty()) {
        throw new GraphProblem(Reason.UNSUPPORTED, "function " + sig.getName() + " has a list argument (" + arg.getName()
            + "); inlining handles single-tensor arguments");
      }
      if (arg.getType() != DataType.DT_INVALID) {
        return arg.getType();
      }
      AttrValue v = inst.get(arg.getTypeAttr());
      if (v == null || v.getValueCase() != AttrValue.ValueCase.TYPE) {
        throw new GraphProblem(call.getName() + " does not give the type '" + arg.getTypeAttr() + "' of argument "
            + arg.getName() + " of function " + sig.getName());
      }
      return v.getType();
    }

    /** The shape the function records for argument {@code i} ({@code arg_attr}), else its input's. */
    private TensorShapeProto argShape(int i, String input) {
      var attrs = fd.getArgAttrMap().get(i);
      AttrValue v = attrs == null ? null : attrs.getAttrMap().get(OUTPUT_SHAPES);
      if (v != null && v.getList().getShapeCount() == 1) {
        return v.getList().getShape(0);
      }
      return g.shapeOf(input);
    }

    /** A body node with its attribute placeholders filled from the call. */
    private NodeDef substituted(NodeDef n) {
      NodeDef.Builder b = null;
      for (var e : n.getAttrMap().entrySet()) {
        if (e.getValue().getValueCase() == AttrValue.ValueCase.PLACEHOLDER) {
          AttrValue v = inst.get(e.getValue().getPlaceholder());
          if (v == null) {
            throw new GraphProblem(call.getName() + " does not give attribute '" + e.getValue().getPlaceholder() + "' that "
                + n.getName() + " of function " + sig.getName() + " takes from it");
          }
          if (b == null) {
            b = n.toBuilder();
          }
          b.putAttr(e.getKey(), v);
        }
      }
      return b == null ? n : b.build();
    }

    /** Body node {@code n} as a graph node. */
    private NodeDef bodyNode(NodeDef n, String inCtl) {
      NodeDef.Builder b = n.toBuilder().setName(prefix + n.getName()).clearInput();
      boolean control = false;
      for (String input : n.getInputList()) {
        control |= input.startsWith("^");
        b.addInput(graphInput(input));
      }
      boolean forward = n.getInputCount() == 0 || (g.isCall(n.getOp()) && !control);
      if (inCtl != null && forward) {
        b.addInput("^" + inCtl);
      }
      if (n.getOp().equals("Enter") || n.getOp().equals("RefEnter")) {
        AttrValue frame = n.getAttrMap().get("frame_name");
        if (frame != null) {
          b.putAttr("frame_name", AttrValue.newBuilder().setS(com.google.protobuf.ByteString.copyFromUtf8(
              prefix + frame.getS().toStringUtf8())).build());
        }
      }
      AttrValue klass = n.getAttrMap().get("_class");
      if (klass != null) {
        AttrValue.ListValue.Builder list = AttrValue.ListValue.newBuilder();
        for (var s : klass.getList().getSList()) {
          String v = s.toString(StandardCharsets.UTF_8);
          if (v.startsWith("loc:@")) {
            String target = v.substring(5);
            v = "loc:@" + (args.containsKey(target) ? args.get(target) : body.containsKey(target) ? prefix + target : target);
          }
          list.addS(com.google.protobuf.ByteString.copyFromUtf8(v));
        }
        b.putAttr("_class", AttrValue.newBuilder().setList(list).build());
      }
      if (!placed) {
        b.clearDevice();
      } else if (!multi || n.getDevice().isEmpty()) {
        b.setDevice(call.getDevice());
      }
      return b.build();
    }

    /** A body input ({@code arg}, {@code node:out_arg:i}, {@code ^node}) in graph form. */
    private String graphInput(String input) {
      TensorRef r = TensorRef.parse(input);
      String arg = args.get(r.node());
      if (r.control()) {
        return "^" + controlTarget(r.node());
      }
      if (arg != null && r.output().isEmpty()) {
        if (r.index() != 0) {
          throw new GraphProblem(Reason.UNSUPPORTED, "function " + sig.getName() + " reads element " + r.index()
              + " of argument " + r.node() + "; inlining handles single-tensor arguments");
        }
        return arg;
      }
      NodeDef src = body.get(r.node());
      if (src == null) {
        throw new GraphProblem("function " + sig.getName() + " reads '" + input + "', which names neither a node of its body nor an argument");
      }
      int index = r.output().isEmpty() ? r.index() : flatIndex(src, r.output(), r.index(), input);
      return prefix + r.node() + (index == 0 ? "" : ":" + index);
    }

    /** Which of {@code src}'s outputs {@code output:index} is, through its op's output arguments. */
    private int flatIndex(NodeDef src, String output, int index, String input) {
      FunctionDef f = g.library.get(src.getOp());
      OpDef op = f != null ? f.getSignature() : GraphValidator.opDef(src.getOp());
      if (op == null) {
        throw new GraphProblem(Reason.UNSUPPORTED, "function " + sig.getName() + " reads '" + input + "' of op " + src.getOp()
            + ", which is not in TensorFlow 2.18's op registry: its outputs cannot be numbered");
      }
      int flat = 0;
      for (OpDef.ArgDef a : op.getOutputArgList()) {
        int count = GraphValidator.argCount(src, a);
        if (count < 0) {
          throw new GraphProblem("function " + sig.getName() + ": " + src.getName() + " lacks the attribute that sizes its output " + a.getName());
        }
        if (a.getName().equals(output)) {
          if (index >= count) {
            throw new GraphProblem("function " + sig.getName() + " reads '" + input + "'; " + src.getName() + " has " + count
                + " of output " + output);
          }
          return flat + index;
        }
        flat += count;
      }
      throw new GraphProblem("function " + sig.getName() + " reads '" + input + "': op " + src.getOp() + " has no output named '" + output + "'");
    }

    private void place(NodeDef.Builder b, String device) {
      if (placed && device != null && !device.isEmpty()) {
        b.setDevice(device);
      }
    }

    private void colocate(NodeDef.Builder b, String node) {
      b.putAttr("_class", AttrValue.newBuilder().setList(AttrValue.ListValue.newBuilder()
          .addS(com.google.protobuf.ByteString.copyFromUtf8("loc:@" + node))).build());
    }
  }
}
