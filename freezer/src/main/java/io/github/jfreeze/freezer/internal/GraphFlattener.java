package io.github.jfreeze.freezer.internal;

import io.github.jfreeze.freezer.FreezeException.Reason;
import io.github.jfreeze.freezer.internal.GraphAssembler.Assembled;
import io.github.jfreeze.proto.AttrValue;
import io.github.jfreeze.proto.DataType;
import io.github.jfreeze.proto.FunctionDef;
import io.github.jfreeze.proto.GraphDef;
import io.github.jfreeze.proto.NodeDef;
import io.github.jfreeze.proto.TensorShapeProto;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Freezing stage 7, only when asked ({@code FreezeOptions.inlineFunctions}/{@code
 * lowerControlFlow}): a flat graph. Every function call the assembled graph holds is replaced by
 * its body ({@link FunctionInliner}), and with lowering every {@code If}/{@code Case}/{@code While}
 * by {@code Switch}/{@code Merge} and a loop frame around calls of its branches, which are then
 * inlined in turn ({@link ControlFlowLowering}). This is TensorFlow's {@code LowerFunctionalOpsPass}
 * with {@code do_function_inlining} on and lowered nodes kept fetchable, done on the GraphDef.
 *
 * <p>Nodes are visited from a queue: the graph's nodes in order, then every node a rewrite adds,
 * so calls nested in bodies and control flow nested in branches are rewritten without recursion.
 * The node a rewrite replaces keeps its name (an {@code IdentityN} of its outputs, or a {@code
 * NoOp}), so {@code StatefulPartitionedCall:0} still names the output; its readers are moved to
 * the new nodes, as TF moves them. Added nodes are written just before the node they replace.
 *
 * <p>A graph without calls (and, when lowering, without functional control flow) comes back
 * unchanged: the frozen file is byte for byte the one written without flattening.
 */
final class GraphFlattener {
  static final String PARTITIONED_CALL = "PartitionedCall";
  static final String STATEFUL_PARTITIONED_CALL = "StatefulPartitionedCall";
  /** Marks the branch and loop calls lowering makes: inlined as multi-device calls. */
  static final String MULTI_DEVICE = "_lower_as_multi_device_function";
  static final String OUTPUT_SHAPES = "_output_shapes";

  private final NodeTable nodes;
  private final UnaryOperator<NodeDef> original;
  final Map<String, FunctionDef> library;
  final boolean clearDevices;
  private final boolean lower;
  private final FunctionInliner inliner;
  private final ControlFlowLowering lowering;
  /** The nodes written just before a node: what replaced it. */
  private final Map<Integer, List<Integer>> before = new HashMap<>();
  /** A replaced node's outputs, by index, as the new nodes that give them. */
  private final Map<String, String[]> outputsOf = new HashMap<>();
  /** The node that stands for a replaced node in control inputs. */
  private final Map<String, String> controlOf = new HashMap<>();
  private final Set<String> added = new HashSet<>();
  private final Set<Integer> dropped = new HashSet<>();
  private final IntQueue queue = new IntQueue();
  /** Calls left as they are, with why. */
  private final Map<String, String> kept = new LinkedHashMap<>();
  private int anchor;
  private int counter;

  private GraphFlattener(NodeTable nodes, UnaryOperator<NodeDef> original, Map<String, FunctionDef> library, boolean lower,
      boolean clearDevices) {
    this.nodes = nodes;
    this.original = original;
    this.library = library;
    this.lower = lower;
    this.clearDevices = clearDevices;
    this.inliner = new FunctionInliner(this);
    this.lowering = new ControlFlowLowering(this);
  }

