package io.github.jfreeze.bridge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.github.jfreeze.codec.CheckpointReader;
import io.github.jfreeze.codec.DType;
import io.github.jfreeze.codec.ModelLocation;
import io.github.jfreeze.codec.ModelLocator;
import io.github.jfreeze.codec.testing.Fixture;
import io.github.jfreeze.freezer.FreezeOptions;
import io.github.jfreeze.freezer.FreezeReport;
import io.github.jfreeze.freezer.Freezer;
import io.github.jfreeze.freezer.RewriteOptions;
import io.github.jfreeze.freezer.RewriteReport;
import io.github.jfreeze.proto.AttrValue;
import io.github.jfreeze.proto.DataType;
import io.github.jfreeze.proto.GraphDef;
import io.github.jfreeze.proto.NodeDef;
import io.github.jfreeze.proto.TensorProto;
import io.github.jfreeze.proto.TensorShapeProto;
import io.github.jfreeze.proto.TrackableObjectGraph;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rewritten checkpoints read by native TF: every fixture (all dtypes, strings, sharded,
 * partitioned, V1 single, sharded and sliced, TF1 training, TF2 object graph) rewritten by
 * jfreeze, every key renamed and spread over 3 data files, is restored with {@code RestoreV2} and
 * must equal what native TF restored from the original ({@code expected.json}); float32 cast to
 * float16 and bfloat16 must equal native TF's own {@code Cast} of the same values; a rewritten
 * training checkpoint with its rewritten {@code .meta} freezes, and verify's engine restores it
 * through the rewritten saver and gets the frozen graph's outputs.
 */
class RewriteRestoreTest {
  @TempDir Path tmp;

  @TestFactory
  Stream<DynamicTest> nativeTfRestoresWhatItWrote() {
    List<Fixture> all = Fixture.all();
    assertTrue(all.size() >= 10);
    return all.stream().map(f -> DynamicTest.dynamicTest(f.toString(), () -> {
      NativeAssumptions.assumeNatives();
      Path out = tmp.resolve(f.toString()).resolve("model.ckpt");
      RewriteReport r = Freezer.rewrite(new RewriteOptions(f.checkpointPath(), out, List.of(),
          List.of(new RewriteOptions.Rename("(.*)", "renamed/$1")), null, 3, false, false));
      assertEquals(3, r.shards());
      NativeCheckpoint.Contents nat = NativeCheckpoint.readAll(out.toString());
      assertEquals(List.of(), nat.skipped(), "native TF restores every tensor of the rewritten checkpoint");
      int unrestorable = f.json().path("unrestorable").size();
      assertEquals(f.tensors().size() + unrestorable, nat.tensors().size());
      for (Fixture.Expected e : f.tensors()) {
        String key = e.key().equals(OBJECT_GRAPH) ? e.key() : "renamed/" + e.key();
        NativeTensor t = nat.tensor(key).orElseThrow(() -> new AssertionError(e.key() + " not restored"));
        if (e.key().equals(OBJECT_GRAPH)) {
          assertRenamedObjectGraph(e.strings().get(0), t.strings().get(0));
          continue;
        }
        assertEquals(e.dtype(), t.dtype(), e.key());
        assertArrayEquals(e.shape(), t.shape(), e.key());
        if (e.strings() != null) {
          assertEquals(e.strings().size(), t.strings().size(), e.key());
          for (int i = 0; i < e.strings().size(); i++) {
            assertArrayEquals(e.strings().get(i), t.strings().get(i), e.key() + "[" + i + "]");
          }
        } else {
          assertArrayEquals(e.data(), t.data(), e.key());
        }
      }
      // what native TF could not restore from the original (a sliced string tensor, written whole now) equals
      // what jfreeze reads of the original
      try (CheckpointReader original = CheckpointReader.open(f.checkpointPath())) {
        for (var u : f.json().path("unrestorable")) {
          String key = u.path("key").asText();
          List<byte[]> want = original.read(key).elements();
          List<byte[]> got = nat.tensor("renamed/" + key).orElseThrow().strings();
          assertEquals(want.size(), got.size(), key);
          for (int i = 0; i < want.size(); i++) {
            assertArrayEquals(want.get(i), got.get(i), key);
          }
        }
      }
    }));
  }

  private static final String OBJECT_GRAPH = "_CHECKPOINTABLE_OBJECT_GRAPH";

  /** The TF2 object graph keeps its key; its checkpoint keys follow the renames, nothing else changes. */
  private static void assertRenamedObjectGraph(byte[] original, byte[] rewritten) throws Exception {
    TrackableObjectGraph.Builder want = TrackableObjectGraph.parseFrom(original).toBuilder();
    for (var node : want.getNodesBuilderList()) {
      for (var a : node.getAttributesBuilderList()) {
        a.setCheckpointKey(a.getCheckpointKey().equals(OBJECT_GRAPH) ? OBJECT_GRAPH : "renamed/" + a.getCheckpointKey());
      }
    }
    assertEquals(want.build(), TrackableObjectGraph.parseFrom(rewritten));
  }

