package io.github.jfreeze.bridge;

import io.github.jfreeze.bridge.internal.NativeGraphRunner;
import io.github.jfreeze.bridge.internal.NativeGraphRunner.NativeFailure;
import io.github.jfreeze.codec.Suggestions;
import io.github.jfreeze.codec.graph.OpVocabulary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.tensorflow.proto.NodeDef;

/**
 * Variable values as native TensorFlow restores them into a graph: the native half of
 * "native-assisted freezing" (the benchmark baseline), where TensorFlow restores the checkpoint in
 * a session and the values are fetched, instead of jfreeze reading the checkpoint in pure Java.
 *
 * <p>Each variable is fetched in one session run after the restore: a {@code VariableV2} (or
 * {@code Variable}) node as its tensor {@code name:0}, a {@code VarHandleOp} through a
 * {@code ReadVariableOp} added on its handle. The session runs on the CPU.
 */
public final class NativeVariables {
  private NativeVariables() {}

  private static final Set<String> REF_VARIABLES = OpVocabulary.REF_VARIABLES;

  /**
   * Imports a MetaGraphDef's graph, restores {@code checkpoint} with its Saver's restore op and
   * fetches the variables.
   *
   * @param metaGraphFile the {@code .meta} file (binary or text MetaGraphDef)
   * @param checkpoint the checkpoint prefix, V1 file or V1 pattern the Saver restores from
   * @param variableNodes variable node names ({@code name} or {@code name:0})
   * @return node name to value, in the order given; each tensor is keyed by its node name
   * @throws NativeRunException when the natives are unavailable, a node is missing or is no
   *     variable ({@code UNKNOWN_NAME}), or TensorFlow fails to import, restore or fetch
   */
  public static Map<String, NativeTensor> restore(Path metaGraphFile, String checkpoint, List<String> variableNodes)
      throws IOException {
    Objects.requireNonNull(metaGraphFile, "metaGraphFile is null");
    Objects.requireNonNull(checkpoint, "checkpoint is null");
    Objects.requireNonNull(variableNodes, "variableNodes is null");
    NativeRunner.requireNatives("restoring variables natively");
    if (!Files.isRegularFile(metaGraphFile)) {
      throw NativeRunException.badModel(metaGraphFile + ": no such MetaGraphDef file");
    }
    try (OriginalModel m = OriginalModel.checkpoint(new OriginalModel.Checkpoint(metaGraphFile, checkpoint), Device.CPU)) {
      return fetch(m, variableNodes);
    }
  }

  /**
   * A checkpoint tensor to restore into a variable: its node, its key, and TF's {@code
   * shape_and_slices} entry for it ({@code ""} for the whole tensor, {@code "10 4 0,5:-"} for a
   * partition).
   *
   * @param node the variable node
   * @param key the checkpoint key
   * @param shapeAndSlice the {@code RestoreV2} spec
   */
  public record Part(String node, String key, String shapeAndSlice) {}

  /**
   * Imports a MetaGraphDef's graph and restores only {@code parts}, with one {@code RestoreV2} of
   * TensorFlow's reading just those tensors (the Saver's restore op would read every variable, 2.4
   * GB for one that no output needs).
   *
   * @param metaGraphFile the {@code .meta} file (binary or text MetaGraphDef)
   * @param checkpoint the checkpoint prefix (V2)
   * @param parts what to restore
   * @return node name to value, in the order given
   * @throws NativeRunException when the natives are unavailable, a node is missing or is no
   *     variable ({@code UNKNOWN_NAME}), or TensorFlow fails to import or restore
   */
  public static Map<String, NativeTensor> restoreParts(Path metaGraphFile, String checkpoint, List<Part> parts)
      throws IOException {
    Objects.requireNonNull(metaGraphFile, "metaGraphFile is null");
    Objects.requireNonNull(checkpoint, "checkpoint is null");
    NativeRunner.requireNatives("restoring variables natively");
    if (!Files.isRegularFile(metaGraphFile)) {
      throw NativeRunException.badModel(metaGraphFile + ": no such MetaGraphDef file");
    }
    try (OriginalModel m = OriginalModel.imported(new OriginalModel.Checkpoint(metaGraphFile, checkpoint), Device.CPU, false)) {
      int[] dtypes = new int[parts.size()];
      List<byte[]> keys = new ArrayList<>();
      List<byte[]> specs = new ArrayList<>();
      for (int i = 0; i < parts.size(); i++) {
        Part p = parts.get(i);
        String node = NativeGraphRunner.opName(p.node());
        if (!m.runner.hasOperation(node)) {
          throw NativeRunException.unknownName("variable '" + node + "' is not in " + m.description, List.of());
        }
        String op = m.runner.opType(node);
        if (!REF_VARIABLES.contains(op) && !OpVocabulary.RESOURCE_VARIABLES.contains(op)) {
          throw NativeRunException.unknownName("node '" + node + "' is a " + op + ", not a variable (VariableV2, Variable "
              + "or VarHandleOp)", List.of());
        }
        try {
          dtypes[i] = m.runner.typeAttr(node, "dtype");
        } catch (NativeFailure e) {
          throw NativeRunException.tensorflow("TensorFlow cannot read the dtype of " + node, e.getMessage());
        }
        keys.add(p.key().getBytes(StandardCharsets.UTF_8));
        specs.add(p.shapeAndSlice().getBytes(StandardCharsets.UTF_8));
      }
      String base = uniqueName(m.runner, "jfreeze_restore");
      try {
        m.runner.addOperation("Placeholder", base + "/prefix", List.of(), List.of("dtype"), new int[] {STRING});
        m.runner.addOperation("Placeholder", base + "/tensor_names", List.of(), List.of("dtype"), new int[] {STRING});
        m.runner.addOperation("Placeholder", base + "/shape_and_slices", List.of(), List.of("dtype"), new int[] {STRING});
        m.runner.addOperation("RestoreV2", base, List.of(base + "/prefix", base + "/tensor_names", base + "/shape_and_slices"),
            List.of(), new int[0], "dtypes", dtypes);
      } catch (NativeFailure e) {
        throw NativeRunException.tensorflow("TensorFlow cannot add a RestoreV2 for " + parts.size() + " tensor(s)", e.getMessage());
      }
      long[] n = {parts.size()};
      List<NativeTensor> feeds = List.of(
          new NativeTensor(base + "/prefix", "string", new long[0], new byte[0], List.of(checkpoint.getBytes(StandardCharsets.UTF_8))),
          new NativeTensor(base + "/tensor_names", "string", n, new byte[0], keys),
          new NativeTensor(base + "/shape_and_slices", "string", n, new byte[0], specs));
      List<String> fetches = new ArrayList<>();
      for (int i = 0; i < parts.size(); i++) {
        fetches.add(base + ":" + i);
      }
      List<NativeTensor> values = NativeRunner.run(m.runner, feeds, fetches, "restoring " + parts.size() + " tensor(s) of "
          + checkpoint);
      Map<String, NativeTensor> out = new LinkedHashMap<>();
      for (int i = 0; i < parts.size(); i++) {
        NativeTensor t = values.get(i);
        String node = NativeGraphRunner.opName(parts.get(i).node());
        out.put(node, new NativeTensor(node, t.dtype(), t.shape(), t.data(), t.strings()));
      }
      return out;
    }
  }

