package io.github.jfreeze.codec.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Where tests find the repository's fixtures and the shared corpus of real TF files. */
public final class TestPaths {
  private TestPaths() {}

  /** The repository root (system property {@code jfreeze.root}, set by the build). */
  public static Path root() {
    String p = System.getProperty("jfreeze.root");
    Path root = p != null ? Path.of(p) : Path.of("").toAbsolutePath().getParent();
    if (!Files.isDirectory(root.resolve("testdata"))) {
      fail("no testdata/ under " + root.toAbsolutePath() + "; run the tests through Maven from the repository root "
          + "or set -Djfreeze.root=<repository>");
    }
    return root;
  }

  public static Path testdata() {
    return root().resolve("testdata");
  }

  /**
   * The shared corpus ({@code ../shared/corpus} beside the checkout; {@code -Djfreeze.corpus=...}
   * to override). Tests fail, not skip, without it: CI always has it.
   */
  public static Path corpus() {
    String p = System.getProperty("jfreeze.corpus");
    Path corpus = p != null ? Path.of(p) : root().resolveSibling("shared").resolve("corpus");
    if (!Files.isRegularFile(corpus.resolve("MANIFEST.md"))) {
      fail("the shared corpus is missing: looked for " + corpus.toAbsolutePath().normalize() + "/MANIFEST.md; "
          + "put ../shared beside the checkout or pass -Djfreeze.corpus=<dir>");
    }
    return corpus;
  }

  /** Every checkpoint in the corpus: V2 prefixes (from their .index files) and V1 files. */
  public static List<Path> corpusCheckpoints() {
    List<Path> out = new ArrayList<>();
    try (Stream<Path> s = Files.walk(corpus())) {
      for (Path p : s.sorted().toList()) {
        String n = p.getFileName().toString();
        if (n.endsWith(".index")) {
          out.add(p.resolveSibling(n.substring(0, n.length() - ".index".length())));
        } else if (n.equals("export") || n.matches("export-\\d{5}-of-\\d{5}")) {
          out.add(p);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
