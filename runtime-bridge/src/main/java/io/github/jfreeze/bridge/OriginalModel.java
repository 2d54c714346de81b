package io.github.jfreeze.bridge;

import io.github.jfreeze.bridge.internal.GraphFiles;
import io.github.jfreeze.bridge.internal.NativeGraphRunner;
import io.github.jfreeze.bridge.internal.NativeGraphRunner.NativeFailure;
import io.github.jfreeze.codec.ModelLocation;
import io.github.jfreeze.codec.ModelLocator;
import io.github.jfreeze.codec.graph.InitOps;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.MetaGraphDef;
import org.tensorflow.proto.SaverDef;
import org.tensorflow.proto.SignatureDef;

/**
 * A model as TensorFlow itself would run it, with its variables restored: a TF1 checkpoint whose
 * MetaGraphDef is imported and whose Saver restore op is run, or a SavedModel loaded with
 * {@code TF_LoadSessionFromSavedModel} (what TF Java's {@code SavedModelBundle.load} calls).
 *
 * <p>Where the model is: a SavedModel directory ({@code saved_model.pb} or {@code .pbtxt} inside),
 * or a checkpoint found by codec's {@code ModelLocator}, as every other command finds it (state
 * file, prefix, any of its files); its MetaGraphDef is the {@code .meta} beside it, unless given.
 */
final class OriginalModel implements AutoCloseable {
  final NativeGraphRunner runner;
  final GraphDef graph;
  final String description;
  /** A SavedModel's signatures by name; empty for a checkpoint. */
  final Map<String, SignatureDef> signatures;

  private OriginalModel(NativeGraphRunner runner, GraphDef graph, String description,
      Map<String, SignatureDef> signatures) {
    this.runner = runner;
    this.graph = graph;
    this.description = description;
    this.signatures = signatures;
  }

  @Override
  public void close() {
    runner.close();
  }

  static boolean isSavedModel(Path p) {
    return Files.isDirectory(p)
        && (Files.isRegularFile(p.resolve("saved_model.pb")) || Files.isRegularFile(p.resolve("saved_model.pbtxt")));
  }

  /** Loads a SavedModel's MetaGraphDef with these tags, variables restored. */
  static OriginalModel savedModel(Path dir, Set<String> tags, Device device) throws NativeRunException {
    try {
      NativeGraphRunner r = NativeGraphRunner.loadSavedModel(dir.toString(), List.copyOf(tags), device.sessionConfig());
      MetaGraphDef meta;
      try {
        meta = MetaGraphDef.parseFrom(r.metaGraphDef());
      } catch (IOException e) {
        r.close();
        throw NativeRunException.badModel("cannot parse the MetaGraphDef TensorFlow loaded from " + dir, e);
      }
      return new OriginalModel(r, meta.getGraphDef(), "SavedModel " + dir + " (tags " + String.join(",", tags) + ")",
          new TreeMap<>(meta.getSignatureDefMap()));
    } catch (NativeFailure e) {
      throw NativeRunException.tensorflow("TensorFlow cannot load the SavedModel " + dir + " with tags " + tags,
          e.getMessage());
    }
  }

  /** A checkpoint and its MetaGraphDef, located as described on the class. */
  record Checkpoint(Path meta, String prefix) {}

  /**
   * Finds the checkpoint and its MetaGraphDef with codec's {@link ModelLocator}, the one locator
   * every command uses (state file, prefix, any of the checkpoint's files, the {@code .meta} beside
   * it); {@code meta} and {@code checkpoint}, when given, win.
   */
  static Checkpoint locate(Path original, Path meta, String checkpoint) throws NativeRunException {
    String prefix = checkpoint;
    if (prefix == null || meta == null) {
      Path where = prefix != null ? Path.of(prefix) : Objects.requireNonNull(original, "original is null");
      ModelLocation loc;
      try {
        loc = ModelLocator.locate(where);
      } catch (IOException e) {
        throw NativeRunException.badModel(e.getMessage(), e);
      }
      if (prefix == null) {
        if (loc.checkpoint() == null) {
          throw NativeRunException.badModel(where + ": no checkpoint there (found a "
              + loc.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ")");
        }
        prefix = loc.checkpoint().toString();
      }
      if (meta == null) {
        if (original != null && original.toString().endsWith(".meta") && Files.isRegularFile(original)) {
          meta = original;
        } else if (loc.graphFile() != null && loc.graphFile().getFileName().toString().endsWith(".meta")) {
          meta = loc.graphFile();
        } else {
          throw NativeRunException.badModel("no MetaGraphDef " + prefix + ".meta beside the checkpoint; name the "
              + ".meta file to import");
        }
      }
    }
    if (!Files.isRegularFile(meta)) {
      throw NativeRunException.badModel(meta + ": no such MetaGraphDef file");
    }
    return new Checkpoint(meta, prefix);
  }

  /**
   * Imports the checkpoint's MetaGraphDef graph (device placements cleared, as the frozen graph's
   * are) and runs its Saver's restore op, feeding the checkpoint prefix to the filename tensor, then
   * its init op and table initializers ({@link InitOps}).
   */
  static OriginalModel checkpoint(Checkpoint c, Device device) throws IOException {
    return imported(c, device, true);
  }

  /**
   * Imports the checkpoint's MetaGraphDef graph as {@link #checkpoint} does, running its Saver's
   * restore op only when {@code restore} (else the variables are not initialized: the caller
   * restores what it needs).
   */
  static OriginalModel imported(Checkpoint c, Device device, boolean restore) throws IOException {
    MetaGraphDef meta;
    try {
      meta = GraphFiles.readMetaGraphDef(c.meta());
    } catch (GraphFiles.NotAProto e) {
      throw NativeRunException.badModel(e.getMessage(), e);
    }
    SaverDef saver = meta.getSaverDef();
    if (saver.getRestoreOpName().isEmpty() || saver.getFilenameTensorName().isEmpty()) {
      throw NativeRunException.badModel(c.meta() + " has no SaverDef (restore_op_name, filename_tensor_name), so "
          + "TensorFlow cannot restore " + c.prefix() + " into it");
    }
    GraphDef g = GraphFiles.clearDevices(meta.getGraphDef());
    NativeGraphRunner r;
    try {
      r = new NativeGraphRunner(g.toByteArray(), device.sessionConfig());
    } catch (NativeFailure e) {
      throw NativeRunException.tensorflow("TensorFlow cannot import the graph of " + c.meta(), e.getMessage());
    }
    try {
      if (restore) {
        String op = NativeGraphRunner.opName(saver.getRestoreOpName());
        String filename = saver.getFilenameTensorName();
        NativeTensor prefix = new NativeTensor(filename, "string", new long[0], new byte[0],
            List.of(c.prefix().getBytes(StandardCharsets.UTF_8)));
        NativeRunner.run(r, List.of(prefix), List.of(), List.of(op), "restoring " + c.prefix() + " with " + op);
        // then what a loader runs once: the init op and the table initializers (codec's InitOps)
        List<String> init = InitOps.roots(io.github.jfreeze.proto.MetaGraphDef.parseFrom(
            meta.toBuilder().clearGraphDef().build().toByteArray()));
        if (!init.isEmpty()) {
          NativeRunner.run(r, List.of(), List.of(), init, "running the init op(s) " + String.join(", ", init) + " of "
              + c.meta());
        }
      }
      return new OriginalModel(r, g, "checkpoint " + c.prefix() + " (graph " + c.meta() + ")", Map.of());
    } catch (RuntimeException | NativeRunException e) {
      r.close();
      throw e;
    }
  }
}