  private static final int STRING = io.github.jfreeze.codec.DType.STRING.proto().getNumber();

  /**
   * Loads a SavedModel (TF1 or TF2) as {@code SavedModelBundle.load(dir, tags)} does, which restores
   * its variables, and fetches them.
   *
   * @param variableNodes variable node names of the MetaGraphDef's main graph
   * @return node name to value, in the order given
   */
  public static Map<String, NativeTensor> restore(Path savedModelDir, Set<String> tags, List<String> variableNodes)
      throws IOException {
    Objects.requireNonNull(savedModelDir, "savedModelDir is null");
    Objects.requireNonNull(tags, "tags is null");
    Objects.requireNonNull(variableNodes, "variableNodes is null");
    NativeRunner.requireNatives("restoring variables natively");
    if (!OriginalModel.isSavedModel(savedModelDir)) {
      throw NativeRunException.badModel(savedModelDir + " is not a SavedModel directory (no saved_model.pb in it)");
    }
    try (OriginalModel m = OriginalModel.savedModel(savedModelDir, tags, Device.CPU)) {
      return fetch(m, variableNodes);
    }
  }

  private static Map<String, NativeTensor> fetch(OriginalModel m, List<String> variableNodes) throws NativeRunException {
    Map<String, NodeDef> byName = new LinkedHashMap<>();
    m.graph.getNodeList().forEach(n -> byName.put(n.getName(), n));
    List<String> nodes = new ArrayList<>();
    List<String> fetches = new ArrayList<>();
    int added = 0;
    for (String v : variableNodes) {
      String node = NativeGraphRunner.opName(Objects.requireNonNull(v, "variable node is null"));
      if (!m.runner.hasOperation(node)) {
        List<String> variables = byName.values().stream()
            .filter(n -> REF_VARIABLES.contains(n.getOp()) || OpVocabulary.RESOURCE_VARIABLES.contains(n.getOp())).map(NodeDef::getName)
            .toList();
        throw NativeRunException.unknownName("variable '" + node + "' is not in " + m.description,
            Suggestions.closest(node, variables, 5));
      }
      String op = m.runner.opType(node);
      if (REF_VARIABLES.contains(op)) {
        fetches.add(node + ":0");
      } else if (OpVocabulary.RESOURCE_VARIABLES.contains(op)) {
        String read = uniqueName(m.runner, "jfreeze_read_variable_" + added++);
        try {
          int dtype = m.runner.typeAttr(node, "dtype");
          m.runner.addOperation("ReadVariableOp", read, List.of(node), List.of("dtype"), new int[] {dtype});
        } catch (NativeFailure e) {
          throw NativeRunException.tensorflow("TensorFlow cannot add a ReadVariableOp on " + node, e.getMessage());
        }
        fetches.add(read + ":0");
      } else {
        throw NativeRunException.unknownName("node '" + node + "' is a " + op + ", not a variable (VariableV2, Variable "
            + "or VarHandleOp)", List.of());
      }
      nodes.add(node);
    }
    List<NativeTensor> values = NativeRunner.run(m.runner, List.of(), fetches, "fetching variables of " + m.description);
    Map<String, NativeTensor> out = new LinkedHashMap<>();
    for (int i = 0; i < nodes.size(); i++) {
      NativeTensor t = values.get(i);
      String dtype = t.dtype().endsWith("_ref") ? t.dtype().substring(0, t.dtype().length() - 4) : t.dtype();
      out.put(nodes.get(i), new NativeTensor(nodes.get(i), dtype, t.shape(), t.data(), t.strings()));
    }
    return out;
  }

  private static String uniqueName(NativeGraphRunner r, String base) {
    String name = base;
    for (int i = 1; r.hasOperation(name); i++) {
      name = base + "_" + i;
    }
    return name;
  }
}
