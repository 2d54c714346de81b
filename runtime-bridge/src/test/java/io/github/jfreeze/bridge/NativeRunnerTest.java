package io.github.jfreeze.bridge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.google.protobuf.TextFormat;
import io.github.jfreeze.bridge.NativeRunException.Reason;
import io.github.jfreeze.bridge.internal.NativeGraphRunner;
import io.github.jfreeze.codec.internal.SmallFloats;
import io.github.jfreeze.proto.GraphDef;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Graph;
import org.tensorflow.Output;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.proto.DataType;
import org.tensorflow.types.TFloat64;

/** Frozen graphs made by the pure-Java freezer, run on native TF. */
class NativeRunnerTest {
  @TempDir Path dir;

  @BeforeEach
  void natives() {
    NativeAssumptions.assumeNatives();
  }

  static float[] floats(NativeTensor t) {
    ByteBuffer b = ByteBuffer.wrap(t.data()).order(ByteOrder.LITTLE_ENDIAN);
    float[] out = new float[(int) t.numElements()];
    for (int i = 0; i < out.length; i++) {
      out[i] = b.getFloat();
    }
    return out;
  }

  @Test
  void seedDemoFeedsAScalarToAShapeOnePlaceholder() throws IOException {
    Path frozen = Models.freeze(Models.seedDemo(dir), dir, "seed.pb", null);
    NativeRunner.Result r = NativeRunner.run(frozen, Map.of("input_holder", "10.0"), List.of(), Device.AUTO);
    assertEquals(List.of("predictions"), Models.keys(r.outputs()));
    NativeTensor p = r.output("predictions");
    assertEquals("float32", p.dtype());
    assertArrayEquals(new long[] {1}, p.shape());
    assertArrayEquals(new float[] {101f}, floats(p));
    assertArrayEquals(new long[] {1}, r.feeds().get(0).shape());
  }

  @Test
  void regressionCheckpointWithNamedFetchAndVector() throws IOException {
    Path frozen = Models.freeze(Models.corpus(Models.REGRESSION), dir, "reg.pb", null, "pred");
    NativeRunner.Result r = NativeRunner.run(frozen, Map.of("X", "[1, 2, 3]"), List.of("pred:0"), Device.CPU);
    assertEquals(Device.CPU, r.device());
    NativeTensor pred = r.output("pred:0");
    assertArrayEquals(new long[] {3}, pred.shape());
    float[] v = floats(pred);
    // a straight line: equal steps
    assertEquals(v[1] - v[0], v[2] - v[1], 1e-5);
  }

  @Test
  void textGraphsRunToo() throws IOException {
    Path frozen = Models.freeze(Models.seedDemo(dir), dir, "seed.pb", null);
    Path text = dir.resolve("seed.pbtxt");
    Files.writeString(text, TextFormat.printer().printToString(GraphDef.parseFrom(Files.readAllBytes(frozen))),
        StandardCharsets.UTF_8);
    NativeRunner.Result r = NativeRunner.run(text, Map.of("input_holder", "[2]"), List.of("predictions"), Device.AUTO);
    assertArrayEquals(new float[] {61f}, floats(r.output("predictions")));
  }

  @Test
  void autoIsTheCpuWithoutAGpu() throws IOException {
    assumeFalse(Device.gpuAvailable(), "a GPU is visible here");
    assertEquals(Device.CPU, Device.AUTO.resolve());
    Path frozen = Models.freeze(Models.seedDemo(dir), dir, "seed.pb", null);
    assertEquals(Device.CPU, NativeRunner.run(frozen, Map.of("input_holder", "1"), List.of(), Device.AUTO).device());
  }

  @Test
  void gpuWithoutAGpuSaysHowToGetOne() throws IOException {
    assumeFalse(Device.gpuAvailable(), "a GPU is visible here");
    Path frozen = Models.freeze(Models.seedDemo(dir), dir, "seed.pb", null);
    NativeRunException e = assertThrows(NativeRunException.class,
        () -> NativeRunner.run(frozen, Map.of("input_holder", "1"), List.of(), Device.GPU));
    assertEquals(Reason.GPU_UNAVAILABLE, e.reason());
    assertTrue(e.getMessage().contains("mvn -Pgpu package") || e.getMessage().contains("sees no GPU"), e.getMessage());
  }

