package io.github.jfreeze.maven;

import io.github.jfreeze.freezer.ConvertOptions;
import io.github.jfreeze.freezer.ConvertReport;
import io.github.jfreeze.freezer.Freezer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Converts a checkpoint with its {@code .meta} graph into a SavedModel directory, as {@code jfreeze
 * convert --to saved-model} does, by default under {@code target/generated-resources/jfreeze}.
 * Skipped when the output exists and neither the model's files nor the parameters changed.
 */
@Mojo(name = "convert", defaultPhase = LifecyclePhase.GENERATE_RESOURCES, threadSafe = true)
public class ConvertMojo extends JfreezeMojo {
  /** The signature's inputs (placeholders), as a list or comma-separated. */
  @Parameter(property = "jfreeze.inputs")
  List<String> inputs;

  /** The signature's outputs, as a list or comma-separated. */
  @Parameter(property = "jfreeze.outputs")
  List<String> outputs;

  /**
   * The SavedModel directory's name, relative to the output directory unless absolute (default: the
   * model's name with {@code _saved_model}).
   */
  @Parameter(property = "jfreeze.output")
  String output;

  @Override
  String goal() {
    return "convert";
  }

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("jfreeze:convert skipped (skip = true)");
      return;
    }
    Path out = outputPath(output != null ? output : FreezeMojo.defaultName(input.toPath()) + "_saved_model");
    List<String> ins = split(inputs);
    List<String> outs = split(outputs);
    String fingerprint = fingerprint(List.of("convert", String.valueOf(ins), String.valueOf(outs), String.valueOf(graph),
        out.toAbsolutePath().toString()));
    try {
      if (upToDate(out, fingerprint)) {
        getLog().info("jfreeze:convert: " + out + " is up to date (model and settings unchanged), skipping");
        addResourceFor(out);
        return;
      }
      Files.createDirectories(out.toAbsolutePath().getParent());
      ConvertReport r = Freezer.convertToSavedModel(new ConvertOptions(input.toPath(), graph == null ? null
          : graph.toPath(), ins, outs, out, true));
      getLog().info("jfreeze:convert: " + input + " -> " + r.output() + " (" + r.variables() + " variables)");
      recordUpToDate(out, fingerprint);
      addResourceFor(out);
    } catch (IOException e) {
      throw failure(e);
    }
  }
}
