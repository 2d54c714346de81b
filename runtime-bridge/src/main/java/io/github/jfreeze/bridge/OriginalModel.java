package io.github.jfreeze.bridge;

import io.github.jfreeze.bridge.internal.GraphFiles;
import io.github.jfreeze.bridge.internal.NativeGraphRunner;
import io.github.jfreeze.bridge.internal.NativeGraphRunner.NativeFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.MetaGraphDef;
import org.tensorflow.proto.SaverDef;

/**
 * A model as TensorFlow itself would run it, with its variables restored: a TF1 checkpoint whose
 * MetaGraphDef is imported and whose Saver restore op is run, or a SavedModel loaded with
 * {@code TF_LoadSessionFromSavedModel} (what TF Java's {@code SavedModelBundle.load} calls).
 *
 * <p>Where the model is: a SavedModel directory ({@code saved_model.pb} or {@code .pbtxt} inside);
 * a checkpoint directory (its {@code checkpoint} state file names the checkpoint, else the only
 * {@code *.index} in it); a {@code .meta}, {@code .index} or {@code .data-*} file; or a checkpoint
 * prefix / V1 file / V1 file pattern as TF's Saver takes it. The MetaGraphDef is
 * {@code <prefix>.meta}, else the only {@code *.meta} in the directory, unless given.
 */
final class OriginalModel implements AutoCloseable {
  final NativeGraphRunner runner;
  final GraphDef graph;
  final String description;

  private OriginalModel(NativeGraphRunner runner, GraphDef graph, String description) {
    this.runner = runner;
    this.graph = graph;
    this.description = description;
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
      GraphDef g;
      try {
        g = MetaGraphDef.parseFrom(r.metaGraphDef()).getGraphDef();
      } catch (IOException e) {
        r.close();
        throw NativeRunException.badModel("cannot parse the MetaGraphDef TensorFlow loaded from " + dir, e);
      }
      return new OriginalModel(r, g, "SavedModel " + dir + " (tags " + String.join(",", tags) + ")");
    } catch (NativeFailure e) {
      throw NativeRunException.tensorflow("TensorFlow cannot load the SavedModel " + dir + " with tags " + tags,
          e.getMessage());
    }
  }

  /** A checkpoint and its MetaGraphDef, located as described on the class. */
  record Checkpoint(Path meta, String prefix) {}

  static Checkpoint locate(Path original, Path meta, String checkpoint) throws NativeRunException {
    String prefix = checkpoint;
    Path dir;
    if (prefix == null) {
      prefix = prefixOf(original);
    }
    Path prefixPath = Path.of(prefix);
    dir = prefixPath.getParent() == null ? Path.of(".") : prefixPath.getParent();
    if (meta == null) {
      Path beside = Path.of(prefix + ".meta");
      if (original != null && original.toString().endsWith(".meta") && Files.isRegularFile(original)) {
        meta = original;
      } else if (Files.isRegularFile(beside)) {
        meta = beside;
      } else {
        List<Path> metas = list(dir, ".meta");
        if (metas.size() != 1) {
          throw NativeRunException.badModel("no MetaGraphDef " + beside + (metas.isEmpty() ? "" : " and " + metas.size()
              + " other .meta files in " + dir + ": " + names(metas)) + "; name the .meta file to import");
        }
        meta = metas.get(0);
      }
    } else if (!Files.isRegularFile(meta)) {
      throw NativeRunException.badModel(meta + ": no such MetaGraphDef file");
    }
    return new Checkpoint(meta, prefix);
  }

  private static final Pattern DATA = Pattern.compile("(.*)\\.data-\\d{5}-of-\\d{5}$");
  private static final Pattern STATE = Pattern.compile("(?m)^\\s*model_checkpoint_path:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

  private static String prefixOf(Path original) throws NativeRunException {
    Objects.requireNonNull(original, "original is null");
    String s = original.toString();
    if (Files.isDirectory(original)) {
      Path state = original.resolve("checkpoint");
      if (Files.isRegularFile(state)) {
        try {
          Matcher m = STATE.matcher(Files.readString(state, StandardCharsets.UTF_8));
          if (m.find()) {
            String named = m.group(1).replace("\\\"", "\"").replace("\\\\", "\\");
            Path p = Path.of(named);
            Path resolved = p.isAbsolute() ? p : original.resolve(p);
            if (!exists(resolved) && p.getFileName() != null) {
              resolved = original.resolve(p.getFileName()); // the directory was moved since training
            }
            return resolved.toString();
          }
        } catch (IOException e) {
          throw NativeRunException.badModel("cannot read " + state, e);
        }
      }
      List<Path> indexes = list(original, ".index");
      if (indexes.size() == 1) {
        String f = indexes.get(0).toString();
        return f.substring(0, f.length() - ".index".length());
      }
      throw NativeRunException.badModel(original + ": no checkpoint state file and " + (indexes.isEmpty()
          ? "no *.index file" : indexes.size() + " *.index files (" + names(indexes) + ")")
          + "; name the checkpoint prefix (e.g. " + original.resolve("model.ckpt") + ")");
    }
    if (s.endsWith(".meta")) {
      return s.substring(0, s.length() - ".meta".length());
    }
    if (s.endsWith(".index")) {
      return s.substring(0, s.length() - ".index".length());
    }
    Matcher m = DATA.matcher(s);
    if (m.matches()) {
      return m.group(1);
    }
    return s;
  }

  private static boolean exists(Path prefix) {
    return Files.exists(prefix) || Files.exists(Path.of(prefix + ".index"));
  }

  private static List<Path> list(Path dir, String suffix) throws NativeRunException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
    } catch (IOException | UncheckedIOException e) {
      throw NativeRunException.badModel("cannot list " + dir, e);
    }
  }

  private static String names(List<Path> paths) {
    List<String> out = new ArrayList<>();
    paths.stream().limit(5).forEach(p -> out.add(p.getFileName().toString()));
    return String.join(", ", out) + (paths.size() > 5 ? ", ..." : "");
  }

  /**
   * Imports the checkpoint's MetaGraphDef graph (device placements cleared, as the frozen graph's
   * are) and runs its Saver's restore op, feeding the checkpoint prefix to the filename tensor.
   */
  static OriginalModel checkpoint(Checkpoint c, Device device) throws IOException {
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
      String restore = NativeGraphRunner.opName(saver.getRestoreOpName());
      String filename = saver.getFilenameTensorName();
      NativeTensor prefix = new NativeTensor(filename, "string", new long[0], new byte[0],
          List.of(c.prefix().getBytes(StandardCharsets.UTF_8)));
      NativeRunner.run(r, List.of(prefix), List.of(), List.of(restore), "restoring " + c.prefix() + " with " + restore);
      return new OriginalModel(r, g, "checkpoint " + c.prefix() + " (graph " + c.meta() + ")");
    } catch (RuntimeException | NativeRunException e) {
      r.close();
      throw e;
    }
  }
}
