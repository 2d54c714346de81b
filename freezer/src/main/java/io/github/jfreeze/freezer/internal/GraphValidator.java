package io.github.jfreeze.freezer.internal;

import io.github.jfreeze.proto.AttrValue;
import io.github.jfreeze.proto.FunctionDef;
import io.github.jfreeze.proto.FunctionDefLibrary;
import io.github.jfreeze.proto.GraphDef;
import io.github.jfreeze.proto.NodeDef;
import io.github.jfreeze.proto.OpDef;
import io.github.jfreeze.proto.OpList;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a graph's structure the way TensorFlow's importer does, before anything is written: every
 * node name is unique; every input names an existing node (or, inside a function, an argument) and
 * an output that node has; there is no cycle except through a {@code NextIteration} back edge (the
 * only cycles a loop frame makes). The main graph and every function body are checked.
 *
 * <p>How many outputs a node has comes from its op's signature: {@code ops.pb} beside this class,
 * written from native TF 2.18's op registry by testdata-generator's {@code OpListExporter} (the
 * command is in its comment), or from the function's signature for a call of a library function.
 * A node of an op neither knows is checked for its name only. All walks are iterative: the
 * depth of a graph never reaches the Java stack.
 *
 * <p>Over 400 lines because the main graph and function bodies are checked by two forms of the same
 * rules: the main graph over a {@link NodeTable} (node numbers and int arrays, so a million nodes
 * are checked without a protobuf object each), function bodies over their few NodeDefs.
 */
public final class GraphValidator {
  private static final Map<String, OpDef> OPS = loadOps();
  private static final Set<String> BACK_EDGE_OPS = Set.of("NextIteration", "RefNextIteration");

  private GraphValidator() {}

  private static Map<String, OpDef> loadOps() {
    try (InputStream in = GraphValidator.class.getResourceAsStream("ops.pb")) {
      if (in == null) {
        throw new IllegalStateException("ops.pb is missing from the freezer jar");
      }
      Map<String, OpDef> ops = new HashMap<>();
      OpList.parseFrom(in).getOpList().forEach(op -> ops.put(op.getName(), op));
      return ops;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read ops.pb from the freezer jar", e);
    }
  }

  /** The signature of {@code op} in native TF 2.18's registry, or null. */
  static OpDef opDef(String op) {
    return OPS.get(op);
  }

  /** Whether native TF 2.18 registers {@code op}. */
  public static boolean isKnownOp(String op) {
    return OPS.containsKey(op);
  }

  /** Fails on the first node name that appears twice in a function body. */
  public static void checkUniqueNames(FunctionDefLibrary library) {
    Set<String> seen = new HashSet<>();
    for (FunctionDef f : library.getFunctionList()) {
      seen.clear();
      for (NodeDef n : f.getNodeDefList()) {
        if (!seen.add(n.getName())) {
          throw new GraphProblem("node '" + n.getName() + "' is defined twice in function '" + f.getSignature().getName() + "'");
        }
      }
    }
  }

  /** Fails on the first node name that appears twice in the main graph. */
  public static void checkUniqueNames(NodeTable nodes) {
    if (nodes.duplicateName() != null) {
      throw new GraphProblem("node '" + nodes.duplicateName() + "' is defined twice");
    }
  }

  /**
   * Checks the whole graph (see the class comment) and that each of {@code outputs} ({@code node}
   * or {@code node:i}) names an output its node has.
   */
  public static void validate(GraphDef g, List<String> outputs) {
    NodeTable nodes = NodeTable.of(g.getNodeList());
    int[] order = new int[nodes.size()];
    Arrays.setAll(order, i -> i);
    validate(nodes, order, g.getLibrary(), outputs);
  }

