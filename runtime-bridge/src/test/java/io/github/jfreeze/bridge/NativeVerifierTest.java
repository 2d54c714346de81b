package io.github.jfreeze.bridge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.jfreeze.bridge.NativeRunException.Reason;
import io.github.jfreeze.codec.Tensor;
import io.github.jfreeze.codec.TensorProtos;
import io.github.jfreeze.codec.values.TensorComparison;
import io.github.jfreeze.proto.AttrValue;
import io.github.jfreeze.proto.GraphDef;
import io.github.jfreeze.proto.NodeDef;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Frozen graphs from the pure-Java freezer against their original models, on native TF. */
class NativeVerifierTest {
  @TempDir Path dir;

  @BeforeEach
  void natives() {
    NativeAssumptions.assumeNatives();
  }

  private static NativeVerifier.Options.Builder options(Path frozen, Path original) {
    return NativeVerifier.Options.builder(frozen, original).device(Device.CPU);
  }

  private static void assertMatches(NativeVerifier.Result r) {
    assertTrue(r.match(), () -> "no match: " + r.outputs());
    for (NativeVerifier.Output o : r.outputs()) {
      assertTrue(o.match(), o::toString);
      assertEquals(0, o.mismatched());
      assertEquals(o.frozen().dtype(), o.original().dtype());
    }
  }

  @Test
  void tf1CheckpointWithRandomFeeds() throws IOException {
    Path model = Models.corpus(Models.REGRESSION);
    Path frozen = Models.freeze(model, dir, "reg.pb", null, "pred");
    NativeVerifier.Result r = NativeVerifier.verify(options(frozen, model).seed(3).build());
    assertMatches(r);
    assertEquals(List.of("pred"), r.outputs().stream().map(NativeVerifier.Output::name).toList());
    assertEquals(List.of("X"), r.randomFeeds());
    // X has an unknown shape: one element of rank 1
    assertArrayEquals(new long[] {1}, r.feeds().get(0).shape());
    assertTrue(r.original().startsWith("checkpoint " + model.resolve("model")), r.original());

    // same seed, same feeds; the feed text reproduces them
    NativeVerifier.Result again = NativeVerifier.verify(options(frozen, model).seed(3).build());
    assertEquals(r.feeds(), again.feeds());
    NativeVerifier.Result fed = NativeVerifier.verify(options(frozen, model).feeds(r.feedText()).build());
    assertEquals(r.feeds(), fed.feeds());
    assertEquals(List.of(), fed.randomFeeds());
    assertEquals(r.outputs().get(0).frozen(), fed.outputs().get(0).frozen());

    NativeVerifier.Result shaped = NativeVerifier.verify(options(frozen, model).shape("X", 2, 3).build());
    assertMatches(shaped);
    assertArrayEquals(new long[] {2, 3}, shaped.output("pred").shape());
  }

  @Test
  void checkpointLocatedFromAnyOfItsFiles() throws IOException {
    Path model = Models.corpus(Models.REGRESSION);
    Path frozen = Models.freeze(model, dir, "reg.pb", null, "pred");
    for (Path original : List.of(model.resolve("model.meta"), model.resolve("model.index"), model.resolve("model"))) {
      assertMatches(NativeVerifier.verify(options(frozen, original).build()));
    }
    assertMatches(NativeVerifier.verify(options(frozen, dir).metaGraph(model.resolve("model.meta"))
        .checkpoint(model.resolve("model").toString()).build()));
  }

  @Test
  void tf2SavedModelSignatureOutputsAreMainGraphNodes() throws IOException {
    Path model = Models.corpus(Models.HALF_PLUS_TWO_TF2);
    Path frozen = Models.freeze(model, dir, "tf2.pb", null);
    NativeVerifier.Result r = NativeVerifier.verify(options(frozen, model).feed("serving_default_x", "[3.0]").build());
    assertMatches(r);
    NativeVerifier.Output y = r.output("StatefulPartitionedCall_5");
    assertArrayEquals(new float[] {3.5f}, NativeRunnerTest.floats(y.frozen())); // 0.5 * 3 + 2

    // a placeholder input: fed randomly
    Path x2 = Models.freeze(model, dir, "tf2_x2.pb", "regress_x2_to_y3");
    NativeVerifier.Result random = NativeVerifier.verify(options(x2, model).seed(11).build());
    assertMatches(random);
    assertEquals(List.of("regress_x2_to_y3_inputs"), random.randomFeeds());
    assertEquals(List.of("StatefulPartitionedCall_2"), random.outputs().stream().map(NativeVerifier.Output::name).toList());
  }

