package io.github.jfreeze.bridge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class NativeCheckpointTest {
  @BeforeEach
  void natives() {
    NativeAssumptions.assumeNatives();
  }

  private static String fixture(String name, String checkpoint) {
    return TestPaths.testdata().resolve("checkpoints").resolve(name) + "/" + checkpoint;
  }

  @Test
  void listsFullNamesOnlyForPartitionedVariables() throws IOException {
    List<NativeCheckpoint.Entry> entries = NativeCheckpoint.list(fixture("partitioned", "model.ckpt"));
    assertEquals(List.of("embedding", "grid", "ids", "kernel", "plain", "words"),
        entries.stream().map(NativeCheckpoint.Entry::key).toList());
    NativeCheckpoint.Entry embedding = entries.get(0);
    assertEquals("float32", embedding.dtype());
    assertArrayEquals(new long[] {6, 4}, embedding.shape());
  }

  @Test
  void assemblesSlicesAcrossShards() throws IOException {
    NativeTensor t = NativeCheckpoint.read(fixture("sharded", "model.ckpt"), "logits/kernel");
    assertArrayEquals(new long[] {2, 3}, t.shape());
    assertEquals("0000803f000000400000404000008040" + "0000a0400000c040", t.dataHex());
  }

  @Test
  void readsV1FilePatterns() throws IOException {
    NativeCheckpoint.Contents c = NativeCheckpoint.readAll(fixture("v1_sharded", "model.ckpt-?????-of-00002"));
    assertEquals(List.of("b", "global_step", "labels", "w"), c.tensors().stream().map(NativeTensor::key).toList());
    assertEquals("dog", new String(c.tensor("labels").orElseThrow().strings().get(1), StandardCharsets.UTF_8));
  }

  @Test
  void reportsWhatTfCannotRestore() throws IOException {
    NativeCheckpoint.Contents c = NativeCheckpoint.readAll(fixture("partitioned", "model.ckpt"));
    assertEquals(1, c.skipped().size());
    assertEquals("words", c.skipped().get(0).key());
    assertTrue(c.skipped().get(0).reason().contains("string"), c.skipped().get(0).reason());
    NativeCheckpointException e =
        assertThrows(NativeCheckpointException.class, () -> NativeCheckpoint.read(fixture("partitioned", "model.ckpt"), "words"));
    assertTrue(e.getMessage().contains("cannot restore words"), e.getMessage());
  }

  @Test
  void missingCheckpointCarriesTfMessage() {
    NativeCheckpointException e =
        assertThrows(NativeCheckpointException.class, () -> NativeCheckpoint.list("/nonexistent/dir/model.ckpt"));
    assertTrue(e.getMessage().contains("/nonexistent/dir/model.ckpt"), e.getMessage());
    assertTrue(e.getMessage().contains("Failed to find any matching files"), e.getMessage());
  }

  @Test
  void missingKeyIsNamed() {
    NativeCheckpointException e =
        assertThrows(NativeCheckpointException.class, () -> NativeCheckpoint.read(fixture("dtypes", "model.ckpt"), "no_such_key"));
    assertTrue(e.getMessage().contains("no_such_key"), e.getMessage());
  }

  @Test
  void tensorsAreDefensivelyCopied() throws IOException {
    NativeTensor t = NativeCheckpoint.read(fixture("dtypes", "model.ckpt"), "int8_6");
    t.data()[0] = 42;
    t.shape()[0] = 42;
    assertEquals("80ff00012a7f", t.dataHex());
    assertArrayEquals(new long[] {6}, t.shape());
    assertEquals(t, NativeCheckpoint.read(fixture("dtypes", "model.ckpt"), "int8_6"));
  }

  /** Every checkpoint of the shared corpus of real TF files restores natively, without skips. */
  @TestFactory
  Stream<DynamicTest> restoresTheSharedCorpus() throws IOException {
    Optional<Path> corpus = TestPaths.corpus();
    if (corpus.isEmpty()) {
      return Stream.of(DynamicTest.dynamicTest("corpus absent", () -> org.junit.jupiter.api.Assumptions.abort("no shared corpus")));
    }
    List<DynamicTest> tests = new ArrayList<>();
    for (String checkpoint : corpusCheckpoints(corpus.get())) {
      tests.add(DynamicTest.dynamicTest(corpus.get().relativize(Path.of(checkpoint.replace("?", "0"))).toString(), () -> {
        NativeAssumptions.assumeNatives();
        NativeCheckpoint.Contents c = NativeCheckpoint.readAll(checkpoint);
        assertTrue(c.skipped().isEmpty(), c.skipped().toString());
        assertFalse(c.tensors().isEmpty());
        for (NativeTensor t : c.tensors()) {
          if (!t.isString()) {
            long size = io.github.jfreeze.bridge.internal.DataTypeNames.elementSize(
                io.github.jfreeze.bridge.internal.DataTypeNames.number(t.dtype()));
            assertEquals(t.numElements() * size, t.data().length, t.key());
          } else {
            assertEquals(t.numElements(), t.strings().size(), t.key());
          }
        }
      }));
    }
    assertTrue(tests.size() >= 10, "corpus checkpoints found: " + tests.size());
    return tests.stream();
  }

  /** V2 prefixes (every *.index) and the V1 files of the corpus. */
  static List<String> corpusCheckpoints(Path corpus) throws IOException {
    List<String> out = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(corpus)) {
      for (Path p : walk.sorted().toList()) {
        String name = p.getFileName().toString();
        if (name.endsWith(".index")) {
          out.add(p.toString().substring(0, p.toString().length() - ".index".length()));
        } else if (name.equals("export")) {
          out.add(p.toString());
        } else if (name.matches("export-\\d{5}-of-\\d{5}")) {
          out.add(p.getParent() + "/export-?????-of-" + name.substring(name.length() - 5));
        }
      }
    }
    return out;
  }
}
