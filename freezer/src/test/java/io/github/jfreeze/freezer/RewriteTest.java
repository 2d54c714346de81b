package io.github.jfreeze.freezer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jfreeze.codec.CheckpointFormat;
import io.github.jfreeze.codec.CheckpointReader;
import io.github.jfreeze.codec.DType;
import io.github.jfreeze.codec.ModelLocation;
import io.github.jfreeze.codec.ModelLocator;
import io.github.jfreeze.codec.Tensor;
import io.github.jfreeze.codec.internal.SmallFloats;
import io.github.jfreeze.codec.slice.SliceAssembler;
import io.github.jfreeze.codec.testing.Fixture;
import io.github.jfreeze.codec.testing.TestPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Freezer#rewrite} in pure Java: every fixture written again reads back as native TF
 * restored the original ({@code expected.json}); surgery on a TF1 training checkpoint with its
 * {@code .meta}, which still freezes; the refusals. Native TF restoring the rewritten checkpoints
 * is runtime-bridge's {@code RewriteRestoreTest}.
 */
class RewriteTest {
  @TempDir Path tmp;

  private static RewriteOptions plain(Path in, Path out) {
    return new RewriteOptions(in, out, List.of(), List.of(), null, 0, false, false);
  }

  @TestFactory
  Stream<DynamicTest> everyFixtureReadsBackAsTfRestoredIt() {
    List<Fixture> all = Fixture.all();
    assertTrue(all.size() >= 10);
    return all.stream().map(f -> DynamicTest.dynamicTest(f.toString(), () -> {
      Path out = tmp.resolve(f.toString()).resolve("model.ckpt");
      RewriteReport r = Freezer.rewrite(plain(f.checkpointPath(), out));
      assertTrue(Files.isRegularFile(tmp.resolve(f.toString()).resolve("checkpoint")), "state file");
      ModelLocation loc = ModelLocator.locate(out.getParent());
      assertEquals(out, loc.checkpoint());
      try (CheckpointReader ckpt = loc.openCheckpoint()) {
        assertEquals(CheckpointFormat.V2, ckpt.format());
        assertEquals(f.tensors().size() + f.json().path("unrestorable").size(), ckpt.variables().size());
        for (Fixture.Expected e : f.tensors()) {
          Tensor t = ckpt.read(e.key());
          assertEquals(e.dtype(), t.dtype().pythonName(), e.key());
          assertArrayEquals(e.shape(), t.shape().dims(), e.key());
          if (e.strings() != null) {
            assertEquals(e.strings().size(), t.elements().size());
            for (int i = 0; i < e.strings().size(); i++) {
              assertArrayEquals(e.strings().get(i), t.elements().get(i), e.key());
            }
          } else {
            assertArrayEquals(e.data(), t.toByteArray(), e.key());
          }
          if (e.name() != null) {
            assertEquals(e.name(), ckpt.variable(e.key()).orElseThrow().name(), "TF2 friendly name");
          }
        }
        // partitioned stays partitioned where native TF can assemble the slices, else is written whole
        try (CheckpointReader in = ModelLocator.locate(f.checkpointPath()).openCheckpoint()) {
          for (var v : in.variables()) {
            boolean sliced = SliceAssembler.assembledByTensorFlow(v.dtype());
            assertEquals(sliced ? v.slices() : List.of(), ckpt.variable(v.key()).orElseThrow().slices(), v.key());
            if (v.isPartitioned() && !sliced) {
              assertTrue(r.warnings().toString().contains("'" + v.key() + "' is written whole"), r.warnings().toString());
            }
          }
        }
      }
      assertEquals(r.files().stream().mapToLong(p -> p.toFile().length()).sum(), r.bytes());
    }));
  }

  /** Slots out, a layer renamed, three data files: the .meta follows, the result freezes and computes the same. */
  @Test
  void surgeryOnATrainingCheckpointStillFreezes() throws IOException {
    Path in = TestPaths.testdata().resolve("checkpoints/tf1_training");
    Path out = tmp.resolve("new/model.ckpt");
    RewriteReport r = Freezer.rewrite(new RewriteOptions(in, out, List.of(), List.of(new RewriteOptions.Rename("(w|b)1",
        "hidden/$1")), null, 3, true, false));
    assertEquals(List.of("b1/Adam", "b1/Adam_1", "b2/Adam", "b2/Adam_1", "beta1_power", "beta2_power", "global_step",
        "w1/Adam", "w1/Adam_1", "w2/Adam", "w2/Adam_1"), r.dropped());
    assertEquals(List.of("hidden/b", "b2", "hidden/w", "w2"), r.tensors().stream().map(RewriteReport.Rewritten::newKey)
        .toList());
    assertNotNull(r.meta());
    assertEquals(3, r.shards());
    FreezeReport original = Freezer.freeze(FreezeOptions.builder(in).outputs("predictions").output(tmp.resolve("a.pb")).build());
    FreezeReport rewritten = Freezer.freeze(FreezeOptions.builder(out.getParent()).outputs("predictions")
        .output(tmp.resolve("b.pb")).build());
    assertEquals(List.of("b1 <- hidden/b", "b2 <- b2", "w1 <- hidden/w", "w2 <- w2"), rewritten.variables().stream()
        .map(v -> v.node() + " <- " + v.key()).sorted().toList());
    assertArrayEquals(Files.readAllBytes(tmp.resolve("a.pb")), Files.readAllBytes(tmp.resolve("b.pb")));
    assertEquals(original.nodesAfter(), rewritten.nodesAfter());
  }

