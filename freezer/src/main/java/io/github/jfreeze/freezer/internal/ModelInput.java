package io.github.jfreeze.freezer.internal;

import io.github.jfreeze.codec.CheckpointReader;
import io.github.jfreeze.codec.GraphFile;
import io.github.jfreeze.codec.ModelLocation;
import io.github.jfreeze.codec.ModelLocator;
import io.github.jfreeze.codec.graph.GraphScan;
import io.github.jfreeze.codec.graph.GraphSummary;
import io.github.jfreeze.codec.internal.Background;
import io.github.jfreeze.freezer.FreezeException;
import io.github.jfreeze.proto.GraphDef;
import io.github.jfreeze.proto.MetaGraphDef;
import io.github.jfreeze.proto.SavedModel;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The model to freeze, loaded: its graph (from a {@code .meta}, a GraphDef given with {@code
 * --graph}, or a SavedModel's MetaGraphDef for the requested tags), the checkpoint that fills its
 * variables, and every input file (so outputs can never overwrite one).
 */
public final class ModelInput implements Closeable {
  public final ModelLocation location;
  /** The graph; opened {@link #forFreezing}, without its nodes (library, versions), which are in {@link #nodes}. */
  public final GraphDef graph;
  /**
   * The MetaGraphDef, when the graph came with one (collections, saver, signatures); opened {@link
   * #forFreezing}, without its {@code graph_def}.
   */
  public final MetaGraphDef meta;
  /** The main graph's nodes, when opened {@link #forFreezing}; else null. */
  public final NodeTable nodes;
  private final java.util.function.Supplier<GraphSummary> summary;
  public final CheckpointReader checkpoint;
  public final Path graphFile;
  public final List<String> warnings = new ArrayList<>();
  private final Set<Path> inputs = new HashSet<>();

  private ModelInput(ModelLocation location, GraphDef graph, MetaGraphDef meta, CheckpointReader checkpoint, Path graphFile) {
    this(location, graph, meta, null, () -> meta != null ? GraphSummary.of(meta) : GraphSummary.of(graph), checkpoint, graphFile);
  }

  private ModelInput(ModelLocation location, GraphDef graph, MetaGraphDef meta, NodeTable nodes,
      java.util.function.Supplier<GraphSummary> summary, CheckpointReader checkpoint, Path graphFile) {
    this.location = location;
    this.graph = graph;
    this.meta = meta;
    this.nodes = nodes;
    this.summary = summary;
    this.checkpoint = checkpoint;
    this.graphFile = graphFile;
  }

  /**
   * Loads the graph and opens the checkpoint.
   *
   * @param graphOverride a GraphDef/MetaGraphDef to use instead of the one found, or null
   * @param tags the SavedModel tag set to pick
   */
  public static ModelInput open(Path input, Path graphOverride, Set<String> tags) throws IOException {
    ModelLocation loc = ModelLocator.locate(input);
    Path graphPath = graphOverride != null ? graphOverride : loc.graphFile();
    if (graphPath == null) {
      throw new FreezeException(FreezeException.Reason.NOT_IN_GRAPH, input, "checkpoint " + loc.checkpoint()
          + " has no graph beside it (no " + loc.checkpoint().getFileName() + ".meta); pass the graph with the graph option (FreezeOptions.graph, ConvertOptions.graph) "
          + "(a GraphDef .pb/.pbtxt or a MetaGraphDef .meta)");
    }
    GraphFile g = GraphFile.read(graphPath);
    MetaGraphDef meta = switch (g.kind()) {
      case META_GRAPH -> (MetaGraphDef) g.message();
      case SAVED_MODEL -> pick((SavedModel) g.message(), tags, graphPath);
      case GRAPH_DEF -> null;
    };
    GraphDef graph = meta != null ? meta.getGraphDef() : (GraphDef) g.message();
    CheckpointReader ckpt = loc.hasCheckpoint() ? loc.openCheckpoint() : null;
    ModelInput in = new ModelInput(loc, graph, meta, ckpt, graphPath);
    in.warnings.addAll(loc.warnings());
    in.inputs.addAll(loc.readPaths(graphPath, ckpt));
    return in;
  }

  /**
   * Opens the model for freezing: the graph's nodes go into a {@link NodeTable}, not protobuf
   * objects. A binary {@code .meta} is mapped and its nodes located without building them (the
   * common case, and the large one); anything else is parsed whole first, as {@link #open} does.
   */
  public static ModelInput forFreezing(Path input, Path graphOverride, Set<String> tags) throws IOException {
    ModelLocation loc = ModelLocator.locate(input);
    Path graphPath = graphOverride != null ? graphOverride : loc.graphFile();
    GraphScan.ScannedGraph scanned = graphPath == null ? null : GraphScan.locateNodes(graphPath);
    NodeTable table = null;
    GraphDef shell = null;
    MetaGraphDef meta = null;
    // the checkpoint's index is read on another thread while the nodes are: of a size for a model
    // of many variables (freeze of the 20,000-variable benchmark model: about 70 and 200 ms)
    Background<CheckpointReader> opening = null;
    if (scanned != null) {
      shell = scanned.shell();
      meta = VariableBinder.withSliceInfosOnly(scanned.withoutGraph()); // before the nodes are read: the peak is there
      java.nio.ByteBuffer bytes = scanned.bytes();
      int[] starts = scanned.starts();
      int[] lengths = scanned.lengths();
      scanned = null; // (its MetaGraphDef is the unslimmed one)
      opening = loc.hasCheckpoint() ? Background.start("jfreeze-checkpoint-index", loc::openCheckpoint) : null;
      try {
        table = located(bytes, starts, lengths);
      } catch (RuntimeException | Error e) {
        Throwable also = discard(opening);
        if (also != null) {
          e.addSuppressed(also);
        }
        throw e;
      }
    }
    if (table == null) {
      discard(opening); // the whole-file parse opens it again
      ModelInput full = open(input, graphOverride, tags);
      GraphDef graph = full.graph;
      MetaGraphDef fullMeta = full.meta;
      ModelInput in = new ModelInput(full.location, graph.toBuilder().clearNode().build(),
          fullMeta == null ? null : VariableBinder.withSliceInfosOnly(fullMeta.toBuilder().clearGraphDef().build()),
          NodeTable.of(graph.getNodeList()),
          full.summary, full.checkpoint, full.graphFile);
      in.warnings.addAll(full.warnings);
      in.inputs.addAll(full.inputs);
      return in;
    }
    CheckpointReader ckpt = null;
    if (opening != null) {
      try {
        ckpt = opening.join();
      } catch (java.io.InterruptedIOException e) {
        discard(opening); // (the reader it goes on to open is closed)
        throw e;
      }
    }
    Path file = graphPath;
    ModelInput in = new ModelInput(loc, shell, meta, table, () -> {
      try {
        GraphScan.ScannedMeta m = GraphScan.readMetaGraph(file);
        return m != null ? m.summary().graph() : GraphSummary.of((MetaGraphDef) GraphFile.read(file).message());
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }, ckpt, graphPath);
    in.warnings.addAll(loc.warnings());
    in.inputs.addAll(loc.readPaths(graphPath, ckpt));
    return in;
  }

  /** Waits for a checkpoint being opened that nobody will use and closes it; what its opening threw, or null. */
  private static Throwable discard(Background<CheckpointReader> opening) {
    return opening == null ? null : opening.discard(r -> {
      try {
        r.close();
      } catch (IOException e) {
        // nothing was read from it
      }
    });
  }

  /** The node table of a scanned graph, or null when the whole-file parse must decide what the file is. */
  private static NodeTable located(java.nio.ByteBuffer bytes, int[] starts, int[] lengths) {
    try {
      return NodeTable.located(bytes, starts, lengths);
    } catch (NodeTable.NotPlausible e) {
      return null;
    }
  }

  /** The graph's summary (likely outputs for messages), read again from the file if need be. */
  public GraphSummary summary() {
    return summary.get();
  }

  private static MetaGraphDef pick(SavedModel sm, Set<String> tags, Path file) throws FreezeException {
    for (MetaGraphDef mg : sm.getMetaGraphsList()) {
      if (Set.copyOf(mg.getMetaInfoDef().getTagsList()).equals(tags)) {
        return mg;
      }
    }
    String available = sm.getMetaGraphsList().stream().map(mg -> String.join(",", mg.getMetaInfoDef().getTagsList()))
        .map(t -> "'" + t + "'").collect(Collectors.joining(", "));
    throw new FreezeException(FreezeException.Reason.NOT_IN_GRAPH, file, "no MetaGraphDef with tags '"
        + String.join(",", tags) + "'; the SavedModel has " + available + " (pass one with FreezeOptions.tags(...))");
  }

  /** Files and directories the freeze reads: an output must not be one of them or inside one. */
  public Set<Path> inputPaths() {
    return Set.copyOf(inputs);
  }

  @Override
  public void close() throws IOException {
    if (checkpoint != null) {
      checkpoint.close();
    }
  }
}