  @Test
  void tf1SavedModel() throws IOException {
    Path model = Models.corpus(Models.HALF_PLUS_TWO_TF1);
    Path frozen = Models.freeze(model, dir, "tf1.pb", "regress_x2_to_y3");
    NativeVerifier.Result r = NativeVerifier.verify(options(frozen, model).feed("x2", "[[1.0], [2.0]]").build());
    assertMatches(r);
    assertArrayEquals(new float[] {3.5f, 4f}, NativeRunnerTest.floats(r.output("y3").frozen())); // 0.5 * x2 + 3

    // the graph's only placeholder is the serialized tf.Example: random strings do not parse, and
    // the error says so
    NativeRunException e = assertThrows(NativeRunException.class,
        () -> NativeVerifier.verify(options(frozen, model).build()));
    assertEquals(Reason.TENSORFLOW_ERROR, e.reason());
    assertTrue(e.getMessage().contains("random values were fed to tf_example"), e.getMessage());
  }

  @Test
  void testdataSavedModelReproducesItsExpectedOutputs() throws IOException {
    Path model = Models.testdata("saved_models/tf1_mlp");
    JsonNode run = new ObjectMapper().readTree(model.resolve("expected.json").toFile()).get("run");
    Path frozen = Models.freeze(model, dir, "mlp.pb", null);
    NativeTensor x = tensor(run.get("feeds").get(0));
    NativeVerifier.Result r = NativeVerifier.verify(options(frozen, model).feed("x", FeedValues.format(x)).build());
    assertMatches(r);
    assertEquals(List.of("y"), r.outputs().stream().map(NativeVerifier.Output::name).toList());
    assertClose(tensor(run.get("fetches").get(0)), r.output("y").frozen());
  }

  @Test
  void testdataTrainingCheckpointReproducesItsExpectedOutputs() throws IOException {
    Path model = Models.testdata("checkpoints/tf1_training");
    JsonNode run = new ObjectMapper().readTree(model.resolve("expected.json").toFile()).get("run");
    Path frozen = Models.freeze(model, dir, "train.pb", null, "logits", "predictions", "loss");
    NativeVerifier.Options.Builder b = options(frozen, model);
    for (JsonNode f : run.get("feeds")) {
      b.feed(f.get("name").asText(), FeedValues.format(tensor(f)));
    }
    List<String> fetches = new ArrayList<>();
    run.get("fetches").forEach(f -> fetches.add(f.get("name").asText()));
    NativeVerifier.Result r = NativeVerifier.verify(b.fetches(fetches).build());
    assertMatches(r);
    assertEquals(List.of(), r.randomFeeds());
    for (JsonNode f : run.get("fetches")) {
      assertClose(tensor(f), r.output(f.get("name").asText()).frozen());
    }
    // default fetches: the likely outputs of the frozen graph (logits feeds predictions)
    NativeVerifier.Result defaults = NativeVerifier.verify(options(frozen, model).build());
    assertMatches(defaults);
    assertEquals(Set.of("predictions", "loss"),
        Set.copyOf(defaults.outputs().stream().map(NativeVerifier.Output::name).toList()));
    assertEquals(List.of("x", "y"), defaults.randomFeeds());
  }

  @Test
  void aChangedConstantIsAMismatchWithItsDifference() throws IOException {
    Path model = Models.corpus(Models.REGRESSION);
    Path frozen = Models.freeze(model, dir, "reg.pb", null, "pred");
    // W += 0.5: pred = X * W + b moves by 0.5 * X
    GraphDef g = GraphDef.parseFrom(Files.readAllBytes(frozen));
    GraphDef.Builder wrong = g.toBuilder();
    boolean changed = false;
    for (NodeDef.Builder n : wrong.getNodeBuilderList()) {
      if (n.getName().equals("W")) {
        Tensor w = TensorProtos.toTensor(n.getAttrOrThrow("value").getTensor(), frozen, 0);
        float[] v = w.toFloatArray();
        ByteBuffer data = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : v) {
          data.putFloat(f + 0.5f);
        }
        data.flip();
        Tensor changedW = Tensor.of(w.dtype(), w.shape(), data);
        n.putAttr("value", AttrValue.newBuilder().setTensor(changedW.toProto()).build());
        changed = true;
      }
    }
    assertTrue(changed, "no W in " + frozen);
    Path bad = dir.resolve("wrong.pb");
    Files.write(bad, wrong.build().toByteArray());

