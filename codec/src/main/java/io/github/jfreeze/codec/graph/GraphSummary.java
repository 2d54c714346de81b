package io.github.jfreeze.codec.graph;

import com.google.protobuf.ByteString;
import io.github.jfreeze.codec.DType;
import io.github.jfreeze.proto.AttrValue;
import io.github.jfreeze.proto.CollectionDef;
import io.github.jfreeze.proto.GraphDef;
import io.github.jfreeze.proto.MetaGraphDef;
import io.github.jfreeze.proto.NodeDef;
import io.github.jfreeze.proto.SaverDef;
import io.github.jfreeze.proto.TensorShapeProto;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a graph holds at a glance, in the spirit of TF's {@code summarize_graph} tool
 * ({@code tensorflow/tools/graph_transforms/summarize_graph_main.cc}): node count, op histogram,
 * likely inputs (placeholders), likely outputs (nodes nothing consumes), variables and the size of
 * the function library. Only the graph's own nodes are looked at, not function bodies.
 *
 * <pre>{@code
 * GraphSummary s = GraphSummary.of(GraphFile.read(Path.of("frozen.pb")).graphDef());
 * s.inputs().forEach(p -> System.out.println(p.name() + " " + p.dtype() + p.shape()));
 * }</pre>
 *
 * <p>"Likely outputs" follows summarize_graph: a node is one when no other node names it as an
 * input (data input {@code name}, {@code name:1}, or control input {@code ^name}) and its op is
 * not {@code Const}, {@code NoOp}, a placeholder, an {@code Assign*} op, a variable, a plain
 * read of a variable ({@code v/read}) or a variable-initialization check. Unlike summarize_graph, the save/restore subgraph is left out
 * too (nodes under {@code save/} or {@code save_N/}, the nodes a {@link SaverDef} names, and
 * checkpoint ops such as {@code SaveV2}, {@code RestoreV2} and {@code MergeV2Checkpoints}).
 *
 * <p>Over 500 lines, about 160 of them Javadoc: the summary's records ({@code OpCount}, {@code
 * Input}, {@code Output}, {@code Variable}), the index of node names, and one pass over the nodes
 * ({@link SummaryNodes}, which {@code GraphScan} fills).
 */
public final class GraphSummary {

  /** How many nodes use an op. */
  public record OpCount(String op, int count) {}

  /**
   * A placeholder: a likely input.
   *
   * @param dtype its {@code dtype} attr, {@code null} when absent or not a known type
   * @param shape its {@code shape} attr, {@link PartialShape#UNKNOWN} when absent
   */
  public record Input(String name, String op, DType dtype, PartialShape shape) {}

  /** A node nothing consumes: a likely output. */
  public record Output(String name, String op) {}

  /**
   * A variable of the graph.
   *
   * @param name the variable's node name ({@code dense/kernel})
   * @param op its op ({@code VariableV2}, {@code VarHandleOp}, ...), empty when the node is missing
   * @param dtype the node's {@code dtype} attr, {@code null} if unknown
   * @param shape the node's {@code shape} attr
   * @param trainable from the MetaGraphDef's collections; {@code null} for a bare GraphDef
   */
  public record Variable(String name, String op, DType dtype, PartialShape shape, Boolean trainable) {}

  /** Ops that hold state rather than compute a result. */
  static final Set<String> VARIABLE_OPS = OpVocabulary.STATE_VARIABLES;

  private static final Set<String> PLACEHOLDER_OPS = OpVocabulary.PLACEHOLDERS;

  private static final Set<String> NOT_OUTPUT_OPS = OpVocabulary.union(Set.of("Const", "NoOp"),
      OpVocabulary.INITIALIZATION_CHECKS);

  private static final Set<String> CHECKPOINT_OPS = OpVocabulary.union(OpVocabulary.CHECKPOINT_IO,
      OpVocabulary.CHECKPOINT_NAMING);

  private static final Pattern SAVER_SCOPE = Pattern.compile("save(_\\d+)?/.*");

  private final int nodeCount;
  private final int functionCount;
  private final List<OpCount> ops;
  private final List<Input> inputs;
  private final List<Output> outputs;
  private final List<Variable> variables;
  private final boolean variablesFromCollection;
  private final long constParameters;
  private final int controlEdges;
  private final List<String> missingInputs;
  private final List<String> initNodes;