  @Test
  void unknownNamesListTheClosestOnes() throws IOException {
    Path frozen = Models.freeze(Models.seedDemo(dir), dir, "seed.pb", null);
    NativeRunException feed = assertThrows(NativeRunException.class,
        () -> NativeRunner.run(frozen, Map.of("input_holdr", "1"), List.of(), Device.CPU));
    assertEquals(Reason.UNKNOWN_NAME, feed.reason());
    assertEquals("input_holder", feed.suggestions().get(0));
    assertTrue(feed.getMessage().contains("feed 'input_holdr' is not in " + frozen + " (its placeholders: input_holder)"),
        feed.getMessage());

    NativeRunException fetch = assertThrows(NativeRunException.class,
        () -> NativeRunner.run(frozen, Map.of("input_holder", "1"), List.of("prediction"), Device.CPU));
    assertEquals(Reason.UNKNOWN_NAME, fetch.reason());
    assertEquals("predictions", fetch.suggestions().get(0));
    assertTrue(fetch.getMessage().contains("likely outputs: predictions"), fetch.getMessage());

    NativeRunException index = assertThrows(NativeRunException.class,
        () -> NativeRunner.run(frozen, Map.of("input_holder", "1"), List.of("predictions:3"), Device.CPU));
    assertEquals(Reason.UNKNOWN_NAME, index.reason());
    assertTrue(index.getMessage().contains("has 1 output(s)"), index.getMessage());
  }

  @Test
  void missingAndBadFeedsAreNamed() throws IOException {
    Path frozen = Models.freeze(Models.seedDemo(dir), dir, "seed.pb", null);
    NativeRunException missing = assertThrows(NativeRunException.class,
        () -> NativeRunner.run(frozen, Map.of(), List.of(), Device.CPU));
    assertEquals(Reason.BAD_FEED, missing.reason());
    assertTrue(missing.getMessage().contains("input_holder (float32[1])"), missing.getMessage());

    NativeRunException shape = assertThrows(NativeRunException.class,
        () -> NativeRunner.run(frozen, Map.of("input_holder", "[1, 2]"), List.of(), Device.CPU));
    assertEquals(Reason.BAD_FEED, shape.reason());
    assertTrue(shape.getMessage().contains("placeholder is float32[1]"), shape.getMessage());

    NativeRunException text = assertThrows(NativeRunException.class,
        () -> NativeRunner.run(frozen, Map.of("input_holder", "ten"), List.of(), Device.CPU));
    assertEquals("feed input_holder: 'ten' is not a number (dtype float32)", text.getMessage());
  }

  @Test
  void badGraphFiles() throws IOException {
    NativeRunException none = assertThrows(NativeRunException.class,
        () -> NativeRunner.run(dir.resolve("nope.pb"), Map.of(), List.of(), Device.CPU));
    assertEquals(Reason.BAD_MODEL, none.reason());
    Path junk = dir.resolve("junk.pb");
    Files.write(junk, new byte[] {(byte) 0xff, (byte) 0xff, 0x01});
    assertEquals(Reason.BAD_MODEL, assertThrows(NativeRunException.class,
        () -> NativeRunner.run(junk, Map.of(), List.of(), Device.CPU)).reason());
  }

