package io.github.jfreeze.freezer.internal;

import io.github.jfreeze.codec.CorruptFileException;
import io.github.jfreeze.codec.DType;
import io.github.jfreeze.codec.Tensor;
import io.github.jfreeze.codec.TensorProtos;
import io.github.jfreeze.codec.graph.OpVocabulary;
import io.github.jfreeze.codec.slice.TensorSlice;
import io.github.jfreeze.proto.AttrValue;
import io.github.jfreeze.proto.CollectionDef;
import io.github.jfreeze.proto.FunctionDef;
import io.github.jfreeze.proto.FunctionDefLibrary;
import io.github.jfreeze.proto.MetaGraphDef;
import io.github.jfreeze.proto.NodeDef;
import io.github.jfreeze.proto.SaveSliceInfoDef;
import io.github.jfreeze.proto.TensorProto;
import io.github.jfreeze.proto.VariableDef;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Finds the checkpoint key (and slice) that restores each variable node, the way the model itself
 * restores it: by tracing its restore subgraph ({@code RestoreV2}/{@code RestoreSlice}/{@code
 * Restore} outputs flowing into {@code Assign} or {@code AssignVariableOp}), in the main graph or
 * in a restore function called with the variable handles (TF2 SavedModels). Variables no restore op
 * covers fall back to names: the node name, a {@code VarHandleOp}'s {@code shared_name}, a TF2
 * friendly name from the checkpoint's object graph, or a partitioned variable's {@code
 * SaveSliceInfoDef} in the MetaGraphDef's variable collections.
 *
 * <p>Over 400 lines because one trace runs over two kinds of scope: the main graph, read from a
 * {@link NodeTable} (nodes parsed only when a restore reaches them), and function bodies, whose
 * NodeDefs are at hand; the scope interface keeps the trace itself written once.
 */
public final class VariableBinder {
  /**
   * Where a variable's value comes from.
   *
   * @param node variable node
   * @param key checkpoint key
   * @param slice the part of the checkpoint tensor the variable holds, or null for all of it
   * @param how how the key was found, for messages (one String for all a restore op binds)
   * @param item the place of the key in the restore op's list, or -1
   */
  public record Binding(String node, String key, TensorSlice slice, String how, int item) {
    Binding(String node, String key, TensorSlice slice, String how) {
      this(node, key, slice, how, -1);
    }

    @Override
    public String toString() {
      return node + " <- " + key + (slice == null ? "" : " " + slice) + " (" + how + (item < 0 ? "" : "[" + item + "]") + ")";
    }
  }

  private VariableBinder() {}

  /**
   * The checkpoint key of every variable the graph says how to restore: by its restore ops, else
   * by its {@code SaveSliceInfoDef}. Read from the full graph, before the restore subgraph is cut
   * away.
   *
   * @param nodes the whole main graph
   * @param library its function library
   * @param meta its MetaGraphDef, or null
   * @return bindings by variable node name
   */
  public static Map<String, Binding> bindings(NodeTable nodes, FunctionDefLibrary library, MetaGraphDef meta) {
    Map<String, Binding> slices = fromSaveSliceInfo(meta);
    Map<String, Binding> restores = fromRestoreOps(nodes, library);
    if (slices.isEmpty()) {
      return restores; // (not copied: a training graph's restore ops bind 20,000 variables)
    }
    slices.putAll(restores);
    return slices;
  }

  /** Bindings from every restore op of an in-memory graph and its functions. */
  public static Map<String, Binding> fromRestoreOps(io.github.jfreeze.proto.GraphDef graph) {
    return fromRestoreOps(NodeTable.of(graph.getNodeList()), graph.getLibrary());
  }