  /**
   * Checks the graph made of the nodes {@code order} lists, in that order, with {@code library}.
   *
   * @param nodes the nodes, numbered
   * @param order the graph's nodes (no number twice)
   * @param library its function library
   * @param outputs tensors that must exist ({@code node} or {@code node:i})
   */
  public static void validate(NodeTable nodes, int[] order, FunctionDefLibrary library, List<String> outputs) {
    checkUniqueNames(nodes);
    checkUniqueNames(library);
    Map<String, FunctionDef> functions = new HashMap<>();
    library.getFunctionList().forEach(f -> functions.put(f.getSignature().getName(), f));
    BitSet in = new BitSet(nodes.size());
    for (int i : order) {
      in.set(i);
    }
    int[] counts = new int[nodes.size()];
    Arrays.fill(counts, -2);
    for (int i : order) {
      for (int k = 0; k < nodes.inputCount(i); k++) {
        int p = nodes.producer(i, k);
        if (p < 0 || !in.get(p)) {
          String input = nodes.node(i).getInput(k);
          throw new GraphProblem("node '" + nodes.name(i) + "' has input '" + input + "', which names no node");
        }
        if (!nodes.isControl(i, k)) {
          int index = nodes.outputIndex(i, k);
          if (index >= outputCount(nodes, p, functions, counts)) {
            checkIndex(nodes.node(p), index, functions, "node '" + nodes.name(i) + "' input '" + nodes.node(i).getInput(k) + "'", "");
          }
        }
      }
    }
    checkAcyclic(nodes, order, in);
    for (String o : outputs) {
      TensorRef ref = TensorRef.parse(o);
      int p = nodes.index(ref.node());
      if (p >= 0 && in.get(p)) {
        checkIndex(nodes.node(p), ref.index(), functions, "output '" + o + "'", "");
      }
    }
    for (FunctionDef f : library.getFunctionList()) {
      validateFunction(f, functions);
    }
  }

  /**
   * How many outputs node {@code p} has ({@link Integer#MAX_VALUE} when unknown), from its op alone
   * where the op's outputs do not depend on attributes, so most nodes are never parsed.
   */
  private static int outputCount(NodeTable nodes, int p, Map<String, FunctionDef> functions, int[] counts) {
    if (counts[p] == -2) {
      String op = nodes.op(p);
      FunctionDef f = functions.get(op);
      List<OpDef.ArgDef> args = f != null ? f.getSignature().getOutputArgList() : OPS.containsKey(op) ? OPS.get(op).getOutputArgList() : null;
      boolean fixed = args != null;
      for (int k = 0; fixed && k < args.size(); k++) { // (a loop, not a stream: once per kept node)
        fixed = args.get(k).getNumberAttr().isEmpty() && args.get(k).getTypeListAttr().isEmpty();
      }
      counts[p] = args == null ? -1 : fixed ? args.size() : outputCount(nodes.node(p), functions);
    }
    return counts[p] < 0 ? Integer.MAX_VALUE : counts[p];
  }

  private static void checkIndex(NodeDef src, int index, Map<String, FunctionDef> functions, String what, String where) {
    int count = outputCount(src, functions);
    if (count >= 0 && index >= count) {
      throw new GraphProblem(what + where + " asks for output " + index + " of '" + src.getName() + "', but its op "
          + src.getOp() + " has " + count + " output" + (count == 1 ? "" : "s"));
    }
  }

  /** Kahn's algorithm over data and control edges of the main graph, leaving out edges that leave a {@code NextIteration}. */
  private static void checkAcyclic(NodeTable nodes, int[] order, BitSet in) {
    int[] pending = new int[nodes.size()];
    NodeTable.Consumers consumers = nodes.consumers(in);
    IntQueue ready = new IntQueue();
    for (int i : order) {
      int count = 0;
      for (int k = 0; k < nodes.inputCount(i); k++) {
        count += BACK_EDGE_OPS.contains(nodes.op(nodes.producer(i, k))) ? 0 : 1;
      }
      pending[i] = count;
      if (count == 0) {
        ready.add(i);
      }
    }
    int done = 0;
    while (!ready.isEmpty()) {
      int p = ready.poll();
      done++;
      if (BACK_EDGE_OPS.contains(nodes.op(p))) {
        continue;
      }
      for (int j = 0; j < consumers.count(p); j++) {
        int c = consumers.consumer(p, j);
        if (--pending[c] == 0) {
          ready.add(c);
        }
      }
    }
    if (done < order.length) {
      List<String> inCycle = onCycles(nodes, order, pending, consumers);
      throw new GraphProblem(inCycle.size() + " node(s) are in a cycle that no loop frame makes "
          + "(no NextIteration back edge), e.g. " + String.join(", ", inCycle.subList(0, Math.min(5, inCycle.size()))));
    }
  }

