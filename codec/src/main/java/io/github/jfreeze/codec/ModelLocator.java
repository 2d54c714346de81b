package io.github.jfreeze.codec;

import io.github.jfreeze.codec.bundle.BundleReader;
import io.github.jfreeze.codec.table.Footer;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Resolves what a user points at into a {@link ModelLocation}: a directory with a {@code
 * checkpoint} state file (relative or absolute paths; an absolute path from another machine falls
 * back to the same name in that directory, with a warning), a prefix, any {@code .index},
 * {@code .data-*} or {@code .meta} file of a checkpoint, a V1 file or {@code -?????-of-N} pattern,
 * a SavedModel directory or its {@code saved_model.pb}, or a graph file. A wrong guess gets a
 * message saying what is there and what to pass instead.
 */
public final class ModelLocator {
  private static final Pattern DATA_FILE = Pattern.compile("(.*)\\.data-\\d{5}-of-\\d{5}");
  private static final Pattern V1_SHARD = Pattern.compile("(.*)-(\\d{5}|\\?{5})-of-(\\d{5})");
  static final String STATE_FILE = "checkpoint";

  private ModelLocator() {}

  /**
   * A device, FIFO or socket where a model file was expected (reading one could block or never end).
   *
   * @param path the path that is not a regular file
   * @return the exception to throw
   */
  public static ModelNotFoundException notRegular(Path path) {
    return new ModelNotFoundException(path, "not a regular file (a device, FIFO or socket); give a checkpoint, graph or "
        + "SavedModel file or directory");
  }

  /**
   * Finds what {@code input} points at: a checkpoint (directory with a state file, prefix, any of
   * its files, V1 file or pattern), a SavedModel directory, or a graph file.
   *
   * @param input a path as a user gives it
   * @return what was found there
   * @throws ModelNotFoundException if nothing usable is there (the message says what is)
   * @throws IOException if the file system cannot be read
   * @throws IncompatibleRuntimeException if the protobuf-java on the classpath is older than jfreeze needs
   */
  public static ModelLocation locate(Path input) throws IOException {
    ProtobufRuntime.require();
    List<String> warnings = new ArrayList<>();
    if (Files.isDirectory(input)) {
      return locateDirectory(input, warnings);
    }
    String name = input.getFileName() == null ? "" : input.getFileName().toString();
    if (Files.exists(input) && !Files.isRegularFile(input)) {
      throw notRegular(input);
    }
    if (Files.isRegularFile(input)) {
      if (name.endsWith(".index")) {
        return checkpointAt(input, strip(input, ".index"), warnings, true);
      }
      Matcher data = DATA_FILE.matcher(name);
      if (data.matches()) {
        return checkpointAt(input, input.resolveSibling(data.group(1)), warnings, true);
      }
      if (name.endsWith(".meta")) {
        Path prefix = strip(input, ".meta");
        ModelLocation ckpt = checkpointAt(input, prefix, warnings, false);
        if (ckpt != null) {
          return ckpt;
        }
        warnings.add("no checkpoint beside " + name + " (looked for " + prefix.getFileName() + ".index)");
        return new ModelLocation(input, ModelLocation.Kind.GRAPH, null, null, List.of(), input, null, warnings);
      }
      if (name.equals(STATE_FILE)) {
        return fromStateFile(input, warnings);
      }
      if (name.equals("saved_model.pb") || name.equals("saved_model.pbtxt")) {
        return locateDirectory(directoryOf(input), warnings);
      }
      if (hasTableMagic(input) || namedLikeV1(input)) {
        if (Files.isRegularFile(BundleReader.dataFile(input, 0, 1))) {
          throw new ModelNotFoundException(input, "this looks like a V2 index without its .index suffix; pass "
              + input.getFileName() + " as a prefix with an .index file next to it");
        }
        return v1At(input, input, warnings, true);
      }
      return new ModelLocation(input, ModelLocation.Kind.GRAPH, null, null, List.of(), input, null, warnings);
    }
    // not an existing file: a prefix, a V1 pattern, or a mistake
    ModelLocation found = checkpointAt(input, input, warnings, false);
    if (found != null) {
      return found;
    }
    throw new ModelNotFoundException(input, "no such file, checkpoint prefix or directory" + describeParent(input));
  }