  @Test
  void droppingAVariableTheOutputsReadIsRefused() {
    Path in = TestPaths.testdata().resolve("checkpoints/tf1_training");
    FreezeException e = assertThrows(FreezeException.class, () -> Freezer.rewrite(new RewriteOptions(in,
        tmp.resolve("x/model.ckpt"), List.of("w1"), List.of(), null, 0, false, false)));
    assertEquals(FreezeException.Reason.UNSUPPORTED, e.reason());
    assertTrue(e.getMessage().contains("dropping 'w1' would leave variable 'w1' uninitialized, and the output"),
        e.getMessage());
    assertFalse(Files.exists(tmp.resolve("x")));
    e = assertThrows(FreezeException.class, () -> Freezer.rewrite(new RewriteOptions(in, tmp.resolve("y/model.ckpt"),
        List.of(), List.of(), DType.FLOAT16, 0, false, false)));
    assertTrue(e.getMessage().contains("the graph holds 'b1' as float32"), e.getMessage());
    e = assertThrows(FreezeException.class, () -> Freezer.rewrite(new RewriteOptions(in, tmp.resolve("z/model.ckpt"),
        List.of(), List.of(new RewriteOptions.Rename("w.", "same")), null, 0, false, false)));
    assertTrue(e.getMessage().contains("'w1' and 'w2' would both be written as 'same'"), e.getMessage());
  }

  /** float32 to float16/bfloat16 rounds each value to nearest even (native TF's Cast decides in RewriteRestoreTest). */
  @Test
  void castNarrowsFloat32Only() throws IOException {
    Path in = TestPaths.testdata().resolve("checkpoints/dtypes");
    for (DType to : List.of(DType.FLOAT16, DType.BFLOAT16)) {
      Path out = tmp.resolve(to.pythonName()).resolve("model.ckpt");
      Freezer.rewrite(new RewriteOptions(in, out, List.of(), List.of(), to, 2, false, false));
      try (CheckpointReader a = CheckpointReader.open(in); CheckpointReader b = CheckpointReader.open(out.getParent())) {
        Tensor x = a.read("float32_3x4");
        Tensor y = b.read("float32_3x4");
        assertEquals(to, y.dtype());
        for (int i = 0; i < x.numElements(); i++) {
          int expected = to == DType.FLOAT16 ? SmallFloats.toFloat16(x.doubleAt(i)) : SmallFloats.toBfloat16(x.doubleAt(i));
          double want = to == DType.FLOAT16 ? SmallFloats.fromFloat16(expected) : SmallFloats.fromBfloat16(expected);
          assertEquals(Double.doubleToLongBits(want), Double.doubleToLongBits(y.doubleAt(i)), "element " + i);
        }
        assertEquals(DType.FLOAT64, b.read("float64_2x5").dtype());
        assertArrayEquals(a.read("float64_2x5").toByteArray(), b.read("float64_2x5").toByteArray());
      }
    }
  }

  @Test
  void outputsNeverReplaceWithoutForceNorWriteOntoAnInput() throws IOException {
    Path in = TestPaths.testdata().resolve("checkpoints/tf2_object");
    Path dir = Files.createDirectories(tmp.resolve("existing"));
    Path out = dir.resolve("ckpt");
    RewriteReport first = Freezer.rewrite(plain(in, out));
    assertFalse(Files.exists(dir.resolve("checkpoint")), "no state file in a directory jfreeze did not create");
    byte[] index = Files.readAllBytes(dir.resolve("ckpt.index"));
    FreezeException e = assertThrows(FreezeException.class, () -> Freezer.rewrite(plain(in, out)));
    assertEquals(FreezeException.Reason.BAD_OUTPUT, e.reason());
    assertTrue(e.getMessage().contains("already exists"), e.getMessage());
    assertArrayEquals(index, Files.readAllBytes(dir.resolve("ckpt.index")));
    Freezer.rewrite(new RewriteOptions(in, out, List.of(), List.of(), null, 0, true, true));
    assertTrue(Files.size(dir.resolve("ckpt.index")) < index.length, "replaced with --force, slots gone");
    e = assertThrows(FreezeException.class, () -> Freezer.rewrite(new RewriteOptions(out, out, List.of(), List.of(), null,
        0, false, true)));
    assertTrue(e.getMessage().contains("is an input of this run"), e.getMessage());
    try (var files = Files.list(dir)) {
      assertEquals(List.of("ckpt.data-00000-of-00001", "ckpt.index"), files.map(p -> p.getFileName().toString()).sorted()
          .toList(), "no temporaries left");
    }
    assertEquals(2, first.files().size());
  }

  /** TF2: renamed and dropped keys are followed in the object graph, so friendly names still resolve. */
  @Test
  void tf2ObjectGraphFollowsTheKeys() throws IOException {
    Path in = TestPaths.testdata().resolve("checkpoints/tf2_object");
    Path out = tmp.resolve("tf2/ckpt-1");
    Freezer.rewrite(new RewriteOptions(in, out, List.of(), List.of(new RewriteOptions.Rename("model/dense/(.*)",
        "model/layer/$1")), null, 0, true, false));
    try (CheckpointReader b = CheckpointReader.open(out.getParent())) {
      assertEquals(List.of("_CHECKPOINTABLE_OBJECT_GRAPH", "model/layer/bias/.ATTRIBUTES/VARIABLE_VALUE",
          "model/layer/kernel/.ATTRIBUTES/VARIABLE_VALUE"), b.variables().stream().map(v -> v.key()).toList());
      assertEquals(List.of("_CHECKPOINTABLE_OBJECT_GRAPH", "dense/bias", "dense/kernel"),
          b.variables().stream().map(v -> v.name()).toList(), Arrays.toString(b.warnings().toArray()));
    }
  }
}
