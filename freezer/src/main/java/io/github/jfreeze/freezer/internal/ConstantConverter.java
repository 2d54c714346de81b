package io.github.jfreeze.freezer.internal;

import io.github.jfreeze.codec.graph.OpVocabulary;
import io.github.jfreeze.freezer.FreezeException;
import io.github.jfreeze.freezer.FreezeReport.Change;
import io.github.jfreeze.proto.AttrValue;
import io.github.jfreeze.proto.DataType;
import io.github.jfreeze.proto.FunctionDef;
import io.github.jfreeze.proto.NameAttrList;
import io.github.jfreeze.proto.NodeDef;
import io.github.jfreeze.proto.OpDef;
import io.github.jfreeze.proto.TensorProto;
import io.github.jfreeze.proto.TensorShapeProto;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Replaces variables with constants and carries the change to everything their values flow
 * through, following the rules of TF 2.18's {@code convert_to_constants.py} (its
 * {@code _Convertible} classes), with a few of TensorFlow's gaps closed:
 *
 * <ul>
 *   <li>{@code VariableV2}, {@code Variable}, {@code VarHandleOp} become {@code Const}.
 *   <li>Pass-through ops ({@code Identity}, {@code Enter}, {@code Exit}, {@code Switch},
 *       {@code _SwitchN}, {@code NextIteration}, {@code Merge}) get their {@code T} retyped and
 *       {@code _output_shapes} dropped, and pass the change on.
 *   <li>{@code ReadVariableOp} becomes {@code Identity} (in function bodies its consumers' {@code
 *       :value} outputs become {@code :output}); {@code ResourceGather} becomes {@code GatherV2}
 *       with an axis constant (also inside functions and with {@code batch_dims}, which TF
 *       refuses); {@code ResourceGatherNd} becomes {@code GatherNd}.
 *   <li>Function calls ({@code If}, {@code StatelessIf}, {@code Case}, {@code While}, {@code
 *       StatelessWhile}, {@code StatelessCase} (which TF's converter misses), {@code PartitionedCall},
 *       {@code StatefulPartitionedCall}) get their
 *       argument types updated and the callee is cloned as {@code <name>_frozen} and converted the
 *       same way. An output that returns the value (a loop variable; a branch or callee returning
 *       the argument, which TF's converter leaves a resource) is retyped in the call ({@code Tout})
 *       and in the callees' copies, its {@code output_shapes} and {@code _output_shapes} entries
 *       become the value's shape, and what reads it is converted in turn; the input leaves {@code
 *       _read_only_resource_inputs}.
 * </ul>
 *
 * Edges are resolved as TF does: an input without an index means output 0, and inside a function
 * a name that is not a node is an argument of the function.
 *
 * <p>Over 400 lines on purpose: it is one walk (TF's {@code _Convertible} classes share one graph
 * index and one work list), and each op's rule needs the walk's state (targets visited, functions
 * cloned and renamed, nodes added); split, the rules would pass that state around instead.
 */
public final class ConstantConverter {
  /**
   * An object values flow into: a node (in the main graph or a function) or a function's arguments.
   * {@code index} is a main-graph node's number where known (-1: look it up); it is not part of what
   * the target is.
   */
  private record Target(String function, String node, int index) {
    Target(String function, String node) {
      this(function, node, -1);
    }

    boolean isFunctionArgs() {
      return node == null;
    }

    // written out: a record's own are bootstrapped through invokedynamic on first use, costly at
    // the start of a short process (JFR of `jfreeze freeze` on mid; benchmarks/run.sh)
    @Override
    public boolean equals(Object o) {
      return o instanceof Target t && Objects.equals(t.function, function) && Objects.equals(t.node, node);
    }

    @Override
    public int hashCode() {
      return Objects.hashCode(function) * 31 + Objects.hashCode(node);
    }

    @Override
    public String toString() {
      return "Target[function=" + function + ", node=" + node + "]";
    }
  }

  /** Source and destination of a data edge, each with an index. */
  private record Edge(Target source, int sourceIndex, Target dest, int destIndex) {}

  /** Open edits of the main graph stored back as bytes once this many are held. */
  private static final int COMMIT_EVERY = 4096;
  private static final Set<String> INTERMEDIATE = Set.of("Enter", "Exit", "Identity", "NextIteration", "Switch", "_SwitchN");
  private static final Set<String> VARIABLES = OpVocabulary.VARIABLES;

  private final NodeTable main;
  private final BitSet sub;
  private final Map<String, FunctionDef> functions;
  /** Main-graph data edges by source node: who reads it (snapshot of the subgraph before conversion). */
  private final int[] edgeStart;
  private final int[] edgeDest;
  private final int[] edgeSourceIndex;
  private final int[] edgeDestIndex;
  /** Main-graph calls' edges into their functions' arguments, by caller node number. */
  private final Map<Integer, List<Edge>> callerEdges = new HashMap<>();
  /** Main-graph visits of the variable being converted: node number and input, packed. */
  private final LongSet mainVisited = new LongSet();
  private final Map<String, FunctionDef.Builder> convertedFunctions = new LinkedHashMap<>();
  private final Map<String, String> newNames = new LinkedHashMap<>();
  private final Map<Target, List<Edge>> outgoing = new HashMap<>();
  /** What has been converted: a target's input, for one value (by identity: two variables may hold equal values). */
  private record Visit(Target target, int destIndex, ConstantValue value) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Visit v && v.target.equals(target) && v.destIndex == destIndex && v.value == value;
    }

    @Override
    public int hashCode() {
      return target.hashCode() * 31 + destIndex * 17 + System.identityHashCode(value);
    }
  }

  private final Set<Visit> visited = new HashSet<>();
  /**
   * Work still to do, run last-in first-out: the conversion walks edges depth-first as a recursion
   * would, in the same order, without using the Java stack (a chain of a million Identity nodes
   * after a variable is as deep as the walk goes).
   */
  private final Deque<Runnable> work = new ArrayDeque<>();
  private final List<Change> rewrites = new ArrayList<>();
  private final List<Integer> addedMainNodes = new ArrayList<>();
  private final Map<String, String> insertBefore = new HashMap<>();
  /** Calls retyped (main graph and function copies), with the outputs through which they now return a frozen value. */
  private final Map<Target, Map<Integer, ReturnedValue>> callers = new LinkedHashMap<>();

  /** A node's data input: {@code input} counts data inputs only. */
  public record Use(String node, int input) {}

  /**
   * An output of a call that now returns a frozen value.
   *
   * @param index the output
   * @param value the value
   * @param exact whether it is that value (every callee returns it), so its shape is the value's
   * @param uses the nodes reading it, in the same graph as the call
   */
  public record ReturnedValue(int index, ConstantValue value, boolean exact, List<Use> uses) {}

  /**
   * A call the conversion retyped.
   *
   * @param function the function whose converted copy holds it (its original name), or null for the main graph
   * @param node the call's name
   * @param returned the outputs that now return a frozen value
   */
  public record RetypedCall(String function, String node, List<ReturnedValue> returned) {}

  /**
   * @param main the main graph, modified in place (edits committed as the walk goes)
   * @param sub the subgraph being frozen: the nodes whose inputs carry values
   * @param functions the function library by name (originals, not modified)
   */
  public ConstantConverter(NodeTable main, BitSet sub, Map<String, FunctionDef> functions) {
    this.main = main;
    this.sub = sub;
    this.functions = functions;
    int n = main.size();
    int[] count = new int[n + 1];
    for (int i = sub.nextSetBit(0); i >= 0; i = sub.nextSetBit(i + 1)) {
      for (int k = 0; k < main.inputCount(i); k++) {
        int p = main.producer(i, k);
        if (p >= 0 && !main.isControl(i, k)) {
          count[p + 1]++;
        }
      }
    }
    for (int i = 0; i < n; i++) {
      count[i + 1] += count[i];
    }
    int[] fill = Arrays.copyOf(count, n);
    edgeStart = count;
    edgeDest = new int[count[n]];
    edgeSourceIndex = new int[count[n]];
    edgeDestIndex = new int[count[n]];
    for (int i = sub.nextSetBit(0); i >= 0; i = sub.nextSetBit(i + 1)) {
      int dataIndex = 0;
      for (int k = 0; k < main.inputCount(i); k++) {
        if (main.isControl(i, k)) {
          continue;
        }
        int p = main.producer(i, k);
        if (p >= 0) {
          edgeDest[fill[p]] = i;
          edgeSourceIndex[fill[p]] = main.outputIndex(i, k);
          edgeDestIndex[fill[p]++] = dataIndex;
        }
        dataIndex++;
      }
      if (firstFunctionInput(main.op(i)) >= 0) {
        addCallerEdges(i, main.node(i), dataIndex);
      }
    }
    for (FunctionDef f : functions.values()) {
      for (NodeDef node : f.getNodeDefList()) {
        addNodeEdges(f.getSignature().getName(), node);
      }
    }
  }

  private void addCallerEdges(int i, NodeDef n, int dataInputs) {
    Target self = new Target(null, n.getName());
    int first = firstFunctionInput(n.getOp());
    for (String fn : calledFunctions(n)) {
      if (!functions.containsKey(fn)) {
        continue;
      }
      for (int k = first; k < dataInputs; k++) {
        callerEdges.computeIfAbsent(i, x -> new ArrayList<>()).add(new Edge(self, k, new Target(fn, null), k - first));
      }
    }
  }

  /** The edges leaving {@code source}: the nodes reading it, then (for a call) its functions' arguments. */
  private List<Edge> outgoing(Target source) {
    if (source.function() != null) {
      return outgoing.getOrDefault(source, List.of());
    }
    int p = mainIndex(source);
    if (p < 0) {
      return List.of();
    }
    List<Edge> out = new ArrayList<>(edgeStart[p + 1] - edgeStart[p]);
    for (int e = edgeStart[p]; e < edgeStart[p + 1]; e++) {
      out.add(new Edge(source, edgeSourceIndex[e], new Target(null, main.name(edgeDest[e]), edgeDest[e]), edgeDestIndex[e]));
    }
    out.addAll(callerEdges.getOrDefault(p, List.of()));
    return out;
  }

  private void addNodeEdges(String function, NodeDef n) {
    Target self = new Target(function, n.getName());
    int dataIndex = 0;
    for (String input : n.getInputList()) {
      TensorRef ref = TensorRef.parse(input);
      if (ref.control()) {
        continue;
      }
      Edge e = resolve(function, ref, self, dataIndex);
      if (e != null) {
        outgoing.computeIfAbsent(e.source(), k -> new ArrayList<>()).add(e);
      }
      dataIndex++;
    }
    int first = firstFunctionInput(n.getOp());
    if (first >= 0) {
      for (String fn : calledFunctions(n)) {
        if (!functions.containsKey(fn)) {
          continue;
        }
        for (int i = first; i < dataIndex; i++) {
          outgoing.computeIfAbsent(self, k -> new ArrayList<>())
              .add(new Edge(self, i, new Target(fn, null), i - first));
        }
      }
    }
  }

  private Edge resolve(String function, TensorRef ref, Target dest, int destIndex) {
    FunctionDef f = functions.get(function);
    boolean isNode = f.getNodeDefList().stream().anyMatch(x -> x.getName().equals(ref.node()));
    if (ref.index() != 0 || isNode) {
      return new Edge(new Target(function, ref.node()), ref.index(), dest, destIndex);
    }
    List<OpDef.ArgDef> args = f.getSignature().getInputArgList();
    for (int i = 0; i < args.size(); i++) {
      if (args.get(i).getName().equals(ref.node())) {
        return new Edge(new Target(function, null), i, dest, destIndex);
      }
    }
    return null;
  }

  /** Index of the first input passed to the called function(s), or -1 if the op calls none. */
  static int firstFunctionInput(String op) {
    return switch (op) {
      case "If", "StatelessIf", "Case", "StatelessCase" -> 1;
      case "While", "StatelessWhile", "PartitionedCall", "StatefulPartitionedCall" -> 0;
      default -> -1;
    };
  }

  private static List<String> functionAttrs(String op) {
    return switch (op) {
      case "If", "StatelessIf" -> List.of("then_branch", "else_branch");
      case "Case", "StatelessCase" -> List.of("branches");
      case "While", "StatelessWhile" -> List.of("body", "cond");
      case "PartitionedCall", "StatefulPartitionedCall" -> List.of("f");
      default -> List.of();
    };
  }

  private static String typeAttr(String op) {
    return switch (op) {
      case "While", "StatelessWhile" -> "T";
      default -> "Tin";
    };
  }

  static List<String> calledFunctions(NodeDef n) {
    List<String> out = new ArrayList<>();
    for (String a : functionAttrs(n.getOp())) {
      AttrValue v = n.getAttrOrDefault(a, AttrValue.getDefaultInstance());
      if (v.hasFunc()) {
        out.add(v.getFunc().getName());
      } else if (v.hasList()) {
        v.getList().getFuncList().forEach(f -> out.add(f.getName()));
      }
    }
    return out;
  }

  /** Converts the main-graph variable {@code name} to a constant holding {@code value}. */
  public void convertVariable(String name, ConstantValue value) {
    int i = main.index(name);
    Target t = new Target(null, name, i);
    if (i < 0 || !sub.get(i) || !VARIABLES.contains(main.op(i))) {
      throw new IllegalArgumentException(name + " is not a variable node");
    }
    // a visit is of one value: those of other variables never meet this one's
    mainVisited.clear();
    visited.clear();
    convert(t, 0, value);
    while (!work.isEmpty()) {
      work.pop().run();
      if (main.openEdits() >= COMMIT_EVERY) {
        main.commit(); // no task holds a builder: bounded memory for a walk over a million nodes
      }
    }
    main.commit();
  }

  /** Runs {@code tasks} in order after the current task, before anything scheduled earlier. */
  private void scheduleNext(List<Runnable> tasks) {
    for (int i = tasks.size() - 1; i >= 0; i--) {
      work.push(tasks.get(i));
    }
  }

  /** The ops rewritten along the way. */
  public List<Change> rewrites() {
    return rewrites;
  }

  /** The calls retyped, main graph and function copies, for {@link RewriteCheck}. */
  public List<RetypedCall> retypedCalls() {
    List<RetypedCall> out = new ArrayList<>();
    callers.forEach((t, returned) -> out.add(new RetypedCall(t.function(), t.node(), List.copyOf(returned.values()))));
    return out;
  }

  /** Original function name to the name of its converted copy. */
  public Map<String, String> renamedFunctions() {
    return newNames;
  }

  /** The converted function copies, by new name. */
  public Map<String, FunctionDef> convertedFunctions() {
    Map<String, FunctionDef> out = new LinkedHashMap<>();
    for (var e : convertedFunctions.entrySet()) {
      out.put(newNames.get(e.getKey()), e.getValue().build());
    }
    return out;
  }

  /** Nodes added to the main graph (axis constants, by number), each to go before the node named in the map. */
  public List<Integer> addedMainNodes() {
    return addedMainNodes;
  }

  public Map<String, String> insertBefore() {
    return insertBefore;
  }

  private void convert(Target target, int destIndex, ConstantValue value) {
    boolean first = target.function() == null && target.node() != null
        ? mainVisited.add((long) mainIndex(target) << 32 | (destIndex & 0xffffffffL))
        : visited.add(new Visit(target, destIndex, value));
    if (!first) {
      return; // loops (NextIteration -> Merge) and diamonds
    }
    if (target.isFunctionArgs()) {
      convertFunctionArg(target.function(), destIndex, value);
      return;
    }
    if (target.function() == null && !converts(main.op(mainIndex(target)))) {
      return; // a main-graph node no rule changes (a MatMul reading the value): not parsed
    }
    if (target.function() == null && convertInPlace(mainIndex(target), destIndex, value)) {
      propagate(target, -1, value);
      return;
    }
    NodeDef original = originalNode(target);
    String op = original.getOp();
    if (VARIABLES.contains(op)) {
      if (original.getInputList().stream().anyMatch(i -> !i.startsWith("^"))) {
        throw new GraphProblem(where(target) + op + " node '" + original.getName() + "' has data inputs ("
            + String.join(", ", original.getInputList()) + "); variables take none");
      }
      NodeDef.Builder b = converted(target);
      String name = b.getName();
      String device = b.getDevice();
      AttrValue klass = b.getAttrOrDefault("_class", null);
      b.clear().setName(name).setOp("Const").setDevice(device)
          .putAttr("dtype", AttrValue.newBuilder().setType(value.dtype().proto()).build())
          .putAttr("value", AttrValue.newBuilder().setTensor(value.proto()).build());
      if (klass != null) {
        b.putAttr("_class", klass);
      }
      propagate(target, -1, value);
    } else if (INTERMEDIATE.contains(op) || op.equals("Merge")) {
      NodeDef.Builder b = converted(target);
      updateDtype(b, "T", op.equals("Merge") ? 0 : destIndex, value.dtype().proto());
      b.removeAttr("_output_shapes");
      propagate(target, -1, value);
    } else if (op.equals("ReadVariableOp")) {
      convertReadVariable(target, original);
    } else if (op.equals("ResourceGather")) {
      convertResourceGather(target, original);
    } else if (op.equals("ResourceGatherNd")) {
      NodeDef.Builder b = converted(target);
      b.clear().setName(original.getName()).setOp("GatherNd").addInput(input(target, original, 0)).addInput(input(target, original, 1))
          .putAttr("Tparams", attr(target, original, "dtype")).putAttr("Tindices", attr(target, original, "Tindices"));
      copyClass(original, b);
      rewrites.add(new Change(original.getName(), "ResourceGatherNd", where(target) + "became GatherNd on the frozen value"));
    } else if (firstFunctionInput(op) >= 0) {
      convertCaller(target, original, destIndex, value);
    }
  }

  /**
   * The two rules nearly every converted node takes (a variable becomes a Const; a pass-through op
   * is retyped), made on the node's canonical bytes without parsing it, as the rules below make
   * them through a builder (CanonicalEditTest). False when the node is not stored so, or its bytes
   * are laid out otherwise: the rules below decide then.
   */
  private boolean convertInPlace(int i, int destIndex, ConstantValue value) {
    if (!main.canonical(i)) {
      return false;
    }
    String op = main.op(i);
    int dtype = value.dtype().proto().getNumber();
    if (VARIABLES.contains(op)) {
      for (int k = 0; k < main.inputCount(i); k++) {
        if (!main.isControl(i, k)) {
          return false; // refused below
        }
      }
      if ((long) main.storedLength(i) + value.proto().getSerializedSize() + 64 > NodeTable.HOLD) {
        return false; // a Const that large is held as an object (its value not copied): the rules below
      }
      byte[] c = CanonicalEdit.toConst(main.storedBytes(i), dtype, value.proto().toByteArray());
      if (c == null) {
        return false;
      }
      main.replaceCanonical(i, c, "Const", true);
      return true;
    }
    if (INTERMEDIATE.contains(op) || op.equals("Merge")) {
      byte[] stored = main.storedBytes(i);
      byte[] r = CanonicalEdit.retype(stored, dtype, op.equals("Merge") ? 0 : destIndex);
      if (r == null) {
        return false;
      }
      if (!java.util.Arrays.equals(r, stored)) { // (unchanged: the stored bytes stay where they are)
        main.replaceCanonical(i, r, op, false);
      }
      return true;
    }
    return false;
  }

  /** Whether {@link #convert} has a rule for {@code op}. */
  private static boolean converts(String op) {
    return VARIABLES.contains(op) || INTERMEDIATE.contains(op) || op.equals("Merge") || op.equals("ReadVariableOp")
        || op.equals("ResourceGather") || op.equals("ResourceGatherNd") || firstFunctionInput(op) >= 0;
  }

  /** Passes the conversion on along outgoing edges (from output {@code sourceIndex}, or all if -1). */
  private void propagate(Target source, int sourceIndex, ConstantValue value) {
    List<Runnable> next = new ArrayList<>();
    for (Edge e : outgoing(source)) {
      if ((sourceIndex < 0 && !e.dest().isFunctionArgs()) || e.sourceIndex() == sourceIndex) {
        next.add(() -> convert(e.dest(), e.destIndex(), value));
      }
    }
    scheduleNext(next);
  }

  private void convertFunctionArg(String function, int index, ConstantValue value) {
    List<Runnable> next = new ArrayList<>();
    for (Edge e : outgoing(new Target(function, null))) {
      if (e.sourceIndex() == index) {
        next.add(() -> convert(e.dest(), e.destIndex(), value));
      }
    }
    // the argument is retyped after what it feeds is converted, as the recursive walk did
    next.add(() -> retypeFunctionArg(function, index, value));
    scheduleNext(next);
  }

  private void retypeFunctionArg(String function, int index, ConstantValue value) {
    FunctionDef.Builder f = convertedFunction(function);
    List<OpDef.ArgDef> args = f.getSignature().getInputArgList();
    if (args.stream().anyMatch(a -> !a.getNumberAttr().isEmpty() || !a.getTypeListAttr().isEmpty())) {
      throw new GraphProblem(FreezeException.Reason.UNSUPPORTED, "function " + function + " takes a list of tensors as one "
          + "argument, and a frozen variable flows into it; the freezer retypes arguments one tensor each");
    }
    if (index >= args.size()) {
      throw new GraphProblem("function " + function + " is passed input " + index + " but takes " + args.size());
    }
    f.getSignatureBuilder().getInputArgBuilder(index).setType(value.dtype().proto()).clearTypeAttr();
    if (f.containsAttr("_input_shapes")) {
      AttrValue.Builder shapes = f.getAttrOrThrow("_input_shapes").toBuilder();
      if (shapes.getList().getShapeCount() > index) {
        shapes.getListBuilder().setShape(index, TensorShapeProto.newBuilder().setUnknownRank(true));
        f.putAttr("_input_shapes", shapes.build());
      }
    }
    if (f.containsArgAttr(index)) {
      var argAttrs = f.getArgAttrOrThrow(index).toBuilder();
      if (argAttrs.containsAttr("_output_shapes")) {
        AttrValue.Builder s = argAttrs.getAttrOrThrow("_output_shapes").toBuilder();
        if (s.getList().getShapeCount() > 0) {
          s.getListBuilder().setShape(0, TensorShapeProto.newBuilder().setUnknownRank(true));
        }
        argAttrs.putAttr("_output_shapes", s.build());
        f.putArgAttr(index, argAttrs.build());
      }
    }
  }

  private void convertReadVariable(Target target, NodeDef original) {
    NodeDef.Builder b = converted(target);
    b.clear().setName(original.getName()).setOp("Identity").addInput(input(target, original, 0))
        .putAttr("T", attr(target, original, "dtype"));
    copyClass(original, b);
    rewrites.add(new Change(original.getName(), "ReadVariableOp", where(target) + "became Identity of the frozen value"));
    if (target.function() != null) {
      // consumers inside functions name the output: x:value:0 must become x:output:0
      for (Edge e : outgoing(target)) {
        NodeDef.Builder dest = converted(e.dest());
        for (int i = 0; i < dest.getInputCount(); i++) {
          TensorRef ref = TensorRef.parse(dest.getInput(i));
          if (!ref.control() && ref.node().equals(original.getName()) && ref.output().equals("value")) {
            dest.setInput(i, ref.node() + ":output:" + ref.index());
          }
        }
      }
    }
  }

  private void convertResourceGather(Target target, NodeDef original) {
    long batchDims = original.getAttrOrDefault("batch_dims", AttrValue.getDefaultInstance()).getI();
    AttrValue tindices = attr(target, original, "Tindices");
    String axisName = original.getName() + "/axis";
    TensorProto.Builder axis = TensorProto.newBuilder().setDtype(tindices.getType())
        .setTensorShape(TensorShapeProto.getDefaultInstance());
    if (tindices.getType() == DataType.DT_INT64) {
      axis.addInt64Val(batchDims);
    } else {
      axis.addIntVal((int) batchDims);
    }
    NodeDef.Builder axisNode = NodeDef.newBuilder().setName(axisName).setOp("Const")
        .putAttr("dtype", tindices).putAttr("value", AttrValue.newBuilder().setTensor(axis).build());
    String axisInput;
    if (target.function() == null) {
      int at = main.index(axisName);
      if (at < 0) {
        addedMainNodes.add(main.add(axisNode.build()));
        insertBefore.put(axisName, original.getName());
      } else if (!sub.get(at) && !addedMainNodes.contains(at)) {
        // a node of that name outside the subgraph is not written: this one takes its place
        main.replace(at, axisNode.build());
        addedMainNodes.add(at);
        insertBefore.put(axisName, original.getName());
      }
      axisInput = axisName;
    } else {
      FunctionDef.Builder f = convertedFunction(target.function());
      if (f.getNodeDefList().stream().noneMatch(n -> n.getName().equals(axisName))) {
        f.addNodeDef(axisNode);
      }
      axisInput = axisName + ":output:0";
    }
    NodeDef.Builder b = converted(target);
    b.clear().setName(original.getName()).setOp("GatherV2").addInput(input(target, original, 0)).addInput(input(target, original, 1))
        .addInput(axisInput).putAttr("Tparams", attr(target, original, "dtype")).putAttr("Tindices", tindices)
        .putAttr("Taxis", tindices);
    if (batchDims != 0) {
      b.putAttr("batch_dims", AttrValue.newBuilder().setI(batchDims).build());
    }
    copyClass(original, b);
    rewrites.add(new Change(original.getName(), "ResourceGather", where(target) + "became GatherV2 with axis "
        + batchDims + (batchDims != 0 ? " and batch_dims " + batchDims : "")));
  }

  private void convertCaller(Target target, NodeDef original, int destIndex, ConstantValue value) {
    int first = firstFunctionInput(original.getOp());
    checkArity(target, original, first);
    List<Runnable> next = new ArrayList<>();
    for (Edge e : outgoing(target)) {
      if (e.sourceIndex() == destIndex && e.dest().isFunctionArgs()) {
        next.add(() -> convert(e.dest(), e.destIndex(), value));
      }
    }
    // the call is retyped after its callees' arguments, as the recursive walk did
    next.add(() -> retypeCaller(target, original, first, destIndex, value));
    scheduleNext(next);
  }

  private void retypeCaller(Target target, NodeDef original, int first, int destIndex, ConstantValue value) {
    NodeDef.Builder b = converted(target);
    String op = original.getOp();
    Map<Integer, ReturnedValue> returned = callers.computeIfAbsent(target, t -> new LinkedHashMap<>());
    removeReadOnlyInput(b, destIndex);
    if (destIndex < first) {
      return; // a predicate or branch index: no function sees it
    }
    updateDtype(b, typeAttr(op), destIndex - first, value.dtype().proto());
    // the outputs that now carry the value: a loop variable's own; for the others, those a
    // callee returns the argument through (each callee's copy retyped), all of them or some
    Map<Integer, Boolean> outputs = new LinkedHashMap<>();
    if (op.equals("While") || op.equals("StatelessWhile")) {
      outputs.put(destIndex, true);
      String body = attr(target, original, "body").getFunc().getName();
      if (functions.containsKey(body)) {
        FunctionDef.Builder f = convertedFunction(body);
        if (f.getSignature().getOutputArgCount() > destIndex) {
          f.getSignatureBuilder().getOutputArgBuilder(destIndex).setType(value.dtype().proto()).clearTypeAttr();
        }
      }
    } else {
      List<String> callees = calledFunctions(original).stream().filter(functions::containsKey).toList();
      for (String fn : callees) {
        for (int k : returnedArgument(functions.get(fn), destIndex - first)) {
          convertedFunction(fn).getSignatureBuilder().getOutputArgBuilder(k).setType(value.dtype().proto()).clearTypeAttr();
          outputs.merge(k, true, (x, y) -> true);
        }
      }
      outputs.replaceAll((k, x) -> callees.stream().allMatch(fn -> returnedArgument(functions.get(fn), destIndex - first).contains(k)));
    }
    List<Runnable> next = new ArrayList<>();
    for (var out : outputs.entrySet()) {
      int k = out.getKey();
      if (!op.equals("While") && !op.equals("StatelessWhile")) {
        updateDtype(b, "Tout", k, value.dtype().proto());
      }
      // every branch returns this value: its shape; some return another: a shape not known here
      TensorShapeProto shape = out.getValue() ? value.shape().toProto() : TensorShapeProto.newBuilder().setUnknownRank(true).build();
      setShape(b, "output_shapes", k, shape);
      setShape(b, "_output_shapes", k, shape);
      List<Use> uses = new ArrayList<>();
      for (Edge e : outgoing(target)) {
        if (!e.dest().isFunctionArgs() && e.sourceIndex() == k) {
          uses.add(new Use(e.dest().node(), e.destIndex()));
          next.add(() -> convert(e.dest(), e.destIndex(), value));
        }
      }
      returned.put(k, new ReturnedValue(k, value, out.getValue(), uses));
    }
    scheduleNext(next);
  }

  /** The outputs of {@code f} that return its argument {@code arg} as it is (directly or through Identity). */
  private static List<Integer> returnedArgument(FunctionDef f, int arg) {
    List<OpDef.ArgDef> args = f.getSignature().getInputArgList();
    if (arg >= args.size()) {
      return List.of();
    }
    Map<String, NodeDef> body = new HashMap<>();
    f.getNodeDefList().forEach(n -> body.put(n.getName(), n));
    List<Integer> out = new ArrayList<>();
    List<OpDef.ArgDef> results = f.getSignature().getOutputArgList();
    for (int k = 0; k < results.size(); k++) {
      String tensor = f.getRetMap().get(results.get(k).getName());
      for (int step = 0; tensor != null && step <= body.size(); step++) {
        TensorRef ref = TensorRef.parse(tensor);
        NodeDef n = body.get(ref.node());
        if (n == null) {
          if (ref.output().isEmpty() && ref.node().equals(args.get(arg).getName())) {
            out.add(k);
          }
          break;
        }
        tensor = n.getOp().equals("Identity") && n.getInputCount() > 0 ? n.getInput(0) : null;
      }
    }
    return out;
  }

  /** Entry {@code index} of a list-of-shapes attribute, where the node has one that long. */
  private static void setShape(NodeDef.Builder b, String attr, int index, TensorShapeProto shape) {
    AttrValue shapes = b.getAttrOrDefault(attr, null);
    if (shapes != null && shapes.getList().getShapeCount() > index) {
      AttrValue.Builder s = shapes.toBuilder();
      s.getListBuilder().setShape(index, shape);
      b.putAttr(attr, s.build());
    }
  }

  /** Drops input {@code index} from {@code _read_only_resource_inputs}: it is no longer a resource. */
  private static void removeReadOnlyInput(NodeDef.Builder b, int index) {
    AttrValue v = b.getAttrOrDefault("_read_only_resource_inputs", null);
    if (v != null && v.getList().getICount() > 0 && v.getList().getIList().contains((long) index)) {
      AttrValue.ListValue.Builder list = AttrValue.ListValue.newBuilder();
      v.getList().getIList().stream().filter(i -> i != index).forEach(list::addI);
      b.putAttr("_read_only_resource_inputs", AttrValue.newBuilder().setList(list).build());
    }
  }

  /** A call passes exactly as many data inputs as each function it calls takes (one per argument). */
  private void checkArity(Target target, NodeDef caller, int first) {
    long passed = caller.getInputList().stream().filter(i -> !i.startsWith("^")).count() - first;
    for (String fn : calledFunctions(caller)) {
      FunctionDef f = functions.get(fn);
      // an argument that is a list of tensors takes several inputs: no count to check then
      boolean lists = f != null && f.getSignature().getInputArgList().stream()
          .anyMatch(a -> !a.getNumberAttr().isEmpty() || !a.getTypeListAttr().isEmpty());
      if (f != null && !lists && f.getSignature().getInputArgCount() != passed) {
        throw new GraphProblem(where(target) + caller.getOp() + " node '" + caller.getName() + "' passes "
            + Math.max(passed, 0) + " input(s) to function '" + fn + "', which takes " + f.getSignature().getInputArgCount());
      }
    }
  }

  static void updateDtype(NodeDef.Builder b, String attr, int index, DataType dtype) {
    AttrValue v = b.getAttrOrDefault(attr, null);
    if (v == null) {
      return;
    }
    if (v.hasList() && v.getList().getTypeCount() > index) {
      AttrValue.Builder nb = v.toBuilder();
      nb.getListBuilder().setType(index, dtype);
      b.putAttr(attr, nb.build());
    } else if (v.getValueCase() == AttrValue.ValueCase.TYPE && index == 0) {
      b.putAttr(attr, AttrValue.newBuilder().setType(dtype).build());
    }
  }

  private static void copyClass(NodeDef from, NodeDef.Builder to) {
    if (from.containsAttr("_class")) {
      to.putAttr("_class", from.getAttrOrThrow("_class"));
    }
  }

  /** Data input {@code i} of a node a rewrite needs, or a {@link GraphProblem} naming what is missing. */
  private static String input(Target t, NodeDef n, int i) {
    if (n.getInputCount() <= i || n.getInput(i).startsWith("^")) {
      throw new GraphProblem(where(t) + n.getOp() + " node '" + n.getName() + "' has " + n.getInputCount()
          + " input(s); its op takes at least " + (i + 1));
    }
    return n.getInput(i);
  }

  /** Attribute {@code name} of a node a rewrite needs, or a {@link GraphProblem}. */
  private static AttrValue attr(Target t, NodeDef n, String name) {
    AttrValue v = n.getAttrOrDefault(name, null);
    if (v == null) {
      throw new GraphProblem(where(t) + n.getOp() + " node '" + n.getName() + "' lacks its attribute '" + name + "'");
    }
    return v;
  }

  private static String where(Target t) {
    return t.function() == null ? "" : "in function " + t.function() + ", ";
  }

  /** The number of main-graph node {@code t}. */
  private int mainIndex(Target t) {
    return t.index() >= 0 ? t.index() : main.index(t.node());
  }

  private NodeDef originalNode(Target t) {
    if (t.function() == null) {
      return main.node(mainIndex(t));
    }
    return functions.get(t.function()).getNodeDefList().stream().filter(n -> n.getName().equals(t.node()))
        .findFirst().orElseThrow();
  }

  /** The node to modify: in place for the main graph, in the converted copy for functions. */
  private NodeDef.Builder converted(Target t) {
    if (t.function() == null) {
      return main.edit(mainIndex(t));
    }
    FunctionDef.Builder f = convertedFunction(t.function());
    for (NodeDef.Builder n : f.getNodeDefBuilderList()) {
      if (n.getName().equals(t.node())) {
        return n;
      }
    }
    throw new IllegalStateException("no node " + t.node() + " in " + t.function());
  }

  private FunctionDef.Builder convertedFunction(String name) {
    return convertedFunctions.computeIfAbsent(name, n -> {
      String newName = uniqueName(n + "_frozen");
      newNames.put(n, newName);
      FunctionDef.Builder copy = functions.get(n).toBuilder();
      copy.getSignatureBuilder().setName(newName);
      return copy;
    });
  }

  private String uniqueName(String base) {
    String name = base;
    for (int i = 2; functions.containsKey(name) || newNames.containsValue(name); i++) {
      name = base + "_" + i;
    }
    return name;
  }

  /** Points function attributes of {@code node} at converted copies. */
  public static NodeDef.Builder renameCalls(NodeDef.Builder node, Map<String, String> newNames) {
    for (String a : List.copyOf(node.getAttrMap().keySet())) {
      AttrValue v = node.getAttrOrThrow(a);
      if (v.hasFunc() && newNames.containsKey(v.getFunc().getName())) {
        node.putAttr(a, v.toBuilder().setFunc(v.getFunc().toBuilder().setName(newNames.get(v.getFunc().getName()))).build());
      } else if (v.hasList() && v.getList().getFuncCount() > 0) {
        AttrValue.Builder nb = v.toBuilder();
        for (int i = 0; i < nb.getList().getFuncCount(); i++) {
          NameAttrList f = nb.getList().getFunc(i);
          if (newNames.containsKey(f.getName())) {
            nb.getListBuilder().setFunc(i, f.toBuilder().setName(newNames.get(f.getName())));
          }
        }
        node.putAttr(a, nb.build());
      }
    }
    return node;
  }
}