  private static Path strip(Path p, String suffix) {
    String n = p.getFileName().toString();
    return p.resolveSibling(n.substring(0, n.length() - suffix.length()));
  }

  private static ModelLocation locateDirectory(Path dir, List<String> warnings) throws IOException {
    for (String sm : List.of("saved_model.pb", "saved_model.pbtxt")) {
      Path graph = dir.resolve(sm);
      if (Files.isRegularFile(graph)) {
        Path vars = dir.resolve("variables").resolve("variables");
        boolean hasVars = Files.isRegularFile(BundleReader.indexFile(vars));
        return new ModelLocation(dir, ModelLocation.Kind.SAVED_MODEL, hasVars ? vars : null,
            hasVars ? CheckpointFormat.V2 : null, List.of(), graph, dir, warnings);
      }
    }
    if (Files.isRegularFile(dir.resolve("saved_model.cpb"))) {
      throw new ModelNotFoundException(dir, "holds saved_model.cpb, a chunked SavedModel (over 2 GiB) that jfreeze cannot read yet");
    }
    Path state = dir.resolve(STATE_FILE);
    if (Files.isRegularFile(state)) {
      return fromStateFile(state, warnings);
    }
    Path vars = dir.resolve("variables");
    if (Files.isRegularFile(BundleReader.indexFile(vars.resolve("variables")))) {
      warnings.add(dir + " has variables/ but no saved_model.pb: an incomplete SavedModel; reading its checkpoint only");
      return checkpointAt(dir, vars.resolve("variables"), warnings, true);
    }
    List<String> prefixes = prefixesIn(dir);
    if (prefixes.isEmpty()) {
      prefixes = v1FilesIn(dir);
    }
    if (prefixes.size() == 1) {
      return checkpointAt(dir, dir.resolve(prefixes.get(0)), warnings, true);
    }
    if (prefixes.size() > 1) {
      throw new ModelNotFoundException(dir, "holds " + prefixes.size() + " checkpoints and no 'checkpoint' state file: "
          + String.join(", ", prefixes) + "; pass one of them as a prefix, e.g. " + dir.resolve(prefixes.get(prefixes.size() - 1)));
    }
    throw new ModelNotFoundException(dir, "no checkpoint, state file or saved_model.pb in this directory"
        + listing(dir));
  }

  private static ModelLocation fromStateFile(Path state, List<String> warnings) throws IOException {
    CheckpointState cs = CheckpointState.read(state);
    Path dir = directoryOf(state);
    Path named = Path.of(cs.latest());
    Path prefix = named.isAbsolute() ? named : dir.resolve(named);
    ModelLocation found = checkpointAt(state, prefix, warnings, false);
    if (found == null && named.isAbsolute() && named.getFileName() != null) {
      Path local = dir.resolve(named.getFileName().toString());
      found = checkpointAt(state, local, warnings, false);
      if (found != null) {
        List<String> w = new ArrayList<>(found.warnings());
        w.add(0, "the checkpoint state file names " + cs.latest() + ", which does not exist here; using "
            + local + " instead");
        return new ModelLocation(found.input(), found.kind(), found.checkpoint(), found.format(), found.v1Files(),
            found.graphFile(), found.savedModelDir(), w);
      }
    }
    if (found == null) {
      List<String> prefixes = prefixesIn(dir);
      throw new ModelNotFoundException(state, "names checkpoint " + cs.latest() + ", which is not there; "
          + (prefixes.isEmpty() ? "the directory holds no checkpoints" + listing(dir)
              : "the directory holds " + String.join(", ", prefixes) + "; pass one of them as a prefix"));
    }
    return found;
  }

