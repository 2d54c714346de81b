package io.github.jfreeze.freezer.internal;

import io.github.jfreeze.codec.CheckpointReader;
import io.github.jfreeze.codec.DType;
import io.github.jfreeze.codec.Suggestions;
import io.github.jfreeze.codec.Tensor;
import io.github.jfreeze.codec.TensorShape;
import io.github.jfreeze.codec.VariableInfo;
import io.github.jfreeze.codec.slice.SliceAssembler;
import io.github.jfreeze.freezer.FreezeException;
import io.github.jfreeze.freezer.FreezeException.Reason;
import io.github.jfreeze.freezer.VariableValueSource;
import io.github.jfreeze.freezer.internal.VariableBinder.Binding;
import io.github.jfreeze.proto.AttrValue;
import io.github.jfreeze.proto.NodeDef;
import io.github.jfreeze.proto.TensorProto;
import io.github.jfreeze.proto.TensorShapeProto;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Freezing stage 4, the variables' values: each variable's checkpoint key (the one its restore op
 * reads, else its {@code SaveSliceInfoDef}, name, shared name or TF2 object-graph name), checked
 * against the graph's dtype and shape, then read, cut to its slice, taken from a {@link
 * VariableValueSource}, or planned to be streamed from the data file when the graph is written.
 * Every mismatch is found before anything is converted.
 */
final class VariableValueReader {
  private VariableValueReader() {}

  /**
   * Finds, checks and reads (or plans to stream) the value of every variable in {@code variables},
   * before anything is converted.
   *
   * @param ckpt the checkpoint
   * @param variables the variable nodes to convert
   * @param sub the subgraph's nodes, by name
   * @param attributes a variable node's {@code dtype} and {@code shape} attributes (null where absent), by name
   * @param keys the checkpoint keys the graph binds its variables to ({@link VariableBinder#bindings})
   * @param supplied values that take the place of the checkpoint's, or null
   * @param used filled with the binding each variable was read by, naming the checkpoint's own key
   *     String (the report keeps them; a String per variable, not two)
   * @return each variable's value, by node name, in the order of {@code variables} (a map of its own,
   *     which the caller may add to)
   * @throws FreezeException if a variable is missing from the checkpoint or does not match it
   */
  static Map<String, ConstantValue> read(CheckpointReader ckpt, List<String> variables,
      java.util.function.Function<String, NodeDef> sub, java.util.function.Function<String, AttrValue[]> attributes,
      Map<String, Binding> keys, VariableValueSource supplied, Map<String, Binding> used) throws IOException {
    // keys are looked up in the reader (not copied: 20,000 variables); the names of a TF2 object
    // graph only once a key is not found
    Map<String, String> friendly = null;
    List<String> allKeys = null; // (for the message naming the closest ones)
    List<String> problems = new ArrayList<>();
    List<Chosen> chosen = new ArrayList<>(variables.size());
    Map<AttrValue, java.util.Optional<TensorShape>> declaredShapes = new java.util.IdentityHashMap<>();
    for (String v : variables) {
      Binding b = keys.get(v);
      VariableInfo info = b == null ? null : ckpt.variable(b.key()).orElse(null);
      if (info == null) {
        NodeDef node = sub.apply(v);
        if (friendly == null) {
          friendly = friendlyNames(ckpt);
        }
        b = byName(node, ckpt, friendly);
        if (b == null) {
          if (allKeys == null) {
            allKeys = ckpt.variables().stream().map(VariableInfo::key).toList();
          }
          problems.add("variable '" + v + "' (" + node.getOp() + ") is not in the checkpoint; closest keys: "
              + String.join(", ", Suggestions.closest(v, allKeys, 3)));
          continue;
        }
        info = ckpt.variable(b.key()).orElseThrow();
      }
      AttrValue[] attrs = attributes.apply(v);
      if (info.dtype() == DType.VARIANT || info.dtype() == DType.RESOURCE) {
        problems.add("variable '" + v + "' holds " + info.dtype() + " values, which a Const cannot hold; exclude it with "
            + "FreezeOptions.excludeVariables(...)");
        continue;
      }
      DType expected = DType.find((attrs[0] == null ? AttrValue.getDefaultInstance() : attrs[0]).getTypeValue());
      if (expected != null && expected != info.dtype()) {
        problems.add("variable '" + v + "' is " + expected + " in the graph but checkpoint key '" + b.key() + "' holds " + info.dtype());
        continue;
      }
      TensorShape shape = info.shape();
      if (b.slice() != null) {
        try {
          shape = TensorShape.of(b.slice().lengthsWithin(info.shape()));
        } catch (IllegalArgumentException ex) {
          problems.add("variable '" + v + "': " + ex.getMessage() + " of checkpoint key '" + b.key() + "'");
          continue;
        }
      }
      AttrValue shapeAttr = attrs[1];
      // a fully defined declared shape, once per attribute value (variables share a few)
      TensorShape declared = shapeAttr == null || !shapeAttr.hasShape() ? null : declaredShapes.computeIfAbsent(shapeAttr,
          a -> isFullyDefined(a.getShape()) ? java.util.Optional.of(TensorShape.fromProto(a.getShape())) : java.util.Optional.empty())
          .orElse(null);
      if (declared != null && !declared.equals(shape)) {
        problems.add("variable '" + v + "' has shape " + declared + " in the graph but "
            + "checkpoint key '" + b.key() + "'" + (b.slice() != null ? " slice " + b.slice() : "") + " holds " + shape);
        continue;
      }
      // the checkpoint's own String for the key and the caller's for the node: the report and the
      // streamed values keep them, and 200,000 variables would otherwise hold 400,000 more Strings
      chosen.add(new Chosen(v, b.key() == info.key() && b.node() == v ? b : new Binding(v, info.key(), b.slice(), b.how(),
          b.item()), info));
    }
    if (!problems.isEmpty()) {
      throw new FreezeException(Reason.VARIABLE_MISMATCH, ckpt.prefix(), "the graph does not match the checkpoint: "
          + String.join("; ", problems.subList(0, Math.min(problems.size(), 8)))
          + (problems.size() > 8 ? "; and " + (problems.size() - 8) + " more" : ""));
    }
    Map<String, ConstantValue> values = new LinkedHashMap<>(chosen.size() * 4 / 3 + 1);
    Map<String, Tensor> cache = new HashMap<>();
    Map<Map.Entry<DType, TensorShape>, TensorProto> heads = new HashMap<>();
    if (supplied != null) {
      List<VariableValueSource.Wanted> wanted = new ArrayList<>();
      chosen.forEach(c -> wanted.add(new VariableValueSource.Wanted(c.node(), c.binding().key(), c.binding().slice() == null ? ""
          : String.join(" ", c.info().shape().asList().stream().map(String::valueOf).toList()) + " " + c.binding().slice())));
      supplied.prepare(List.copyOf(wanted));
    }
    for (Chosen c : chosen) {
      Binding b = c.binding();
      VariableInfo info = c.info();
      Tensor given = supplied == null ? null : supplied.value(c.node(), b.key()).orElse(null);
      if (given != null) {
        if (given.dtype() != info.dtype()) {
          throw new FreezeException(Reason.VARIABLE_MISMATCH, null, "the value supplied for '" + c.node() + "' is " + given.dtype()
              + " but the checkpoint holds " + info.dtype());
        }
        values.put(c.node(), new ConstantValue(given.dtype(), given.shape(), given.toProto(), given.byteSize(), null));
        continue;
      }
      if (b.slice() == null && ckpt.isRawCopyable(b.key()) && info.byteSize() > 0) {
        // stream the bytes when writing: nothing of the value is held in memory
        // one head per dtype and shape: a model's many variables share a few
        TensorProto head = heads.computeIfAbsent(new java.util.AbstractMap.SimpleImmutableEntry<>(info.dtype(), info.shape()),
            k -> TensorProto.newBuilder().setDtype(k.getKey().proto()).setTensorShape(k.getValue().toProto()).build());
        values.put(c.node(), new ConstantValue(info.dtype(), info.shape(), head, info.byteSize(),
            new ConstantValue.RawSource(ckpt, b.key(), info.byteSize())));
        continue;
      }
      Tensor t = b.slice() == null ? ckpt.read(b.key()) : SliceAssembler.extract(cache.computeIfAbsent(b.key(), k -> readUnchecked(ckpt, k)), b.slice());
      values.put(c.node(), new ConstantValue(t.dtype(), t.shape(), t.toProto(), t.byteSize(), null));
    }
    for (Chosen c : chosen) {
      used.put(c.node(), c.binding());
    }
    return values;
  }

