package io.github.jfreeze.cli;

import io.github.jfreeze.codec.internal.JsonWriter;
import io.github.jfreeze.freezer.ConvertOptions;
import io.github.jfreeze.freezer.ConvertReport;
import io.github.jfreeze.freezer.FreezeException;
import io.github.jfreeze.freezer.Freezer;
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

/** {@code jfreeze convert PATH --to saved-model -o DIR}: a checkpoint to a SavedModel. */
@Command(name = "convert", mixinStandardHelpOptions = true,
    description = {
        "Converts a checkpoint and its .meta into a SavedModel directory.",
        "It writes saved_model.pb (tag serve, a serving_default signature from --inputs and --outputs, the graph's saver and collections) and variables/ holding the checkpoint's bundle, copied and renamed. TensorFlow loads it with tf.saved_model.load / SavedModelBundle and serves the same outputs."},
    footer = {"", "Exit status: 0 success, 1 bad input or conversion impossible, 2 usage error."})
final class ConvertCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "PATH", description = "A checkpoint directory, prefix or any of its files.")
  Path input;

  @Option(names = "--to", required = true, paramLabel = "FORMAT", description = "Target format: saved-model.")
  String to;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "The SavedModel directory to create.")
  Path output;

  @Option(names = "--inputs", required = true, paramLabel = "TENSORS", split = ",",
      description = "Signature inputs: node, node:0 or key=node:0, comma-separated.")
  List<String> inputs = new ArrayList<>();

  @Option(names = "--outputs", required = true, paramLabel = "TENSORS", split = ",",
      description = "Signature outputs: node, node:0 or key=node:0, comma-separated.")
  List<String> outputs = new ArrayList<>();

  @Option(names = "--graph", paramLabel = "FILE", description = "A MetaGraphDef to use instead of the .meta beside the checkpoint.")
  Path graph;

  @Option(names = "--force", description = "Replace DIR if it exists (never an input).")
  boolean force;

  @Option(names = "--json", description = "Print the summary as one JSON document.")
  boolean json;

  @Option(names = {"-q", "--quiet"}, description = "No progress line (shown only on a terminal, for outputs that take over a second).")
  boolean quiet;

  @Override
  public Integer call() throws IOException {
    if (!to.equals("saved-model")) {
      throw new ParameterException(spec.commandLine(), "--to must be saved-model, not '" + to + "'");
    }
    ConvertReport r;
    try {
      r = Freezer.convertToSavedModel(new ConvertOptions(input, graph, inputs, outputs, output, force,
          ProgressLine.forOutput(spec.commandLine().getErr(), output, quiet, json)));
    } catch (FreezeException e) {
      throw LibraryWording.asFlags(e);
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (json) {
      JsonWriter w = new JsonWriter(out);
      w.beginObject().name("schema_version").value(1).name("kind").value("convert").name("input").value(input.toString())
          .name("output").value(r.output().toString()).name("format").value("saved_model").name("tags").beginCompactArray()
          .value("serve").endArray().name("signature").value("serving_default");
      w.name("inputs").beginArray();
      r.signatureInputs().forEach(w::value);
      w.endArray().name("outputs").beginArray();
      r.signatureOutputs().forEach(w::value);
      w.endArray().name("variables").value(r.variables()).name("data_bytes").value(r.dataBytes()).name("warnings").beginArray();
      r.warnings().forEach(w::value);
      w.endArray().endObject();
      w.finish();
    } else {
      out.println("wrote SavedModel " + r.output() + " (tag serve, signature serving_default)");
      r.signatureInputs().forEach(s -> out.println("  input   " + s));
      r.signatureOutputs().forEach(s -> out.println("  output  " + s));
      out.println("  variables/: " + r.variables() + " tensors, " + r.dataBytes() + " bytes of data");
    }
    r.warnings().forEach(wn -> err.println("jfreeze: warning: " + Main.oneLine(wn)));
    out.flush();
    err.flush();
    return Main.OK;
  }
}
