package io.github.jfreeze.freezer.internal;

import io.github.jfreeze.codec.DType;
import io.github.jfreeze.codec.graph.GraphSummary;
import io.github.jfreeze.freezer.FreezeException;
import io.github.jfreeze.freezer.FreezeException.Reason;
import io.github.jfreeze.proto.AttrValue;
import io.github.jfreeze.proto.CollectionDef;
import io.github.jfreeze.proto.DataType;
import io.github.jfreeze.proto.GraphDef;
import io.github.jfreeze.proto.MetaGraphDef;
import io.github.jfreeze.proto.NodeDef;
import io.github.jfreeze.proto.TensorProto;
import io.github.jfreeze.proto.TensorShapeProto;
import io.github.jfreeze.proto.VariableDef;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A MetaGraphDef rewritten to match a rewritten checkpoint: in every {@code SaveV2} and {@code
 * RestoreV2} of the main graph the {@code tensor_names} and {@code shape_and_slices} constants,
 * the {@code dtypes} and the saved tensors lose the dropped keys and carry the new names; the
 * restore ops ({@code Assign}, or {@code Identity} + {@code AssignVariableOp}) of dropped keys go,
 * with the control edges that named them, and the other restore outputs are renumbered; a
 * partitioned variable's {@code SaveSliceInfoDef} in the collections takes its new full name.
 *
 * <p>Refused, naming the variable, where the result would not be consistent: a dropped variable
 * that the model's outputs read (it would be uninitialized after a restore), a cast variable the
 * graph holds (its restore would meet another dtype), a saver whose key lists are not constants.
 */
final class SaverRewriter {
  private SaverRewriter() {}

  private static final Set<String> SAVER_OPS = Set.of("SaveV2", "RestoreV2");