  /** float32 cast by jfreeze's rewrite equals native TF's Cast, bit for bit (NaN, infinities, subnormals, ties). */
  @TestFactory
  Stream<DynamicTest> castEqualsNativeCast() throws java.io.IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (Fixture f : Fixture.all()) {
      // a graph beside the checkpoint holds float32 variables: cast is refused there (RewriteTest)
      if (f.tensors().stream().noneMatch(e -> e.dtype().equals("float32") && e.data().length > 0)
          || ModelLocator.locate(f.checkpointPath()).graph().isPresent()) {
        continue;
      }
      for (DType to : List.of(DType.FLOAT16, DType.BFLOAT16)) {
        tests.add(DynamicTest.dynamicTest(f + " to " + to.pythonName(), () -> {
          NativeAssumptions.assumeNatives();
          Path out = tmp.resolve(f + "-" + to.pythonName()).resolve("model.ckpt");
          Freezer.rewrite(new RewriteOptions(f.checkpointPath(), out, List.of(), List.of(), to, 0, false, false));
          NativeCheckpoint.Contents nat = NativeCheckpoint.readAll(out.toString());
          int compared = 0;
          for (Fixture.Expected e : f.tensors()) {
            if (!e.dtype().equals("float32") || e.data().length == 0) {
              continue;
            }
            NativeTensor restored = nat.tensor(e.key()).orElseThrow();
            assertEquals(to.pythonName(), restored.dtype(), e.key());
            assertArrayEquals(nativeCast(e, to), restored.data(), e.key());
            compared++;
          }
          assertTrue(compared > 0);
        }));
      }
    }
    assertTrue(tests.size() >= 6, tests.toString());
    return tests.stream();
  }

  /** Native TF's Cast of the float32 values TF restored from the original. */
  private byte[] nativeCast(Fixture.Expected e, DType to) throws Exception {
    TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
    for (long d : e.shape()) {
      shape.addDimBuilder().setSize(d);
    }
    GraphDef g = GraphDef.newBuilder()
        .addNode(NodeDef.newBuilder().setName("x").setOp("Const")
            .putAttr("dtype", AttrValue.newBuilder().setType(DataType.DT_FLOAT).build())
            .putAttr("value", AttrValue.newBuilder().setTensor(TensorProto.newBuilder().setDtype(DataType.DT_FLOAT)
                .setTensorShape(shape).setTensorContent(ByteString.copyFrom(e.data()))).build()))
        .addNode(NodeDef.newBuilder().setName("y").setOp("Cast").addInput("x")
            .putAttr("SrcT", AttrValue.newBuilder().setType(DataType.DT_FLOAT).build())
            .putAttr("DstT", AttrValue.newBuilder().setType(to.proto()).build())
            .putAttr("Truncate", AttrValue.newBuilder().setB(false).build()))
        .build();
    Path file = Files.createTempFile(tmp, "cast", ".pb");
    Files.write(file, g.toByteArray());
    return NativeRunner.run(file, Map.of(), List.of("y")).outputs().get(0).data();
  }

  /** Slots dropped and layers renamed: the rewritten .meta restores natively and computes what the frozen graph does. */
  @Test
  void rewrittenTrainingCheckpointFreezesAndVerifies() throws Exception {
    NativeAssumptions.assumeNatives();
    Path in = io.github.jfreeze.codec.testing.TestPaths.testdata().resolve("checkpoints/tf1_training");
    Path out = tmp.resolve("slim/model.ckpt");
    Freezer.rewrite(new RewriteOptions(in, out, List.of(), List.of(new RewriteOptions.Rename("(w|b)(\\d)", "layer$2/$1")),
        null, 2, true, false));
    Path frozen = tmp.resolve("slim.pb");
    FreezeReport report = Freezer.freeze(FreezeOptions.builder(out.getParent()).outputs("logits", "predictions")
        .output(frozen).build());
    assertEquals(4, report.variables().size());
    ModelLocation loc = ModelLocator.locate(out.getParent());
    NativeVerifier.Result r = NativeVerifier.verify(NativeVerifier.Options.builder(frozen, out.getParent())
        .fetches(report.outputs()).seed(3).metaGraph(loc.graphFile()).checkpoint(loc.checkpoint().toString()).build());
    assertTrue(r.match(), r.outputs().toString());
    // the slots are gone from the checkpoint, the weights restore under their new keys
    List<String> keys = NativeCheckpoint.list(out.toString()).stream().map(NativeCheckpoint.Entry::key).toList();
    assertEquals(List.of("layer1/b", "layer1/w", "layer2/b", "layer2/w"), keys);
  }
}
