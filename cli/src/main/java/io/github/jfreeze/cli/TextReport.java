package io.github.jfreeze.cli;

import io.github.jfreeze.cli.InspectCommand.CheckpointPart;
import io.github.jfreeze.cli.InspectCommand.GraphPart;
import io.github.jfreeze.cli.InspectCommand.ValueOptions;
import io.github.jfreeze.codec.CorruptFileException;
import io.github.jfreeze.codec.DType;
import io.github.jfreeze.codec.GraphFile;
import io.github.jfreeze.codec.Tensor;
import io.github.jfreeze.codec.TensorProtos;
import io.github.jfreeze.codec.VariableInfo;
import io.github.jfreeze.codec.graph.GraphSummary;
import io.github.jfreeze.codec.graph.MetaGraphSummary;
import io.github.jfreeze.proto.AttrValue;
import io.github.jfreeze.proto.NodeDef;
import io.github.jfreeze.proto.SavedModel;
import java.io.CharArrayWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** {@code jfreeze inspect} as text for people. */
final class TextReport implements InspectCommand.Report {
  private final PrintWriter out;
  private final ValueOptions opts;

  /** The checkpoint part rendered ahead ({@link #checkpointAhead}) and its text, or null. */
  private CheckpointPart ahead;
  private CharArrayWriter aheadText;

  TextReport(PrintWriter out, ValueOptions opts) {
    this.out = out;
    this.opts = opts;
  }

  /**
   * Renders the checkpoint's table into memory while the graph is read (for a checkpoint of many
   * variables half of what inspect prints: 20,000 rows of the 40,000 for the 20,000-variable
   * benchmark model; benchmarks/run.sh, inspect of many). Not with {@code --values}, which reads
   * tensors as it prints: a tensor that cannot be read fails where it did, after the graph's warnings.
   */
  @Override
  public void checkpointAhead(CheckpointPart ckpt) {
    if (opts.values()) {
      return;
    }
    CharArrayWriter text = new CharArrayWriter(1 << 12);
    PrintWriter w = new PrintWriter(text);
    try {
      new TextReport(w, opts).printCheckpoint(ckpt, "");
    } catch (IOException e) {
      throw new UncheckedIOException(e); // (not without --values: it reads nothing)
    }
    w.flush();
    ahead = ckpt;
    aheadText = text;
  }

  @Override
  public void checkpoint(Path input, CheckpointPart ckpt, GraphPart graph, List<String> warnings) throws IOException {
    if (ckpt == ahead) {
      aheadText.writeTo(out);
      ahead = null;
      aheadText = null;
    } else {
      printCheckpoint(ckpt, "");
    }
    if (graph != null) {
      out.println();
      printGraph(graph);
    }
  }

  @Override
  public void graph(Path input, GraphPart graph, List<String> warnings) throws IOException {
    printGraph(graph);
  }

  @Override
  public void savedModel(Path input, GraphFile file, SavedModel sm, List<MetaGraphSummary> metas, CheckpointPart ckpt,
      List<String> warnings) throws IOException {
    out.println("SavedModel  " + file.file() + (file.text() ? " (text format)" : ""));
    out.println("schema      version " + sm.getSavedModelSchemaVersion() + ", " + plural(metas.size(), "meta graph"));
    for (int i = 0; i < metas.size(); i++) {
      MetaGraphSummary m = metas.get(i);
      out.println();
      out.println("MetaGraphDef with tag-set: '" + String.join(", ", m.tags()) + "'");
      if (m.signatures().isEmpty()) {
        out.println("  no signatures");
      }
      for (MetaGraphSummary.Signature s : m.signatures()) {
        out.println("  signature_def['" + s.key() + "']" + (s.methodName().isEmpty() ? "" : "  method " + s.methodName()));
        printSpecs("inputs", s.inputs());
        printSpecs("outputs", s.outputs());
      }
      printMeta(m, "  ");
    }
    out.println();
    if (ckpt != null) {
      printCheckpoint(ckpt, "");
    } else {
      out.println("variables: none (no variables/ directory)");
    }
  }

