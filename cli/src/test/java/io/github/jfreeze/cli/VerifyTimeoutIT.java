package io.github.jfreeze.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.io.FifoQueue;
import org.tensorflow.op.io.QueueDequeue;
import org.tensorflow.types.TFloat32;

/**
 * Issue 11: verify had no timeout of its own, so a graph waiting on a queue nothing fills hung it
 * (and a CI job with it). A SavedModel whose output is dequeued from an empty FIFO queue (exported
 * by native TF at test time) is frozen and verified with {@code --timeout 3} through the launcher:
 * one error line, exit 1, within seconds.
 */
class VerifyTimeoutIT {
  @TempDir Path tmp;

  @Test
  void aGraphWaitingOnAnEmptyQueueEndsAtTheTimeout() throws Exception {
    Path root = Launcher.root();
    Launcher.assumeNatives();
    Path model = tmp.resolve("queue");
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Placeholder<TFloat32> x = tf.withName("x").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1)));
      FifoQueue queue = tf.withName("queue").io.fifoQueue(List.of(TFloat32.class));
      QueueDequeue dequeued = tf.withName("dequeue").io.queueDequeue(queue, List.of(TFloat32.class));
      @SuppressWarnings("unchecked")
      Operand<TFloat32> item = (Operand<TFloat32>) dequeued.components().get(0);
      Operand<TFloat32> y = tf.withName("y").math.add(x, item);
      try (Session s = new Session(g)) {
        Signature sig = Signature.builder().key("serving_default").input("x", x).output("y", y).build();
        SavedModelBundle.exporter(model.toString()).withTags("serve").withSession(s).withSignature(sig).export();
      }
    }
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