  /** Bindings from every restore op in the graph and its functions. */
  public static Map<String, Binding> fromRestoreOps(NodeTable nodes, FunctionDefLibrary library) {
    Map<String, Binding> out = new LinkedHashMap<>();
    Scope main = new MainScope(nodes);
    traceScope(main, null, out, resource -> resolveVariable(nodes, resource));
    for (FunctionDef f : library.getFunctionList()) {
      Map<String, NodeDef> body = index(f.getNodeDefList());
      if (body.values().stream().noneMatch(n -> isRestore(n.getOp()))) {
        continue;
      }
      List<String> args = f.getSignature().getInputArgList().stream().map(a -> a.getName()).toList();
      // the function's resource arguments are the callers' inputs
      traceScope(new BodyScope(body), f, out, resource -> {
        TensorRef ref = TensorRef.parse(resource);
        int arg = args.indexOf(ref.node());
        if (arg < 0 || body.containsKey(ref.node())) {
          return null;
        }
        for (int i = 0; i < nodes.size(); i++) {
          if (ConstantConverter.firstFunctionInput(nodes.op(i)) != 0 || !nodes.hasFunctionAttr(i)) {
            continue;
          }
          NodeDef caller = nodes.node(i);
          AttrValue fn = caller.getAttrOrDefault("f", null);
          if (fn != null && fn.hasFunc() && fn.getFunc().getName().equals(f.getSignature().getName())
              && dataInputs(caller).size() > arg) {
            String v = resolveVariable(nodes, dataInputs(caller).get(arg));
            if (v != null) {
              return v;
            }
          }
        }
        return null;
      });
    }
    return out;
  }

  /** The nodes of one scope (the main graph or a function body), as tracing restores needs them. */
  private interface Scope {
    /** The restore nodes, in order (none: nothing else is asked). */
    List<NodeDef> restores();

    /** The node named {@code name}, or null. */
    NodeDef node(String name);

    /**
     * The variables of the assign-like ops fed (through Identity chains) by output {@code index} of
     * {@code producer}: each op's first data input, as {@code name} or {@code name:i} (null when it
     * names no node). Breadth-first with a visited set: a damaged graph can make the Identity nodes
     * a cycle or a lattice, which a plain recursion would walk exponentially often.
     */
    List<String> assignedBy(String producer, int index);
  }

  /** The main graph: nodes parsed only when a restore needs them. */
  private static final class MainScope implements Scope {
    private final NodeTable nodes;
    private NodeTable.Consumers consumers;

    MainScope(NodeTable nodes) {
      this.nodes = nodes;
    }

    @Override
    public List<NodeDef> restores() {
      List<NodeDef> out = new ArrayList<>();
      for (int i = 0; i < nodes.size(); i++) {
        if (isRestore(nodes.op(i))) {
          out.add(nodes.node(i));
        }
      }
      return out;
    }

    @Override
    public NodeDef node(String name) {
      int i = nodes.index(name);
      return i < 0 ? null : nodes.node(i);
    }

    @Override
    public List<String> assignedBy(String producer, int index) {
      if (consumers == null) {
        consumers = nodes.consumers(null);
      }
      List<String> out = new ArrayList<>();
      Set<Long> seen = new HashSet<>();
      ArrayDeque<long[]> queue = new ArrayDeque<>();
      int start = nodes.index(producer);
      if (start < 0) {
        return out;
      }
      seen.add((long) start << 32 | index);
      queue.add(new long[] {start, index});
      while (!queue.isEmpty()) {
        long[] at = queue.poll();
        int p = (int) at[0];
        for (int j : readers(p, (int) at[1])) {
          int c = consumers.consumer(p, j);
          int k = consumers.position(p, j);
          switch (nodes.op(c)) {
            case "Assign", "AssignVariableOp" -> {
              if (dataPosition(nodes, c, k) == 1) {
                out.add(firstDataInput(c)); // from the node's facts: 20,000 assigns are not parsed
              }
            }
            case "Identity" -> {
              if (seen.add((long) c << 32)) {
                queue.add(new long[] {c, 0});
              }
            }
            default -> { }
          }
        }
      }
      return out;
    }

    /**
     * Per producer with many consumers: its data consumers' entries as {@code outputIndex << 32 |
     * entry}, sorted (a RestoreV2 has one output per variable: 200,000 of them as boxed lists held
     * 24 MiB).
     */
    private final Map<Integer, long[]> byOutput = new HashMap<>();

