package io.github.jfreeze.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jfreeze.codec.testing.BrokenCheckpoints;
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
