package io.github.jfreeze.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jfreeze.codec.testing.BrokenCheckpoints;
import io.github.jfreeze.codec.testing.TestPaths;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** One damaged copy of a real checkpoint per way a file can break: a typed error naming file and problem. */
class BrokenFileTest {
  @TempDir Path tmp;

  /** Opens and reads every tensor, as inspect --verify does. */
  private static void readEverything(Path prefix) throws IOException {
    try (CheckpointReader r = CheckpointReader.open(prefix)) {
      for (VariableInfo v : r.variables()) {
        r.read(v.key());
      }
    }
  }

  @ParameterizedTest
  @EnumSource(BrokenCheckpoints.class)
  void eachDefectIsATypedErrorNamingFileAndProblem(BrokenCheckpoints defect) throws IOException {
    Path prefix = defect.make(tmp);
    CorruptFileException e = assertThrows(CorruptFileException.class, () -> readEverything(prefix));
    assertTrue(e.getMessage().contains(defect.message), e.getMessage());
    assertEquals(defect.file, e.file().getFileName().toString(), e.getMessage());
    assertTrue(e.getMessage().startsWith(e.file().toString() + ": "), e.getMessage());
    assertTrue(e.getMessage().lines().count() == 1, "one line: " + e.getMessage());
    if (defect != BrokenCheckpoints.MISSING_SHARD) {
      assertTrue(e.offset() >= 0, "has an offset: " + e.getMessage());
    }
  }

  /**
   * A cut-off V1 file no longer ends with the table magic, but its name (or the state file naming
   * it) says it is a checkpoint: it is reported as damaged, not taken for a graph file.
   */
  @Test
  void truncatedV1FilesAreReportedAsDamaged() throws IOException {
    Path v1 = tmp.resolve("model.ckpt");
    byte[] whole = java.nio.file.Files.readAllBytes(TestPaths.testdata().resolve("checkpoints/v1_single/model.ckpt"));
    java.nio.file.Files.write(v1, java.util.Arrays.copyOf(whole, 1000));
    CorruptFileException e = assertThrows(CorruptFileException.class, () -> readEverything(v1));
    assertTrue(e.getMessage().contains("not an sstable (bad magic number"), e.getMessage());
    assertEquals(992, e.offset());

    Path dir = tmp.resolve("export");
    java.nio.file.Files.createDirectories(dir);
    Path source = TestPaths.corpus().resolve("serving_bad_half_plus_two_v1/00000123");
    java.nio.file.Files.copy(source.resolve("checkpoint"), dir.resolve("checkpoint"));
    java.nio.file.Files.write(dir.resolve("export"), java.util.Arrays.copyOf(java.nio.file.Files.readAllBytes(source.resolve("export")), 40));
    e = assertThrows(CorruptFileException.class, () -> readEverything(dir));
    assertTrue(e.getMessage().contains("file is too short to be an sstable (40 bytes"), e.getMessage());
    assertEquals("export", e.file().getFileName().toString());
  }

  @Test
  void offsetsPointAtTheDamage() throws IOException {
    Path prefix = BrokenCheckpoints.BAD_MAGIC.make(tmp.resolve("magic"));
    CorruptFileException e = assertThrows(CorruptFileException.class, () -> readEverything(prefix));
    long size = java.nio.file.Files.size(tmp.resolve("magic/model.index"));
    assertEquals(size - 8, e.offset());
    Path p2 = BrokenCheckpoints.ENTRY_CRC_MISMATCH.make(tmp.resolve("crc"));
    e = assertThrows(CorruptFileException.class, () -> readEverything(p2));
    assertEquals(0, e.offset() % 4, "a float tensor's start: " + e.getMessage());
  }
}
