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
public class FreezeMojo extends JfreezeMojo {
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

  @Override
  String goal() {
    return "freeze";
  }

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("jfreeze:freeze skipped (skip = true)");
      return;
    }
    List<String> outs = split(outputs);
    List<String> tagList = split(tags);
    if (outs.isEmpty() && signature == null) {
      throw new MojoFailureException("jfreeze:freeze: " + input + ": set <outputs> (the nodes to keep) or, for a "
          + "SavedModel, <signature>");
    }
    Path out = outputPath(output != null ? output : defaultName(input.toPath()) + ".pb");
    String fingerprint = fingerprint(List.of("freeze", String.valueOf(outs), String.valueOf(signature),
        String.valueOf(tagList), String.valueOf(graph), out.toAbsolutePath().toString()));
    try {
      if (upToDate(out, fingerprint)) {
        getLog().info("jfreeze:freeze: " + out + " is up to date (model and settings unchanged), skipping");
        addResourceFor(out);
        return;
      }
      Files.createDirectories(out.toAbsolutePath().getParent());
      FreezeOptions.Builder b = FreezeOptions.builder(input.toPath()).output(out).outputs(new ArrayList<>(outs))
          .force(true);
      if (graph != null) {
        b.graph(graph.toPath());
      }
      if (signature != null) {
        b.signature(signature);
      }
      if (!tagList.isEmpty()) {
        b.tags(new LinkedHashSet<>(tagList));
      }
      FreezeReport r = Freezer.freeze(b.build());
      r.warnings().forEach(w -> getLog().warn("jfreeze:freeze: " + w));
      getLog().info("jfreeze:freeze: " + input + " -> " + r.output() + " (" + r.outputBytes() + " bytes, "
          + r.variables().size() + " variables as constants, outputs " + String.join(", ", r.outputs()) + ")");
      recordUpToDate(out, fingerprint);
      addResourceFor(out);
    } catch (IOException e) {
      throw failure(e);
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
