package io.github.jfreeze.bridge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.MetaGraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.SavedModel;
import org.tensorflow.types.TFloat32;

/**
 * TF Java 1.1.0's generated protos ({@code org.tensorflow.proto}) were made by protoc 3.21.9;
 * jfreeze runs them on the single protobuf-java version of the root POM (3.25.8). This proves
 * that the classpath holds exactly that version and that TF Java's proto paths work on it: graph
 * export/parse/import, sessions, and SavedModel export/load.
 */
class ProtobufCompatibilityTest {
  private static String expectedVersion() {
    String v = System.getProperty("jfreeze.protobuf.version");
    Assumptions.assumeTrue(v != null, "run through Maven: -Djfreeze.protobuf.version comes from the root POM");
    return v;
  }

  @Test
  void classpathHoldsTheSingleProtobufVersion() throws IOException {
    String expected = expectedVersion();
    URL location = Message.class.getProtectionDomain().getCodeSource().getLocation();
    Path jar = Path.of(java.net.URI.create(location.toString()));
    assertEquals("protobuf-java-" + expected + ".jar", jar.getFileName().toString());
    try (JarFile jf = new JarFile(jar.toFile())) {
      assertEquals(expected, jf.getManifest().getMainAttributes().getValue("Bundle-Version"));
    }
    List<URL> copies = Collections.list(getClass().getClassLoader().getResources("com/google/protobuf/Message.class"));
    assertEquals(1, copies.size(), "more than one protobuf runtime on the classpath: " + copies);
  }

  @Test
  void tfJavaGeneratedMessagesRoundTripWithoutNatives() throws IOException {
    expectedVersion();
    NodeDef node =
        NodeDef.newBuilder()
            .setName("c")
            .setOp("Const")
            .putAttr("dtype", org.tensorflow.proto.AttrValue.newBuilder().setType(org.tensorflow.proto.DataType.DT_FLOAT).build())
            .build();
    MetaGraphDef meta =
        MetaGraphDef.newBuilder()
            .setGraphDef(GraphDef.newBuilder().addNode(node))
            .setMetaInfoDef(MetaGraphDef.MetaInfoDef.newBuilder().addTags("serve"))
            .build();
    byte[] bytes = meta.toByteArray();
    MetaGraphDef parsed = MetaGraphDef.parseFrom(bytes);
    assertEquals(meta, parsed);
    assertEquals("Const", parsed.getGraphDef().getNode(0).getOp());
    // The same bytes parse with jfreeze's own schema classes (built by the root POM's protoc).
    io.github.jfreeze.proto.MetaGraphDef ours = io.github.jfreeze.proto.MetaGraphDef.parseFrom(bytes);
    assertArrayEquals(bytes, ours.toByteArray());
    assertEquals(ByteString.copyFrom(bytes), ours.toByteString());
    assertTrue(com.google.protobuf.TextFormat.printer().printToString(parsed).contains("Const"));
  }

  @Test
  void graphExportParseImportAndRun() throws IOException {
    NativeAssumptions.assumeNatives();
    GraphDef def;
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Placeholder<TFloat32> x = tf.withName("x").placeholder(TFloat32.class, Placeholder.shape(Shape.of(2)));
      tf.withName("y").math.mul(x, tf.constant(new float[] {2f, 3f}));
      def = g.toGraphDef(); // native bytes parsed by this protobuf runtime
    }
    GraphDef parsed = GraphDef.parseFrom(def.toByteArray());
    assertEquals(def, parsed);
    try (Graph g = new Graph()) {
      g.importGraphDef(parsed); // serialized again and handed to native TF
      try (Session s = new Session(g);
          TFloat32 in = TFloat32.vectorOf(1.5f, -1f);
          Result r = s.runner().feed("x", in).fetch("y").run()) {
        TFloat32 out = (TFloat32) r.get(0);
        assertEquals(3f, out.getFloat(0));
        assertEquals(-3f, out.getFloat(1));
      }
    }
  }

  @Test
  void savedModelExportAndLoad(@TempDir Path dir) throws IOException {
    NativeAssumptions.assumeNatives();
    Path export = dir.resolve("model");
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Placeholder<TFloat32> x = tf.withName("x").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1)));
      Variable<TFloat32> w = tf.withName("w").variable(tf.withName("w_init").constant(4f));
      Operand<TFloat32> y = tf.withName("y").math.mul(x, w);
      try (Session s = new Session(g)) {
        s.initialize();
        SavedModelBundle.exporter(export.toString())
            .withTags("serve")
            .withSession(s)
            .withSignature(Signature.builder().key("serving_default").input("x", x).output("y", y).build())
            .export();
      }
    }
    SavedModel written = SavedModel.parseFrom(Files.readAllBytes(export.resolve("saved_model.pb")));
    assertEquals("serving_default", written.getMetaGraphs(0).getSignatureDefMap().keySet().iterator().next());
    try (SavedModelBundle bundle = SavedModelBundle.load(export.toString(), "serve");
        TFloat32 in = TFloat32.vectorOf(1f, -0.5f);
        Result r = bundle.call(Map.of("x", in))) {
      TFloat32 out = (TFloat32) r.get("y").orElseThrow();
      assertEquals(4f, out.getFloat(0));
      assertEquals(-2f, out.getFloat(1));
      assertEquals(List.of("serve"), bundle.metaGraphDef().getMetaInfoDef().getTagsList());
    }
    assertTrue(NativeCheckpoint.read(NativeCheckpoint.savedModelPrefix(export), "w").dataHex().equals("00008040"));
  }
}
