package io.github.jfreeze.cli;

import io.github.jfreeze.codec.CheckpointReader;
import io.github.jfreeze.codec.CorruptFileException;
import io.github.jfreeze.codec.GraphFile;
import io.github.jfreeze.codec.ModelLocation;
import io.github.jfreeze.codec.ModelLocator;
import io.github.jfreeze.codec.Suggestions;
import io.github.jfreeze.codec.TensorProtos;
import io.github.jfreeze.codec.VariableInfo;
import io.github.jfreeze.codec.graph.GraphScan;
import io.github.jfreeze.codec.graph.GraphSummary;
import io.github.jfreeze.codec.graph.MetaGraphSummary;
import io.github.jfreeze.codec.internal.Background;
import io.github.jfreeze.proto.MetaGraphDef;
import io.github.jfreeze.proto.NodeDef;
import io.github.jfreeze.proto.SavedModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jfreeze inspect PATH}: what a checkpoint, graph or SavedModel holds. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
    description = {
        "Shows what a checkpoint, graph file or SavedModel holds.",
        "",
        "  checkpoint  each tensor's key, friendly name, dtype, shape and size; totals",
        "  graph       node count, ops, likely inputs and outputs, variables; a .meta",
        "              also its version, tags, saver and collections",
        "  SavedModel  tag sets, signatures with inputs and outputs, its variables",
        "A checkpoint with a .meta file beside it shows both."},
    footer = {"", "Exit status: 0 success, 1 bad or unreadable input, 2 usage error."})