  static MetaGraphDef rewrite(MetaGraphDef meta, Path file, Set<String> dropped, Map<String, String> renamed,
      Map<String, DType> cast) throws FreezeException {
    if (dropped.isEmpty() && renamed.isEmpty() && cast.isEmpty()) {
      return meta;
    }
    GraphDef graph = meta.getGraphDef();
    Map<String, NodeDef.Builder> nodes = new LinkedHashMap<>();
    for (NodeDef n : graph.getNodeList()) {
      nodes.put(n.getName(), n.toBuilder());
    }
    checkForward(graph, meta, file, dropped);
    Map<String, List<String>> newConsts = new HashMap<>();
    Set<String> removed = new HashSet<>();
    Map<String, String> renumbered = new HashMap<>();
    for (NodeDef n : graph.getNodeList()) {
      if (!SAVER_OPS.contains(n.getOp())) {
        continue;
      }
      List<String> keys = strings(nodes, n, 1, file);
      List<String> specs = strings(nodes, n, 2, file);
      if (specs.size() != keys.size()) {
        throw refuse(file, n, "lists " + keys.size() + " names but " + specs.size() + " shapes and slices");
      }
      List<Integer> kept = new ArrayList<>();
      List<String> newKeys = new ArrayList<>();
      List<String> newSpecs = new ArrayList<>();
      for (int i = 0; i < keys.size(); i++) {
        String key = keys.get(i);
        if (cast.containsKey(key)) {
          throw new FreezeException(Reason.UNSUPPORTED, file, "the graph holds '" + key + "' as "
              + DType.FLOAT32 + " (" + n.getOp() + " '" + n.getName() + "'), so a checkpoint holding it as "
              + cast.get(key) + " would not restore into it; cast a copy of the checkpoint without its .meta, or "
              + "freeze the original and cast the frozen weights");
        }
        if (dropped.contains(key)) {
          continue;
        }
        kept.add(i);
        newKeys.add(renamed.getOrDefault(key, key));
        newSpecs.add(specs.get(i));
      }
      setConst(nodes, newConsts, n, 1, newKeys, file);
      setConst(nodes, newConsts, n, 2, newSpecs, file);
      NodeDef.Builder b = nodes.get(n.getName());
      List<DataType> dtypes = n.getAttrOrDefault("dtypes", AttrValue.getDefaultInstance()).getList().getTypeList();
      AttrValue.ListValue.Builder newTypes = AttrValue.ListValue.newBuilder();
      kept.forEach(i -> newTypes.addType(i < dtypes.size() ? dtypes.get(i) : DataType.DT_INVALID));
      b.putAttr("dtypes", AttrValue.newBuilder().setList(newTypes).build());
      if (n.getOp().equals("SaveV2")) {
        List<String> inputs = new ArrayList<>(n.getInputList().subList(0, 3));
        for (int i : kept) {
          inputs.add(n.getInput(3 + i));
        }
        n.getInputList().stream().filter(s -> s.startsWith("^")).forEach(inputs::add);
        b.clearInput().addAllInput(inputs);
      } else {
        b.removeAttr("_output_shapes");
        for (int i = 0; i < keys.size(); i++) {
          int at = kept.indexOf(i);
          String old = i == 0 ? n.getName() : n.getName() + ":" + i;
          renumbered.put(old, at < 0 ? null : at == 0 ? n.getName() : n.getName() + ":" + at);
          if (i == 0) {
            renumbered.put(n.getName() + ":0", renumbered.get(old));
          }
        }
      }
    }
    // consumers of restore outputs: renumbered, or removed with the assigns of dropped keys
    boolean changed = true;
    while (changed) {
      changed = false;
      for (NodeDef.Builder b : nodes.values()) {
        if (removed.contains(b.getName())) {
          continue;
        }
        for (String in : b.getInputList()) {
          String name = in.startsWith("^") ? null : in;
          boolean fromDropped = name != null && renumbered.containsKey(name) && renumbered.get(name) == null;
          boolean fromRemoved = name != null && removed.contains(TensorRef.nodeName(name));
          if (fromDropped || fromRemoved) {
            if (!Set.of("Assign", "AssignVariableOp", "Identity").contains(b.getOp())) {
              throw new FreezeException(Reason.UNSUPPORTED, file, "node '" + b.getName() + "' (" + b.getOp()
                  + ") reads the restored value of a dropped key through '" + in + "'; keep that key");
            }
            removed.add(b.getName());
            changed = true;
            break;
          }
        }
      }
    }
    GraphDef.Builder out = graph.toBuilder().clearNode();
    for (NodeDef.Builder b : nodes.values()) {
      if (removed.contains(b.getName())) {
        continue;
      }
      List<String> inputs = new ArrayList<>();
      for (String in : b.getInputList()) {
        if (in.startsWith("^")) {
          if (!removed.contains(in.substring(1))) {
            inputs.add(in);
          }
        } else {
          inputs.add(renumbered.getOrDefault(in, in));
        }
      }
      out.addNode(b.clearInput().addAllInput(inputs));
    }
    MetaGraphDef.Builder m = meta.toBuilder().setGraphDef(out);
    renameSliceInfo(m, renamed);
    return m.build();
  }

  /**
   * Refuses to drop a variable that the graph's likely outputs read (through data or control
   * edges): after a restore it would be uninitialized, and a freeze of those outputs would fail.
   */
  private static void checkForward(GraphDef graph, MetaGraphDef meta, Path file, Set<String> dropped)
      throws FreezeException {
    if (dropped.isEmpty()) {
      return;
    }
    Map<String, String> keyOfVariable = new HashMap<>();
    VariableBinder.fromRestoreOps(graph).forEach((node, b) -> {
      if (dropped.contains(b.key())) {
        keyOfVariable.put(node, b.key());
      }
    });
    if (keyOfVariable.isEmpty()) {
      return;
    }
    Map<String, NodeDef> byName = new HashMap<>();
    graph.getNodeList().forEach(n -> byName.put(n.getName(), n));
    for (GraphSummary.Output o : GraphSummary.of(meta).outputs()) {
      ArrayDeque<String> todo = new ArrayDeque<>(List.of(o.name()));
      Set<String> seen = new HashSet<>(todo);
      while (!todo.isEmpty()) {
        String name = todo.pop();
        if (keyOfVariable.containsKey(name)) {
          throw new FreezeException(Reason.UNSUPPORTED, file, "dropping '" + keyOfVariable.get(name) + "' would leave "
              + "variable '" + name + "' uninitialized, and the output '" + o.name() + "' reads it; keep it (drop only "
              + "what no output needs, such as optimizer slots)");
        }
        NodeDef n = byName.get(name);
        if (n == null) {
          continue;
        }
        for (String in : n.getInputList()) {
          String dep = TensorRef.nodeName(in);
          if (seen.add(dep)) {
            todo.push(dep);
          }
        }
      }
    }
  }

