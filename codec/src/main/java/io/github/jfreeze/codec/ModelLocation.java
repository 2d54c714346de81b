package io.github.jfreeze.codec;

import io.github.jfreeze.codec.bundle.BundleReader;
import io.github.jfreeze.codec.v1.V1Reader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a user's path resolved to: a checkpoint (with its {@code .meta} graph when one lies beside
 * it), a SavedModel directory, or a graph file. Made by {@link ModelLocator#locate}.
 *
 * @param input the path as given
 * @param kind what was found
 * @param checkpoint V2 prefix, or V1 file / pattern; {@code null} when there is no checkpoint
 * @param format the checkpoint's format, {@code null} without one
 * @param v1Files the V1 table files (all shards), empty for V2
 * @param graphFile the graph: {@code .meta} beside a checkpoint, {@code saved_model.pb(txt)}, or
 *     the GraphDef file itself; {@code null} when none was found
 * @param savedModelDir the SavedModel directory, for {@link Kind#SAVED_MODEL}
 * @param warnings what was worked around (e.g. a stale absolute path in the state file)
 */
public record ModelLocation(Path input, Kind kind, Path checkpoint, CheckpointFormat format, List<Path> v1Files,
    Path graphFile, Path savedModelDir, List<String> warnings) {

  /** What was found. */
  public enum Kind {
    /** A checkpoint (V1 or V2), maybe with a {@code .meta} graph. */
    CHECKPOINT,
    /** A SavedModel directory ({@code saved_model.pb}, maybe {@code variables/}). */
    SAVED_MODEL,
    /** A graph file alone: GraphDef, MetaGraphDef or SavedModel proto. */
    GRAPH
  }

  /**
   * Copies the lists.
   *
   * @param input the path as given
   * @param kind what was found
   * @param format the checkpoint's format, or {@code null} when there is none
   * @param checkpoint the checkpoint prefix, V1 file or pattern, or {@code null}
   * @param v1Files the files of a V1 checkpoint, else empty
   * @param graphFile the graph file found, or {@code null}
   * @param savedModelDir the SavedModel directory, or {@code null}
   * @param warnings what was noticed on the way
   */
  public ModelLocation {
    v1Files = List.copyOf(v1Files);
    warnings = List.copyOf(warnings);
  }

  /**
   * Whether a checkpoint was found.
   *
   * @return true if {@link #openCheckpoint()} can open one
   */
  public boolean hasCheckpoint() {
    return checkpoint != null;
  }

  /**
   * The graph file found, if any.
   *
   * @return the {@code .meta}, GraphDef or SavedModel file
   */
  public Optional<Path> graph() {
    return Optional.ofNullable(graphFile);
  }

  /**
   * Opens the checkpoint found here.
   *
   * @return an open reader
   * @throws IOException if it cannot be read
   * @throws ModelNotFoundException when this location has no checkpoint
   */
  public CheckpointReader openCheckpoint() throws IOException {
    if (checkpoint == null) {
      throw new ModelNotFoundException(input, switch (kind) {
        case SAVED_MODEL -> "SavedModel without variables (no variables/variables.index)";
        default -> "a graph file, not a checkpoint; pass a checkpoint directory, prefix or .index file";
      });
    }
    return format == CheckpointFormat.V1
        ? V1Reader.open(checkpoint, v1Files, warnings)
        : BundleReader.open(checkpoint, warnings);
  }

  /**
   * Every file and directory a run on this model reads, absolute: the path as given (unless a
   * directory), the graph beside the checkpoint, {@code graphUsed} when another graph replaces it,
   * the checkpoint state file, the SavedModel directory and the checkpoint's own files. The one
   * list that keeps outputs off inputs, fingerprints a model for a build's up-to-date check and
   * sizes a read for a progress line.
   *
   * @param graphUsed the graph file the run reads, or null
   * @param ckpt the open checkpoint, or null when none is read
   * @return the paths, absolute and normalized
   */
  public Set<Path> readPaths(Path graphUsed, CheckpointReader ckpt) {
    Set<Path> out = new LinkedHashSet<>();
    if (graphUsed != null) {
      out.add(graphUsed.toAbsolutePath().normalize());
    }
    if (!Files.isDirectory(input)) {
      out.add(input.toAbsolutePath().normalize());
    }
    if (graphFile != null) {
      out.add(graphFile.toAbsolutePath().normalize());
    }
    for (Path dir : new Path[] {input, checkpoint == null ? null : checkpoint.toAbsolutePath().getParent()}) {
      if (dir != null && Files.isDirectory(dir)) {
        Path state = dir.resolve("checkpoint");
        if (Files.isRegularFile(state)) {
          out.add(state.toAbsolutePath().normalize());
        }
      }
    }
    if (savedModelDir != null) {
      out.add(savedModelDir.toAbsolutePath().normalize());
    }
    if (ckpt != null) {
      ckpt.files().forEach(p -> out.add(p.toAbsolutePath().normalize()));
    }
    return out;
  }
}
