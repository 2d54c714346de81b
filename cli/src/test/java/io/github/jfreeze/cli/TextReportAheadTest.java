package io.github.jfreeze.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jfreeze.cli.InspectCommand.CheckpointPart;
import io.github.jfreeze.cli.InspectCommand.ValueOptions;
import io.github.jfreeze.codec.CheckpointReader;
import io.github.jfreeze.codec.ModelLocation;
import io.github.jfreeze.codec.ModelLocator;
import io.github.jfreeze.codec.testing.TestPaths;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code inspect} renders a checkpoint's table while the graph beside it is still being read
 * ({@link TextReport#checkpointAhead}): what it then prints is what it prints without that step,
 * for every checkpoint of the models written by native TF (partitioned, sharded, friendly names
 * among them), with and without {@code --values}.
 */
class TextReportAheadTest {
  private static List<Path> models() throws IOException {
    List<Path> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(TestPaths.testdata().resolve("models"))) {
      s.filter(p -> Files.isRegularFile(p.resolve("checkpoint"))).sorted().forEach(out::add);
    }
    assertTrue(out.size() >= 15, out.toString());
    return out;
  }

  @Test
  void renderedAheadPrintsWhatItWouldHave() throws IOException {
    for (ValueOptions opts : List.of(new ValueOptions(false, -1), new ValueOptions(true, 4))) {
      for (Path model : models()) {
        ModelLocation loc = ModelLocator.locate(model);
        try (CheckpointReader reader = loc.openCheckpoint()) {
          CheckpointPart part = new CheckpointPart(reader, reader.variables(), reader.shards(), reader.files(), false);
          String plain = print(opts, part, part, false);
          String ahead = print(opts, part, part, true);
          assertEquals(plain, ahead, model + " " + opts);
          assertTrue(plain.contains(reader.variables().get(0).key()), plain);
        }
      }
    }
  }

  /** A part other than the one rendered ahead is printed as itself, not as the one held. */
  @Test
  void anotherPartIsPrintedAsItself() throws IOException {
    ValueOptions opts = new ValueOptions(false, -1);
    Path mlp = TestPaths.testdata().resolve("models/mlp");
    Path seed = TestPaths.testdata().resolve("models/seed");
    try (CheckpointReader a = ModelLocator.locate(mlp).openCheckpoint();
        CheckpointReader b = ModelLocator.locate(seed).openCheckpoint()) {
      CheckpointPart pa = new CheckpointPart(a, a.variables(), a.shards(), a.files(), false);
      CheckpointPart pb = new CheckpointPart(b, b.variables(), b.shards(), b.files(), false);
      String plainB = print(opts, pb, pb, false);
      assertNotEquals(print(opts, pa, pa, false), plainB);
      assertEquals(plainB, print(opts, pa, pb, true));
    }
  }

  /** The checkpoint section of {@code printed}, after rendering {@code ahead} first when asked. */
  private static String print(ValueOptions opts, CheckpointPart ahead, CheckpointPart printed, boolean renderAhead)
      throws IOException {
    StringWriter sink = new StringWriter();
    PrintWriter out = new PrintWriter(sink);
    TextReport report = new TextReport(out, opts);
    if (renderAhead) {
      report.checkpointAhead(ahead);
      out.flush();
      assertEquals("", sink.toString(), "rendering ahead prints nothing");
    }
    report.checkpoint(Path.of("model"), printed, null, List.of());
    out.flush();
    return sink.toString();
  }
}
