package io.github.jfreeze.maven;

import io.github.jfreeze.freezer.ConvertOptions;
import io.github.jfreeze.freezer.ConvertReport;
import io.github.jfreeze.freezer.Freezer;
import java.io.IOException;
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
public class ConvertMojo extends WritingMojo {
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
    writeUnlessUpToDate();
  }

  @Override
  Path output() {
    return outputPath(output != null ? output : FreezeMojo.defaultName(input.toPath()) + "_saved_model");
  }

  @Override
  List<String> settings() {
    return List.of(String.valueOf(split(inputs)), String.valueOf(split(outputs)));
  }

  @Override
  void write(Path out) throws IOException {
    ConvertReport r = Freezer.convertToSavedModel(new ConvertOptions(input.toPath(), graph == null ? null
        : graph.toPath(), split(inputs), split(outputs), out, true));
    getLog().info("jfreeze:convert: " + input + " -> " + r.output() + " (" + r.variables() + " variables)");
  }
}