  /** Of the nodes Kahn's walk left ({@code pending > 0}), those on a cycle, in graph order (as for function bodies). */
  private static List<String> onCycles(NodeTable nodes, int[] order, int[] pending, NodeTable.Consumers consumers) {
    BitSet left = new BitSet(nodes.size());
    for (int i : order) {
      if (pending[i] > 0) {
        left.set(i);
      }
    }
    int[] outDegree = new int[nodes.size()];
    IntQueue sinks = new IntQueue();
    for (int p = left.nextSetBit(0); p >= 0; p = left.nextSetBit(p + 1)) {
      int d = 0;
      if (!BACK_EDGE_OPS.contains(nodes.op(p))) {
        for (int j = 0; j < consumers.count(p); j++) {
          d += left.get(consumers.consumer(p, j)) ? 1 : 0;
        }
      }
      outDegree[p] = d;
      if (d == 0) {
        sinks.add(p);
      }
    }
    while (!sinks.isEmpty()) {
      int c = sinks.poll();
      left.clear(c);
      for (int k = 0; k < nodes.inputCount(c); k++) {
        int p = nodes.producer(c, k);
        if (left.get(p) && !BACK_EDGE_OPS.contains(nodes.op(p)) && --outDegree[p] == 0) {
          sinks.add(p);
        }
      }
    }
    List<String> ordered = new ArrayList<>();
    for (int i : order) {
      if (left.get(i)) {
        ordered.add(nodes.name(i));
      }
    }
    return ordered;
  }

  /** The node's number of output tensors, or -1 when its op is not known here or an attribute it needs is missing. */
  static int outputCount(NodeDef n, Map<String, FunctionDef> functions) {
    FunctionDef f = functions.get(n.getOp());
    List<OpDef.ArgDef> args;
    if (f != null) {
      args = f.getSignature().getOutputArgList();
    } else {
      OpDef op = OPS.get(n.getOp());
      if (op == null) {
        return -1;
      }
      args = op.getOutputArgList();
    }
    int count = 0;
    for (OpDef.ArgDef a : args) {
      int c = argCount(n, a);
      if (c < 0) {
        return -1;
      }
      count += c;
    }
    return count;
  }

  /** How many tensors {@code a} stands for on node {@code n}: 1, or the value of its number or type-list attribute. */
  static int argCount(NodeDef n, OpDef.ArgDef a) {
    if (!a.getNumberAttr().isEmpty()) {
      AttrValue v = n.getAttrMap().get(a.getNumberAttr());
      return v == null || v.getValueCase() != AttrValue.ValueCase.I || v.getI() < 0 || v.getI() > Integer.MAX_VALUE
          ? -1 : (int) v.getI();
    }
    if (!a.getTypeListAttr().isEmpty()) {
      AttrValue v = n.getAttrMap().get(a.getTypeListAttr());
      return v == null || v.getValueCase() != AttrValue.ValueCase.LIST ? -1 : v.getList().getTypeCount();
    }
    return 1;
  }

  /** Kahn's algorithm over data and control edges, leaving out edges that leave a {@code NextIteration}. */
  private static void checkAcyclic(List<NodeDef> list, Map<String, NodeDef> nodes, String where) {
    Map<String, Integer> pending = new HashMap<>();
    Map<String, List<String>> consumers = new HashMap<>();
    for (NodeDef n : list) {
      int count = 0;
      for (String input : n.getInputList()) {
        String src = TensorRef.nodeName(input);
        NodeDef s = nodes.get(src);
        if (s == null || BACK_EDGE_OPS.contains(s.getOp())) {
          continue; // a function argument, or a loop's back edge
        }
        consumers.computeIfAbsent(src, k -> new ArrayList<>()).add(n.getName());
        count++;
      }
      pending.put(n.getName(), count);
    }
    ArrayDeque<String> ready = new ArrayDeque<>();
    pending.forEach((name, c) -> {
      if (c == 0) {
        ready.add(name);
      }
    });
    int done = 0;
    while (!ready.isEmpty()) {
      String name = ready.poll();
      done++;
      for (String c : consumers.getOrDefault(name, List.of())) {
        if (pending.merge(c, -1, Integer::sum) == 0) {
          ready.add(c);
        }
      }
    }
    if (done < pending.size()) {
      List<String> inCycle = onCycles(list, pending, consumers);
      throw new GraphProblem(inCycle.size() + " node(s)" + where + " are in a cycle that no loop frame makes "
          + "(no NextIteration back edge), e.g. " + String.join(", ", inCycle.subList(0, Math.min(5, inCycle.size()))));
    }
  }

