package io.github.jfreeze.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;

/** A goal that writes one output ({@code freeze}, {@code convert}), skipped while it is up to date. */
abstract class WritingMojo extends JfreezeMojo {
  /** The output this run writes, resolved against {@link #outputDirectory}. */
  abstract Path output() throws MojoFailureException;

  /** The parameters that decide the output besides the model's files, for the up-to-date check. */
  abstract List<String> settings();

  /** Writes {@code out} (its folder exists) and logs what was written. */
  abstract void write(Path out) throws IOException;

  /**
   * Skips when asked or when the output is up to date; else creates the output's folder, writes
   * it, records the inputs it was made from, and adds the output folder to the resources.
   */
  void writeUnlessUpToDate() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("jfreeze:" + goal() + " skipped (skip = true)");
      return;
    }
    Path out = output();
    List<String> settings = new ArrayList<>(settings());
    settings.add(0, goal());
    settings.add(String.valueOf(graph));
    settings.add(out.toAbsolutePath().toString());
    String fingerprint = fingerprint(settings);
    try {
      if (upToDate(out, fingerprint)) {
        getLog().info("jfreeze:" + goal() + ": " + out + " is up to date (model and settings unchanged), skipping");
      } else {
        Files.createDirectories(out.toAbsolutePath().getParent());
        write(out);
        recordUpToDate(out, fingerprint);
      }
      addResourceFor(out);
    } catch (IOException e) {
      throw failure(e);
    }
  }
}
