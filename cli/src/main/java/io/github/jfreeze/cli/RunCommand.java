package io.github.jfreeze.cli;

import io.github.jfreeze.bridge.NativeRunner;
import io.github.jfreeze.bridge.NativeTensor;
import io.github.jfreeze.codec.ModelLocation;
import io.github.jfreeze.codec.ModelLocator;
import io.github.jfreeze.codec.Tensor;
import io.github.jfreeze.codec.internal.JsonWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jfreeze run MODEL.pb --feed x=1.0}: runs a frozen graph in native TensorFlow. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {
        "Runs a frozen GraphDef, or a SavedModel's signature, in native TensorFlow and prints its outputs.",
        "It uses TF Java 1.1.0 (TensorFlow 2.18). Feed values are scalars (10.0, -3, true, \"text\") or nested lists ([1,2,3], [[1,2],[3,4]]), parsed as the placeholder's dtype; a scalar fills a placeholder whose dimensions are all 1 or unknown."},
    footer = {"", "Exit status: 0 success, 1 bad input or TensorFlow error (or natives unavailable), 2 usage error."})
final class RunCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "MODEL",
      description = "A frozen GraphDef (binary or text), or a SavedModel directory (or its saved_model.pb).")
  Path graph;

  @Option(names = "--signature", paramLabel = "NAME",
      description = "SavedModel: the signature to run (default: serving_default, or the only one). Feeds and fetches may use its input and output keys.")
  String signature;

  @Option(names = "--tags", paramLabel = "TAGS", split = ",", defaultValue = "serve",
      description = TagSet.HELP)
  List<String> tags;

  @Option(names = "--feed", paramLabel = "NAME=VALUE", description = "A placeholder value (repeatable).")
  List<String> feeds = new ArrayList<>();

  @Option(names = "--fetch", paramLabel = "NAMES", split = ",",
      description = "Tensors to fetch (node or node:N, comma-separated). Default: the graph's likely outputs.")
  List<String> fetches = new ArrayList<>();

  @Option(names = "--device", paramLabel = "DEVICE", defaultValue = "auto",
      description = "auto (GPU when TF's GPU natives load and a GPU is visible, else CPU), cpu or gpu (default: ${DEFAULT-VALUE}).")
  String device;

  @Option(names = "--init", paramLabel = "NODE", description = "GraphDef: the node to run once before the outputs "
      + "(it fills lookup tables). Default: init_all_tables, which freeze writes for tables, where the graph has it; "
      + "--init= runs none.")
  String init;

  @Option(names = "--json", description = "Print one JSON document.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    // what the path is, as every command finds it: a SavedModel runs by signature, a GraphDef as it is
    ModelLocation loc = ModelLocator.locate(graph);
    Path savedModel = loc.kind() == ModelLocation.Kind.SAVED_MODEL ? loc.savedModelDir() : null;
    if (savedModel == null) {
      refuseCheckpoints(loc);
      if (signature != null) {
        throw new ParameterException(spec.commandLine(), "--signature is for a SavedModel; " + graph + " is a GraphDef");
      }
    } else if (init != null) {
      throw new ParameterException(spec.commandLine(), "--init is for a GraphDef; the SavedModel " + graph
          + " runs its own init op when it loads");
    }
    NativeRunner.Result r = savedModel != null
        ? NativeRunner.runSavedModel(savedModel, TagSet.of(tags), signature, NamedValues.of(spec, "--feed", feeds),
            fetches, Devices.parse(spec, device))
        : NativeRunner.run(graph, NamedValues.of(spec, "--feed", feeds), fetches, Devices.parse(spec, device), init);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      JsonWriter w = new JsonWriter(out);
      w.beginObject().name("schema_version").value(1).name("kind").value("run").name("graph").value(graph.toString());
      if (savedModel != null) {
        w.name("signature").value(r.signature());
      }
      w
          .name("device").value(r.device().name().toLowerCase(java.util.Locale.ROOT)).name("outputs").beginArray();
      for (NativeTensor n : r.outputs()) {
        Tensor t = n.toTensor();
        w.beginObject().name("name").value(n.key()).name("dtype").value(n.dtype()).name("shape").beginCompactArray();
        for (long d : n.shape()) {
          w.value(d);
        }
        w.endArray().name("values");
        Values.writeJson(w, t, -1);
        w.endObject();
      }
      w.endArray().endObject();
      w.finish();
    } else {
      for (NativeTensor n : r.outputs()) {
        Tensor t = n.toTensor();
        out.println(n.key() + "  " + n.dtype() + " " + t.shape() + "  " + Values.toText(t, Values.DEFAULT_TEXT_THRESHOLD)
            .replace("\n", "\n" + " ".repeat(n.key().length() + 2)));
      }
    }
    out.flush();
    return Main.OK;
  }

  /** A checkpoint or a training graph is not runnable as it is: one line saying what run takes. */
  private static void refuseCheckpoints(ModelLocation loc) throws CommandFailure {
    boolean meta = loc.kind() == ModelLocation.Kind.GRAPH && loc.graphFile().getFileName().toString().endsWith(".meta");
    if (loc.kind() == ModelLocation.Kind.CHECKPOINT || meta) {
      throw new CommandFailure(loc.input(), (meta ? "a MetaGraphDef (a training graph, its variables not in it)"
          : "a checkpoint") + "; run takes a frozen GraphDef (.pb, .pbtxt) or a SavedModel directory: freeze the "
          + "checkpoint first (jfreeze freeze), or convert it (jfreeze convert --to saved-model)");
    }
  }
}
