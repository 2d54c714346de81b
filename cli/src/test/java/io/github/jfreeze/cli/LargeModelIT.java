package io.github.jfreeze.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.jfreeze.codec.CheckpointReader;
import io.github.jfreeze.codec.ModelLocator;
import io.github.jfreeze.codec.internal.Crc32c;
import io.github.jfreeze.codec.testing.Bundles;
import io.github.jfreeze.codec.testing.TestPaths;
import io.github.jfreeze.proto.AttrValue;
import io.github.jfreeze.proto.DataType;
import io.github.jfreeze.proto.MetaGraphDef;
import io.github.jfreeze.proto.NodeDef;
import io.github.jfreeze.proto.TensorShapeProto;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16's large-model test: a V2 checkpoint holding a float variable of 2.4 GB (600,000,000
 * elements, past every 2 GiB limit of Java arrays and protobuf) beside a small one, made at test
 * time and deleted after. The graph is the seed's (written by native TF) with {@code W1} given
 * that shape and an output {@code b_out} that reads only {@code B1}; {@code B1} holds the value
 * native TF saved in the seed. The big tensor's bytes are zeros in a sparse file, so it costs no
 * disk until {@code convert} copies it. Every command runs through {@code ./jfreeze} with
 * {@code -Xmx256m}.
 */
class LargeModelIT {
  private static final long ELEMENTS = 600_000_000L;
  private static final long BYTES = 4 * ELEMENTS;
  private static final Map<String, String> SMALL_HEAP = Map.of("JFREEZE_JAVA_OPTS", "-Xmx256m");
  private static Path root;

  @TempDir Path tmp;
  /** B1's bytes as native TF saved them in the seed. */
  private byte[] seedB1;

  @BeforeAll
  static void findLauncher() {
    root = Launcher.root();
  }

  private Launcher.Run run(String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(root.resolve("jfreeze").toString());
    cmd.addAll(List.of(args));
    return Launcher.exec(cmd, SMALL_HEAP, tmp);
  }

  /** The model: {@code dir/model.index}, a sparse {@code dir/model.data-00000-of-00001}, {@code dir/model.meta}, the state file. */
  private Path largeModel(Path dir) throws Exception {
    Path seed = TestPaths.testdata().resolve("models/seed");
    byte[] b1;
    try (CheckpointReader seedCkpt = ModelLocator.locate(seed).openCheckpoint()) {
      ByteBuffer value = seedCkpt.read("B1").data();
      b1 = new byte[value.remaining()];
      value.duplicate().get(b1);
      seedB1 = b1;
    }
    CRC32C zeros = new CRC32C();
    ByteBuffer chunk = ByteBuffer.allocateDirect(8 << 20);
    for (long done = 0; done < BYTES; done += chunk.capacity()) {
      zeros.update(chunk.clear().limit((int) Math.min(chunk.capacity(), BYTES - done)));
    }
    TensorShapeProto bigShape = Bundles.shape(ELEMENTS);
    Path prefix = new Bundles()
        .add("B1", Bundles.entry(DataType.DT_FLOAT, Bundles.shape(1), BYTES, 4, new byte[0]).toBuilder()
            .setCrc32C(Crc32c.mask(Crc32c.of(b1, 0, 4))).build())
        .add("W1", Bundles.entry(DataType.DT_FLOAT, bigShape, 0, BYTES, new byte[0]).toBuilder()
            .setCrc32C(Crc32c.mask((int) zeros.getValue())).build())
        .write(dir, new byte[0]);
    try (RandomAccessFile data = new RandomAccessFile(prefix + ".data-00000-of-00001", "rw")) {
      data.setLength(BYTES + 4); // sparse: the zeros take no disk
      data.seek(BYTES);
      data.write(b1);
    }
    MetaGraphDef.Builder meta = MetaGraphDef.parseFrom(Files.readAllBytes(seed.resolve("model.ckpt-1.meta"))).toBuilder();
    AttrValue f32 = AttrValue.newBuilder().setType(DataType.DT_FLOAT).build();
    AttrValue i32 = AttrValue.newBuilder().setType(DataType.DT_INT32).build();
    for (NodeDef.Builder n : meta.getGraphDefBuilder().getNodeBuilderList()) {
      if (n.getName().equals("W1")) {
        n.putAttr("shape", AttrValue.newBuilder().setShape(bigShape).build());
      } else if (n.getName().equals("W1/initial_value")) {
        // the initializer fills zeros of the new shape (native TF imports the whole graph for --native-values)
        n.clear().setName("W1/initial_value").setOp("Fill").addInput("W1/initial_value/dims").addInput("W1/initial_value/zero")
            .putAttr("T", f32).putAttr("index_type", i32);
      }
    }
    meta.getGraphDefBuilder().addNode(NodeDef.newBuilder().setName("W1/initial_value/dims").setOp("Const").putAttr("dtype", i32)
        .putAttr("value", AttrValue.newBuilder().setTensor(io.github.jfreeze.proto.TensorProto.newBuilder()
            .setDtype(DataType.DT_INT32).setTensorShape(Bundles.shape(1)).addIntVal((int) ELEMENTS)).build()));
    meta.getGraphDefBuilder().addNode(NodeDef.newBuilder().setName("W1/initial_value/zero").setOp("Const").putAttr("dtype", f32)
        .putAttr("value", AttrValue.newBuilder().setTensor(io.github.jfreeze.proto.TensorProto.newBuilder()
            .setDtype(DataType.DT_FLOAT).setTensorShape(Bundles.shape()).addFloatVal(0f)).build()));
    meta.getGraphDefBuilder().addNode(NodeDef.newBuilder().setName("b_out").setOp("Identity").addInput("B1/read").putAttr("T", f32));
    Files.write(dir.resolve("model.meta"), meta.build().toByteArray());
    Files.writeString(dir.resolve("checkpoint"), "model_checkpoint_path: \"model\"\nall_model_checkpoint_paths: \"model\"\n");
    return dir;
  }