  private static SummaryNodes views(GraphDef graph) {
    SummaryNodes out = new SummaryNodes();
    for (NodeDef n : graph.getNodeList()) {
      long constElements = n.getOp().equals("Const") ? PartialShape.fromProto(n.getAttrOrDefault("value",
          AttrValue.getDefaultInstance()).getTensor().getTensorShape()).numElements() : 0;
      out.node(n.getName(), n.getOp(), dtypeAttr(n.getAttrMap().get("dtype")), shapeAttr(n.getAttrMap().get("shape")),
          constElements);
      for (int k = 0; k < n.getInputCount(); k++) {
        out.input(n.getInput(k));
      }
    }
    return out;
  }

  /**
   * TF's {@code Placeholder} before graph version 22 could not say "unknown shape": there a shape
   * attribute of rank 0 (or unknown rank) means unknown, as TF's shape function reads it
   * ({@code array_ops.cc}, {@code graph_def_version() <= 21}).
   */
  static PartialShape placeholderShape(String op, PartialShape shape, int producer) {
    return op.equals("Placeholder") && producer <= 21 && shape.rank() <= 0 ? PartialShape.UNKNOWN : shape;
  }

  GraphSummary(SummaryNodes nodes, int functionCount, MetaGraphDef meta, int producer) {
    // one hash lookup per input: node names to the index of the first node so named, and whether
    // anything consumes it (inspect of a 100,000-node graph spends most of its summary here)
    NameIndex index = new NameIndex(nodes);
    int[] canonical = index.canonical;
    int n = nodes.size;
    boolean[] consumed = new boolean[n];
    nodeCount = n;
    this.functionCount = functionCount;

    int[] counts = new int[nodes.opNames.size()];
    List<String> missing = new ArrayList<>();
    int control = 0;
    for (int i = 0; i < n; i++) {
      counts[nodes.op[i]]++;
      for (int k = nodes.firstInput[i]; k < nodes.firstInput[i + 1]; k++) {
        if (nodes.isControl(k)) {
          control++;
        }
        int source = index.input(k);
        if (source < 0) {
          missing.add(nodes.name(i) + " <- " + nodes.input(k));
        } else {
          consumed[source] = true;
        }
      }
    }
    List<OpCount> opCounts = new ArrayList<>();
    for (int o = 0; o < counts.length; o++) {
      opCounts.add(new OpCount(nodes.opNames.get(o), counts[o]));
    }
    // most used first, then by name (one lambda of this class: those Comparator.comparing makes are
    // made at run time, as the class-data archive cannot hold a lambda of an interface's)
    opCounts.sort((a, b) -> a.count() != b.count() ? Integer.compare(b.count(), a.count()) : a.op().compareTo(b.op()));
    ops = List.copyOf(opCounts);
    controlEdges = control;
    constParameters = nodes.constParameters;
    missingInputs = List.copyOf(missing);

    Set<String> saverNodes = new HashSet<>();
    if (meta != null && meta.hasSaverDef()) {
      SaverDef s = meta.getSaverDef();
      for (String t : List.of(s.getFilenameTensorName(), s.getSaveTensorName(), s.getRestoreOpName())) {
        if (!t.isEmpty()) {
          saverNodes.add(nodeName(t));
        }
      }
    }
    // what each op is, once per op rather than set lookups per node
    boolean[] placeholder = new boolean[counts.length];
    boolean[] notOutput = new boolean[counts.length];
    for (int o = 0; o < counts.length; o++) {
      String op = nodes.opNames.get(o);
      placeholder[o] = PLACEHOLDER_OPS.contains(op);
      notOutput[o] = NOT_OUTPUT_OPS.contains(op) || placeholder[o] || op.startsWith("Assign") || VARIABLE_OPS.contains(op)
          || CHECKPOINT_OPS.contains(op);
    }
    List<Input> in = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (placeholder[nodes.op[i]]) {
        String name = nodes.name(i);
        if (!SAVER_SCOPE.matcher(name).matches() && !saverNodes.contains(name)) {
          String op = nodes.opName(i);
          in.add(new Input(name, op, nodes.dtype[i], placeholderShape(op, nodes.shape(i), producer)));
        }
      }
    }
    inputs = List.copyOf(in);