    /** The entries of {@code p}'s consumers reading output {@code index} as data, in order. */
    private int[] readers(int p, int index) {
      int n = consumers.count(p);
      if (n <= 8) {
        int[] out = new int[n];
        int m = 0;
        for (int j = 0; j < n; j++) {
          int c = consumers.consumer(p, j);
          int k = consumers.position(p, j);
          if (!nodes.isControl(c, k) && nodes.outputIndex(c, k) == index) {
            out[m++] = j;
          }
        }
        return Arrays.copyOf(out, m);
      }
      long[] sorted = byOutput.computeIfAbsent(p, q -> {
        long[] e = new long[n];
        int m = 0;
        for (int j = 0; j < n; j++) {
          int c = consumers.consumer(q, j);
          int k = consumers.position(q, j);
          if (!nodes.isControl(c, k)) {
            e[m++] = (long) nodes.outputIndex(c, k) << 32 | j;
          }
        }
        e = Arrays.copyOf(e, m);
        Arrays.sort(e);
        return e;
      });
      // the entries are distinct, so a search lands on the first at or above a bound
      int from = Arrays.binarySearch(sorted, (long) index << 32);
      int to = Arrays.binarySearch(sorted, (long) index + 1 << 32);
      from = from >= 0 ? from : -from - 1;
      to = to >= 0 ? to : -to - 1;
      int[] out = new int[to - from];
      for (int j = from; j < to; j++) {
        out[j - from] = (int) sorted[j];
      }
      return out;
    }

    /** The tensor node {@code c}'s first data input reads ({@code name} or {@code name:i}), or null when it names no node. */
    private String firstDataInput(int c) {
      for (int k = 0; k < nodes.inputCount(c); k++) {
        if (!nodes.isControl(c, k)) {
          int p = nodes.producer(c, k);
          int i = nodes.outputIndex(c, k);
          return p < 0 ? null : i == 0 ? nodes.name(p) : nodes.name(p) + ":" + i;
        }
      }
      return null;
    }

    /** Input {@code k}'s place among the node's data inputs. */
    private static int dataPosition(NodeTable nodes, int c, int k) {
      int pos = 0;
      for (int q = 0; q < k; q++) {
        pos += nodes.isControl(c, q) ? 0 : 1;
      }
      return pos;
    }
  }

  /** A function body, indexed by the tensors its assigns and identities read. */
  private static final class BodyScope implements Scope {
    private final Map<String, NodeDef> nodes;
    private Map<Produced, List<Use>> uses;

    BodyScope(Map<String, NodeDef> nodes) {
      this.nodes = nodes;
    }

    @Override
    public List<NodeDef> restores() {
      return nodes.values().stream().filter(n -> isRestore(n.getOp())).toList();
    }

    @Override
    public NodeDef node(String name) {
      return nodes.get(name);
    }

    @Override
    public List<String> assignedBy(String producer, int index) {
      if (uses == null) {
        // every data input by the tensor it reads (node and output index), so each restore
        // output's assigns are found without scanning all consumers of the restore op (O(n),
        // not O(n^2): a Saver's RestoreV2 feeds one Assign per variable)
        uses = new HashMap<>();
        for (NodeDef n : nodes.values()) {
          if (!ASSIGN_OPS.contains(n.getOp()) && !n.getOp().equals("Identity")) {
            continue;
          }
          List<String> ins = dataInputs(n);
          for (int pos = 0; pos < ins.size(); pos++) {
            TensorRef ref = TensorRef.parse(ins.get(pos));
            uses.computeIfAbsent(new Produced(ref.node(), ref.index()), k -> new ArrayList<>()).add(new Use(n, pos));
          }
        }
      }
      List<String> out = new ArrayList<>();
      Set<Produced> seen = new HashSet<>();
      ArrayDeque<Produced> queue = new ArrayDeque<>();
      Produced start = new Produced(producer, index);
      seen.add(start);
      queue.add(start);
      while (!queue.isEmpty()) {
        for (Use u : uses.getOrDefault(queue.poll(), List.of())) {
          NodeDef c = u.node();
          switch (c.getOp()) {
            case "Assign", "AssignVariableOp" -> {
              if (u.pos() == 1) {
                out.add(dataInputs(c).get(0));
              }
            }
            case "Identity" -> {
              Produced next = new Produced(c.getName(), 0);
              if (seen.add(next)) {
                queue.add(next);
              }
            }
            default -> { }
          }
        }
      }
      return out;
    }
  }

  /** The ops a restored value is assigned by (input 1 the value, input 0 the variable). */
  private static final java.util.Set<String> ASSIGN_OPS = OpVocabulary.RESTORE_ASSIGNS;

  private static boolean isRestore(String op) {
    return OpVocabulary.CHECKPOINT_RESTORES.contains(op);
  }

