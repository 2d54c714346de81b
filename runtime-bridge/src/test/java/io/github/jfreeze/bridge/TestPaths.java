package io.github.jfreeze.bridge;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Where the repository's testdata/ and the shared corpus are (system properties set by the POM). */
public final class TestPaths {
  private TestPaths() {}

  /** The repository root: {@code -Djfreeze.root}, else the nearest ancestor holding testdata/. */
  public static Path root() {
    String p = System.getProperty("jfreeze.root");
    if (p != null && Files.isDirectory(Path.of(p, "testdata"))) {
      return Path.of(p).toAbsolutePath().normalize();
    }
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      if (Files.isDirectory(d.resolve("testdata")) && Files.isRegularFile(d.resolve("pom.xml"))) {
        return d;
      }
    }
    throw new IllegalStateException("cannot find the repository's testdata/ (set -Djfreeze.root)");
  }

  public static Path testdata() {
    return root().resolve("testdata");
  }

  /** The shared corpus of real TF files, when present ({@code -Djfreeze.corpus}). */
  public static Optional<Path> corpus() {
    String p = System.getProperty("jfreeze.corpus");
    Path c = p != null ? Path.of(p) : root().resolve("../shared/corpus");
    return Files.isDirectory(c) ? Optional.of(c.toAbsolutePath().normalize()) : Optional.empty();
  }
}
