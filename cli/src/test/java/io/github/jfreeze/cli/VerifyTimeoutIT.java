package io.github.jfreeze.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jfreeze.codec.testing.TestPaths;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11: verify had no timeout of its own, so a graph waiting on a queue nothing fills hung it
 * (and a CI job with it). A SavedModel whose output is dequeued from an empty FIFO queue ({@code
 * saved_models/empty_queue}, exported by native TF through the generator) is frozen and verified with {@code --timeout 3} through the launcher:
 * one error line, exit 1, within seconds.
 */
class VerifyTimeoutIT {
  @TempDir Path tmp;

  @Test
  void aGraphWaitingOnAnEmptyQueueEndsAtTheTimeout() throws Exception {
    Path root = Launcher.root();
    Launcher.assumeNatives();
    Path model = TestPaths.testdata().resolve("saved_models/empty_queue");
    Path frozen = tmp.resolve("frozen.pb");
    Launcher.Run r = Launcher.exec(List.of(root.resolve("jfreeze").toString(), "freeze", model.toString(), "-o", frozen.toString()),
        Map.of(), tmp);
    assertEquals(0, r.code(), r.toString());
    long start = System.nanoTime();
    r = Launcher.exec(List.of(root.resolve("jfreeze").toString(), "verify", frozen.toString(), "--against", model.toString(),
        "--feed", "x=[1]", "--timeout", "3"), Map.of("TF_CPP_MIN_LOG_LEVEL", "2"), tmp);
    double seconds = (System.nanoTime() - start) / 1e9;
    r.badInput();
    assertTrue(r.err().contains("did not finish in 3 s"), r.toString());
    assertTrue(seconds < 120, "ended after " + seconds + " s");
  }
}