  /** A variable node, the checkpoint entry it is read from and how. */
  private record Chosen(String node, Binding binding, VariableInfo info) {}

  /** The object graph's names of a TF2 checkpoint's keys: name to the first key so named. */
  private static Map<String, String> friendlyNames(CheckpointReader ckpt) {
    Map<String, String> friendly = new HashMap<>();
    for (VariableInfo v : ckpt.variables()) {
      if (v.hasFriendlyName()) {
        friendly.putIfAbsent(v.name(), v.key());
      }
    }
    return friendly;
  }

  private static Tensor readUnchecked(CheckpointReader ckpt, String key) {
    try {
      return ckpt.read(key);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Binding byName(NodeDef node, CheckpointReader ckpt, Map<String, String> friendly) {
    List<String> candidates = new ArrayList<>();
    candidates.add(node.getName());
    AttrValue shared = node.getAttrOrDefault("shared_name", null);
    if (shared != null && !shared.getS().isEmpty()) {
      candidates.add(0, shared.getS().toString(StandardCharsets.UTF_8));
    }
    for (String c : candidates) {
      if (ckpt.variable(c).isPresent()) {
        return new Binding(node.getName(), c, null, "name");
      }
    }
    for (String c : candidates) {
      if (friendly.containsKey(c)) {
        return new Binding(node.getName(), friendly.get(c), null, "object graph name");
      }
    }
    return null;
  }

  private static boolean isFullyDefined(TensorShapeProto s) {
    if (s.getUnknownRank()) {
      return false;
    }
    return s.getDimList().stream().allMatch(d -> d.getSize() >= 0);
  }
}
