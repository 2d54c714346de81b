package io.github.jfreeze.cli;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The shared corpus of TF-written files ({@code shared/corpus}, see its MANIFEST.md), found through
 * the system property {@code jfreeze.corpus} that the root pom passes to surefire. Missing corpus
 * is a failure, not a skip: these tests are the point of the corpus.
 */
final class Corpus {
  /** Protobuf files in SavedModel directories that are not graphs. */
  private static final Set<String> NOT_GRAPHS = Set.of("fingerprint.pb", "keras_metadata.pb", "saved_model_config.pb",
      "saved_model.pb");

  private Corpus() {}

  static Path root() {
    String prop = System.getProperty("jfreeze.corpus");
    Path dir = prop == null ? null : Path.of(prop).toAbsolutePath().normalize();
    if (dir == null || !Files.isRegularFile(dir.resolve("MANIFEST.md"))) {
      fail("the test corpus is missing: system property jfreeze.corpus is " + (prop == null ? "not set" : "'" + prop
          + "' (resolved to " + dir + ", which has no MANIFEST.md)") + "; run the tests through Maven from the "
          + "repository root, or pass -Djfreeze.corpus=/path/to/shared/corpus");
    }
    return dir;
  }

  static Path file(String relative) {
    Path p = root().resolve(relative);
    if (!Files.exists(p)) {
      fail("corpus file " + p + " is missing");
    }
    return p;
  }

  private static List<Path> all() {
    try (Stream<Path> s = Files.walk(root())) {
      return s.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new AssertionError("cannot list the corpus at " + root(), e);
    }
  }

  /** Every checkpoint: V2 {@code .index} files, V1 table files and {@code checkpoint} state files. */
  static List<Path> checkpoints() {
    List<Path> out = new ArrayList<>();
    for (Path p : all()) {
      String n = p.getFileName().toString();
      if (n.endsWith(".index") || n.equals("checkpoint") || (!n.contains(".") && isTable(p))) {
        out.add(p);
      }
    }
    return out;
  }

  static List<Path> metaGraphs() {
    return all().stream().filter(p -> p.getFileName().toString().endsWith(".meta")).toList();
  }

  /** SavedModel directories (those holding a saved_model.pb). */
  static List<Path> savedModels() {
    return all().stream().filter(p -> p.getFileName().toString().equals("saved_model.pb")).map(Path::getParent).toList();
  }

  /** GraphDef files: every other {@code .pb}. */
  static List<Path> graphDefs() {
    return all().stream().filter(p -> {
      String n = p.getFileName().toString();
      return n.endsWith(".pb") && !NOT_GRAPHS.contains(n);
    }).toList();
  }

  /** Ends with the SSTable magic number (a V1 checkpoint file). */
  private static boolean isTable(Path p) {
    try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "r")) {
      if (f.length() < 48) {
        return false;
      }
      f.seek(f.length() - 8);
      return Long.reverseBytes(f.readLong()) == 0xdb4775248b80fb57L;
    } catch (IOException e) {
      throw new AssertionError("cannot read " + p, e);
    }
  }
}
