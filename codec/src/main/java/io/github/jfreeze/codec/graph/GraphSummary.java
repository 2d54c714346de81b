package io.github.jfreeze.codec.graph;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.github.jfreeze.codec.DType;
import io.github.jfreeze.proto.AttrValue;
import io.github.jfreeze.proto.CollectionDef;
import io.github.jfreeze.proto.GraphDef;
import io.github.jfreeze.proto.MetaGraphDef;
import io.github.jfreeze.proto.NodeDef;
import io.github.jfreeze.proto.SaverDef;
import io.github.jfreeze.proto.TensorShapeProto;
import io.github.jfreeze.proto.VariableDef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
  static final Set<String> VARIABLE_OPS = Set.of("VariableV2", "Variable", "VarHandleOp", "AutoReloadVariable");

  private static final Set<String> PLACEHOLDER_OPS = Set.of("Placeholder", "PlaceholderV2", "PlaceholderWithDefault");

  private static final Set<String> NOT_OUTPUT_OPS = Set.of("Const", "NoOp", "VarIsInitializedOp",
      "IsVariableInitialized");

  private static final Set<String> CHECKPOINT_OPS = Set.of("SaveV2", "RestoreV2", "Save", "SaveSlices", "Restore",
      "RestoreSlice", "MergeV2Checkpoints", "ShardedFilename", "ShardedFilespec");

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

  private GraphSummary(GraphDef graph, MetaGraphDef meta) {
    Map<String, NodeDef> byName = new HashMap<>();
    for (NodeDef n : graph.getNodeList()) {
      byName.putIfAbsent(n.getName(), n);
    }
    nodeCount = graph.getNodeCount();
    functionCount = graph.getLibrary().getFunctionCount();

    Map<String, Integer> counts = new HashMap<>();
    Set<String> consumed = new HashSet<>();
    List<String> missing = new ArrayList<>();
    int control = 0;
    long constParams = 0;
    for (NodeDef n : graph.getNodeList()) {
      counts.merge(n.getOp(), 1, Integer::sum);
      for (String in : n.getInputList()) {
        if (in.startsWith("^")) {
          control++;
        }
        String source = nodeName(in);
        consumed.add(source);
        if (!byName.containsKey(source)) {
          missing.add(n.getName() + " <- " + in);
        }
      }
      if (n.getOp().equals("Const")) {
        long e = PartialShape.fromProto(n.getAttrOrDefault("value", AttrValue.getDefaultInstance())
            .getTensor().getTensorShape()).numElements();
        constParams += Math.max(e, 0);
      }
    }
    ops = counts.entrySet().stream().map(e -> new OpCount(e.getKey(), e.getValue()))
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
    for (NodeDef n : graph.getNodeList()) {
      if (PLACEHOLDER_OPS.contains(n.getOp()) && !SAVER_SCOPE.matcher(n.getName()).matches()
          && !saverNodes.contains(n.getName())) {
        in.add(new Input(n.getName(), n.getOp(), dtypeAttr(n), shapeAttr(n)));
      }
    }
    inputs = List.copyOf(in);

    List<Output> out = new ArrayList<>();
    for (NodeDef n : graph.getNodeList()) {
      String op = n.getOp();
      if (consumed.contains(n.getName()) || NOT_OUTPUT_OPS.contains(op) || PLACEHOLDER_OPS.contains(op)
          || op.startsWith("Assign") || VARIABLE_OPS.contains(op) || CHECKPOINT_OPS.contains(op)
          || SAVER_SCOPE.matcher(n.getName()).matches() || saverNodes.contains(n.getName())
          || isVariableRead(n, byName)) {
        continue;
      }
      out.add(new Output(n.getName(), op));
    }
    outputs = List.copyOf(out);

    List<Variable> fromCollection = meta == null ? null : variablesFromCollections(meta, byName);
    variablesFromCollection = fromCollection != null;
    if (fromCollection != null) {
      variables = fromCollection;
    } else {
      List<Variable> vars = new ArrayList<>();
      for (NodeDef n : graph.getNodeList()) {
        if (VARIABLE_OPS.contains(n.getOp())) {
          vars.add(new Variable(n.getName(), n.getOp(), dtypeAttr(n), shapeAttr(n), null));
        }
      }
      variables = List.copyOf(vars);
    }
  }

  /** Summarizes a bare GraphDef (variables from its variable ops). */
  public static GraphSummary of(GraphDef graph) {
    return new GraphSummary(Objects.requireNonNull(graph, "graph is null"), null);
  }

  /**
   * Summarizes a MetaGraphDef's graph, taking variables from its {@code variables} collection
   * when there is one (with {@code trainable} from {@code trainable_variables}) and leaving out
   * the nodes its {@link SaverDef} names.
   */
  public static GraphSummary of(MetaGraphDef meta) {
    return new GraphSummary(Objects.requireNonNull(meta, "meta is null").getGraphDef(), meta);
  }

  /** The node a tensor or input name refers to: {@code ^a} and {@code a:1} are node {@code a}. */
  public static String nodeName(String input) {
    int start = input.startsWith("^") ? 1 : 0;
    int colon = input.indexOf(':', start);
    return input.substring(start, colon < 0 ? input.length() : colon);
  }

  /** A TF1 variable snapshot ({@code v/read}) or a {@code ReadVariableOp} of a variable handle. */
  private static boolean isVariableRead(NodeDef n, Map<String, NodeDef> byName) {
    if (!n.getOp().equals("Identity") && !n.getOp().equals("ReadVariableOp")) {
      return false;
    }
    List<String> data = n.getInputList().stream().filter(i -> !i.startsWith("^")).toList();
    if (data.size() != 1) {
      return false;
    }
    NodeDef source = byName.get(nodeName(data.get(0)));
    return source != null && VARIABLE_OPS.contains(source.getOp());
  }

  private static List<Variable> variablesFromCollections(MetaGraphDef meta, Map<String, NodeDef> byName) {
    CollectionDef vars = meta.getCollectionDefMap().get("variables");
    if (vars == null || !vars.hasBytesList()) {
      return null;
    }
    Set<String> trainable = new HashSet<>();
    CollectionDef tv = meta.getCollectionDefMap().get("trainable_variables");
    if (tv != null && tv.hasBytesList()) {
      for (ByteString b : tv.getBytesList().getValueList()) {
        VariableDef d = parse(b);
        if (d != null) {
          trainable.add(nodeName(d.getVariableName()));
        }
      }
    }
    Map<String, Variable> out = new LinkedHashMap<>();
    for (ByteString b : vars.getBytesList().getValueList()) {
      VariableDef d = parse(b);
      if (d == null) {
        continue;
      }
      String name = nodeName(d.getVariableName());
      NodeDef n = byName.get(name);
      out.putIfAbsent(name, new Variable(name, n == null ? "" : n.getOp(), n == null ? null : dtypeAttr(n),
          n == null ? PartialShape.UNKNOWN : shapeAttr(n), trainable.contains(name) || d.getTrainable()));
    }
    return List.copyOf(out.values());
  }

  private static VariableDef parse(ByteString b) {
    try {
      return VariableDef.parseFrom(b);
    } catch (InvalidProtocolBufferException e) {
      return null;
    }
  }

  private static DType dtypeAttr(NodeDef n) {
    AttrValue v = n.getAttrMap().get("dtype");
    if (v == null || !v.hasType()) {
      return null;
    }
    return DType.find(v.getTypeValue());
  }

  private static PartialShape shapeAttr(NodeDef n) {
    AttrValue v = n.getAttrMap().get("shape");
    if (v == null || !v.hasShape()) {
      return PartialShape.UNKNOWN;
    }
    TensorShapeProto p = v.getShape();
    return PartialShape.fromProto(p);
  }

  public int nodeCount() {
    return nodeCount;
  }

  /** Functions in the graph's library (their bodies are not summarized). */
  public int functionCount() {
    return functionCount;
  }

  /** Ops by how many nodes use them, most used first, ties by name. */
  public List<OpCount> ops() {
    return ops;
  }

  /**
   * Placeholders ({@code Placeholder}, {@code PlaceholderWithDefault}) in graph order, except
   * those of the save/restore subgraph (the checkpoint file name).
   */
  public List<Input> inputs() {
    return inputs;
  }

  /** Nodes nothing consumes that look like results (see the class comment), in graph order. */
  public List<Output> outputs() {
    return outputs;
  }

  /** Variables: from the MetaGraphDef's {@code variables} collection if it has one, else variable ops. */
  public List<Variable> variables() {
    return variables;
  }

  /** Whether {@link #variables()} came from a {@code variables} collection rather than the ops. */
  public boolean variablesFromCollection() {
    return variablesFromCollection;
  }

  /** Elements of all {@code Const} values (weights of a frozen graph). */
  public long constParameters() {
    return constParameters;
  }

  /** Elements of all variables whose shape is fully known. */
  public long variableParameters() {
    return variables.stream().mapToLong(v -> Math.max(v.shape().numElements(), 0)).sum();
  }

  /** Control inputs ({@code ^name}) in the graph. */
  public int controlEdges() {
    return controlEdges;
  }

  /** Inputs naming nodes that are not in the graph, as {@code "node <- input"}; empty for a sound graph. */
  public List<String> missingInputs() {
    return missingInputs;
  }
}
