package io.github.jfreeze.cli;

import io.github.jfreeze.cli.InspectCommand.CheckpointPart;
import io.github.jfreeze.cli.InspectCommand.GraphPart;
import io.github.jfreeze.cli.InspectCommand.ValueOptions;
import io.github.jfreeze.codec.CheckpointReader;
import io.github.jfreeze.codec.CorruptFileException;
import io.github.jfreeze.codec.DType;
import io.github.jfreeze.codec.GraphFile;
import io.github.jfreeze.codec.Tensor;
import io.github.jfreeze.codec.TensorProtos;
import io.github.jfreeze.codec.VariableInfo;
import io.github.jfreeze.codec.graph.GraphSummary;
import io.github.jfreeze.codec.graph.MetaGraphSummary;
import io.github.jfreeze.codec.graph.PartialShape;
import io.github.jfreeze.codec.internal.JsonWriter;
import io.github.jfreeze.proto.AttrValue;
import io.github.jfreeze.proto.NodeDef;
import io.github.jfreeze.proto.SavedModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** {@code jfreeze inspect --json}: one JSON document; the schema is in README.md. */
final class JsonReport implements InspectCommand.Report {
  /** Bumped when a field changes meaning or goes away (adding fields does not bump it). */
  static final int SCHEMA_VERSION = 1;

  private final JsonWriter w;
  private final ValueOptions opts;

  JsonReport(PrintWriter out, ValueOptions opts) {
    this.w = new JsonWriter(out);
    this.opts = opts;
  }

  @Override
  public void checkpoint(Path input, CheckpointPart ckpt, GraphPart graph, List<String> warnings) throws IOException {
    w.beginObject();
    header("checkpoint", input);
    checkpointFields(ckpt);
    w.name("graph");
    if (graph == null) {
      w.nullValue();
    } else {
      w.beginObject();
      graphFields(graph, null);
      w.endObject();
    }
    warnings(warnings);
    w.endObject();
    w.finish();
  }

  @Override
  public void graph(Path input, GraphPart graph, List<String> warnings) throws IOException {
    w.beginObject();
    w.name("schema_version").value(SCHEMA_VERSION);
    graphFields(graph, input);
    warnings(warnings);
    w.endObject();
    w.finish();
  }

  @Override
  public void savedModel(Path input, GraphFile file, SavedModel sm, List<MetaGraphSummary> metas, CheckpointPart ckpt,
      List<String> warnings) throws IOException {
    w.beginObject();
    header("saved_model", input);
    w.name("path").value(file.file().toString());
    w.name("text_format").value(file.text());
    w.name("saved_model_schema_version").value(sm.getSavedModelSchemaVersion());
    w.name("meta_graphs").beginArray();
    for (MetaGraphSummary m : metas) {
      w.beginObject();
      metaFields(m);
      graphSummaryFields(m.graph());
      w.endObject();
    }
    w.endArray();
    w.name("checkpoint");
    if (ckpt == null) {
      w.nullValue();
    } else {
      w.beginObject();
      checkpointFields(ckpt);
      w.endObject();
    }
    warnings(warnings);
    w.endObject();
    w.finish();
  }

  private void header(String kind, Path input) {
    w.name("schema_version").value(SCHEMA_VERSION);
    w.name("kind").value(kind);
    w.name("input").value(input.toString());
  }

  private void warnings(List<String> warnings) {
    w.name("warnings").beginArray();
    warnings.forEach(w::value);
    w.endArray();
  }

  // ----------------------------------------------------------------------------- checkpoint

  private void checkpointFields(CheckpointPart c) throws IOException {
    CheckpointReader reader = c.reader();
    List<VariableInfo> all = reader.variables();
    w.name("format").value(reader.format().id());
    w.name("prefix").value(reader.prefix().toString());
    w.name("shards").value(c.shards());
    w.name("files").beginArray();
    c.files().forEach(f -> w.value(f.toString()));
    w.endArray();
    w.name("verified").value(c.verified());
    w.name("totals").beginObject()
        .name("variables").value(all.size())
        .name("parameters").value(all.stream().mapToLong(VariableInfo::numElements).sum())
        .name("bytes").value(all.stream().filter(v -> v.byteSize() >= 0).mapToLong(VariableInfo::byteSize).sum())
        .name("unsized_variables").value(all.stream().filter(v -> v.byteSize() < 0).count())
        .endObject();
    w.name("variables").beginArray();
    for (VariableInfo v : c.shown()) {
      w.beginObject();
      w.name("key").value(v.key());
      w.name("name").value(v.name());
      w.name("dtype").value(v.dtype().pythonName());
      w.name("shape").beginCompactArray();
      for (long d : v.shape().dims()) {
        w.value(d);
      }
      w.endArray();
      w.name("num_elements").value(v.numElements());
      w.name("bytes");
      if (v.byteSize() >= 0) {
        w.value(v.byteSize());
      } else {
        w.nullValue();
      }
      w.name("slices").beginCompactArray();
      v.slices().forEach(w::value);
      w.endArray();
      if (opts.values()) {
        values(reader.read(v.key()));
      }
      w.endObject();
    }
    w.endArray();
  }

  private void values(Tensor t) {
    values(new TensorProtos.Stored(t, t.shape()));
  }

  private void values(TensorProtos.Stored t) {
    w.name("values");
    Values.writeJson(w, t, opts.maxValues());
    w.name("values_truncated").value(opts.maxValues() >= 0 && opts.maxValues() < t.numElements());
  }

  /**
   * The most values {@code --json} writes for one graph constant unless {@code --max-values} says
   * otherwise: a constant that repeats one value over a claimed shape can stand for terabytes.
   */
  static final long MAX_JSON_VALUES = 1L << 27;

