package io.github.jfreeze.maven;

import io.github.jfreeze.freezer.FreezeOptions;
import io.github.jfreeze.freezer.FreezeReport;
import io.github.jfreeze.freezer.Freezer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Freezes a checkpoint or SavedModel into a GraphDef, as {@code jfreeze freeze} does: by default
 * into {@code target/generated-resources/jfreeze}, which becomes a resource folder, so the frozen
 * graph lands in the jar. Skipped when the output exists and neither the model's files nor the
 * parameters changed since it was written.
 */
@Mojo(name = "freeze", defaultPhase = LifecyclePhase.GENERATE_RESOURCES, threadSafe = true)
public class FreezeMojo extends WritingMojo {
  /** Output nodes ({@code name} or {@code name:N}), as a list or comma-separated. */
  @Parameter(property = "jfreeze.outputs")
  List<String> outputs;

  /** A SavedModel's signature whose outputs to freeze (instead of {@link #outputs}). */
  @Parameter(property = "jfreeze.signature")
  String signature;

  /** A SavedModel's tag set, as a list or comma-separated (default: serve). */
  @Parameter(property = "jfreeze.tags")
  List<String> tags;

  /**
   * The frozen GraphDef's file name, relative to the output directory unless absolute (default:
   * the model's name with {@code .pb}).
   */
  @Parameter(property = "jfreeze.output")
  String output;

  /** Replace every function call by its body ({@code --inline-functions}). */
  @Parameter(property = "jfreeze.inlineFunctions", defaultValue = "false")
  boolean inlineFunctions;

  /** Lower If/Case/While too, leaving no function library ({@code --lower-control-flow}). */
  @Parameter(property = "jfreeze.lowerControlFlow", defaultValue = "false")
  boolean lowerControlFlow;

  @Override
  String goal() {
    return "freeze";
  }

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    writeUnlessUpToDate();
  }

  @Override
  Path output() throws MojoFailureException {
    if (split(outputs).isEmpty() && signature == null) {
      throw new MojoFailureException("jfreeze:freeze: " + input + ": set <outputs> (the nodes to keep) or, for a "
          + "SavedModel, <signature>");
    }
    return outputPath(output != null ? output : defaultName(input.toPath()) + ".pb");
  }

  @Override
  List<String> settings() {
    return List.of(String.valueOf(split(outputs)), String.valueOf(signature), String.valueOf(split(tags)),
        "inline=" + inlineFunctions, "lower=" + lowerControlFlow);
  }

  @Override
  void write(Path out) throws IOException {
    FreezeOptions.Builder b = FreezeOptions.builder(input.toPath()).output(out).outputs(new ArrayList<>(split(outputs)))
        .force(true).inlineFunctions(inlineFunctions).lowerControlFlow(lowerControlFlow);
    if (graph != null) {
      b.graph(graph.toPath());
    }
    if (signature != null) {
      b.signature(signature);
    }
    if (!split(tags).isEmpty()) {
      b.tags(new LinkedHashSet<>(split(tags)));
    }
    FreezeReport r = Freezer.freeze(b.build());
    r.warnings().forEach(w -> getLog().warn("jfreeze:freeze: " + w));
    getLog().info("jfreeze:freeze: " + input + " -> " + r.output() + " (" + r.outputBytes() + " bytes, "
        + r.variables().size() + " variables as constants, " + r.functions().size() + " functions, outputs "
        + String.join(", ", r.outputs()) + ")");
    if (r.initNode() != null) {
      getLog().info("jfreeze:freeze: run " + r.initNode() + " once before the outputs: it fills " + r.tables().size()
          + " lookup table(s)");
    }
  }

  /** A model's name: its directory's, or its file's without the checkpoint suffixes. */
  static String defaultName(Path input) {
    Path abs = input.toAbsolutePath().normalize();
    String name = abs.getFileName() == null ? "model" : abs.getFileName().toString();
    if (!Files.isDirectory(abs)) {
      name = name.replaceAll("\\.(index|meta|data-\\d+-of-\\d+|pb|pbtxt)$", "");
    }
    return name.isEmpty() ? "model" : name;
  }
}