    List<Output> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (consumed[canonical[i]] || notOutput[nodes.op[i]]) {
        continue;
      }
      String name = nodes.name(i);
      if (SAVER_SCOPE.matcher(name).matches() || saverNodes.contains(name) || isVariableRead(i, nodes, index)) {
        continue;
      }
      out.add(new Output(name, nodes.opName(i)));
    }
    outputs = List.copyOf(out);

    // what a runner runs once before the outputs: the loader's init op and table initializers, or
    // in a bare graph the init_all_tables node jfreeze freeze writes
    List<String> init = new ArrayList<>();
    for (String r : InitOps.roots(meta)) {
      if (index.get(r) >= 0) {
        init.add(r);
      }
    }
    if (init.isEmpty() && index.get(OpVocabulary.TABLE_INIT_NODE) >= 0) {
      init.add(OpVocabulary.TABLE_INIT_NODE);
    }
    initNodes = List.copyOf(init);

    List<Variable> fromCollection = meta == null ? null : variablesFromCollections(meta, nodes, index);
    variablesFromCollection = fromCollection != null;
    if (fromCollection != null) {
      variables = fromCollection;
    } else {
      List<Variable> vars = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (VARIABLE_OPS.contains(nodes.opName(i))) {
          vars.add(variable(nodes, i, null));
        }
      }
      variables = List.copyOf(vars);
    }
  }

  private static Variable variable(SummaryNodes nodes, int i, Boolean trainable) {
    return new Variable(nodes.name(i), nodes.opName(i), nodes.dtype[i], nodes.shape(i), trainable);
  }

  /**
   * Summarizes a bare GraphDef (variables from its variable ops). Names are compared as their UTF-8
   * bytes: a name built in memory with an unpaired surrogate (which no parsed file holds) is taken
   * as protobuf would write it, with {@code ?} for the surrogate.
   *
   * @param graph the graph
   * @return its summary
   * @throws NullPointerException if {@code graph} is null
   */
  public static GraphSummary of(GraphDef graph) {
    Objects.requireNonNull(graph, "graph is null");
    return new GraphSummary(views(graph), graph.getLibrary().getFunctionCount(), null, graph.getVersions().getProducer());
  }

  /**
   * Summarizes a MetaGraphDef's graph, taking variables from its {@code variables} collection
   * when there is one (with {@code trainable} from {@code trainable_variables}) and leaving out
   * the nodes its {@link SaverDef} names.
   *
   * @param meta the MetaGraphDef
   * @return the summary of its graph
   * @throws NullPointerException if {@code meta} is null
   */
  public static GraphSummary of(MetaGraphDef meta) {
    Objects.requireNonNull(meta, "meta is null");
    return new GraphSummary(views(meta.getGraphDef()), meta.getGraphDef().getLibrary().getFunctionCount(), meta,
        meta.getGraphDef().getVersions().getProducer());
  }

  /**
   * The node a tensor or input name refers to: {@code ^a} and {@code a:1} are node {@code a}.
   *
   * @param input a tensor name or a node's input
   * @return the node name, without {@code ^} and output index
   */
  public static String nodeName(String input) {
    int start = input.startsWith("^") ? 1 : 0;
    int colon = input.indexOf(':', start);
    return input.substring(start, colon < 0 ? input.length() : colon);
  }

  /**
   * Node names to the index of the first node so named: open addressing over one array (each slot
   * holds a name's hash and its node), so a graph of 100,000 nodes adds a few objects, not 200,000
   * map entries and boxed indices, and a probe reads one slot before it touches a name's bytes.
   * Names and inputs are looked up by their UTF-8 bytes, hashed as they were added to the {@link
   * SummaryNodes} (benchmark: IndexParseBenchmark.scanMetaGraph, inspect of many).
   */
  private static final class NameIndex {
    private final SummaryNodes nodes;
    /** Per slot: the name's hash in the high 32 bits and its node's index + 1 in the low ones; 0 where empty. */
    private final long[] slots;
    private final int mask;
    private final int shift;
    /** For each node, the index of the first node with its name (itself, unless the name repeats). */
    final int[] canonical;

    NameIndex(SummaryNodes nodes) {
      this.nodes = nodes;
      int capacity = Integer.highestOneBit(Math.max(4, nodes.size * 2 - 1)) << 1;
      slots = new long[capacity];
      mask = capacity - 1;
      shift = Integer.numberOfLeadingZeros(capacity) + 1;
      canonical = new int[nodes.size];
      for (int i = 0; i < nodes.size; i++) {
        int h = nodes.nameHash[i];
        int slot = slot(h, nodes.names, nodes.nameFrom(i), nodes.nameEnd[i]);
        if (slots[slot] == 0) {
          slots[slot] = (long) h << 32 | (i + 1);
        }
        canonical[i] = (int) slots[slot] - 1;
      }
    }

    /** The slot holding the name {@code b[from, to)} of hash {@code h}, or the empty slot where it would go. */
    private int slot(int h, byte[] b, int from, int to) {
      // Fibonacci hashing: names such as expert_1234/kernel hash to runs of nearby values, which
      // the low bits alone would pile into long probe sequences
      int slot = (h * 0x9E3779B9) >>> shift;
      for (long s = slots[slot]; s != 0; s = slots[slot]) {
        int i = (int) s - 1;
        if ((int) (s >>> 32) == h && Arrays.equals(nodes.names, nodes.nameFrom(i), nodes.nameEnd[i], b, from, to)) {
          return slot;
        }
        slot = (slot + 1) & mask;
      }
      return slot;
    }

    /** The index of the first node named {@code b[from, to)} (of hash {@code h}), or -1. */
    private int get(int h, byte[] b, int from, int to) {
      return (int) slots[slot(h, b, from, to)] - 1;
    }

    /** The index of the first node named {@code name}, or -1. */
    int get(String name) {
      byte[] b = name.getBytes(StandardCharsets.UTF_8);
      return get(SummaryNodes.hash(b, 0, b.length), b, 0, b.length);
    }

    /** The index of the first node input {@code k} of {@link #nodes} refers to, or -1. */
    int input(int k) {
      byte[] b = nodes.inputs;
      int start = SummaryNodes.nodeNameStart(b, nodes.inputFrom(k), nodes.inputEnd[k]);
      return get(nodes.inputHash[k], b, start, SummaryNodes.nodeNameEnd(b, start, nodes.inputEnd[k]));
    }

    /** As {@link #input}, for an input or tensor name ({@code ^a}, {@code a:1}, {@code a}) in UTF-8 at {@code b[from, to)}. */
    int getNodeOf(byte[] b, int from, int to) {
      int start = SummaryNodes.nodeNameStart(b, from, to);
      int end = SummaryNodes.nodeNameEnd(b, start, to);
      return get(SummaryNodes.hash(b, start, end), b, start, end);
    }
  }

  /** A TF1 variable snapshot ({@code v/read}) or a {@code ReadVariableOp} of a variable handle. */
  private static boolean isVariableRead(int i, SummaryNodes nodes, NameIndex index) {
    String op = nodes.opName(i);
    if (!op.equals("Identity") && !op.equals("ReadVariableOp")) {
      return false;
    }
    int data = -1;
    for (int k = nodes.firstInput[i]; k < nodes.firstInput[i + 1]; k++) {
      if (!nodes.isControl(k)) {
        if (data >= 0) {
          return false;
        }
        data = k;
      }
    }
    int source = data < 0 ? -1 : index.input(data);
    return source >= 0 && VARIABLE_OPS.contains(nodes.opName(source));
  }

  /**
   * The {@code variables} collection, in order, each variable once; {@code trainable} when it is
   * also in {@code trainable_variables} or its VariableDef says so. A name the graph has is looked
   * up by its bytes and marked by node (a training graph lists each of 20,000 variables with its
   * optimizer slots); only names the graph lacks are kept as Strings.
   */
  private static List<Variable> variablesFromCollections(MetaGraphDef meta, SummaryNodes nodes, NameIndex index) {
    CollectionDef vars = meta.getCollectionDefMap().get("variables");
    if (vars == null || !vars.hasBytesList()) {
      return null;
    }
    VariableRef ref = new VariableRef();
    boolean[] trainable = new boolean[nodes.size];
    Set<String> trainableElsewhere = new HashSet<>();
    CollectionDef tv = meta.getCollectionDefMap().get("trainable_variables");
    if (tv != null && tv.hasBytesList()) {
      for (ByteString b : tv.getBytesList().getValueList()) {
        if (ref.read(b, index)) {
          if (ref.node >= 0) {
            trainable[ref.node] = true;
          } else {
            trainableElsewhere.add(ref.missing);
          }
        }
      }
    }
    List<Variable> out = new ArrayList<>();
    boolean[] listed = new boolean[nodes.size];
    Set<String> listedElsewhere = new HashSet<>();
    for (ByteString b : vars.getBytesList().getValueList()) {
      if (!ref.read(b, index)) {
        continue;
      }
      if (ref.node >= 0) {
        if (!listed[ref.node]) {
          listed[ref.node] = true;
          out.add(variable(nodes, ref.node, trainable[ref.node] || ref.trainable));
        }
      } else if (listedElsewhere.add(ref.missing)) {
        out.add(new Variable(ref.missing, "", null, PartialShape.UNKNOWN,
            trainableElsewhere.contains(ref.missing) || ref.trainable));
      }
    }
    return List.copyOf(out);
  }

  /**
   * A VariableDef of a collection, found in the graph: its node, looked up by the bytes of its
   * name (a training graph lists each of 20,000 variables with its optimizer slots, so no String
   * per entry), or the node name the graph lacks.
   */
  private static final class VariableRef {
    private final VariableDefFacts.Reader reader = new VariableDefFacts.Reader();
    /** The first node of the variable's node name, or -1. */
    int node;
    /** The node name when {@link #node} is -1. */
    String missing;
    /** The VariableDef's own {@code trainable}. */
    boolean trainable;

    /** Reads {@code b}; false when protobuf cannot parse it (then it is left out, as before). */
    boolean read(ByteString b, NameIndex index) {
      String name;
      if (reader.read(b)) {
        trainable = reader.trainable;
        node = index.getNodeOf(reader.bytes, reader.nameFrom, reader.nameTo);
        name = node < 0 ? nodeName(reader.variableName()) : null;
      } else {
        VariableDefFacts.Facts d = VariableDefFacts.parsed(b);
        if (d == null) {
          return false;
        }
        trainable = d.trainable();
        name = nodeName(d.variableName());
        node = index.get(name);
      }
      missing = node < 0 ? name : null;
      return true;
    }
  }

  static DType dtypeAttr(AttrValue v) {
    if (v == null || !v.hasType()) {
      return null;
    }
    return DType.find(v.getTypeValue());
  }

  static PartialShape shapeAttr(AttrValue v) {
    if (v == null || !v.hasShape()) {
      return PartialShape.UNKNOWN;
    }
    TensorShapeProto p = v.getShape();
    return PartialShape.fromProto(p);
  }

  /**
   * The number of nodes in the graph (function bodies aside).
   *
   * @return the node count
   */
  public int nodeCount() {
    return nodeCount;
  }

  /**
   * Functions in the graph's library (their bodies are not summarized).
   *
   * @return the number of functions
   */
  public int functionCount() {
    return functionCount;
  }

  /**
   * Ops by how many nodes use them, most used first, ties by name.
   *
   * @return op and node count, one per op
   */
  public List<OpCount> ops() {
    return ops;
  }

  /**
   * Placeholders ({@code Placeholder}, {@code PlaceholderWithDefault}) in graph order, except
   * those of the save/restore subgraph (the checkpoint file name).
   *
   * @return the likely inputs
   */
  public List<Input> inputs() {
    return inputs;
  }

  /**
   * Nodes nothing consumes that look like results (see the class comment), in graph order.
   *
   * @return the likely outputs
   */
  public List<Output> outputs() {
    return outputs;
  }

  /**
   * Variables: from the MetaGraphDef's {@code variables} collection if it has one, else variable ops.
   *
   * @return the variables
   */
  public List<Variable> variables() {
    return variables;
  }

  /**
   * Whether {@link #variables()} came from a {@code variables} collection rather than the ops.
   *
   * @return {@code true} if they came from the collection
   */
  public boolean variablesFromCollection() {
    return variablesFromCollection;
  }

  /**
   * Elements of all {@code Const} values (weights of a frozen graph).
   *
   * @return the total element count of the {@code Const} nodes' values
   */
  public long constParameters() {
    return constParameters;
  }

  /**
   * Elements of all variables whose shape is fully known.
   *
   * @return the total element count of those variables
   */
  public long variableParameters() {
    return variables.stream().mapToLong(v -> Math.max(v.shape().numElements(), 0)).sum();
  }

  /**
   * Control inputs ({@code ^name}) in the graph.
   *
   * @return the number of control inputs
   */
  public int controlEdges() {
    return controlEdges;
  }

  /**
   * The nodes to run once before the outputs, in order: a MetaGraphDef's init op and table
   * initializers ({@link InitOps#roots}), or the {@code init_all_tables} node of a graph that
   * {@code jfreeze freeze} gave lookup tables; only nodes the graph has.
   *
   * @return their names, possibly none
   */
  public List<String> initNodes() {
    return initNodes;
  }

  /**
   * Inputs naming nodes that are not in the graph, as {@code "node <- input"}; empty for a sound graph.
   *
   * @return the dangling inputs
   */
  public List<String> missingInputs() {
    return missingInputs;
  }
}