  private void printSpecs(String what, List<MetaGraphSummary.TensorSpec> specs) {
    if (specs.isEmpty()) {
      out.println("    " + what + ": none");
      return;
    }
    out.println("    " + what + ":");
    TextTable t = new TextTable("      ", "", "", "", "");
    for (MetaGraphSummary.TensorSpec s : specs) {
      String name = s.encoding().equals("name") ? s.name()
          : s.encoding().equals("coo_sparse") ? s.name() + " (sparse values)" : "(" + s.encoding() + ")";
      t.row(s.key(), name, dtype(s.dtype()), s.shape());
    }
    t.print(out);
  }

  // ----------------------------------------------------------------------------- checkpoint

  private void printCheckpoint(CheckpointPart c, String title) throws IOException {
    var reader = c.reader();
    out.println(title + "checkpoint  " + reader.prefix());
    out.println(" ".repeat(title.length()) + "format      " + reader.format().id() + ", "
        + plural(c.shards(), reader.format().id().equals("v2") ? "shard" : "file"));
    List<VariableInfo> all = reader.variables();
    boolean names = c.shown().stream().anyMatch(VariableInfo::hasFriendlyName);
    boolean slices = c.shown().stream().anyMatch(VariableInfo::isPartitioned);
    out.println();
    TextTable t = names
        ? new TextTable("", "key", "name", "dtype", "shape", "params>", slices ? "slices" : "")
        : new TextTable("", "key", "dtype", "shape", "params>", slices ? "slices" : "");
    for (VariableInfo v : c.shown()) {
      String sl = v.isPartitioned() ? String.join(" ", v.slices()) : "";
      if (names) {
        t.row(v.key(), v.hasFriendlyName() ? v.name() : "", v.dtype(), v.shape(), v.numElements(), sl);
      } else {
        t.row(v.key(), v.dtype(), v.shape(), v.numElements(), sl);
      }
    }
    t.print(out);
    out.println();
    long params = all.stream().mapToLong(VariableInfo::numElements).sum();
    long bytes = all.stream().filter(v -> v.byteSize() >= 0).mapToLong(VariableInfo::byteSize).sum();
    long unsized = all.stream().filter(v -> v.byteSize() < 0).count();
    out.println((c.shown().size() < all.size() ? "(" + c.shown().size() + " of " + all.size() + " shown) " : "")
        + plural(all.size(), "variable") + ", " + plural(params, "parameter") + ", " + plural(bytes, "byte")
        + (unsized > 0 ? " (not counting " + plural(unsized, "string tensor") + ")" : ""));
    if (c.verified()) {
      out.println("verified: read all " + plural(all.size(), "tensor") + ", every checksum matches");
    }
    if (opts.values()) {
      for (VariableInfo v : c.shown()) {
        Tensor tensor = reader.read(v.key());
        out.println();
        out.println("tensor_name:  " + v.key() + (v.hasFriendlyName() ? "  (" + v.name() + ")" : ""));
        out.println(Values.toText(tensor, opts.textThreshold()));
      }
    }
  }

  // ---------------------------------------------------------------------------------- graph

  private void printGraph(GraphPart g) throws CorruptFileException {
    GraphFile f = g.file();
    out.println(f.kind().protoName() + "  " + f.file() + (f.text() ? " (text format)" : ""));
    if (g.meta() != null) {
      printMeta(g.meta(), "");
      if (!g.meta().signatures().isEmpty()) {
        out.println("signatures:");
        for (MetaGraphSummary.Signature s : g.meta().signatures()) {
          out.println("  signature_def['" + s.key() + "']" + (s.methodName().isEmpty() ? "" : "  method " + s.methodName()));
          printSpecs("inputs", s.inputs());
          printSpecs("outputs", s.outputs());
        }
      }
    } else {
      printGraphSummary(g.graph(), "");
    }
    if (g.constants() != null) {
      for (NodeDef n : g.constants()) {
        AttrValue value = n.getAttrMap().get("value");
        out.println();
        out.println("const_name:  " + n.getName());
        if (value == null || !value.hasTensor()) {
          out.println("(no value attr)");
          continue;
        }
        TensorProtos.Stored t = TensorProtos.storedValues(value.getTensor(), f.file(), -1);
        out.println(t.values().dtype() + " " + t.shape());
        out.println(Values.toText(t, opts.textThreshold()));
      }
    }
  }