  /**
   * A V2 prefix or V1 file/pattern at {@code prefix}, or {@code null} (or an exception when
   * {@code required}).
   */
  private static ModelLocation checkpointAt(Path input, Path prefix, List<String> warnings, boolean required)
      throws IOException {
    if (Files.isRegularFile(BundleReader.indexFile(prefix))) {
      Path meta = prefix.resolveSibling(prefix.getFileName() + ".meta");
      return new ModelLocation(input, ModelLocation.Kind.CHECKPOINT, prefix, CheckpointFormat.V2, List.of(),
          Files.isRegularFile(meta) ? meta : null, null, warnings);
    }
    // a file named as a checkpoint (by a state file, or by its name) is read as one even without
    // the table magic, so that a damaged one is reported as damaged rather than as a graph
    boolean named = STATE_FILE.equals(String.valueOf(input.getFileName())) || namedLikeV1(prefix);
    if (Files.isRegularFile(prefix) && (named || hasTableMagic(prefix))) {
      return v1At(input, prefix, warnings, required);
    }
    String name = prefix.getFileName() == null ? "" : prefix.getFileName().toString();
    Matcher shard = V1_SHARD.matcher(name);
    if (shard.matches() || name.contains("?") || name.contains("*")) {
      return v1At(input, prefix, warnings, required);
    }
    // TF1 Saver with sharded V1 writes prefix-?????-of-N files
    Path dir = prefix.toAbsolutePath().getParent();
    if (dir != null && Files.isDirectory(dir)) {
      try (Stream<Path> s = Files.list(dir)) {
        List<Path> shards = s.filter(p -> {
          Matcher m = V1_SHARD.matcher(p.getFileName().toString());
          return m.matches() && m.group(1).equals(name);
        }).sorted().toList();
        if (!shards.isEmpty()) {
          return v1At(input, shards.get(0), warnings, required);
        }
      }
    }
    if (required) {
      throw new ModelNotFoundException(input, "no index file " + BundleReader.indexFile(prefix).getFileName()
          + " for this checkpoint" + describeParent(prefix));
    }
    return null;
  }

  /** A V1 checkpoint: one file, a shard of several, or a glob pattern. */
  private static ModelLocation v1At(Path input, Path fileOrPattern, List<String> warnings, boolean required)
      throws IOException {
    String name = fileOrPattern.getFileName().toString();
    Matcher shard = V1_SHARD.matcher(name);
    Path dir = directoryOf(fileOrPattern);
    List<Path> files;
    Path pattern;
    if (shard.matches()) {
      int total = Integer.parseInt(shard.group(3));
      pattern = fileOrPattern.resolveSibling(shard.group(1) + "-?????-of-" + shard.group(3));
      files = new ArrayList<>();
      List<String> missing = new ArrayList<>();
      for (int i = 0; i < total; i++) {
        Path f = fileOrPattern.resolveSibling(String.format(Locale.ROOT, "%s-%05d-of-%s", shard.group(1), i, shard.group(3)));
        if (Files.isRegularFile(f)) {
          files.add(f);
        } else {
          missing.add(f.getFileName().toString());
        }
      }
      if (!missing.isEmpty()) {
        if (!required && files.isEmpty()) {
          return null;
        }
        throw new ModelNotFoundException(input, "V1 checkpoint " + pattern.getFileName() + " is missing shard(s) "
            + String.join(", ", missing) + describeParent(fileOrPattern));
      }
    } else if (name.contains("?") || name.contains("*")) {
      pattern = fileOrPattern;
      var matcher = dir.getFileSystem().getPathMatcher("glob:" + name);
      try (Stream<Path> s = Files.list(dir)) {
        files = s.filter(p -> matcher.matches(p.getFileName())).sorted().toList();
      }
      if (files.isEmpty()) {
        if (!required) {
          return null;
        }
        throw new ModelNotFoundException(input, "no files match " + name + describeParent(fileOrPattern));
      }
    } else {
      pattern = fileOrPattern;
      files = List.of(fileOrPattern);
    }
    Path stem = shard.matches() ? fileOrPattern.resolveSibling(shard.group(1)) : fileOrPattern;
    Path meta = stem.resolveSibling(stem.getFileName() + ".meta");
    return new ModelLocation(input, ModelLocation.Kind.CHECKPOINT, pattern, CheckpointFormat.V1, files,
        Files.isRegularFile(meta) ? meta : null, null, warnings);
  }

