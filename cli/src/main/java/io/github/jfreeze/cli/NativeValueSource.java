package io.github.jfreeze.cli;

import io.github.jfreeze.bridge.NativeTensor;
import io.github.jfreeze.bridge.NativeVariables;
import io.github.jfreeze.codec.CheckpointReader;
import io.github.jfreeze.codec.GraphFile;
import io.github.jfreeze.codec.ModelLocation;
import io.github.jfreeze.codec.ModelLocator;
import io.github.jfreeze.codec.graph.GraphSummary;
import io.github.jfreeze.freezer.VariableValueSource;
import io.github.jfreeze.proto.MetaGraphDef;
import io.github.jfreeze.proto.SavedModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Native-assisted freezing: the variables' values come from a TensorFlow session that imported the
 * graph and restored the checkpoint, as TF's own freezing does; the freezer's rewrite is unchanged.
 * Only the variables the outputs reach are fetched, in one run ({@link #prepare}); when the outputs
 * reach none, no session runs.
 */
final class NativeValueSource implements VariableValueSource {
  private final ModelLocation location;
  private final Path graph;
  private final java.util.Set<String> tags;
  private Map<String, NativeTensor> values;

  private NativeValueSource(ModelLocation location, Path graph, java.util.Set<String> tags) {
    this.location = location;
    this.graph = graph;
    this.tags = tags;
  }

  static NativeValueSource of(Path input, Path graph, java.util.Set<String> tags) throws IOException {
    return new NativeValueSource(ModelLocator.locate(input), graph, tags);
  }

  /**
   * The largest tensor a native fetch copies (a Java array's limit): larger ones are refused before
   * any native work, naming the variable and the pure-Java route.
   */
  static final long MAX_NATIVE_BYTES = Integer.MAX_VALUE - 8;

  /**
   * Fetches exactly the variables the outputs reach, in one native run; none, no session. From a
   * checkpoint, one {@code RestoreV2} reads just their tensors (the Saver's restore op would read
   * every variable, whatever its size); a SavedModel is loaded whole, as TF loads it.
   */
  @Override
  public void prepare(List<Wanted> wanted) throws IOException {
    Map<String, String> keysByNode = new java.util.LinkedHashMap<>();
    wanted.forEach(w -> keysByNode.put(w.node(), w.key()));
    checkSizes(keysByNode);
    if (wanted.isEmpty()) {
      values = Map.of();
    } else if (location.kind() != ModelLocation.Kind.SAVED_MODEL && location.checkpoint() != null
        && location.format() == io.github.jfreeze.codec.CheckpointFormat.V2) {
      Path meta = graph != null ? graph : location.graphFile();
      if (meta == null) {
        throw new CommandFailure(location.input(), "--native-values needs a checkpoint with its .meta (or a SavedModel)");
      }
      List<NativeVariables.Part> parts = wanted.stream().map(w -> new NativeVariables.Part(w.node(), w.key(), w.shapeAndSlice()))
          .toList();
      values = NativeVariables.restoreParts(meta, location.checkpoint().toString(), parts);
    } else {
      values = restore(List.copyOf(keysByNode.keySet()));
    }
  }

  /** Fetches exactly the variables the outputs reach, in one native run; none, no session. */
  @Override
  public void prepare(Map<String, String> keysByNode) throws IOException {
    checkSizes(keysByNode);
    List<String> nodes = List.copyOf(keysByNode.keySet());
    values = nodes.isEmpty() ? Map.of() : restore(nodes);
  }

  /** Refuses, before any native work, a variable too large to copy out of TensorFlow. */
  private void checkSizes(Map<String, String> keysByNode) throws IOException {
    if (location.hasCheckpoint()) {
      try (CheckpointReader ckpt = location.openCheckpoint()) {
        for (var e : keysByNode.entrySet()) {
          var info = ckpt.variable(e.getValue());
          if (info.isPresent() && info.get().byteSize() > MAX_NATIVE_BYTES) {
            throw new CommandFailure(location.input(), "variable '" + e.getKey() + "' holds " + info.get().byteSize()
                + " bytes, more than --native-values can copy out of TensorFlow (2 GiB); freeze without "
                + "--native-values, which reads it in pure Java");
          }
        }
      }
    }
  }

  @Override
  public Optional<io.github.jfreeze.codec.Tensor> value(String node, String key) throws IOException {
    if (values == null) {
      values = restore(null);
    }
    NativeTensor t = values.get(node);
    return t == null ? Optional.empty() : Optional.of(t.toTensor());
  }

  /** Restores {@code nodes}, or every variable of the graph when null. */
  private Map<String, NativeTensor> restore(List<String> nodes) throws IOException {
    if (location.kind() == ModelLocation.Kind.SAVED_MODEL) {
      GraphFile f = GraphFile.read(location.graphFile());
      MetaGraphDef mg = ((SavedModel) f.message()).getMetaGraphsList().stream()
          .filter(m -> new LinkedHashSet<>(m.getMetaInfoDef().getTagsList()).equals(tags))
          .findFirst().orElseThrow(() -> new CommandFailure(location.graphFile(), "no MetaGraphDef with tags " + tags));
      return NativeVariables.restore(location.savedModelDir(), tags,
          nodes != null ? nodes : variables(GraphSummary.of(mg)));
    }
    Path meta = graph != null ? graph : location.graphFile();
    if (meta == null || location.checkpoint() == null) {
      throw new CommandFailure(location.input(), "--native-values needs a checkpoint with its .meta (or a SavedModel)");
    }
    if (nodes != null) {
      return NativeVariables.restore(meta, location.checkpoint().toString(), nodes);
    }
    GraphFile f = GraphFile.read(meta);
    GraphSummary summary = f.kind() == GraphFile.Kind.META_GRAPH ? GraphSummary.of((MetaGraphDef) f.message())
        : GraphSummary.of(f.graphDef());
    return NativeVariables.restore(meta, location.checkpoint().toString(), variables(summary));
  }

  private static List<String> variables(GraphSummary s) {
    return s.variables().stream().filter(v -> !v.op().isEmpty()).map(GraphSummary.Variable::name).distinct().toList();
  }
}
