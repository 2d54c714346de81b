package io.github.jfreeze.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.InvalidProtocolBufferException;
import io.github.jfreeze.codec.bundle.BundleReader;
import io.github.jfreeze.codec.internal.Crc32c;
import io.github.jfreeze.codec.internal.FileSource;
import io.github.jfreeze.codec.table.Table;
import io.github.jfreeze.codec.testing.Bundles;
import io.github.jfreeze.codec.testing.MemoryChannel;
import io.github.jfreeze.codec.testing.StringTensorData;
import io.github.jfreeze.codec.testing.TableWriter;
import io.github.jfreeze.codec.v1.V1Reader;
import io.github.jfreeze.proto.BundleEntryProto;
import io.github.jfreeze.proto.DataType;
import io.github.jfreeze.proto.SavedSlice;
import io.github.jfreeze.proto.SavedSliceMeta;
import io.github.jfreeze.proto.SavedTensorSliceMeta;
import io.github.jfreeze.proto.SavedTensorSlices;
import io.github.jfreeze.proto.TensorProto;
import io.github.jfreeze.proto.TensorSliceProto;
import io.github.jfreeze.proto.TrackableObjectGraph;
import io.github.jfreeze.proto.VersionDef;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * One test per limit a reader checks before it allocates, each from bytes small enough to read:
 * every length, count, offset and shape taken from a file is held against the real file size and
 * against overflow, and a violation is a {@link CorruptFileException} naming file and offset (never
 * an OutOfMemoryError, NegativeArraySizeException, IndexOutOfBoundsException, ArithmeticException,
 * StackOverflowError or a hang). The surefire heap for codec tests is 128 MiB, so a limit that is
 * missing shows up as an OutOfMemoryError here.
 */
class LimitsTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final byte[] FOUR_BYTES = {1, 2, 3, 4};

  @TempDir Path tmp;

  /** Opens the checkpoint and reads every tensor; the one failure it may end in is returned. */
  private static CorruptFileException readFails(Path checkpoint) {
    return readFails(() -> {
      try (CheckpointReader r = CheckpointReader.open(checkpoint)) {
        for (VariableInfo v : r.variables()) {
          r.read(v.key());
        }
      }
    });
  }

  private static CorruptFileException readFails(Executable read) {
    return assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThrows(CorruptFileException.class, read));
  }

  private static void assertProblem(CorruptFileException e, String expected) {
    assertTrue(e.problem().contains(expected), e.getMessage());
    assertTrue(e.getMessage().lines().count() == 1, e.getMessage());
  }

  @Test
  void shapeWhoseElementCountOverflowsALong() throws IOException {
    Path prefix = new Bundles().add("t", Bundles.entry(DataType.DT_FLOAT, Bundles.shape(1L << 32, 1L << 32), 0, 0, FOUR_BYTES))
        .write(tmp, FOUR_BYTES);
    CorruptFileException e = readFails(prefix);
    assertProblem(e, "invalid tensor shape for 't': element count of [4294967296, 4294967296] overflows a long");
    assertEquals("model.index", e.file().getFileName().toString());
    assertTrue(e.offset() > 0);
  }

  @Test
  void tensorClaimingMoreBytesThanItsShardHolds() throws IOException {
    // float[2^40] needs 2^42 bytes; the data file has 4
    Path prefix = new Bundles().add("t", Bundles.entry(DataType.DT_FLOAT, Bundles.shape(1L << 40), 0, 4L << 40, FOUR_BYTES))
        .write(tmp.resolve("big"), FOUR_BYTES);
    assertProblem(readFails(prefix), "tensor 't' claims 4398046511104 bytes at offset 0 of model.data-00000-of-00001, "
        + "which holds only 4 bytes");
    // an offset near 2^63 must not overflow into a small number
    Path prefix2 = new Bundles().add("t", Bundles.entry(DataType.DT_FLOAT, Bundles.shape(1), Long.MAX_VALUE - 1, 4, FOUR_BYTES))
        .write(tmp.resolve("far"), FOUR_BYTES);
    assertProblem(readFails(prefix2), "claims 4 bytes at offset 9223372036854775806");
  }

  @Test
  void snappyDeclaredLengthOverTheLimit() throws IOException {
    // varint 0x7fffffff (2 GiB - 1) declared for 7 compressed bytes: at most 22x, so at most 154
    byte[] block = HEX.parseHex("ffffffff07" + "0441");
    byte[] table = TableWriter.withRawDataBlock(block, 1);
    CorruptFileException e = readFails(() -> {
      try (Table t = Table.open(FileSource.of(Path.of("v.index"), new MemoryChannel(table)))) {
        t.cursor().next();
      }
    });
    assertProblem(e, "corrupted compressed block contents: declared length 2147483647 is impossible for 7 compressed bytes");
    assertEquals(0, e.offset(), "the block starts the file");
  }

  @Test
  void stringTensorWithAnAbsurdCount() throws IOException {
    // 2^40 strings need at least 2^40 length bytes; the entry says 8
    byte[] data = HEX.parseHex("0000000000000000");
    Path prefix = new Bundles().add("s", Bundles.entry(DataType.DT_STRING, Bundles.shape(1L << 40), 0, 8, data))
        .write(tmp, data);
    assertProblem(readFails(prefix), "string tensor 's' of 1099511627776 elements cannot fit in 8 bytes");
  }

  @Test
  void stringTensorWithAnAbsurdLength() throws IOException {
    // one string whose varint length is 2^40, then a length checksum and 3 bytes
    byte[] data = HEX.parseHex("8080808080" + "20" + "00000000" + "616263");
    Path prefix = new Bundles().add("s", Bundles.entry(DataType.DT_STRING, Bundles.shape(1), 0, data.length, data))
        .write(tmp, data);
    CorruptFileException e = readFails(prefix);
    assertProblem(e, "string 0 of tensor 's' claims 1099511627776 bytes but only 7 remain");
    assertEquals("model.data-00000-of-00001", e.file().getFileName().toString());
    assertEquals(6, e.offset(), "right after the length");
  }

  /**
   * Six million empty strings take 6 MB on disk (one length byte each). Decoded, they must cost
   * little more than a reference each: no array of lengths, no array per empty string.
   */
  @Test
  void stringTensorOfManyEmptyStringsFitsTheHeap() throws IOException {
    int n = 6_000_000;
    int[] crc = new int[1];
    byte[] data = StringTensorData.strings(java.util.Collections.nCopies(n, new byte[0]), false, crc);
    Path prefix = new Bundles().add("s", BundleEntryProto.newBuilder().setDtype(DataType.DT_STRING).setShape(Bundles.shape(n))
        .setSize(data.length).setCrc32C(crc[0]).build()).write(tmp, data);
    data = null;
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
      try (CheckpointReader r = CheckpointReader.open(prefix)) {
        assertEquals(n, r.read("s").elements().size());
      }
    });
  }

  /** A Const string tensor (graph files, V1 values) of more elements than a Java list can hold. */
  @Test
  void stringTensorProtoWithMoreElementsThanAListHolds() {
    TensorProto p = TensorProto.newBuilder().setDtype(DataType.DT_STRING).setTensorShape(Bundles.shape(1L << 31 | 5)).build();
    CorruptFileException e = readFails(() -> TensorProtos.toTensor(p, Path.of("frozen.pb"), 120));
    assertProblem(e, "string tensor of shape [2147483653] is too large for a protobuf value");
    assertEquals(120, e.offset());
  }

  /**
   * TensorProtos.check: one float repeated over 2^40 elements (legal TF, a terabyte decoded) is
   * checked without allocating; what toTensor rejects for a small proto, check rejects too.
   */
  @Test
  void tensorProtoCheckedWithoutDecoding() throws CorruptFileException {
    TensorProto broadcast = TensorProto.newBuilder().setDtype(DataType.DT_FLOAT).setTensorShape(Bundles.shape(1L << 20, 1L << 20))
        .addFloatVal(1.5f).build();
    TensorProtos.check(broadcast, Path.of("g.pb"), -1);
    TensorProtos.check(broadcast.toBuilder().setDtype(DataType.DT_STRING).clearFloatVal().addStringVal(
        com.google.protobuf.ByteString.copyFromUtf8("x")).build(), Path.of("g.pb"), -1);
    List<TensorProto> bad = List.of(
        TensorProto.newBuilder().setDtype(DataType.DT_FLOAT).setTensorShape(Bundles.shape(2)).addFloatVal(1).addFloatVal(2)
            .addFloatVal(3).build(),
        TensorProto.newBuilder().setDtype(DataType.DT_INT32).setTensorShape(Bundles.shape(3))
            .setTensorContent(com.google.protobuf.ByteString.copyFrom(new byte[11])).build(),
        TensorProto.newBuilder().setDtype(DataType.DT_COMPLEX64).setTensorShape(Bundles.shape(1)).addScomplexVal(1).build(),
        TensorProto.newBuilder().setDtypeValue(999).build(),
        TensorProto.newBuilder().setDtype(DataType.DT_RESOURCE).build(),
        TensorProto.newBuilder().setDtype(DataType.DT_STRING).setTensorShape(Bundles.shape(1))
            .addStringVal(com.google.protobuf.ByteString.EMPTY).addStringVal(com.google.protobuf.ByteString.EMPTY).build());
    for (TensorProto p : bad) {
      CorruptFileException fromCheck = readFails(() -> TensorProtos.check(p, Path.of("g.pb"), 7));
      readFails(() -> TensorProtos.toTensor(p, Path.of("g.pb"), 7));
      assertEquals(7, fromCheck.offset());
    }
  }

  @Test
  void varintLongerThanItsType() throws IOException {
    // a block entry whose shared-bytes varint32 runs to 6 bytes
    byte[] block = HEX.parseHex("808080808000" + "0000" + "00000000" + "01000000");
    byte[] table = TableWriter.withRawDataBlock(block, 0);
    CorruptFileException e = readFails(() -> {
      try (Table t = Table.open(FileSource.of(Path.of("v.index"), new MemoryChannel(table)))) {
        t.cursor().next();
      }
    });
    assertProblem(e, "varint longer than 5 bytes");
    assertEquals(0, e.offset());
    // a block handle whose varint64 runs past 10 bytes: 0x80 continues into an 11th byte
    byte[] footer = HEX.parseHex("80808080808080808080" + "01" + "00".repeat(29) + "57fb808b247547db");
    CorruptFileException f = readFails(() -> Table.open(FileSource.of(Path.of("f.index"), new MemoryChannel(footer))));
    assertProblem(f, "varint64 overflows 64 bits");
  }

  @Test
  void protobufNestedPastTheRecursionLimit() throws IOException {
    // a bundle entry holding 200 nested unknown groups (field 15): protobuf stops at 100
    byte[] value = HEX.parseHex("7b".repeat(200) + "7c".repeat(200));
    Path prefix = new Bundles().add("t".getBytes(StandardCharsets.UTF_8), value).write(tmp, FOUR_BYTES);
    CorruptFileException e = readFails(prefix);
    assertProblem(e, "cannot parse the entry of 't'");
    assertInstanceOf(InvalidProtocolBufferException.class, e.getCause());
    // text format: a checkpoint state file nested 1000 deep
    Path state = tmp.resolve("checkpoint");
    Files.writeString(state, "model_checkpoint_path: \"m\"\n" + "x {".repeat(1000) + "}".repeat(1000));
    assertProblem(readFails(() -> CheckpointState.read(state)), "nested too deep");
  }

  @Test
  void graphFilesOfTwoGibibytesOrMore() throws IOException {
    Path huge = tmp.resolve("huge.pb");
    try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
      f.setLength(Integer.MAX_VALUE - 4L); // sparse: no disk used; too big for a Java array
    }
    CorruptFileException e = readFails(() -> GraphFile.read(huge));
    assertProblem(e, "file of 2147483643 bytes is over the 2147483639 bytes a graph file can have");
    Files.delete(huge);
  }

  /** Keys that share all of the previous key and add one byte: n entries would rebuild n^2/2 key bytes. */
  @Test
  void keysGrowingThroughPrefixCompression() throws IOException {
    ByteArrayOutputStream block = new ByteArrayOutputStream();
    byte[] value = BundleEntryProto.newBuilder().setDtype(DataType.DT_FLOAT).setSize(4)
        .setCrc32C(Crc32c.mask(Crc32c.of(FOUR_BYTES, 0, 4))).build().toByteArray();
    int n = 30_000; // 30,000 keys of up to 30,000 bytes: 450 MB if believed, in a 360 KB block
    writeEntry(block, 0, new byte[0], new byte[] {0x08, 0x01});
    for (int i = 0; i < n; i++) {
      writeEntry(block, i, new byte[] {'a'}, value);
    }
    ByteBuffer trailer = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(0).putInt(1);
    block.writeBytes(trailer.array());
    Path prefix = tmp.resolve("model");
    Files.write(BundleReader.indexFile(prefix), TableWriter.withRawDataBlock(block.toByteArray(), 0));
    Files.write(BundleReader.dataFile(prefix, 0, 1), FOUR_BYTES);
    assertProblem(readFails(prefix), "keys of this block add up to more than");
  }

  private static void writeEntry(ByteArrayOutputStream out, int shared, byte[] delta, byte[] value) {
    io.github.jfreeze.codec.internal.Varints.writeVarint64(out, shared);
    io.github.jfreeze.codec.internal.Varints.writeVarint64(out, delta.length);
    io.github.jfreeze.codec.internal.Varints.writeVarint64(out, value.length);
    out.writeBytes(delta);
    out.writeBytes(value);
  }

  /**
   * A TF2 object graph that is a chain of 4,000 objects with 100-character names: the object paths
   * ({@code a/b/c/...}) would add up to 800 million characters. Friendly names stop at a budget
   * proportional to the graph's size; the variable deep down keeps its key.
   */
  @Test
  void objectGraphPathsGrowingAlongAChain() throws IOException {
    int n = 4000;
    TrackableObjectGraph.Builder g = TrackableObjectGraph.newBuilder();
    for (int i = 0; i < n; i++) {
      TrackableObjectGraph.TrackableObject.Builder node = g.addNodesBuilder();
      if (i + 1 < n) {
        node.addChildrenBuilder().setNodeId(i + 1).setLocalName(String.valueOf((char) ('a' + i % 26)).repeat(100));
      }
      if (i == 1 || i == n - 1) {
        node.addAttributesBuilder().setName("VARIABLE_VALUE").setCheckpointKey(i == 1 ? "shallow" : "deep");
      }
    }
    int[] crc = new int[1];
    byte[] graph = StringTensorData.strings(List.of(g.build().toByteArray()), false, crc);
    byte[] data = new byte[graph.length + 8];
    System.arraycopy(graph, 0, data, 0, graph.length);
    Path prefix = new Bundles()
        .add(BundleReader.OBJECT_GRAPH_KEY, BundleEntryProto.newBuilder().setDtype(DataType.DT_STRING)
            .setShape(Bundles.shape()).setSize(graph.length).setCrc32C(crc[0]).build())
        .add("deep", Bundles.entry(DataType.DT_FLOAT, Bundles.shape(), graph.length, 4, data))
        .add("shallow", Bundles.entry(DataType.DT_FLOAT, Bundles.shape(), graph.length + 4, 4, data))
        .write(tmp, data);
    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
      try (CheckpointReader r = CheckpointReader.open(prefix)) {
        assertEquals("a".repeat(100), r.variable("shallow").orElseThrow().name());
        assertEquals("deep", r.variable("deep").orElseThrow().name(), "past the budget: the key itself");
      }
    });
  }

  /** A partitioned tensor of 60,000 one-element slices: checking them pairwise would take billions of steps. */
  @Test
  void manySlicesAreCheckedWithoutComparingEveryPair() throws IOException {
    int n = 60_000;
    BundleEntryProto.Builder full = BundleEntryProto.newBuilder().setDtype(DataType.DT_FLOAT).setShape(Bundles.shape(n));
    Bundles b = new Bundles();
    for (int i = 0; i < n; i++) {
      TensorSliceProto s = TensorSliceProto.newBuilder().addExtent(TensorSliceProto.Extent.newBuilder().setStart(i).setLength(1)).build();
      full.addSlices(s);
      b.add(io.github.jfreeze.codec.slice.TensorSlice.fromProto(s).key("t"),
          Bundles.entry(DataType.DT_FLOAT, Bundles.shape(1), 0, 4, FOUR_BYTES).toByteArray());
    }
    Path prefix = b.add("t", full.build()).write(tmp, FOUR_BYTES);
    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
      try (CheckpointReader r = CheckpointReader.open(prefix)) {
        assertEquals(n, r.read("t").numElements());
      }
    });
  }

  /**
   * A V1 tensor saved as 20,000 one-element slices, all in one Snappy-compressed block: each slice
   * looked up on its own would decompress the whole block again, 20,000 times.
   */
  @Test
  void v1SlicesInOneLargeBlockAreReadWithoutDecodingItPerSlice() throws IOException {
    int n = 20_000;
    SavedSliceMeta.Builder sm = SavedSliceMeta.newBuilder().setName("w").setType(DataType.DT_FLOAT).setShape(Bundles.shape(n));
    Map<byte[], byte[]> entries = new java.util.TreeMap<>(java.util.Arrays::compareUnsigned);
    for (int i = 0; i < n; i++) {
      TensorSliceProto s = TensorSliceProto.newBuilder().addExtent(TensorSliceProto.Extent.newBuilder().setStart(i).setLength(1)).build();
      sm.addSlice(s);
      entries.put(io.github.jfreeze.codec.slice.TensorSlice.fromProto(s).key("w"), SavedTensorSlices.newBuilder()
          .setData(SavedSlice.newBuilder().setName("w").setSlice(s).setData(TensorProto.newBuilder().addFloatVal(i))).build().toByteArray());
    }
    entries.put(new byte[0], SavedTensorSlices.newBuilder().setMeta(SavedTensorSliceMeta.newBuilder()
        .setVersions(VersionDef.newBuilder().setProducer(1)).addTensor(sm)).build().toByteArray());
    Path file = tmp.resolve("model.ckpt");
    Files.write(file, TableWriter.write(entries, 1 << 30, true));
    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
      try (CheckpointReader r = CheckpointReader.open(file)) {
        float[] w = r.read("w").toFloatArray();
        assertEquals(n, w.length);
        assertEquals(n - 1, w[n - 1]);
      }
    });
  }

  @Test
  void partitionedTensorTooLargeToAssembleFailsBeforeReading() throws IOException {
    // complex128[2^27] is 2 GiB: two slices of 1 GiB each, both pointing at the same (sparse) bytes
    long half = 1L << 26;
    BundleEntryProto.Builder full = BundleEntryProto.newBuilder().setDtype(DataType.DT_COMPLEX128).setShape(Bundles.shape(2 * half));
    Bundles b = new Bundles();
    for (long start : new long[] {0, half}) {
      TensorSliceProto s = TensorSliceProto.newBuilder().addExtent(TensorSliceProto.Extent.newBuilder().setStart(start).setLength(half)).build();
      full.addSlices(s);
      b.add(io.github.jfreeze.codec.slice.TensorSlice.fromProto(s).key("z"), BundleEntryProto.newBuilder()
          .setDtype(DataType.DT_COMPLEX128).setShape(Bundles.shape(half)).setSize(16 * half).build().toByteArray());
    }
    Path prefix = b.add("z", full.build()).write(tmp, new byte[0]);
    try (RandomAccessFile f = new RandomAccessFile(BundleReader.dataFile(prefix, 0, 1).toFile(), "rw")) {
      f.setLength(16 * half);
    }
    assertProblem(readFails(prefix), "partitioned tensor 'z': complex128[134217728] needs 2147483648 bytes, too many to assemble in one array");
  }

  /** TF's TensorSliceReader requires a V1 slice to hold exactly its element count; one value cannot fill 2^25 floats (128 MiB). */
  @Test
  void v1SliceHoldingFewerValuesThanElements() throws IOException {
    long n = 1L << 25;
    TensorSliceProto full = TensorSliceProto.newBuilder().addExtent(TensorSliceProto.Extent.newBuilder()).build();
    SavedTensorSlices meta = SavedTensorSlices.newBuilder().setMeta(SavedTensorSliceMeta.newBuilder()
        .setVersions(VersionDef.newBuilder().setProducer(1))
        .addTensor(SavedSliceMeta.newBuilder().setName("w").setType(DataType.DT_FLOAT).setShape(Bundles.shape(n)).addSlice(full)))
        .build();
    SavedTensorSlices data = SavedTensorSlices.newBuilder().setData(SavedSlice.newBuilder().setName("w").setSlice(full)
        .setData(TensorProto.newBuilder().addFloatVal(1f))).build();
    Map<byte[], byte[]> entries = new LinkedHashMap<>();
    entries.put(new byte[0], meta.toByteArray());
    entries.put(io.github.jfreeze.codec.slice.TensorSlice.fromProto(full).key("w"), data.toByteArray());
    Path file = tmp.resolve("model.ckpt");
    Files.write(file, TableWriter.write(entries, 262144, false));
    CorruptFileException e = readFails(() -> {
      try (V1Reader r = V1Reader.open(file, List.of(file), List.of())) {
        r.read("w");
      }
    });
    assertProblem(e, "slice - of 'w' had an unexpected amount of data: expected = 33554432, got = 1");
  }

  /**
   * Issue 10: a 1 GiB single-line .pbtxt ended in "unexpected IllegalArgumentException: capacity
   * < 0"; a text graph over the text limit is refused up front, reading 64 KiB of it (this test
   * runs in a 128 MiB heap).
   */
  @Test
  void aTextGraphOverTheTextLimitIsRefusedUpFront(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws IOException {
    java.nio.file.Path big = dir.resolve("huge.pbtxt");
    byte[] line = "node { name: \"n\" op: \"NoOp\" } ".repeat(1 << 12).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    try (var ch = java.nio.channels.FileChannel.open(big, java.nio.file.StandardOpenOption.CREATE_NEW,
        java.nio.file.StandardOpenOption.WRITE)) {
      long written = 0;
      while (written <= GraphFile.MAX_TEXT_SIZE) {
        written += ch.write(ByteBuffer.wrap(line));
      }
    }
    CorruptFileException e = assertThrows(CorruptFileException.class, () -> GraphFile.read(big));
    assertTrue(e.getMessage().contains("looks like a text-format graph of") && e.getMessage().contains("over jfreeze's 256 MiB"
        + " limit for text"), e.getMessage());
  }

  /** A FIFO as a graph file is refused without opening it (reading one blocks until a writer comes). */
  @Test
  void aFifoIsNotAGraphFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Path fifo = dir.resolve("fifo");
    assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
    ModelNotFoundException e = assertTimeoutPreemptively(java.time.Duration.ofSeconds(10),
        () -> assertThrows(ModelNotFoundException.class, () -> GraphFile.read(fifo)));
    assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
    assertThrows(ModelNotFoundException.class, () -> ModelLocator.locate(fifo));
  }
}
