package io.github.jfreeze.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Where the benchmark models are: {@code -Djfreeze.models=DIR} (benchmarks/run.sh passes it), by
 * default {@code benchmarks/target/models} below the working directory. They are written by {@code
 * io.github.jfreeze.generator.BenchmarkModels}; every model's checkpoint prefix is {@code
 * model.ckpt-1} and its output {@code predictions}.
 */
final class Models {
  static final String PREFIX = "model.ckpt-1";
  static final String OUTPUT = "predictions";

  private Models() {}

  static Path dir(String model) {
    Path root = Path.of(System.getProperty("jfreeze.models", "benchmarks/target/models"));
    Path dir = root.resolve(model);
    if (!Files.isRegularFile(dir.resolve(PREFIX + ".index"))) {
      throw new IllegalStateException("benchmark model " + dir.toAbsolutePath() + " is missing; generate it with "
          + "benchmarks/run.sh (or set -Djfreeze.models)");
    }
    return dir;
  }

  static Path prefix(String model) {
    return dir(model).resolve(PREFIX);
  }

  /** Total bytes of the model's data files. */
  static long dataBytes(String model) {
    try (Stream<Path> s = Files.list(dir(model))) {
      return s.filter(p -> p.getFileName().toString().startsWith(PREFIX + ".data-")).mapToLong(p -> p.toFile().length()).sum();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
