package io.github.jfreeze.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** verify's progress: the process's read count against the files the work reads. */
class ReadProgressTest {
  @TempDir Path tmp;

  @Test
  void readsAreCountedAndTheEndIsReportedOnce() throws Exception {
    Assumptions.assumeTrue(Files.isReadable(Path.of("/proc/self/io")), "skipped: no /proc/self/io (not Linux)");
    Path file = tmp.resolve("data");
    Files.write(file, new byte[4 << 20]);
    List<long[]> updates = new CopyOnWriteArrayList<>();
    try (ReadProgress p = ReadProgress.start((done, total) -> updates.add(new long[] {done, total}), List.of(file))) {
      assertTrue(p != null);
      assertEquals(4 << 20, Files.readAllBytes(file).length);
      Thread.sleep(700); // the sampler looks every 200 ms
      assertFalse(updates.isEmpty(), "no sample in 700 ms");
      long[] last = updates.get(updates.size() - 1);
      // the 4 MiB read shows, capped below the total until the work says it is done
      assertEquals((4 << 20) - 1, last[0]);
      assertEquals(4 << 20, last[1]);
    }
    long[] end = updates.get(updates.size() - 1);
    assertEquals(end[1], end[0], "close reports done == total");
  }

  @Test
  void nothingToShowWithoutADisplayOrFiles() {
    assertNull(ReadProgress.start(null, List.of(tmp)));
    assertNull(ReadProgress.start((d, t) -> { }, List.of(tmp.resolve("missing"))));
  }
}