  /**
   * Flattens an assembled graph.
   *
   * @param a the assembled frozen graph
   * @param roots the nodes the frozen graph is cut to (outputs, initializers): the flat graph
   *     keeps what they reach, as the freeze before it did
   * @param lower whether functional control flow is lowered too
   * @param clearDevices whether device placements are cleared (the added nodes get none)
   * @param warnings where calls left in place are reported
   * @return the flat graph, or {@code a} itself when it holds nothing to rewrite
   */
  static Assembled flatten(Assembled a, List<String> roots, boolean lower, boolean clearDevices, List<String> warnings) {
    Map<String, FunctionDef> library = new LinkedHashMap<>();
    a.tail().getLibrary().getFunctionList().forEach(f -> library.put(f.getSignature().getName(), f));
    refuseRecursion(library);
    GraphFlattener f = new GraphFlattener(a.nodes(), a.finish(), library, lower, clearDevices);
    for (int i : a.order()) {
      f.queue.add(i);
    }
    boolean changed = false;
    while (!f.queue.isEmpty()) {
      changed |= f.visit(f.queue.poll());
    }
    f.kept.forEach((call, why) -> warnings.add("function call " + call + " left in place: " + why));
    if (!changed) {
      return a;
    }
    return f.finish(a, roots);
  }

  /**
   * Refuses a library whose functions call themselves, directly or through others (by attribute or
   * by op name): inlining them would never end. TF does not run such functions either. Iterative
   * depth-first search; a function on the current path met again closes a cycle.
   */
  static void refuseRecursion(Map<String, FunctionDef> library) {
    Map<String, Integer> state = new HashMap<>(); // 1 on the path, 2 done
    for (String start : library.keySet()) {
      if (state.containsKey(start)) {
        continue;
      }
      ArrayDeque<String> path = new ArrayDeque<>();
      ArrayDeque<Iterator<String>> next = new ArrayDeque<>();
      path.push(start);
      state.put(start, 1);
      next.push(callees(library, start).iterator());
      while (!path.isEmpty()) {
        if (!next.peek().hasNext()) {
          state.put(path.pop(), 2);
          next.pop();
          continue;
        }
        String g = next.peek().next();
        Integer st = state.get(g);
        if (st == null) {
          path.push(g);
          state.put(g, 1);
          next.push(callees(library, g).iterator());
        } else if (st == 1) {
          throw new GraphProblem(Reason.UNSUPPORTED, "function " + g + " calls itself (through "
              + String.join(" -> ", (Iterable<String>) path::descendingIterator) + " -> " + g + "); a recursive function "
              + "cannot be inlined");
        }
      }
    }
  }

  private static List<String> callees(Map<String, FunctionDef> library, String f) {
    List<String> out = new ArrayList<>();
    for (NodeDef n : library.get(f).getNodeDefList()) {
      FunctionLibrary.functionRefs(n).stream().filter(library::containsKey).forEach(out::add);
      if (library.containsKey(n.getOp())) {
        out.add(n.getOp());
      }
    }
    return out;
  }

  /** Rewrites node {@code i} if it is a call (or, when lowering, functional control flow). */
  private boolean visit(int i) {
    String op = nodes.op(i);
    anchor = i;
    boolean done;
    if (isCall(op)) {
      done = inliner.inline(i);
    } else if (lower && ControlFlowLowering.LOWERED.contains(op)) {
      lowering.lower(i);
      done = true;
    } else {
      return false;
    }
    nodes.commit();
    return done;
  }

  /** Whether nodes of {@code op} call a function: the partitioned calls and library functions called by name. */
  boolean isCall(String op) {
    return op.equals(PARTITIONED_CALL) || op.equals(STATEFUL_PARTITIONED_CALL) || library.containsKey(op);
  }

  // ---- what rewrites use

  /** Node {@code i} as it will be written: calls renamed to the converted functions, devices cleared when asked. */
  NodeDef node(int i) {
    NodeDef n = nodes.node(i);
    return added.contains(n.getName()) ? n : original.apply(n);
  }

  /** A new name {@code prefix/_N}, N counting up over the whole flattening as TF's {@code Graph::NewName} does. */
  String newName(String prefix) {
    while (true) {
      String name = prefix + "/_" + counter++;
      if (!nodes.contains(name) && !added.contains(name)) {
        return name;
      }
    }
  }