  /** V1 names TF's Saver writes: {@code model.ckpt}, {@code model.ckpt-1000}, {@code export-00000-of-00001}. */
  private static boolean namedLikeV1(Path file) {
    String name = file.getFileName() == null ? "" : file.getFileName().toString();
    return V1_SHARD.matcher(name).matches() && !DATA_FILE.matcher(name).matches() || V1_NAME.matcher(name).matches();
  }

  private static final Pattern V1_NAME = Pattern.compile(".*\\.ckpt(-\\d+)?");

  /** Whether a file ends with the table magic (an SSTable: V1 checkpoint or index). */
  static boolean hasTableMagic(Path file) throws IOException {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
      if (f.length() < Footer.LENGTH) {
        return false;
      }
      byte[] b = new byte[8];
      f.seek(f.length() - 8);
      f.readFully(b);
      return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getLong() == Footer.MAGIC;
    }
  }

  /** Checkpoint prefixes (V2 {@code .index} files and V1 shard sets) in a directory, sorted. */
  static List<String> prefixesIn(Path dir) throws IOException {
    List<String> out = new ArrayList<>();
    if (dir == null || !Files.isDirectory(dir)) {
      return out;
    }
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.sorted().toList()) {
        String n = p.getFileName().toString();
        if (n.endsWith(".index") && Files.isRegularFile(p)) {
          out.add(n.substring(0, n.length() - ".index".length()));
        } else {
          Matcher m = V1_SHARD.matcher(n);
          if (m.matches() && !n.contains(".data-") && m.group(2).equals("00000")) {
            out.add(m.group(1) + "-?????-of-" + m.group(3));
          }
        }
      }
    }
    out.sort(ModelLocator::compareSteps);
    return out;
  }

  /** Single-file V1 checkpoints in a directory: files, other than indexes, that are tables. */
  static List<String> v1FilesIn(Path dir) throws IOException {
    List<String> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.sorted().limit(1000).toList()) {
        String n = p.getFileName().toString();
        if (Files.isRegularFile(p) && !n.endsWith(".index") && !DATA_FILE.matcher(n).matches() && hasTableMagic(p)) {
          out.add(n);
        }
      }
    }
    return out;
  }

  /** Orders {@code model.ckpt-90} before {@code model.ckpt-100}. */
  private static int compareSteps(String a, String b) {
    Matcher ma = Pattern.compile("(.*?)(\\d+)$").matcher(a);
    Matcher mb = Pattern.compile("(.*?)(\\d+)$").matcher(b);
    if (ma.matches() && mb.matches() && ma.group(1).equals(mb.group(1)) && ma.group(2).length() < 19 && mb.group(2).length() < 19) {
      return Long.compare(Long.parseLong(ma.group(2)), Long.parseLong(mb.group(2)));
    }
    return a.compareTo(b);
  }

  /**
   * The directory holding {@code p}: relative when {@code p} is, so that what jfreeze prints shows
   * paths as the user gave them ({@code seed/model.ckpt-1}, not {@code /home/...}).
   */
  private static Path directoryOf(Path p) {
    Path parent = p.getParent();
    return parent != null ? parent : p.isAbsolute() ? p : Path.of("");
  }

  private static String describeParent(Path p) throws IOException {
    Path dir = p.toAbsolutePath().getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      return "; directory " + dir + " does not exist either";
    }
    List<String> prefixes = prefixesIn(dir);
    if (!prefixes.isEmpty()) {
      return "; " + dir + " holds checkpoint(s) " + String.join(", ", prefixes) + " (pass one as a prefix)";
    }
    return listing(dir);
  }

  private static String listing(Path dir) throws IOException {
    List<String> names = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      s.sorted().limit(11).forEach(p -> names.add(p.getFileName() + (Files.isDirectory(p) ? "/" : "")));
    }
    if (names.isEmpty()) {
      return "; " + dir + " is empty";
    }
    String more = names.size() > 10 ? ", ..." : "";
    return "; " + dir + " holds " + String.join(", ", names.subList(0, Math.min(10, names.size()))) + more;
  }
}
