package io.github.jfreeze.codec;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.jfreeze.codec.testing.FuzzFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Fuzz targets for the text and protobuf readers: the {@code checkpoint} state file and graph
 * file detection. Only {@link CorruptFileException} may escape. See codec/FUZZING.md.
 */
class FormatFuzzTest {
  private static final Path DIR = FuzzFiles.scratchDir("format");
  private static final String[] GRAPH_NAMES = {"frozen.pb", "saved_model.pb", "model.ckpt-1.meta", "graph.pbtxt"};

  /** The bytes of a {@code checkpoint} state file. */
  @FuzzTest(maxDuration = "10m")
  void checkpointState(byte[] input) throws IOException {
    Path file = DIR.resolve("checkpoint");
    Files.write(file, input);
    try {
      CheckpointState s = CheckpointState.read(file);
      if (s.latest().isEmpty()) {
        throw new AssertionError("a state without model_checkpoint_path was accepted");
      }
    } catch (CorruptFileException e) {
      FuzzFiles.checkError(e);
    }
  }

  /** A graph file: the first byte picks the file name (which decides the order of guesses), the rest is the content. */
  @FuzzTest(maxDuration = "10m")
  void graphFile(byte[] input) {
    if (input.length == 0) {
      return;
    }
    Path file = Path.of(GRAPH_NAMES[(input[0] & 0xff) % GRAPH_NAMES.length]);
    try {
      GraphFile g = GraphFile.parse(file, Arrays.copyOfRange(input, 1, input.length));
      if (g.kind() != GraphFile.Kind.SAVED_MODEL) {
        g.graphDef();
      }
    } catch (CorruptFileException e) {
      FuzzFiles.checkError(e);
    }
  }
}
