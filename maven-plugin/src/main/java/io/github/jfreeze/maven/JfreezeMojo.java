package io.github.jfreeze.maven;

import io.github.jfreeze.codec.CheckpointReader;
import io.github.jfreeze.codec.ModelLocation;
import io.github.jfreeze.codec.ModelLocator;
import io.github.jfreeze.freezer.FreezeException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What the jfreeze goals share: the model parameters, the output folder that becomes a resource
 * folder, the up-to-date check, and the one-line failure messages.
 */
abstract class JfreezeMojo extends AbstractMojo {
  /** The project being built. */
  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  /**
   * The model: a checkpoint (directory, prefix or any of its files), a SavedModel directory, or a
   * graph file, as the CLI takes it.
   */
  @Parameter(property = "jfreeze.input", required = true)
  File input;

  /** A MetaGraphDef ({@code .meta}) to use instead of the one beside the checkpoint. */
  @Parameter(property = "jfreeze.graph")
  File graph;

  /** Skips the goal. */
  @Parameter(property = "jfreeze.skip", defaultValue = "false")
  boolean skip;

  /**
   * Where relative outputs are written; added to the project's resources, so what is written there
   * lands in the jar.
   */
  @Parameter(property = "jfreeze.outputDirectory", defaultValue = "${project.build.directory}/generated-resources/jfreeze",
      required = true)
  File outputDirectory;

  /** The goal's name, for messages and the up-to-date record. */
  abstract String goal();

  /** The output path: {@code name} under {@link #outputDirectory} unless absolute. */
  Path outputPath(String name) {
    Path p = Path.of(name);
    return p.isAbsolute() ? p : outputDirectory.toPath().resolve(p);
  }

  /** Adds {@link #outputDirectory} to the project's resources when {@code output} lies in it. */
  void addResourceFor(Path output) {
    Path dir = outputDirectory.toPath().toAbsolutePath().normalize();
    if (!output.toAbsolutePath().normalize().startsWith(dir)) {
      return;
    }
    for (Resource r : project.getResources()) {
      if (Path.of(r.getDirectory()).toAbsolutePath().normalize().equals(dir)) {
        return;
      }
    }
    Resource r = new Resource();
    r.setDirectory(dir.toString());
    project.addResource(r);
  }

  /** Comma-separated values and list items alike, as the CLI's flags take them. */
  static List<String> split(List<String> values) {
    List<String> out = new ArrayList<>();
    if (values != null) {
      for (String v : values) {
        for (String s : v.split(",")) {
          if (!s.isBlank()) {
            out.add(s.strip());
          }
        }
      }
    }
    return out;
  }

  /**
   * A fingerprint of the goal's parameters ({@code settings}) and of every file it may read: each
   * file's path, size and modification time. Conservative: a directory input counts every file
   * below it, a prefix every file beside it that starts with its name, plus the state file.
   */
  String fingerprint(List<String> settings) throws MojoExecutionException {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String s : settings) {
        sha.update((s == null ? "\u0000" : s).getBytes(StandardCharsets.UTF_8));
        sha.update((byte) '\n');
      }
      List<Path> files = new ArrayList<>(inputFiles(input.toPath()));
      if (graph != null) {
        files.add(graph.toPath());
      }
      for (Path f : files) {
        String line = f.toAbsolutePath() + " " + (Files.isRegularFile(f) ? Files.size(f) + " "
            + Files.getLastModifiedTime(f).toMillis() : "-") + "\n";
        sha.update(line.getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (IOException e) {
      throw new MojoExecutionException("jfreeze:" + goal() + ": cannot read " + input + ": " + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The files a run reads, as every jfreeze command finds them ({@link ModelLocation#readPaths});
   * a SavedModel directory by the files in it. A model that cannot be located counts as its path
   * alone: the goal then fails with jfreeze's message.
   */
  private static List<Path> inputFiles(Path in) throws IOException {
    List<Path> out = new ArrayList<>();
    try {
      ModelLocation loc = ModelLocator.locate(in);
      try (CheckpointReader ckpt = loc.hasCheckpoint() ? loc.openCheckpoint() : null) {
        for (Path p : loc.readPaths(null, ckpt)) {
          if (Files.isDirectory(p)) {
            try (Stream<Path> s = Files.walk(p)) {
              s.filter(Files::isRegularFile).sorted().forEach(out::add);
            }
          } else {
            out.add(p);
          }
        }
      }
    } catch (IOException e) {
      out.add(in.toAbsolutePath());
    }
    return out;
  }

  /** The record of the last successful run for {@code output}: named by a digest of its path. */
  Path stampFor(Path output) {
    String path = output.toAbsolutePath().normalize().toString();
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(path.getBytes(StandardCharsets.UTF_8));
      return Path.of(project.getBuild().getDirectory(), "jfreeze-stamps", goal() + "-" + HexFormat.of().formatHex(d, 0, 8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether {@code output} exists and was made from the same inputs and settings. */
  boolean upToDate(Path output, String fingerprint) throws IOException {
    Path stamp = stampFor(output);
    return Files.exists(output) && Files.isRegularFile(stamp)
        && Files.readString(stamp, StandardCharsets.UTF_8).strip().equals(fingerprint);
  }

  void recordUpToDate(Path output, String fingerprint) throws IOException {
    Path stamp = stampFor(output);
    Files.createDirectories(stamp.getParent());
    Path tmp = Files.createTempFile(stamp.getParent(), ".stamp", ".tmp");
    Files.writeString(tmp, fingerprint + "\n", StandardCharsets.UTF_8);
    Files.move(tmp, stamp, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  /** jfreeze's one-line message for a failure: the path first, then what is wrong. */
  MojoFailureException failure(IOException e) {
    String message;
    if (e instanceof FreezeException fe && fe.file() != null && !String.valueOf(e.getMessage()).contains(fe.file().toString())) {
      message = fe.file() + ": " + e.getMessage();
    } else if (e instanceof NoSuchFileException n) {
      message = n.getFile() + ": no such file or directory";
    } else if (e instanceof AccessDeniedException a) {
      message = a.getFile() + ": permission denied";
    } else if (e instanceof FileSystemException f && f.getFile() != null) {
      message = f.getFile() + ": " + (f.getReason() != null ? f.getReason() : f.getClass().getSimpleName());
    } else {
      message = e.getMessage() != null ? e.getMessage() : e.toString();
      if (!message.contains(input.toString())) {
        message = input + ": " + message;
      }
    }
    return new MojoFailureException("jfreeze:" + goal() + ": " + message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip(), e);
  }
}
