package io.github.jfreeze.codec.testing;

import io.github.jfreeze.codec.CheckpointReader;
import io.github.jfreeze.codec.CorruptFileException;
import io.github.jfreeze.codec.Tensor;
import io.github.jfreeze.codec.VariableInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Scratch files for fuzz targets whose readers take paths, and the check every target makes on errors. */
public final class FuzzFiles {
  private FuzzFiles() {}

  /** A fresh temporary directory, deleted when the JVM exits. */
  public static Path scratchDir(String name) {
    try {
      Path dir = Files.createTempDirectory("jfreeze-fuzz-" + name);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes every file in {@code dir} (not the directory). */
  public static void clear(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** Deletes everything below {@code dir} (not the directory). */
  public static void clearTree(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        if (!p.equals(dir)) {
          Files.delete(p);
        }
      }
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort at exit
    }
  }

  /**
   * Reads every tensor {@code r} lists, as a value and as a TensorProto; each must have the dtype
   * and shape it is listed with.
   */
  public static void readEverything(CheckpointReader r) throws IOException {
    for (VariableInfo v : r.variables()) {
      Tensor t = r.read(v.key());
      if (!t.shape().equals(v.shape()) || t.dtype() != v.dtype()) {
        throw new AssertionError(v.key() + " is listed as " + v.dtype() + v.shape() + " but read as " + t);
      }
      r.read(v.key()).toProto();
    }
  }

  /**
   * What every target asserts about the one exception a reader may throw for bad data: it names a
   * file (or in-memory data), an offset of {@code -1} or more, and says what is wrong.
   */
  public static void checkError(CorruptFileException e) {
    if (e.problem() == null || e.problem().isEmpty() || e.offset() < -1) {
      throw new AssertionError("malformed CorruptFileException: offset " + e.offset() + ", problem " + e.problem(), e);
    }
  }
}