  /** Adds {@code n}, written before the node being rewritten, and queues it. */
  void add(NodeDef n) {
    if (nodes.contains(n.getName())) {
      throw new GraphProblem(Reason.UNSUPPORTED, "flattening " + nodes.name(anchor) + " would add a node named '"
          + n.getName() + "', which the graph already has");
    }
    int i = nodes.add(n);
    added.add(n.getName());
    before.computeIfAbsent(anchor, k -> new ArrayList<>()).add(i);
    queue.add(i);
  }

  /**
   * Replaces node {@code i} (same name) by {@code n}; its readers will read {@code outputs} and
   * its control dependents depend on {@code control} instead. A node a rewrite added (a call in
   * a body, a branch call) is dropped instead: no name in the original graph named it, so there is
   * nothing to keep fetchable (TF's {@code KeepCallerNode::kDoNotKeep}), unless {@code n} is
   * itself the {@code control} target (a lowered While's IdentityN).
   */
  void replace(int i, NodeDef n, String[] outputs, String control) {
    if (added.contains(n.getName()) && !n.getName().equals(control)) {
      dropped.add(i);
    } else {
      nodes.replace(i, n);
    }
    outputsOf.put(n.getName(), outputs);
    controlOf.put(n.getName(), control);
  }

  /** Whether the node named {@code name} was added by a rewrite (it came from a body or a lowering). */
  boolean isAdded(String name) {
    return added.contains(name);
  }

  /** Records a call that stays a call. */
  void keep(String call, String why) {
    kept.put(call, why);
  }

  /** Whether new nodes get {@code _output_shapes}: when the node they replace has them. */
  static boolean shaped(NodeDef n) {
    return n.containsAttr(OUTPUT_SHAPES);
  }

  /** The node's recorded output shapes (empty when it has none). */
  static List<TensorShapeProto> shapes(NodeDef n) {
    AttrValue v = n.getAttrMap().get(OUTPUT_SHAPES);
    return v == null ? List.of() : v.getList().getShapeList();
  }

  /** Shape {@code k} of a list, or unknown rank (always true) when the list does not say. */
  static TensorShapeProto shape(List<TensorShapeProto> shapes, int k) {
    return k < shapes.size() ? shapes.get(k) : unknownShape();
  }

  static TensorShapeProto unknownShape() {
    return TensorShapeProto.newBuilder().setUnknownRank(true).build();
  }

  static TensorShapeProto scalar() {
    return TensorShapeProto.getDefaultInstance();
  }

  /** The recorded shape of {@code tensor} (a graph input string), or unknown rank. */
  TensorShapeProto shapeOf(String tensor) {
    TensorRef r = TensorRef.parse(tensor);
    int p = nodes.index(r.node());
    return p < 0 ? unknownShape() : shape(shapes(nodes.node(p)), r.index());
  }

  /** The device of the node {@code tensor} comes from, or empty. */
  String deviceOf(String tensor) {
    int p = nodes.index(TensorRef.nodeName(tensor));
    return p < 0 ? "" : nodes.node(p).getDevice();
  }

  static AttrValue type(DataType t) {
    return AttrValue.newBuilder().setType(t).build();
  }

  static AttrValue types(List<DataType> ts) {
    return AttrValue.newBuilder().setList(AttrValue.ListValue.newBuilder().addAllType(ts)).build();
  }

  static AttrValue shapesAttr(List<TensorShapeProto> shapes) {
    return AttrValue.newBuilder().setList(AttrValue.ListValue.newBuilder().addAllShape(shapes)).build();
  }

  static AttrValue integer(long v) {
    return AttrValue.newBuilder().setI(v).build();
  }

  /** A ref dtype's value dtype (what an Identity of it gives), any other dtype itself. */
  static DataType base(DataType t) {
    return t.getNumber() > 100 ? DataType.forNumber(t.getNumber() - 100) : t;
  }