final class InspectCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "PATH",
      description = "A checkpoint directory, prefix, .index/.data/.meta file, V1 checkpoint file, SavedModel "
          + "directory or saved_model.pb, or a GraphDef file (binary or text).")
  Path path;

  @Option(names = "--values", description = "Print tensor values (checkpoint tensors; for a graph without a "
      + "checkpoint, the values of its Const nodes).")
  boolean values;

  @Option(names = "--tensor", paramLabel = "NAME",
      description = "Only this tensor: a checkpoint key or friendly name (for a graph: a Const node name).")
  String tensor;

  @Option(names = "--max-values", paramLabel = "N",
      description = "Text: abbreviate tensors with more than N elements like numpy (first and last "
          + Values.EDGE_ITEMS + " of each dimension; default " + Values.DEFAULT_TEXT_THRESHOLD
          + "). JSON: write at most N values per tensor (default: all).")
  Long maxValues;

  @Option(names = "--json", description = "Write one JSON document (schema in README.md) instead of text.")
  boolean json;

  @Option(names = "--verify", description = "Read every checkpoint tensor, verifying its checksum, without "
      + "printing values (for a graph: decode every Const value).")
  boolean verify;

  /** What to print of values. */
  record ValueOptions(boolean values, long maxValues) {
    /** The text threshold: tensors with more elements are abbreviated. */
    long textThreshold() {
      return maxValues < 0 ? Values.DEFAULT_TEXT_THRESHOLD : maxValues;
    }
  }

  /** A checkpoint as shown: the reader, the tensors picked, and its files. */
  record CheckpointPart(CheckpointReader reader, List<VariableInfo> shown, int shards, List<Path> files,
      boolean verified) {}

  /**
   * A graph as shown: the file, its MetaGraphDef summary ({@code null} for a GraphDef), graph
   * summary, and the Const nodes whose values to show ({@code null} unless asked for).
   */
  record GraphPart(GraphFile file, MetaGraphSummary meta, GraphSummary graph, List<NodeDef> constants) {}

  @Override
  public Integer call() throws IOException {
    if (maxValues != null && maxValues < 0) {
      throw new ParameterException(spec.commandLine(), "--max-values must be 0 or more, not " + maxValues);
    }
    ValueOptions opts = new ValueOptions(values, maxValues == null ? -1 : maxValues);
    PrintWriter out = spec.commandLine().getOut();
    Report report = json ? new JsonReport(out, opts) : new TextReport(out, opts);
    try {
      inspect(report);
    } catch (IOException | CommandFailure | ParameterException | io.github.jfreeze.codec.IncompatibleRuntimeException e) {
      throw e;
    } catch (java.io.UncheckedIOException e) {
      throw e.getCause(); // a read that failed (a file gone, too many open files), not a bug
    } catch (RuntimeException e) {
      throw new CommandFailure(path, "cannot inspect: unexpected " + e
          + " (a bug in jfreeze: please report it with the output of --debug)", e);
    }
    out.flush();
    return Main.OK;
  }

  private void inspect(Report report) throws IOException {
    ModelLocation loc = ModelLocator.locate(path);
    switch (loc.kind()) {
      case CHECKPOINT -> {
        // the .meta is read on another thread while the checkpoint's index is: they are of a size
        // for a model of many variables (inspect of the 20,000-variable benchmark model)
        Background<GraphPart> scanning = loc.graphFile() != null && !verify
            ? Background.start("jfreeze-graph-scan", () -> scannedGraphPart(loc.graphFile())) : null;
        try (CheckpointReader reader = loc.openCheckpoint()) {
          List<String> warnings = new ArrayList<>(reader.warnings());
          CheckpointPart ckpt = null;
          if (scanning != null && tensor == null) {
            // while the graph is still being read, the report may prepare what it prints of the
            // checkpoint alone (nothing of it can fail: every tensor, nothing verified)
            ckpt = checkpointPart(reader);
            report.checkpointAhead(ckpt);
          }
          GraphPart graph = null;
          if (loc.graphFile() != null) {
            try {
              graph = scanning == null ? null : scanning.join();
              if (graph == null) {
                GraphFile file = GraphFile.read(loc.graphFile());
                if (file.kind() == GraphFile.Kind.SAVED_MODEL) {
                  throw new CorruptFileException(file.file(), -1, "holds a SavedModel, not a MetaGraphDef");
                }
                graph = graphPart(file, false);
              }
            } catch (CorruptFileException e) {
              if (verify) {
                throw e;
              }
              warnings.add("cannot read the graph beside the checkpoint: " + e.getMessage());
            }
          }
          if (ckpt == null) {
            ckpt = checkpointPart(reader);
          }
          warn(warnings);
          report.checkpoint(path, ckpt, graph, warnings);
        } finally {
          if (scanning != null) {
            scanning.cancel(); // a checkpoint that failed to open leaves nobody waiting for it
          }
        }
      }
      case SAVED_MODEL -> {
        GraphFile file = GraphFile.read(loc.graphFile());
        if (file.kind() != GraphFile.Kind.SAVED_MODEL) {
          throw new CommandFailure(loc.graphFile(), "holds a " + file.kind().protoName() + ", not a SavedModel");
        }
        if (tensor != null && !loc.hasCheckpoint()) {
          throw new CommandFailure(path, "--tensor " + tensor + ": this SavedModel has no variables");
        }
        SavedModel sm = (SavedModel) file.message();
        List<MetaGraphSummary> metas = MetaGraphSummary.of(sm);
        if (loc.hasCheckpoint()) {
          try (CheckpointReader reader = loc.openCheckpoint()) {
            CheckpointPart ckpt = checkpointPart(reader);
            List<String> warnings = reader.warnings();
            warn(warnings);
            report.savedModel(path, file, sm, metas, ckpt, warnings);
          }
        } else {
          warn(loc.warnings());
          report.savedModel(path, file, sm, metas, null, loc.warnings());
        }
      }
      case GRAPH -> {
        GraphFile file = GraphFile.read(loc.graphFile());
        if (file.kind() == GraphFile.Kind.SAVED_MODEL) {
          if (tensor != null) {
            throw new CommandFailure(path, "--tensor " + tensor + ": a saved_model.pb alone has no variables; "
                + "pass its directory");
          }
          SavedModel sm = (SavedModel) file.message();
          warn(loc.warnings());
          report.savedModel(path, file, sm, MetaGraphSummary.of(sm), null, loc.warnings());
        } else {
          GraphPart graph = graphPart(file, true);
          warn(loc.warnings());
          report.graph(path, graph, loc.warnings());
        }
      }
    }
  }

  private void warn(List<String> warnings) {
    PrintWriter err = spec.commandLine().getErr();
    for (String w : warnings) {
      err.println("jfreeze: warning: " + Main.oneLine(w));
    }
    err.flush();
  }

  /**
   * The summary of a binary {@code .meta} read without building its graph ({@link GraphScan}), or
   * null when it needs the full parse. Its {@link GraphFile} holds the MetaGraphDef without the
   * graph: the reports take only its path and kind from it.
   */
  private static GraphPart scannedGraphPart(Path meta) throws IOException {
    GraphScan.ScannedMeta s = GraphScan.readMetaGraph(meta);
    if (s == null) {
      return null;
    }
    return new GraphPart(new GraphFile(meta, GraphFile.Kind.META_GRAPH, false, s.withoutGraph()), s.summary(),
        s.summary().graph(), null);
  }

  private GraphPart graphPart(GraphFile file, boolean withConstants) throws CorruptFileException {
    MetaGraphSummary meta = file.kind() == GraphFile.Kind.META_GRAPH ? MetaGraphSummary.of((MetaGraphDef) file.message())
        : null;
    GraphSummary graph = meta != null ? meta.graph() : GraphSummary.of(file.graphDef());
    if (verify) {
      // a graph has no checksums; what can be wrong is a Const value that does not fit its shape
      for (NodeDef n : file.graphDef().getNodeList()) {
        if (n.getOp().equals("Const") && n.getAttrMap().containsKey("value")) {
          try {
            TensorProtos.check(n.getAttrMap().get("value").getTensor(), file.file(), -1);
          } catch (CorruptFileException e) {
            throw new CorruptFileException(file.file(), -1, "Const node '" + n.getName() + "': " + e.problem(), e);
          }
        }
      }
    }
    List<NodeDef> constants = null;
    if (withConstants && (values || tensor != null)) {
      List<NodeDef> all = file.graphDef().getNodeList().stream().filter(n -> n.getOp().equals("Const")).toList();
      if (tensor == null) {
        constants = all;
      } else {
        String wanted = tensor.endsWith(":0") ? tensor.substring(0, tensor.length() - 2) : tensor;
        constants = all.stream().filter(n -> n.getName().equals(wanted)).toList();
        if (constants.isEmpty()) {
          throw new CommandFailure(path, "no Const node '" + tensor + "' in this graph"
              + suggestions(tensor, all.stream().map(NodeDef::getName).toList()));
        }
      }
    }
    return new GraphPart(file, meta, graph, constants);
  }

  private CheckpointPart checkpointPart(CheckpointReader reader) throws IOException {
    List<VariableInfo> shown = tensor == null ? reader.variables() : List.of(find(reader, tensor));
    int shards = reader.shards();
    List<Path> files = reader.files();
    if (verify) {
      // only the tensors shown (all, or --tensor's), each checked as it streams
      for (VariableInfo v : shown) {
        reader.verify(v.key());
      }
    }
    return new CheckpointPart(reader, shown, shards, files, verify);
  }

  /** A tensor by key, friendly name, or {@code name:0}; else a failure naming the closest ones. */
  private VariableInfo find(CheckpointReader reader, String name) {
    List<VariableInfo> vars = reader.variables();
    for (String n : name.endsWith(":0") ? List.of(name, name.substring(0, name.length() - 2)) : List.of(name)) {
      for (VariableInfo v : vars) {
        if (v.key().equals(n)) {
          return v;
        }
      }
      List<VariableInfo> friendly = vars.stream().filter(v -> v.name().equals(n)).toList();
      if (friendly.size() == 1) {
        return friendly.get(0);
      }
      if (friendly.size() > 1) {
        throw new CommandFailure(path, "'" + name + "' is the name of " + friendly.size()
            + " tensors; pass one of their keys: " + String.join(", ", friendly.stream().map(VariableInfo::key).toList()));
      }
    }
    LinkedHashSet<String> candidates = new LinkedHashSet<>();
    vars.forEach(v -> {
      candidates.add(v.key());
      candidates.add(v.name());
    });
    throw new CommandFailure(path, "no tensor '" + name + "' in this checkpoint" + suggestions(name, candidates));
  }

  private static String suggestions(String name, java.util.Collection<String> candidates) {
    List<String> closest = Suggestions.closest(name, candidates, 5);
    return closest.isEmpty() ? " (it holds no tensors)" : "; closest: " + String.join(", ", closest);
  }

  /** Writes what was found, as text or JSON. */
  interface Report {
    /**
     * Called before {@link #checkpoint} with the same part while the graph beside the checkpoint is
     * still being read on another thread: the report may render what it prints of the checkpoint
     * alone meanwhile. Prints nothing; throws nothing but what rendering a checkpoint's table could.
     */
    default void checkpointAhead(CheckpointPart ckpt) {}

    void checkpoint(Path input, CheckpointPart ckpt, GraphPart graph, List<String> warnings) throws IOException;

    void graph(Path input, GraphPart graph, List<String> warnings) throws IOException;

    void savedModel(Path input, GraphFile file, SavedModel sm, List<MetaGraphSummary> metas, CheckpointPart ckpt,
        List<String> warnings) throws IOException;
  }
}