  /** The strings of the Const that is input {@code pos} of {@code n}. */
  private static List<String> strings(Map<String, NodeDef.Builder> nodes, NodeDef n, int pos, Path file)
      throws FreezeException {
    NodeDef.Builder c = n.getInputCount() > pos ? nodes.get(TensorRef.nodeName(n.getInput(pos))) : null;
    if (c == null || !c.getOp().equals("Const") || !c.getAttrMap().containsKey("value")) {
      throw refuse(file, n, "takes input " + pos + " from something other than a Const, so its keys cannot be rewritten");
    }
    TensorProto t = c.getAttrOrThrow("value").getTensor();
    List<String> out = new ArrayList<>();
    t.getStringValList().forEach(s -> out.add(s.toStringUtf8()));
    return out;
  }

  /** Sets the Const at input {@code pos} of {@code n} to {@code values}; a Const shared by two ops must get one value. */
  private static void setConst(Map<String, NodeDef.Builder> nodes, Map<String, List<String>> done, NodeDef n, int pos,
      List<String> values, Path file) throws FreezeException {
    String name = TensorRef.nodeName(n.getInput(pos));
    List<String> before = done.putIfAbsent(name, values);
    if (before != null) {
      if (!before.equals(values)) {
        throw refuse(file, n, "shares Const '" + name + "' with another saver op that needs other keys");
      }
      return;
    }
    NodeDef.Builder c = nodes.get(name);
    TensorProto.Builder t = c.getAttrOrThrow("value").getTensor().toBuilder().clearStringVal()
        .setTensorShape(TensorShapeProto.newBuilder().addDim(TensorShapeProto.Dim.newBuilder().setSize(values.size())));
    values.forEach(v -> t.addStringVal(ByteString.copyFromUtf8(v)));
    c.putAttr("value", AttrValue.newBuilder().setTensor(t).build());
    if (c.getAttrMap().containsKey("_output_shapes")) {
      c.putAttr("_output_shapes", AttrValue.newBuilder().setList(AttrValue.ListValue.newBuilder().addShape(
          TensorShapeProto.newBuilder().addDim(TensorShapeProto.Dim.newBuilder().setSize(values.size())))).build());
    }
  }

  /** Partitioned variables' full names in the collections' VariableDefs follow the renames. */
  private static void renameSliceInfo(MetaGraphDef.Builder m, Map<String, String> renamed) {
    if (renamed.isEmpty()) {
      return;
    }
    for (Map.Entry<String, CollectionDef> e : m.getCollectionDefMap().entrySet()) {
      if (!e.getValue().hasBytesList()) {
        continue;
      }
      CollectionDef.BytesList.Builder list = CollectionDef.BytesList.newBuilder();
      boolean changed = false;
      for (ByteString bytes : e.getValue().getBytesList().getValueList()) {
        ByteString out = bytes;
        try {
          VariableDef v = VariableDef.parseFrom(bytes);
          String full = v.getSaveSliceInfoDef().getFullName();
          if (v.hasSaveSliceInfoDef() && renamed.containsKey(full)) {
            out = v.toBuilder().setSaveSliceInfoDef(v.getSaveSliceInfoDef().toBuilder().setFullName(renamed.get(full)))
                .build().toByteString();
            changed = true;
          }
        } catch (InvalidProtocolBufferException ex) {
          // not a variables collection
        }
        list.addValue(out);
      }
      if (changed) {
        m.putCollectionDef(e.getKey(), CollectionDef.newBuilder().setBytesList(list).build());
      }
    }
  }

  private static FreezeException refuse(Path file, NodeDef n, String why) {
    return new FreezeException(Reason.UNSUPPORTED, file, n.getOp() + " '" + n.getName() + "' " + why
        + "; the .meta cannot be rewritten to match");
  }
}