  /**
   * Of the nodes Kahn's walk could not reach ({@code pending > 0}), those on a cycle: the ones
   * downstream of a cycle are peeled off from the consumer side, so what is left leads back to itself.
   */
  private static List<String> onCycles(List<NodeDef> list, Map<String, Integer> pending, Map<String, List<String>> consumers) {
    Set<String> left = new HashSet<>();
    pending.forEach((name, c) -> {
      if (c > 0) {
        left.add(name);
      }
    });
    Map<String, Integer> outDegree = new HashMap<>();
    Map<String, List<String>> producers = new HashMap<>();
    for (String name : left) {
      int d = 0;
      for (String c : consumers.getOrDefault(name, List.of())) {
        if (left.contains(c)) {
          d++;
          producers.computeIfAbsent(c, k -> new ArrayList<>()).add(name);
        }
      }
      outDegree.put(name, d);
    }
    ArrayDeque<String> sinks = new ArrayDeque<>();
    outDegree.forEach((name, d) -> {
      if (d == 0) {
        sinks.add(name);
      }
    });
    while (!sinks.isEmpty()) {
      String name = sinks.poll();
      left.remove(name);
      for (String p : producers.getOrDefault(name, List.of())) {
        if (outDegree.merge(p, -1, Integer::sum) == 0) {
          sinks.add(p);
        }
      }
    }
    List<String> ordered = new ArrayList<>();
    for (NodeDef n : list) {
      if (left.contains(n.getName())) {
        ordered.add(n.getName());
      }
    }
    return ordered;
  }

  private static void validateFunction(FunctionDef f, Map<String, FunctionDef> functions) {
    String where = " in function '" + f.getSignature().getName() + "'";
    Set<String> args = new HashSet<>();
    f.getSignature().getInputArgList().forEach(a -> args.add(a.getName()));
    Map<String, NodeDef> body = new HashMap<>();
    f.getNodeDefList().forEach(n -> body.put(n.getName(), n));
    for (NodeDef n : f.getNodeDefList()) {
      for (String input : n.getInputList()) {
        checkBodyInput("node '" + n.getName() + "'" + where + " input '" + input + "'", input, args, body, functions);
      }
    }
    for (var ret : f.getRetMap().entrySet()) {
      checkBodyInput("return value '" + ret.getKey() + "'" + where + " ('" + ret.getValue() + "')", ret.getValue(), args, body,
          functions);
    }
    for (var ret : f.getControlRetMap().entrySet()) {
      if (!body.containsKey(ret.getValue())) {
        throw new GraphProblem("control return '" + ret.getKey() + "'" + where + " names no node ('" + ret.getValue() + "')");
      }
    }
    checkAcyclic(f.getNodeDefList(), body, where);
  }

  /** A body input: {@code arg}, {@code ^node}, or {@code node:output_arg:index}. */
  private static void checkBodyInput(String what, String input, Set<String> args, Map<String, NodeDef> body,
      Map<String, FunctionDef> functions) {
    TensorRef ref = TensorRef.parse(input);
    NodeDef src = body.get(ref.node());
    if (src == null) {
      if (ref.control() || !args.contains(ref.node()) || !ref.output().isEmpty()) {
        throw new GraphProblem(what + " names neither a node of the body nor an argument");
      }
      return;
    }
    if (ref.control() || ref.output().isEmpty()) {
      return; // a control input, or a bare node name, which TF reads as its first output
    }
    FunctionDef f = functions.get(src.getOp());
    List<OpDef.ArgDef> outs = f != null ? f.getSignature().getOutputArgList()
        : OPS.containsKey(src.getOp()) ? OPS.get(src.getOp()).getOutputArgList() : null;
    if (outs == null) {
      return;
    }
    for (OpDef.ArgDef a : outs) {
      if (a.getName().equals(ref.output())) {
        int count = argCount(src, a);
        if (count >= 0 && ref.index() >= count) {
          throw new GraphProblem(what + " asks for element " + ref.index() + " of output '" + a.getName() + "' of '"
              + src.getName() + "', which has " + count);
        }
        return;
      }
    }
    throw new GraphProblem(what + ": op " + src.getOp() + " of '" + src.getName() + "' has no output named '" + ref.output() + "'");
  }
}