  /** A node's data and control inputs, split. */
  record Inputs(List<String> data, List<String> control) {
    static Inputs of(NodeDef n) {
      List<String> data = new ArrayList<>();
      List<String> control = new ArrayList<>();
      for (String in : n.getInputList()) {
        (in.startsWith("^") ? control : data).add(in);
      }
      return new Inputs(data, control);
    }
  }

  // ---- the flat graph

  private Assembled finish(Assembled a, List<String> roots) {
    int[] expanded = expand(a.order());
    // readers of replaced nodes read the nodes that replaced them; inputs added before their
    // producers are resolved now
    for (int i : expanded) {
      boolean redirect = false;
      for (int k = 0; k < nodes.inputCount(i) && !redirect; k++) {
        int p = nodes.producer(i, k);
        redirect = p < 0 || outputsOf.containsKey(nodes.name(p));
      }
      if (redirect) {
        NodeDef.Builder b = nodes.edit(i);
        for (int k = 0; k < b.getInputCount(); k++) {
          b.setInput(k, redirected(b.getInput(k)));
        }
      }
    }
    nodes.commit();
    // what no root reaches goes, as in the freeze itself: arguments a body never reads, the
    // callers' IdentityN nobody fetches, control nodes nothing waits on
    java.util.BitSet reached = SubgraphExtractor.extract(nodes, roots);
    int[] order = Arrays.stream(expanded).filter(reached::get).toArray();
    List<NodeDef> calling = new ArrayList<>();
    for (int i : order) {
      if (nodes.hasFunctionAttr(i) || library.containsKey(nodes.op(i))) {
        calling.add(node(i));
      }
    }
    GraphDef tail = a.tail();
    FunctionLibrary lib = FunctionLibrary.of(calling, library, Map.of(), tail.getLibrary().getGradientList(), false);
    GraphDef.Builder out = tail.toBuilder().clearLibrary();
    if (lib.library() != null) {
      out.setLibrary(lib.library());
    }
    java.util.BitSet written = new java.util.BitSet(nodes.size());
    Arrays.stream(order).forEach(written::set);
    UnaryOperator<NodeDef> finish = n -> {
      NodeDef done = added.contains(n.getName()) ? n : original.apply(n);
      if (!done.containsAttr("_class")) {
        return done;
      }
      // colocation with a node the flattening dropped (a call in a body, inlined) goes, as the
      // assembler drops colocation with nodes the freeze cut away
      NodeDef.Builder b = done.toBuilder();
      GraphAssembler.fixColocation(b, name -> {
        int i = nodes.index(name);
        return i >= 0 && written.get(i);
      });
      return b.build();
    };
    return new Assembled(nodes, order, out.build(), lib.names(), finish, null);
  }

  private String redirected(String input) {
    TensorRef r = TensorRef.parse(input);
    if (r.control()) {
      String c = controlOf.get(r.node());
      return c == null ? input : "^" + c;
    }
    String[] outs = outputsOf.get(r.node());
    if (outs == null) {
      return input;
    }
    if (r.index() >= outs.length) {
      throw new GraphProblem(input + " reads output " + r.index() + " of a node with " + outs.length + " outputs");
    }
    return outs[r.index()];
  }

  /** The order with every node's replacement before it (nested replacements first), without recursion. */
  private int[] expand(int[] order) {
    int[] out = new int[nodes.size()];
    int count = 0;
    ArrayDeque<int[]> stack = new ArrayDeque<>();
    for (int root : order) {
      stack.push(new int[] {root, 0});
      while (!stack.isEmpty()) {
        int[] top = stack.peek();
        List<Integer> list = before.get(top[0]);
        if (list != null && top[1] < list.size()) {
          stack.push(new int[] {list.get(top[1]++), 0});
        } else {
          stack.pop();
          if (!dropped.contains(top[0])) {
            out[count++] = top[0];
          }
        }
      }
    }
    return Arrays.copyOf(out, count);
  }
}