  @Test
  void tensorflowErrorsKeepTensorFlowsMessage() throws IOException {
    // a frozen graph whose fetch fails at run time: Reshape of 3 values to [2]
    Path g = dir.resolve("reshape.pb");
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      var x = tf.withName("x").placeholder(TFloat64.class, Placeholder.shape(Shape.of(-1)));
      tf.withName("y").reshape(x, tf.constant(new int[] {2}));
      Files.write(g, graph.toGraphDef().toByteArray());
    }
    NativeRunException e = assertThrows(NativeRunException.class,
        () -> NativeRunner.run(g, Map.of("x", "[1, 2, 3]"), List.of("y"), Device.CPU));
    assertEquals(Reason.TENSORFLOW_ERROR, e.reason());
    assertTrue(e.getMessage().contains("Input to reshape is a tensor with 3 values"), e.getMessage());
  }

  @Test
  void everyFeedableDtypeRoundTripsThroughIdentity() throws Exception {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("float32", "[[1.5, -2.0], [nan, inf]]");
    values.put("float64", "[0.1, -1e300]");
    values.put("float16", "[0.1, 65504]");
    values.put("bfloat16", "[3.14159]");
    values.put("int8", "[-128, 127]");
    values.put("uint8", "[0, 255]");
    values.put("int16", "[-32768]");
    values.put("uint16", "[65535]");
    values.put("int32", "[-3, 7]");
    values.put("uint32", "[4294967295]");
    values.put("int64", "[-9223372036854775808]");
    values.put("uint64", "[18446744073709551615]");
    values.put("bool", "[true, false]");
    values.put("complex64", "[1+2j]");
    values.put("complex128", "[-1-0.5j]");
    // small and large (heap-allocated) TF_TStrings
    values.put("string", "[\"a\", \"\\xff\\x00\", \"\", \"" + "x".repeat(300) + "\"]");
    Path g = dir.resolve("identity.pb");
    try (Graph graph = new Graph()) {
      for (String dtype : values.keySet()) {
        DataType dt = DataType.forNumber(io.github.jfreeze.bridge.internal.DataTypeNames.number(dtype));
        Output<?> p = graph.opBuilder("Placeholder", "in_" + dtype, graph.baseScope()).setAttr("dtype", dt).build().output(0);
        graph.opBuilder("Identity", "out_" + dtype, graph.baseScope()).addInput(p).build();
      }
      Files.write(g, graph.toGraphDef().toByteArray());
    }
    Map<String, String> feeds = new LinkedHashMap<>();
    values.forEach((k, v) -> feeds.put("in_" + k, v));
    NativeRunner.Result r = NativeRunner.run(g, feeds, List.of(), Device.CPU);
    assertEquals(values.size(), r.outputs().size());
    for (String dtype : values.keySet()) {
      NativeTensor in = r.feeds().stream().filter(t -> t.key().equals("in_" + dtype)).findFirst().orElseThrow();
      NativeTensor out = r.output("out_" + dtype);
      assertEquals(dtype, out.dtype());
      assertArrayEquals(in.shape(), out.shape(), dtype);
      assertEquals(in.dataHex(), out.dataHex(), dtype);
      assertEquals(FeedValues.format(in), FeedValues.format(out), dtype);
    }
  }

  /**
   * Contract: SmallFloats rounds to float16 and bfloat16 exactly as TF's Cast does. TF casts a
   * double through float (Eigen's half(double) is half(float(x))), so the inputs are floats here;
   * from a double, jfreeze rounds once, like numpy.
   */
  @Test
  void halfFloatRoundingMatchesNativeCast() throws Exception {
    SplittableRandom random = new SplittableRandom(1);
    int n = 4096;
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      // wide exponents (subnormals, overflow) and exact ties
      values[i] = switch (i % 4) {
        case 0 -> random.nextDouble(-2, 2);
        case 1 -> Math.scalb(random.nextDouble(1, 2), random.nextInt(-30, 20)) * (random.nextBoolean() ? 1 : -1);
        case 2 -> Math.scalb(1 + (2 * random.nextInt(1024) + 1) * Math.scalb(1.0, -11), random.nextInt(-14, 15));
        // not below float's normal range: TF's kernels run with denormals flushed to zero
        default -> Math.scalb(random.nextDouble(1, 2), random.nextInt(-126, 128));
      };
      values[i] = (float) values[i];
    }
    byte[] bytes = new byte[n * 8];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().put(values);
    try (Graph graph = new Graph()) {
      var in = graph.opBuilder("Placeholder", "x", graph.baseScope()).setAttr("dtype", DataType.DT_DOUBLE).build()
          .output(0);
      graph.opBuilder("Cast", "half", graph.baseScope()).addInput(in).setAttr("DstT", DataType.DT_HALF).build();
      graph.opBuilder("Cast", "bf16", graph.baseScope()).addInput(in).setAttr("DstT", DataType.DT_BFLOAT16).build();
      try (NativeGraphRunner r = new NativeGraphRunner(graph.toGraphDef().toByteArray())) {
        var out = r.run(List.of(new NativeGraphRunner.Feed("x", 2, new long[] {n}, bytes, List.of())),
            List.of("half", "bf16"), List.of());
        ByteBuffer half = ByteBuffer.wrap(out.get(0).data()).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer bf = ByteBuffer.wrap(out.get(1).data()).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
          assertEquals(half.getShort(i * 2) & 0xffff, SmallFloats.toFloat16(values[i]), "float16 of " + values[i]);
          assertEquals(bf.getShort(i * 2) & 0xffff, SmallFloats.toBfloat16(values[i]), "bfloat16 of " + values[i]);
        }
      }
    }
  }
}