  private static void flip(Path data, long at, int value) throws Exception {
    try (RandomAccessFile f = new RandomAccessFile(data.toFile(), "rw")) {
      f.seek(at);
      f.write(value);
    }
  }

  @Test
  void everyCommandHandlesAVariableOverTwoGibibytesInASmallHeap() throws Exception {
    long free = Files.getFileStore(tmp).getUsableSpace();
    Assumptions.assumeTrue(free >= 8L << 30, "skipped: " + tmp + " has " + (free >> 20) + " MiB free; this test needs 8 GiB "
        + "(convert writes a 2.4 GB copy)");
    Path dir = largeModel(Files.createDirectories(tmp.resolve("large")));
    Path data = dir.resolve("model.data-00000-of-00001");
    ObjectMapper json = new ObjectMapper();

    // inspect --verify reads the 2.4 GB tensor through a bounded buffer and checks its CRC
    Launcher.Run r = run("inspect", dir.toString(), "--verify", "--json");
    assertEquals(0, r.code(), r.toString());
    JsonNode doc = json.readTree(r.out());
    assertTrue(doc.path("verified").asBoolean(), r.out());
    assertEquals(BYTES + 4, doc.path("totals").path("bytes").asLong(), r.out());

    // one flipped byte in the middle of it is found, and named; --tensor B1 reads only B1
    flip(data, BYTES / 2, 1);
    r = run("inspect", dir.toString(), "--verify");
    r.badInput();
    assertTrue(r.err().contains("W1"), r.toString());
    assertEquals(0, run("inspect", dir.toString(), "--verify", "--tensor", "B1").code());
    flip(data, BYTES / 2, 0);

    // freeze of an output that needs it: refused before writing anything, pointing to convert
    Path refused = dir.resolve("refused.pb");
    r = run("freeze", dir.toString(), "--outputs", "predictions", "-o", refused.toString()).badInput();
    assertTrue(r.err().contains("convert"), r.toString());
    assertFalse(Files.exists(refused));

    // convert copies the 2.4 GB into variables/ byte for byte, and the copy verifies
    Path saved = dir.resolve("saved");
    r = run("convert", dir.toString(), "--to", "saved-model", "--inputs", "input_holder", "--outputs", "predictions,b_out", "-o",
        saved.toString());
    assertEquals(0, r.code(), r.toString());
    assertEquals(BYTES + 4, Files.size(saved.resolve("variables/variables.data-00000-of-00001")));
    r = run("inspect", saved.toString(), "--verify", "--json");
    assertEquals(0, r.code(), r.toString());
    assertTrue(json.readTree(r.out()).path("checkpoint").path("verified").asBoolean(), r.out());

    // freeze of an output that does not need it, in pure Java and with --native-values (which
    // restores only B1, so it takes no longer than on a model without the big variable: before, the
    // Saver's restore op read all 2.4 GB and the run ended out of memory): B1 as a Const either way
    for (boolean nativeValues : new boolean[] {false, true}) {
      if (nativeValues) {
        Launcher.assumeNatives();
      }
      Path out = dir.resolve("b_out" + nativeValues + ".pb");
      List<String> args = new ArrayList<>(List.of("freeze", dir.toString(), "--outputs", "b_out", "-o", out.toString(), "--json"));
      if (nativeValues) {
        args.add("--native-values");
      }
      r = run(args.toArray(String[]::new));
      assertEquals(0, r.code(), r.toString());
      JsonNode vars = json.readTree(r.out()).path("variables");
      assertEquals(1, vars.size(), r.out());
      assertEquals("B1", vars.get(0).path("node").asText(), r.out());
      var frozen = io.github.jfreeze.proto.GraphDef.parseFrom(Files.readAllBytes(out));
      assertEquals(List.of("B1", "B1/read", "b_out"), frozen.getNodeList().stream().map(NodeDef::getName).toList());
      ByteBuffer frozenB1 = io.github.jfreeze.codec.TensorProtos.toTensor(frozen.getNode(0).getAttrOrThrow("value").getTensor(), null, -1)
          .data();
      assertEquals(ByteBuffer.wrap(seedB1), frozenB1, "B1 as native TF saved it");
    }

  }
}