  private void printMeta(MetaGraphSummary m, String indent) {
    if (!m.tensorflowVersion().isEmpty() || !m.tensorflowGitVersion().isEmpty()) {
      out.println(indent + "tensorflow_version: " + m.tensorflowVersion()
          + (m.tensorflowGitVersion().isEmpty() ? "" : " (git " + m.tensorflowGitVersion() + ")"));
    }
    out.println(indent + "tags: " + (m.tags().isEmpty() ? "none" : String.join(", ", m.tags())));
    m.saver().ifPresentOrElse(s -> out.println(indent + "saver: " + s.version() + (s.sharded() ? ", sharded" : "")
        + ", filename " + s.filenameTensor() + ", save " + s.saveTensor() + ", restore " + s.restoreOp()
        + (s.maxToKeep() > 0 ? ", max_to_keep " + s.maxToKeep() : "")),
        () -> out.println(indent + "saver: none"));
    if (m.collections().isEmpty()) {
      out.println(indent + "collections: none");
    } else {
      out.println(indent + "collections:");
      TextTable t = new TextTable(indent + "  ", "", "", ">");
      m.collections().forEach(c -> t.row(c.name(), c.kind(), c.size()));
      t.print(out);
    }
    if (m.objectGraphNodes() > 0) {
      out.println(indent + "object graph: " + plural(m.objectGraphNodes(), "node"));
    }
    printGraphSummary(m.graph(), indent);
  }

  private void printGraphSummary(GraphSummary g, String indent) {
    out.println(indent + "graph: " + plural(g.nodeCount(), "node") + ", " + plural(g.functionCount(), "function")
        + ", " + plural(g.constParameters(), "const parameter") + ", " + plural(g.controlEdges(), "control edge"));
    out.println(indent + "ops: " + g.ops().stream().map(o -> o.count() + " " + o.op()).collect(Collectors.joining(", ")));
    if (g.inputs().isEmpty()) {
      out.println(indent + "likely inputs: none");
    } else {
      out.println(indent + "likely inputs (placeholders):");
      TextTable t = new TextTable(indent + "  ", "", "", "", "");
      g.inputs().forEach(i -> t.row(i.name(), dtype(i.dtype()), i.shape(), i.op()));
      t.print(out);
    }
    if (g.outputs().isEmpty()) {
      out.println(indent + "likely outputs: none");
    } else {
      out.println(indent + "likely outputs:");
      TextTable t = new TextTable(indent + "  ", "", "");
      g.outputs().forEach(o -> t.row(o.name(), o.op()));
      t.print(out);
    }
    if (!g.initNodes().isEmpty()) {
      out.println(indent + "init (run once before the outputs): " + String.join(", ", g.initNodes()));
    }
    if (g.variables().isEmpty()) {
      out.println(indent + "variables: none");
    } else {
      out.println(indent + "variables" + (g.variablesFromCollection() ? " (from the variables collection)" : "") + ":");
      TextTable t = new TextTable(indent + "  ", "", "", "", "", "");
      g.variables().forEach(v -> t.row(v.name(), dtype(v.dtype()), v.shape(), v.op(),
          v.trainable() == null ? "" : v.trainable() ? "trainable" : "not trainable"));
      t.print(out);
    }
    if (!g.missingInputs().isEmpty()) {
      out.println(indent + "inputs naming missing nodes: " + String.join(", ", g.missingInputs()));
    }
  }

  private static String dtype(DType d) {
    return d == null ? "unknown" : d.pythonName();
  }

  private static String plural(long n, String what) {
    return String.format(Locale.ROOT, "%d %s%s", n, what, n == 1 ? "" : "s");
  }
}
