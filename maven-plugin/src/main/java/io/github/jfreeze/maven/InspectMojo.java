package io.github.jfreeze.maven;

import io.github.jfreeze.codec.CheckpointReader;
import io.github.jfreeze.codec.ModelLocation;
import io.github.jfreeze.codec.ModelLocator;
import io.github.jfreeze.codec.VariableInfo;
import java.io.IOException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Prints what a model holds to the build log: what was found (checkpoint, SavedModel, graph), its
 * files and, for a checkpoint, every variable with its dtype and shape. Not bound to a phase: run it
 * as {@code mvn jfreeze:inspect -Djfreeze.input=PATH}.
 */
@Mojo(name = "inspect", requiresProject = false, threadSafe = true)
public class InspectMojo extends JfreezeMojo {
  @Override
  String goal() {
    return "inspect";
  }

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("jfreeze:inspect skipped (skip = true)");
      return;
    }
    try {
      ModelLocation loc = ModelLocator.locate(input.toPath());
      getLog().info(loc.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + "  " + input);
      if (loc.graphFile() != null) {
        getLog().info("graph  " + loc.graphFile());
      }
      loc.warnings().forEach(w -> getLog().warn(w));
      if (loc.hasCheckpoint()) {
        try (CheckpointReader r = loc.openCheckpoint()) {
          getLog().info("checkpoint  " + loc.checkpoint() + " (" + loc.format() + ", " + r.variables().size()
              + " variables)");
          for (VariableInfo v : r.variables()) {
            getLog().info("  " + v.key() + "  " + v.dtype() + " " + v.shape());
          }
        }
      }
    } catch (IOException e) {
      throw failure(e);
    }
  }
}
