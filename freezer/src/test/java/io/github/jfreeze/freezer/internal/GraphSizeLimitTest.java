package io.github.jfreeze.freezer.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jfreeze.codec.CorruptFileException;
import io.github.jfreeze.codec.GraphFile;
import io.github.jfreeze.freezer.FreezeException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16: one bound for the graphs jfreeze writes and reads. Before, the writer allowed up to
 * 2^31 - 2 bytes while the reader stopped at 2^31 - 9, so jfreeze could write a graph it could not
 * read back.
 */
class GraphSizeLimitTest {
  @TempDir Path dir;

  @Test
  void theBoundIsTheLargestArrayJavaHoldsAndUnderProtobufsLimit() {
    assertEquals(2_147_483_639L, GraphFile.MAX_SIZE);
    assertTrue(GraphFile.MAX_SIZE < Integer.MAX_VALUE);
  }

  @Test
  void theWriterAllowsTheBoundAndRefusesOneByteMore() {
    Path out = dir.resolve("frozen.pb");
    assertDoesNotThrow(() -> StreamingGraphWriter.checkSize(GraphFile.MAX_SIZE, out, false));
    FreezeException e = assertThrows(FreezeException.class, () -> StreamingGraphWriter.checkSize(GraphFile.MAX_SIZE + 1, out,
        false));
    assertEquals(FreezeException.Reason.TOO_LARGE, e.reason());
    assertTrue(e.problem().contains("convert the checkpoint to a SavedModel"), e.problem());
    FreezeException sm = assertThrows(FreezeException.class, () -> StreamingGraphWriter.checkSize(GraphFile.MAX_SIZE + 1, out,
        true));
    assertTrue(sm.problem().contains("the input is a SavedModel") && !sm.problem().contains("convert the checkpoint"),
        sm.problem());
  }

  /** The reader refuses one byte over the bound before reading anything (a sparse file: no disk used). */
  @Test
  void theReaderRefusesOneByteMoreWithoutReading() throws IOException {
    Path big = dir.resolve("big.pb");
    try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
      f.setLength(GraphFile.MAX_SIZE + 1);
    }
    CorruptFileException e = assertThrows(CorruptFileException.class, () -> GraphFile.read(big));
    assertTrue(e.getMessage().contains("file of 2147483640 bytes is over the 2147483639 bytes a graph file can have"),
        e.getMessage());
  }
}
