package io.github.jfreeze.cli;

import io.github.jfreeze.codec.internal.JsonWriter;
import io.github.jfreeze.freezer.FreezeException;
import io.github.jfreeze.freezer.FreezeOptions;
import io.github.jfreeze.freezer.FreezeReport;
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

/** {@code jfreeze freeze INPUT -o OUT.pb}: a checkpoint or SavedModel to a frozen GraphDef. */
@Command(name = "freeze", mixinStandardHelpOptions = true,
    description = {
        "Freezes a checkpoint or a SavedModel into one GraphDef, in pure Java.",
        "The input is a checkpoint (with its .meta, or a graph given with --graph) or a SavedModel. The result holds the subgraph the outputs need, every variable replaced by a Const holding its checkpoint value; no TensorFlow installation is needed.",
        "Training-only ops the outputs reach (variable updates hung on them as control dependencies, Ref* control flow, initialization checks) are removed or rewritten, and listed."},
    footer = {"", "Exit status: 0 success, 1 bad input or the model cannot be frozen as asked, 2 usage error."})
final class FreezeCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "INPUT",
      description = "A checkpoint directory, prefix or any of its files, or a SavedModel directory.")
  Path input;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT.pb", description = "The frozen GraphDef to write.")
  Path output;

  @Option(names = "--outputs", paramLabel = "NAMES", split = ",",
      description = "Output node names (name or name:0, comma-separated). Default for a SavedModel: the outputs "
          + "of --signature; otherwise required (the error lists likely outputs).")
  List<String> outputs = new ArrayList<>();

  @Option(names = "--graph", paramLabel = "FILE",
      description = "The graph to freeze (GraphDef .pb/.pbtxt or MetaGraphDef .meta) instead of the .meta beside "
          + "the checkpoint.")
  Path graph;

  @Option(names = "--signature", paramLabel = "KEY", defaultValue = "serving_default",
      description = "SavedModel signature whose outputs are frozen when --outputs is not given (default: ${DEFAULT-VALUE}).")
  String signature;

  @Option(names = "--tags", paramLabel = "TAGS", split = ",", defaultValue = "serve",
      description = TagSet.HELP)
  List<String> tags;

  @Option(names = "--include-vars", paramLabel = "NAMES", split = ",",
      description = "Only convert these variables (names or regular expressions, comma-separated).")
  List<String> include = new ArrayList<>();

  @Option(names = "--exclude-vars", paramLabel = "NAMES", split = ",",
      description = "Leave these variables as variables (names or regular expressions, comma-separated).")
  List<String> exclude = new ArrayList<>();

  @Option(names = "--initializer-nodes", paramLabel = "NAMES", split = ",",
      description = "Also keep these nodes (e.g. table initializers), as freeze_graph.py does.")
  List<String> initializers = new ArrayList<>();

  @Option(names = "--keep-devices", description = "Keep device placements (cleared by default, as in freeze_graph.py).")
  boolean keepDevices;

  @Option(names = "--inline-functions",
      description = "Replace every function call (StatefulPartitionedCall, PartitionedCall, calls of library functions) "
          + "by its body, as TensorFlow's inliner does; If/Case/While stay functional.")
  boolean inlineFunctions;

  @Option(names = "--lower-control-flow",
      description = "Also lower If/Case/While to Switch/Merge and loop frames (implies --inline-functions): "
          + "a flat graph with no function library, for runtimes that read only TF1-style graphs.")
  boolean lowerControlFlow;

  @Option(names = "--force", description = "Replace OUT.pb if it exists (never an input).")
  boolean force;

  @Option(names = "--json", description = "Print the summary as one JSON document.")
  boolean json;

  @Option(names = {"-q", "--quiet"}, description = "No progress line (shown only on a terminal, for outputs that take over a second).")
  boolean quiet;

  @Option(names = "--native-values",
      description = "Take variable values from native TensorFlow (import the graph, restore the checkpoint in a session, "
          + "fetch them) instead of reading the checkpoint in Java. The graph rewrite is the same; this is the baseline "
          + "the benchmarks compare against, and a cross-check.")
  boolean nativeValues;

  @Override
  public Integer call() throws IOException {
    FreezeOptions.Builder builder;
    try {
      builder = FreezeOptions.builder(input).includeVariables(include).excludeVariables(exclude);
      builder.build();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--include-vars/--exclude-vars: " + e.getMessage());
    }
    FreezeOptions options = builder.output(output).outputs(outputs).graph(graph).signature(signature)
        .tags(TagSet.of(tags)).initializerNodes(initializers)
        .clearDevices(!keepDevices).force(force)
        .inlineFunctions(inlineFunctions).lowerControlFlow(lowerControlFlow)
        .progress(ProgressLine.forOutput(spec.commandLine().getErr(), output, quiet, json)).values(nativeValues ? NativeValueSource.of(input, graph, TagSet.of(tags)) : null).build();
    FreezeReport report;
    try {
      report = LibraryWording.asFlags(Freezer.freeze(options));
    } catch (FreezeException e) {
      FreezeException worded = LibraryWording.asFlags(e);
      if (e.reason() == FreezeException.Reason.NO_OUTPUTS) {
        // what to freeze is the caller's choice, not a fault of the input: a usage error (exit 2)
        throw new ParameterException(spec.commandLine(), worded.getMessage());
      }
      throw worded;
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (json) {
      Reports.freezeJson(new JsonWriter(out), input, report);
    } else {
      Reports.freezeText(out, input, output, report);
    }
    report.warnings().forEach(w -> err.println("jfreeze: warning: " + Main.oneLine(w)));
    out.flush();
    err.flush();
    return Main.OK;
  }
}