  private static Map<String, NodeDef> index(List<NodeDef> nodes) {
    Map<String, NodeDef> m = new LinkedHashMap<>();
    nodes.forEach(n -> m.put(n.getName(), n));
    return m;
  }

  private static List<String> dataInputs(NodeDef n) {
    List<String> out = new ArrayList<>(n.getInputCount());
    for (String i : n.getInputList()) {
      if (!i.startsWith("^")) {
        out.add(i);
      }
    }
    return out;
  }

  /**
   * Traces restore ops in one scope (main graph or a function body).
   *
   * @param resolveResource maps the first input of an assign op to a main-graph variable node
   */
  private static void traceScope(Scope nodes, FunctionDef function, Map<String, Binding> out,
      Function<String, String> resolveResource) {
    for (NodeDef r : nodes.restores()) {
      List<String> inputs = dataInputs(r);
      List<String> names = inputs.size() > 1 ? constStrings(nodes, inputs.get(1)) : null;
      List<String> specs = r.getOp().equals("Restore") ? null : inputs.size() > 2 ? constStrings(nodes, inputs.get(2)) : null;
      if (names == null) {
        continue;
      }
      String how = r.getOp() + " " + (function == null ? "" : "in " + function.getSignature().getName() + " ") + r.getName();
      for (int i = 0; i < names.size(); i++) {
        String spec = specs != null && specs.size() > i ? specs.get(i) : "";
        for (String assigned : nodes.assignedBy(r.getName(), i)) {
          String variable = assigned == null ? null : resolveResource.apply(assigned);
          if (variable != null && !out.containsKey(variable)) {
            String key = names.get(i);
            // a TF1 Saver keys a variable by its node's name: one String for both (200,000 bindings hold 200,000 fewer)
            out.put(variable, new Binding(variable, key.equals(variable) ? variable : key, parseSlice(spec, r), how, i));
          }
        }
      }
    }
  }

