package io.github.jfreeze.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.jfreeze.codec.testing.Bundles;
import io.github.jfreeze.proto.DataType;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16: --native-values on a variable over 2 GiB ended in "integer overflow" deep in the
 * bridge's copy after 10 s and 2.8 GB; it is refused before any native work, naming the variable
 * and the pure-Java route. The checkpoint is an index claiming float[600,000,000] (2.4 GB) over a
 * sparse data file, so the test writes 4 bytes.
 */
class NativeValueSourceTest {
  @TempDir Path tmp;

  @Test
  void aVariableOverTwoGibibytesIsRefusedBeforeAnyNativeWork() throws Exception {
    long bytes = 2_400_000_000L;
    Path prefix = new Bundles().add("big", Bundles.entry(DataType.DT_FLOAT, Bundles.shape(600_000_000L), 0, bytes, new byte[4]))
        .write(tmp.resolve("ckpt"), new byte[4]);
    try (RandomAccessFile data = new RandomAccessFile(prefix + ".data-00000-of-00001", "rw")) {
      data.setLength(bytes); // sparse: no disk used
    }
    NativeValueSource source = NativeValueSource.of(prefix, null, java.util.Set.of("serve"));
    CommandFailure e = assertThrows(CommandFailure.class, () -> source.prepare(Map.of("big", "big")));
    assertEquals(prefix + ": variable 'big' holds 2400000000 bytes, more than --native-values can copy out of TensorFlow "
        + "(2 GiB); freeze without --native-values, which reads it in pure Java", e.getMessage());
  }
}