    NativeVerifier.Result r = NativeVerifier.verify(options(bad, model).feed("X", "[1, 2, 3]").build());
    assertFalse(r.match());
    NativeVerifier.Output pred = r.output("pred");
    assertFalse(pred.match());
    assertEquals(3, pred.mismatched());
    float[] a = NativeRunnerTest.floats(pred.frozen());
    float[] b = NativeRunnerTest.floats(pred.original());
    double max = 0;
    for (int i = 0; i < a.length; i++) {
      max = Math.max(max, Math.abs((double) a[i] - b[i]));
    }
    assertEquals(max, pred.maxAbsDiff());
    assertEquals(1.5, pred.maxAbsDiff(), 1e-5);
    assertTrue(pred.maxRelDiff() > 0.1, pred::toString);

    // the right graph under the same feeds matches
    assertMatches(NativeVerifier.verify(options(frozen, model).feed("X", "[1, 2, 3]").build()));
  }

  @Test
  void namesMissingFromEitherGraph() throws IOException {
    Path model = Models.corpus(Models.REGRESSION);
    Path frozen = Models.freeze(model, dir, "reg.pb", null, "pred");
    NativeRunException fetch = assertThrows(NativeRunException.class,
        () -> NativeVerifier.verify(options(frozen, model).fetches("prd").build()));
    assertEquals(Reason.UNKNOWN_NAME, fetch.reason());
    assertEquals("pred", fetch.suggestions().get(0));

    NativeRunException feed = assertThrows(NativeRunException.class,
        () -> NativeVerifier.verify(options(frozen, model).feed("x", "1").build()));
    assertEquals(Reason.UNKNOWN_NAME, feed.reason());
    assertTrue(feed.suggestions().contains("X"), feed.suggestions()::toString);

    // a frozen graph checked against a model it was not made from
    Path other = Models.testdata("saved_models/tf1_mlp");
    NativeRunException wrongModel = assertThrows(NativeRunException.class,
        () -> NativeVerifier.verify(options(frozen, other).build()));
    assertEquals(Reason.UNKNOWN_NAME, wrongModel.reason());
    assertTrue(wrongModel.getMessage().contains("is not in the original model (SavedModel " + other), wrongModel.getMessage());
  }

  @Test
  void missingMetaGraphIsExplained() throws IOException {
    Path model = Models.corpus(Models.REGRESSION);
    Path frozen = Models.freeze(model, dir, "reg.pb", null, "pred");
    Path lonely = dir.resolve("ckpt");
    Files.createDirectories(lonely);
    for (String f : List.of("model.index", "model.data-00000-of-00001")) {
      Files.copy(model.resolve(f), lonely.resolve(f));
    }
    NativeRunException e = assertThrows(NativeRunException.class,
        () -> NativeVerifier.verify(options(frozen, lonely).build()));
    assertEquals(Reason.BAD_MODEL, e.reason());
    assertTrue(e.getMessage().contains("no MetaGraphDef " + lonely.resolve("model.meta")), e.getMessage());
  }

  @Test
  void autoDeviceIsReported() throws IOException {
    Path model = Models.corpus(Models.REGRESSION);
    Path frozen = Models.freeze(model, dir, "reg.pb", null, "pred");
    NativeVerifier.Result r = NativeVerifier.verify(NativeVerifier.Options.builder(frozen, model).build());
    assertEquals(Device.gpuAvailable() ? Device.GPU : Device.CPU, r.device());
    assertMatches(r);
  }

  /** A tensor of an expected.json "run" section. */
  static NativeTensor tensor(JsonNode n) {
    List<Long> dims = new ArrayList<>();
    n.get("shape").forEach(d -> dims.add(d.asLong()));
    return new NativeTensor(n.get("name").asText(), n.get("dtype").asText(),
        dims.stream().mapToLong(Long::longValue).toArray(), HexFormat.of().parseHex(n.get("data_hex").asText()),
        List.of());
  }

  private static void assertClose(NativeTensor expected, NativeTensor actual) {
    TensorComparison.Outcome o = TensorComparison.compare(expected.toTensor(), actual.toTensor(),
        NativeVerifier.DEFAULT_TOLERANCE);
    assertTrue(o.match(), () -> expected + " vs " + actual + ": " + o);
  }
}
