package io.github.jfreeze.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jfreeze.codec.testing.TestPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way a user points at a model resolves to the same checkpoint; wrong guesses say what to pass. */
class ModelLocatorTest {
  @TempDir Path tmp;

  private static Path corpus(String p) {
    return TestPaths.corpus().resolve(p);
  }

  private static void copyDir(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    }
  }

  @Test
  void everyFileOfAV2CheckpointLeadsToItsPrefix() throws IOException {
    Path dir = corpus("tf2onnx_regression/checkpoint");
    Path prefix = dir.resolve("model");
    for (Path p : new Path[] {dir, dir.resolve("checkpoint"), prefix, dir.resolve("model.index"),
        dir.resolve("model.data-00000-of-00001"), dir.resolve("model.meta")}) {
      ModelLocation loc = ModelLocator.locate(p);
      assertEquals(ModelLocation.Kind.CHECKPOINT, loc.kind(), p.toString());
      assertEquals(prefix, loc.checkpoint(), p.toString());
      assertEquals(CheckpointFormat.V2, loc.format());
      assertEquals(dir.resolve("model.meta"), loc.graphFile(), p + ": the .meta beside it");
      assertTrue(loc.warnings().isEmpty(), loc.warnings().toString());
    }
  }

  @Test
  void shardedV2ThroughItsStateFile() throws IOException {
    ModelLocation loc = ModelLocator.locate(corpus("t2t_transformer_test_ckpt"));
    assertEquals(corpus("t2t_transformer_test_ckpt/model.ckpt-1"), loc.checkpoint());
    loc = ModelLocator.locate(corpus("t2t_transformer_test_ckpt/model.ckpt-1.data-00001-of-00002"));
    assertEquals(corpus("t2t_transformer_test_ckpt/model.ckpt-1"), loc.checkpoint());
  }

  @Test
  void staleAbsolutePathInStateFileFallsBackWithAWarning() throws IOException {
    // written on another machine: model_checkpoint_path: "/tmp/bad_half_plus_two/00000123/export"
    ModelLocation loc = ModelLocator.locate(corpus("serving_bad_half_plus_two_v1/00000123"));
    assertEquals(corpus("serving_bad_half_plus_two_v1/00000123/export"), loc.checkpoint());
    assertEquals(CheckpointFormat.V1, loc.format());
    assertEquals(1, loc.warnings().size());
    assertTrue(loc.warnings().get(0).contains("does not exist here"), loc.warnings().get(0));
  }

  @Test
  void v1ShardsAndPatterns() throws IOException {
    Path dir = corpus("serving_session_bundle_half_plus_two_v1/00000123");
    for (Path p : new Path[] {dir.resolve("export-00000-of-00001"), dir.resolve("export-?????-of-00001"), dir.resolve("export")}) {
      ModelLocation loc = ModelLocator.locate(p);
      assertEquals(CheckpointFormat.V1, loc.format(), p.toString());
      assertEquals(1, loc.v1Files().size());
      assertEquals(dir.resolve("export.meta"), loc.graphFile());
    }
  }

  @Test
  void savedModelDirectoryAndItsGraphFile() throws IOException {
    Path dir = corpus("serving_saved_model_half_plus_two_cpu/00000123");
    for (Path p : new Path[] {dir, dir.resolve("saved_model.pb")}) {
      ModelLocation loc = ModelLocator.locate(p);
      assertEquals(ModelLocation.Kind.SAVED_MODEL, loc.kind());
      assertEquals(dir.resolve("variables/variables"), loc.checkpoint());
      assertEquals(dir.resolve("saved_model.pb"), loc.graphFile());
    }
    ModelLocation noVars = ModelLocator.locate(corpus("serving_matrix_half_plus_two/1"));
    assertEquals(ModelLocation.Kind.SAVED_MODEL, noVars.kind());
    assertNull(noVars.checkpoint());
    ModelNotFoundException e = assertThrows(ModelNotFoundException.class, noVars::openCheckpoint);
    assertTrue(e.getMessage().contains("without variables"), e.getMessage());
  }

  @Test
  void aGraphFileIsAGraph() throws IOException {
    ModelLocation loc = ModelLocator.locate(corpus("tf2onnx_regression/graphdef/frozen.pb"));
    assertEquals(ModelLocation.Kind.GRAPH, loc.kind());
    assertNull(loc.checkpoint());
  }

  @Test
  void relativeStateFilePathsAndMissingTargets() throws IOException {
    Path dir = tmp.resolve("run");
    copyDir(corpus("tf2onnx_regression/checkpoint"), dir);
    Files.writeString(dir.resolve("checkpoint"), "model_checkpoint_path: \"model-100\"\n"
        + "all_model_checkpoint_paths: \"model-90\"\nall_model_checkpoint_paths: \"model-100\"\n");
    ModelNotFoundException e = assertThrows(ModelNotFoundException.class, () -> ModelLocator.locate(dir));
    assertTrue(e.getMessage().contains("names checkpoint model-100, which is not there"), e.getMessage());
    assertTrue(e.getMessage().contains("holds model"), "lists what is there: " + e.getMessage());
    Files.writeString(dir.resolve("checkpoint"), "model_checkpoint_path: \"model\"\n");
    assertEquals(dir.resolve("model"), ModelLocator.locate(dir).checkpoint());
  }

  @Test
  void wrongGuessesSayWhatIsThere() throws IOException {
    Path dir = tmp.resolve("two");
    copyDir(corpus("tf2onnx_regression/checkpoint"), dir);
    Files.delete(dir.resolve("checkpoint"));
    Files.copy(dir.resolve("model.index"), dir.resolve("model-2.index"));
    ModelNotFoundException e = assertThrows(ModelNotFoundException.class, () -> ModelLocator.locate(dir));
    assertTrue(e.getMessage().contains("model, model-2") && e.getMessage().contains("pass one"), e.getMessage());
    e = assertThrows(ModelNotFoundException.class, () -> ModelLocator.locate(dir.resolve("modl")));
    assertTrue(e.getMessage().contains("holds checkpoint(s) model, model-2"), e.getMessage());
    Path empty = Files.createDirectory(tmp.resolve("empty"));
    e = assertThrows(ModelNotFoundException.class, () -> ModelLocator.locate(empty));
    assertTrue(e.getMessage().contains("is empty"), e.getMessage());
  }

  @Test
  void symlinkedInputsWork() throws IOException {
    Path link = tmp.resolve("link");
    Files.createSymbolicLink(link, corpus("tf2onnx_regression/checkpoint"));
    try (CheckpointReader r = CheckpointReader.open(link)) {
      assertEquals(2, r.variables().size());
    }
  }
}
