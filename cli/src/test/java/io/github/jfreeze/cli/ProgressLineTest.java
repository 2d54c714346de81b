package io.github.jfreeze.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jfreeze.codec.testing.TestPaths;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The progress line of long writes, and the library's reports that feed it. */
class ProgressLineTest {
  @TempDir Path tmp;

  @Test
  void rendersBytesRateAndTimeLeft() {
    assertEquals("writing x.pb: 312.0 MiB of 1.0 GiB (30%), 312.0 MiB/s, 3 s left",
        ProgressLine.render("writing x.pb", 312L << 20, 1L << 30, 1_000_000_000L));
    assertEquals("writing x.pb: 512 B of 10.0 KiB (5%), 256 B/s, 38 s left",
        ProgressLine.render("writing x.pb", 512, 10240, 2_000_000_000L));
    assertEquals("writing y: 1.0 GiB of 100.0 GiB (1%), 10.2 MiB/s, 165 min 0 s left",
        ProgressLine.render("writing y", 1L << 30, 100L << 30, 100_000_000_000L));
  }

  @Test
  void quietUntilTheDelayThenOneLineRewrittenAndErased() {
    StringWriter out = new StringWriter();
    long[] now = {0};
    ProgressLine line = new ProgressLine(new PrintWriter(out), "writing x.pb", () -> now[0], 1_000_000_000L);
    now[0] = 500_000_000L;
    line.update(10, 100);
    assertEquals("", out.toString(), "nothing before the delay");
    now[0] = 2_000_000_000L;
    line.update(50, 100);
    assertTrue(out.toString().startsWith("\rwriting x.pb: 50 B of 100 B (50%)"), out::toString);
    line.update(100, 100);
    String all = out.toString();
    assertTrue(all.endsWith("\r"), "erased at the end");
    assertFalse(all.contains("\n"), "never a new line");
  }

  @Test
  void nothingWithoutATerminalOrWithQuietOrJson() {
    PrintWriter err = new PrintWriter(new StringWriter());
    assertEquals(null, ProgressLine.forOutput(err, "x.pb", true, false));
    assertEquals(null, ProgressLine.forOutput(err, "x.pb", false, true));
    if (System.getenv("JFREEZE_STDERR_TTY") == null && System.getProperty("jfreeze.progress") == null) {
      assertEquals(null, ProgressLine.forOutput(err, "x.pb", false, false));
    }
  }

  /** The freezer reports progress up to done == total == the size of the file it wrote. */
  @Test
  void theFreezerReportsUpToTheOutputsSize() throws Exception {
    List<long[]> updates = new ArrayList<>();
    Path out = tmp.resolve("seed.pb");
    io.github.jfreeze.freezer.Freezer.freeze(io.github.jfreeze.freezer.FreezeOptions
        .builder(TestPaths.testdata().resolve("models/seed")).outputs("predictions").output(out)
        .progress((done, total) -> updates.add(new long[] {done, total})).build());
    assertFalse(updates.isEmpty());
    long[] last = updates.get(updates.size() - 1);
    assertEquals(Files.size(out), last[0]);
    assertEquals(Files.size(out), last[1]);

    updates.clear();
    Path sm = tmp.resolve("sm");
    io.github.jfreeze.freezer.Freezer.convertToSavedModel(new io.github.jfreeze.freezer.ConvertOptions(
        TestPaths.testdata().resolve("models/seed"), null, List.of("input_holder"), List.of("predictions"), sm, false,
        (done, total) -> updates.add(new long[] {done, total})));
    last = updates.get(updates.size() - 1);
    long copied;
    try (var files = Files.list(sm.resolve("variables"))) {
      copied = files.mapToLong(f -> f.toFile().length()).sum();
    }
    assertEquals(copied, last[0]);
    assertEquals(copied, last[1]);
  }
}
