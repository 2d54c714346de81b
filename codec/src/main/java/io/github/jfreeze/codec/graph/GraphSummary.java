package io.github.jfreeze.codec.graph;

import com.google.protobuf.ByteString;
import io.github.jfreeze.codec.DType;
import io.github.jfreeze.codec.internal.AsciiBytes;
import io.github.jfreeze.proto.AttrValue;
import io.github.jfreeze.proto.CollectionDef;
import io.github.jfreeze.proto.GraphDef;
import io.github.jfreeze.proto.MetaGraphDef;
import io.github.jfreeze.proto.NodeDef;
import io.github.jfreeze.proto.SaverDef;
import io.github.jfreeze.proto.TensorShapeProto;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
 * <p>Over 400 lines, about 130 of them Javadoc: the summary's records ({@code OpCount}, {@code
 * Input}, {@code Output}, {@code Variable}), the node view {@code GraphScan} fills, and one pass
 * over the nodes.
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

  /**
   * What the summary reads of a node: from a {@link NodeDef}, or scanned straight from the wire by
   * {@link GraphScan} without building the NodeDef.
   *
   * @param dtype the {@code dtype} attr, {@code null} when absent or not a known type
   * @param shape the {@code shape} attr, {@link PartialShape#UNKNOWN} when absent
   * @param constElements elements of the {@code value} attr's tensor shape (as {@link
   *     PartialShape#numElements()}; a node without one counts as a scalar), for {@code Const} nodes
   * @param asciiName whether the name is ASCII (always, for a node {@link NodeBytes} read)
   */
  record Node(String name, String op, List<String> inputs, DType dtype, PartialShape shape, long constElements,
      boolean asciiName) {
    static Node of(NodeDef n) {
      long constElements = n.getOp().equals("Const") ? PartialShape.fromProto(n.getAttrOrDefault("value",
          AttrValue.getDefaultInstance()).getTensor().getTensorShape()).numElements() : 0;
      return new Node(n.getName(), n.getOp(), n.getInputList(), dtypeAttr(n.getAttrMap().get("dtype")),
          shapeAttr(n.getAttrMap().get("shape")), constElements, isAscii(n.getName()));
    }
  }

  static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /**
   * A node's inputs as {@link NodeBytes} read them: ASCII, packed into one array, a String made
   * only when one is asked for. 120,000 nodes have about 240,000 inputs, which as Strings are a
   * quarter of what {@code inspect} allocates reading the graph.
   */
  static final class AsciiNames extends java.util.AbstractList<String> implements java.util.RandomAccess {
    final byte[] bytes;
    /** Where each name ends in {@link #bytes}; name {@code k} starts where name {@code k - 1} ends. */
    final int[] ends;

    AsciiNames(byte[] bytes, int[] ends) {
      this.bytes = bytes;
      this.ends = ends;
    }

    int start(int k) {
      return k == 0 ? 0 : ends[k - 1];
    }

    @Override
    public String get(int k) {
      return new String(bytes, start(k), ends[k] - start(k), java.nio.charset.StandardCharsets.US_ASCII);
    }

    @Override
    public int size() {
      return ends.length;
    }
  }

  private static List<Node> views(GraphDef graph) {
    List<Node> out = new ArrayList<>(graph.getNodeCount());
    for (NodeDef n : graph.getNodeList()) {
      out.add(Node.of(n));
    }
    return out;
  }

  /**
   * TF's {@code Placeholder} before graph version 22 could not say "unknown shape": there a shape
   * attribute of rank 0 (or unknown rank) means unknown, as TF's shape function reads it
   * ({@code array_ops.cc}, {@code graph_def_version() <= 21}).
   */
  static PartialShape placeholderShape(Node n, int producer) {
    return n.op().equals("Placeholder") && producer <= 21 && n.shape().rank() <= 0 ? PartialShape.UNKNOWN : n.shape();
  }

  GraphSummary(List<Node> nodes, int functionCount, MetaGraphDef meta, int producer) {
    // one hash lookup per input: node names to the index of the first node so named, and whether
    // anything consumes it (inspect of a 100,000-node graph spends most of its summary here)
    NameIndex index = new NameIndex(nodes);
    int[] canonical = index.canonical;
    boolean[] consumed = new boolean[nodes.size()];
    nodeCount = nodes.size();
    this.functionCount = functionCount;

    Map<String, int[]> counts = new HashMap<>(); // (a count per op, not an Integer per node)
    List<String> missing = new ArrayList<>();
    int control = 0;
    long constParams = 0;
    for (Node n : nodes) {
      counts.computeIfAbsent(n.op(), k -> new int[1])[0]++;
      List<String> inputs = n.inputs();
      AsciiNames ascii = inputs instanceof AsciiNames a ? a : null; // read by NodeBytes: no String per input
      for (int k = 0; k < inputs.size(); k++) {
        boolean isControl;
        int source;
        if (ascii != null) {
          int from = ascii.start(k);
          isControl = from < ascii.ends[k] && ascii.bytes[from] == '^';
          source = index.getNodeOf(ascii.bytes, from, ascii.ends[k]);
        } else {
          String in = inputs.get(k);
          isControl = in.startsWith("^");
          source = index.getNodeOf(in);
        }
        if (isControl) {
          control++;
        }
        if (source < 0) {
          missing.add(n.name() + " <- " + inputs.get(k));
        } else {
          consumed[source] = true;
        }
      }
      if (n.op().equals("Const")) {
        constParams += Math.max(n.constElements(), 0);
      }
    }
    ops = counts.entrySet().stream().map(e -> new OpCount(e.getKey(), e.getValue()[0]))
        .sorted(Comparator.comparingInt(OpCount::count).reversed().thenComparing(OpCount::op)).toList();
    controlEdges = control;
    constParameters = constParams;
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
    List<Input> in = new ArrayList<>();
    for (Node n : nodes) {
      if (PLACEHOLDER_OPS.contains(n.op()) && !SAVER_SCOPE.matcher(n.name()).matches()
          && !saverNodes.contains(n.name())) {
        in.add(new Input(n.name(), n.op(), n.dtype(), placeholderShape(n, producer)));
      }
    }
    inputs = List.copyOf(in);

    List<Output> out = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      Node n = nodes.get(i);
      String op = n.op();
      if (consumed[canonical[i]] || NOT_OUTPUT_OPS.contains(op) || PLACEHOLDER_OPS.contains(op)
          || op.startsWith("Assign") || VARIABLE_OPS.contains(op) || CHECKPOINT_OPS.contains(op)
          || SAVER_SCOPE.matcher(n.name()).matches() || saverNodes.contains(n.name())
          || isVariableRead(n, nodes, index)) {
        continue;
      }
      out.add(new Output(n.name(), op));
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
      for (Node n : nodes) {
        if (VARIABLE_OPS.contains(n.op())) {
          vars.add(new Variable(n.name(), n.op(), n.dtype(), n.shape(), null));
        }
      }
      variables = List.copyOf(vars);
    }
  }

  /**
   * Summarizes a bare GraphDef (variables from its variable ops).
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
   * Node names to the index of the first node so named: open addressing over three arrays (names,
   * their hashes, node indices), so a graph of 100,000 nodes adds a few objects, not 200,000 map
   * entries and boxed indices, for the garbage collector to copy; an input NodeBytes read is looked
   * up by its bytes, without a String for it or its node name, and a probe that meets another name
   * compares hashes before it touches that name's bytes (benchmark: IndexParseBenchmark.scanMetaGraph,
   * inspect of many).
   */
  private static final class NameIndex {
    private final String[] keys;
    private final int[] hashes;
    /** The node in each slot, -1 where empty. */
    private final int[] values;
    private final int mask;
    private final int shift;
    /** For each node, the index of the first node with its name (itself, unless the name repeats). */
    final int[] canonical;
    /**
     * The ASCII names of the nodes in the index, back to back: node {@code i}'s is {@code
     * arena[nameFrom[i], nameFrom[i + 1])}, empty for a later node of the same name and for a
     * name that is not ASCII ({@link #notAscii}). Inputs NodeBytes read are compared against these
     * bytes, not the Strings (String.charAt per byte took a quarter of the graph thread's time in
     * inspect of many, compiled by C1 as the launcher runs it).
     */
    private final byte[] arena;
    private final int[] nameFrom;
    /** Nodes whose name is not in {@link #arena} (not ASCII), compared as Strings; null when there are none. */
    private boolean[] notAscii;

    @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int), for ASCII names
    NameIndex(List<Node> nodes) {
      int capacity = Integer.highestOneBit(Math.max(4, nodes.size() * 2 - 1)) << 1;
      keys = new String[capacity];
      hashes = new int[capacity];
      values = new int[capacity];
      java.util.Arrays.fill(values, -1);
      mask = capacity - 1;
      shift = Integer.numberOfLeadingZeros(capacity) + 1;
      canonical = new int[nodes.size()];
      long bytes = 0; // (repeated names counted too: an upper bound)
      for (Node n : nodes) {
        bytes += n.asciiName() ? n.name().length() : 0;
      }
      arena = new byte[(int) Math.min(bytes, Integer.MAX_VALUE - 8)];
      nameFrom = new int[nodes.size() + 1];
      int at = 0;
      for (int i = 0; i < nodes.size(); i++) {
        Node node = nodes.get(i);
        String name = node.name();
        int slot = slot(name);
        if (values[slot] < 0) {
          keys[slot] = name;
          hashes[slot] = name.hashCode();
          values[slot] = i;
          if (node.asciiName() && name.length() <= arena.length - at) {
            name.getBytes(0, name.length(), arena, at); // (ASCII: each char's low byte is the char)
            at += name.length();
          } else {
            if (notAscii == null) {
              notAscii = new boolean[nodes.size()];
            }
            notAscii[i] = true;
          }
        }
        canonical[i] = values[slot];
        nameFrom[i + 1] = at;
      }
    }

    /** The slot holding {@code name}, or the empty slot where it would go. */
    private int slot(String name) {
      // Fibonacci hashing: names such as expert_1234/kernel hash to runs of nearby values, which
      // the low bits alone would pile into long probe sequences
      int h = name.hashCode();
      int slot = (h * 0x9E3779B9) >>> shift;
      for (int v = values[slot]; v >= 0 && (hashes[slot] != h || !keys[slot].equals(name)); v = values[slot]) {
        slot = (slot + 1) & mask;
      }
      return slot;
    }

    /** The index of the first node named {@code name}, or -1. */
    int get(String name) {
      return values[slot(name)];
    }

    /**
     * As {@link #getNodeOf(String)}, for an input in ASCII at {@code b[from, to)}: the node name
     * is cut as {@link GraphSummary#nodeName} cuts it, and hashed as {@link String#hashCode} would.
     */
    int getNodeOf(byte[] b, int from, int to) {
      int start = from < to && b[from] == '^' ? from + 1 : from;
      int end = start;
      int h = 0;
      for (; end < to && b[end] != ':'; end++) {
        h = 31 * h + b[end]; // String.hashCode of the node name (ASCII: one char per byte)
      }
      int slot = (h * 0x9E3779B9) >>> shift;
      for (int i = values[slot]; i >= 0; i = values[slot]) {
        if (hashes[slot] == h && (notAscii != null && notAscii[i] ? AsciiBytes.equals(keys[slot], b, start, end)
            : java.util.Arrays.equals(arena, nameFrom[i], nameFrom[i + 1], b, start, end))) {
          return i;
        }
        slot = (slot + 1) & mask;
      }
      return -1;
    }

    /** The index of the first node an input or tensor name ({@code ^a}, {@code a:1}, {@code a}) refers to, or -1. */
    int getNodeOf(String input) {
      return get(nodeName(input));
    }
  }

  /** A TF1 variable snapshot ({@code v/read}) or a {@code ReadVariableOp} of a variable handle. */
  private static boolean isVariableRead(Node n, List<Node> nodes, NameIndex index) {
    if (!n.op().equals("Identity") && !n.op().equals("ReadVariableOp")) {
      return false;
    }
    String data = null;
    for (String in : n.inputs()) {
      if (!in.startsWith("^")) {
        if (data != null) {
          return false;
        }
        data = in;
      }
    }
    int source = data == null ? -1 : index.getNodeOf(data);
    return source >= 0 && VARIABLE_OPS.contains(nodes.get(source).op());
  }

  /**
   * The {@code variables} collection, in order, each variable once; {@code trainable} when it is
   * also in {@code trainable_variables} or its VariableDef says so. A name the graph has is looked
   * up by its bytes and marked by node (a training graph lists each of 20,000 variables with its
   * optimizer slots); only names the graph lacks are kept as Strings.
   */
  private static List<Variable> variablesFromCollections(MetaGraphDef meta, List<Node> nodes, NameIndex index) {
    CollectionDef vars = meta.getCollectionDefMap().get("variables");
    if (vars == null || !vars.hasBytesList()) {
      return null;
    }
    VariableRef ref = new VariableRef();
    boolean[] trainable = new boolean[nodes.size()];
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
    boolean[] listed = new boolean[nodes.size()];
    Set<String> listedElsewhere = new HashSet<>();
    for (ByteString b : vars.getBytesList().getValueList()) {
      if (!ref.read(b, index)) {
        continue;
      }
      if (ref.node >= 0) {
        if (!listed[ref.node]) {
          listed[ref.node] = true;
          Node n = nodes.get(ref.node);
          out.add(new Variable(n.name(), n.op(), n.dtype(), n.shape(), trainable[ref.node] || ref.trainable));
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