  // ---------------------------------------------------------------------------------- graph

  private void graphFields(GraphPart g, Path input) throws CorruptFileException {
    GraphFile f = g.file();
    w.name("kind").value(g.meta() != null ? "meta_graph" : "graph_def");
    if (input != null) {
      w.name("input").value(input.toString());
    }
    w.name("path").value(f.file().toString());
    w.name("text_format").value(f.text());
    if (g.meta() != null) {
      metaFields(g.meta());
    }
    graphSummaryFields(g.graph());
    if (g.constants() != null) {
      w.name("constants").beginArray();
      for (NodeDef n : g.constants()) {
        AttrValue value = n.getAttrMap().get("value");
        if (value == null || !value.hasTensor()) {
          continue;
        }
        TensorProtos.Stored t = TensorProtos.storedValues(value.getTensor(), f.file(), -1);
        if (opts.maxValues() < 0 && t.numElements() > MAX_JSON_VALUES) {
          throw new CommandFailure(f.file(), "Const " + n.getName() + " stands for " + t.numElements() + " values (one "
              + "value repeated over shape " + t.shape() + "), more than the " + MAX_JSON_VALUES + " that --json writes "
              + "without --max-values; pass --max-values N");
        }
        w.beginObject();
        w.name("name").value(n.getName());
        w.name("dtype").value(t.values().dtype().pythonName());
        w.name("shape").beginCompactArray();
        for (long d : t.shape().dims()) {
          w.value(d);
        }
        w.endArray();
        w.name("num_elements").value(t.numElements());
        values(t);
        w.endObject();
      }
      w.endArray();
    }
  }

  private void metaFields(MetaGraphSummary m) {
    w.name("tags").beginCompactArray();
    m.tags().forEach(w::value);
    w.endArray();
    w.name("tensorflow_version").value(m.tensorflowVersion());
    w.name("tensorflow_git_version").value(m.tensorflowGitVersion());
    w.name("saver");
    m.saver().ifPresentOrElse(s -> w.beginObject()
        .name("version").value(s.version())
        .name("sharded").value(s.sharded())
        .name("filename_tensor_name").value(s.filenameTensor())
        .name("save_tensor_name").value(s.saveTensor())
        .name("restore_op_name").value(s.restoreOp())
        .name("max_to_keep").value(s.maxToKeep())
        .name("keep_checkpoint_every_n_hours").value(s.keepCheckpointEveryNHours())
        .endObject(), w::nullValue);
    w.name("collections").beginArray();
    m.collections().forEach(c -> w.beginCompactObject().name("name").value(c.name()).name("kind").value(c.kind())
        .name("size").value(c.size()).endObject());
    w.endArray();
    w.name("signatures").beginArray();
    for (MetaGraphSummary.Signature s : m.signatures()) {
      w.beginObject();
      w.name("key").value(s.key());
      w.name("method_name").value(s.methodName());
      w.name("inputs");
      specs(s.inputs());
      w.name("outputs");
      specs(s.outputs());
      w.endObject();
    }
    w.endArray();
    w.name("object_graph_nodes").value(m.objectGraphNodes());
    w.name("assets").beginCompactArray();
    m.assets().forEach(w::value);
    w.endArray();
  }

  private void specs(List<MetaGraphSummary.TensorSpec> specs) {
    w.beginArray();
    for (MetaGraphSummary.TensorSpec s : specs) {
      w.beginCompactObject();
      w.name("key").value(s.key());
      w.name("name").value(s.name());
      w.name("encoding").value(s.encoding());
      dtype(s.dtype());
      shape(s.shape());
      w.endObject();
    }
    w.endArray();
  }

  private void graphSummaryFields(GraphSummary g) {
    w.name("node_count").value(g.nodeCount());
    w.name("function_count").value(g.functionCount());
    w.name("const_parameters").value(g.constParameters());
    w.name("variable_parameters").value(g.variableParameters());
    w.name("control_edges").value(g.controlEdges());
    w.name("ops").beginArray();
    g.ops().forEach(o -> w.beginCompactObject().name("op").value(o.op()).name("count").value(o.count()).endObject());
    w.endArray();
    w.name("inputs").beginArray();
    for (GraphSummary.Input i : g.inputs()) {
      w.beginCompactObject().name("name").value(i.name()).name("op").value(i.op());
      dtype(i.dtype());
      shape(i.shape());
      w.endObject();
    }
    w.endArray();
    w.name("outputs").beginArray();
    g.outputs().forEach(o -> w.beginCompactObject().name("name").value(o.name()).name("op").value(o.op()).endObject());
    w.endArray();
    w.name("init_nodes").beginArray();
    g.initNodes().forEach(w::value);
    w.endArray();
    w.name("variables_source").value(g.variablesFromCollection() ? "collection" : "ops");
    w.name("variables").beginArray();
    for (GraphSummary.Variable v : g.variables()) {
      w.beginCompactObject().name("name").value(v.name()).name("op").value(v.op());
      dtype(v.dtype());
      shape(v.shape());
      w.name("trainable");
      if (v.trainable() == null) {
        w.nullValue();
      } else {
        w.value(v.trainable());
      }
      w.endObject();
    }
    w.endArray();
    w.name("missing_inputs").beginArray();
    g.missingInputs().forEach(w::value);
    w.endArray();
  }

  private void dtype(DType d) {
    w.name("dtype").value(d == null ? null : d.pythonName());
  }

  /** Dimensions with -1 for unknown ones; {@code null} for unknown rank. */
  private void shape(PartialShape s) {
    w.name("shape");
    if (!s.isRankKnown()) {
      w.nullValue();
      return;
    }
    w.beginCompactArray();
    for (long d : s.dims()) {
      w.value(d);
    }
    w.endArray();
  }
}
