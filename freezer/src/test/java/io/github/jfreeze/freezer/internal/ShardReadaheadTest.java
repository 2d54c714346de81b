package io.github.jfreeze.freezer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jfreeze.codec.VariableInfo;
import io.github.jfreeze.codec.bundle.BundleReader;
import io.github.jfreeze.codec.testing.TestPaths;
import io.github.jfreeze.freezer.internal.ConstantValue.RawSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reading ahead: one thread per data file of the zoo's sharded model, each waiting for the writer
 * to come within reach before reading its next tensor; none for a single-file checkpoint that is
 * already cached; closing stops the threads wherever they are.
 */
class ShardReadaheadTest {
  static List<RawSource> streamable(BundleReader r) {
    List<RawSource> out = new ArrayList<>();
    for (VariableInfo v : r.variables()) {
      if (r.isRawCopyable(v.key()) && v.byteSize() > 0) {
        out.add(new RawSource(r, v.key(), v.byteSize()));
      }
    }
    return out;
  }

  @Test
  void oneThreadPerShard() throws Exception {
    try (BundleReader r = BundleReader.open(TestPaths.testdata().resolve("models/sharded/model.ckpt-1"))) {
      List<RawSource> order = streamable(r);
      assertTrue(order.stream().map(s -> r.shardOf(s.key())).distinct().count() == 2, "the zoo model has two shards");
      try (ShardReadahead ahead = ShardReadahead.start(order, true)) {
        assertEquals(2, ahead.threads());
        for (RawSource s : order) {
          ahead.advance(s.length());
        }
        ahead.awaitDone();
      }
      // reading ahead changed nothing the writer reads
      for (RawSource s : order) {
        assertTrue(r.isCached(s.key()));
        assertEquals(s.length(), r.read(s.key()).byteSize());
      }
    }
  }

  @Test
  void nothingForACachedCheckpointAndCloseStopsWaitingThreads() throws Exception {
    try (BundleReader r = BundleReader.open(TestPaths.testdata().resolve("models/mlp/model.ckpt-2"))) {
      List<RawSource> order = streamable(r);
      r.read(order.get(0).key());
      try (ShardReadahead ahead = ShardReadahead.start(order)) {
        assertEquals(0, ahead.threads(), "one file, cached: nothing to read ahead");
      }
    }
    try (BundleReader r = BundleReader.open(TestPaths.testdata().resolve("models/sharded/model.ckpt-1"))) {
      List<RawSource> order = new ArrayList<>();
      // a writer that never advances: the threads wait for it until closed
      for (int i = 0; i < 64; i++) {
        order.addAll(streamable(r).stream().map(s -> new RawSource(s.reader(), s.key(), ShardReadahead.AHEAD)).toList());
      }
      ShardReadahead ahead = ShardReadahead.start(order, true);
      assertEquals(2, ahead.threads());
      ahead.close();
    }
  }
}