  /**
   * Output {@code index} of node {@code node}. (equals and hashCode written out: a record's are
   * bootstrapped through invokedynamic on first use, milliseconds at the start of a short process.)
   */
  private record Produced(String node, int index) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Produced p && p.index == index && p.node.equals(node);
    }

    @Override
    public int hashCode() {
      return node.hashCode() * 31 + index;
    }
  }

  /** A node reading a tensor as its data input number {@code pos}. */
  private record Use(NodeDef node, int pos) {}

  /** Follows Identity nodes back from a main-graph input to a variable node. */
  static String resolveVariable(NodeTable nodes, String input) {
    int i = nodes.index(TensorRef.nodeName(input));
    for (int hops = 0; hops < 64 && i >= 0; hops++) {
      switch (nodes.op(i)) {
        case "VariableV2", "Variable", "VarHandleOp" -> {
          return nodes.name(i);
        }
        case "Identity" -> {
          if (nodes.inputCount(i) == 0) {
            return null;
          }
          i = nodes.producer(i, 0);
        }
        default -> {
          return null;
        }
      }
    }
    return null;
  }

  /** The string values of the Const an input refers to (through Identity), or null. */
  private static List<String> constStrings(Scope nodes, String input) {
    String name = TensorRef.nodeName(input);
    for (int hops = 0; hops < 64; hops++) {
      NodeDef n = nodes.node(name);
      if (n == null) {
        return null;
      }
      if (n.getOp().equals("Identity")) {
        if (n.getInputCount() == 0) {
          return null;
        }
        name = TensorRef.nodeName(n.getInput(0));
        continue;
      }
      if (!n.getOp().equals("Const") || !n.containsAttr("value")) {
        return null;
      }
      TensorProto proto = n.getAttrOrThrow("value").getTensor();
      // a Saver writes every name out; a shape asking for more elements than it lists (which TF
      // would fill by repeating the last) is no list of checkpoint keys, and could be huge
      long elements = 1;
      for (var d : proto.getTensorShape().getDimList()) {
        elements = d.getSize() < 0 ? -1 : elements * Math.min(d.getSize(), 1L << 31);
        if (elements < 0 || elements > proto.getStringValCount()) {
          return null;
        }
      }
      try {
        Tensor t = TensorProtos.toTensor(proto, null, -1);
        if (t.dtype() != DType.STRING) {
          return null;
        }
        return t.elements().stream().map(b -> new String(b, StandardCharsets.UTF_8)).toList();
      } catch (CorruptFileException e) {
        return null;
      }
    }
    return null;
  }

  /**
   * Parses a {@code shape_and_slices} entry ({@code "10 4 0,5:-"}) of {@code restore}; empty means
   * the whole tensor.
   */
  static TensorSlice parseSlice(String spec, NodeDef restore) {
    String s = spec.strip();
    if (s.isEmpty()) {
      return null;
    }
    String[] parts = s.split(" ");
    try {
      return TensorSlice.parse(parts[parts.length - 1]);
    } catch (IllegalArgumentException e) {
      throw new GraphProblem(restore.getOp() + " node '" + restore.getName() + "' restores a slice '" + spec
          + "' that is not 'start,length' or '-' in each dimension");
    }
  }

  /** Partitioned variable parts listed in a MetaGraphDef's variable collections. */
  public static Map<String, Binding> fromSaveSliceInfo(MetaGraphDef meta) {
    Map<String, Binding> out = new HashMap<>();
    if (meta == null) {
      return out;
    }
    for (var collection : meta.getCollectionDefMap().values()) {
      if (!collection.hasBytesList()) {
        continue;
      }
      for (var bytes : collection.getBytesList().getValueList()) {
        if (!mayHoldSliceInfo(bytes)) {
          continue; // no save_slice_info_def: not parsed (a collection of 20,000 variables)
        }
        VariableDef v;
        try {
          v = VariableDef.parseFrom(bytes);
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
          continue; // not a variables collection
        }
        if (!v.hasSaveSliceInfoDef() || v.getVariableName().isEmpty()) {
          continue;
        }
        SaveSliceInfoDef s = v.getSaveSliceInfoDef();
        long[] starts = s.getVarOffsetList().stream().mapToLong(Long::longValue).toArray();
        long[] lengths = s.getVarShapeList().stream().mapToLong(Long::longValue).toArray();
        if (starts.length != lengths.length || Arrays.stream(starts).anyMatch(x -> x < 0)
            || Arrays.stream(lengths).anyMatch(x -> x < 0)) {
          throw new GraphProblem("the variable collection's entry for '" + v.getVariableName() + "' gives offsets "
              + s.getVarOffsetList() + " and shape " + s.getVarShapeList() + ", not a slice");
        }
        String node = TensorRef.nodeName(v.getVariableName());
        out.put(node, new Binding(node, s.getFullName(), new TensorSlice(starts, lengths), "SaveSliceInfoDef"));
      }
    }
    return out;
  }

  /**
   * {@code meta} without the bytes-list collection entries that hold no {@code save_slice_info_def}
   * (or null for null): of a MetaGraphDef's collections the freezer reads bytes lists only for slice
   * infos ({@link #fromSaveSliceInfo}), and a model of 200,000 variables lists 400,000 VariableDefs,
   * 50 MB of heap held through the whole freeze.
   */
  static MetaGraphDef withSliceInfosOnly(MetaGraphDef meta) {
    if (meta == null || meta.getCollectionDefMap().values().stream().noneMatch(CollectionDef::hasBytesList)) {
      return meta;
    }
    MetaGraphDef.Builder b = meta.toBuilder();
    for (var e : meta.getCollectionDefMap().entrySet()) {
      if (e.getValue().hasBytesList()) {
        CollectionDef.BytesList.Builder kept = CollectionDef.BytesList.newBuilder();
        e.getValue().getBytesList().getValueList().stream().filter(VariableBinder::mayHoldSliceInfo).forEach(kept::addValue);
        b.putCollectionDef(e.getKey(), CollectionDef.newBuilder().setBytesList(kept).build());
      }
    }
    return b.build();
  }

  /** Whether {@code bytes}, read as a VariableDef, may hold a {@code save_slice_info_def}: they have that field, or are not well formed. */
  private static boolean mayHoldSliceInfo(com.google.protobuf.ByteString bytes) {
    try {
      com.google.protobuf.CodedInputStream in = bytes.newCodedInput();
      for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
        if (com.google.protobuf.WireFormat.getTagFieldNumber(tag) == VariableDef.SAVE_SLICE_INFO_DEF_FIELD_NUMBER || !in.skipField(tag)) {
          return true;
        }
      }
      return false;
    } catch (java.io.IOException e) {
      return true; // the parse decides
    }
  }
}
