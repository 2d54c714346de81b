package io.github.jfreeze.codec.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jfreeze.codec.CheckpointFormat;
import io.github.jfreeze.codec.CheckpointReader;
import io.github.jfreeze.codec.CorruptFileException;
import io.github.jfreeze.codec.DType;
import io.github.jfreeze.codec.ModelLocator;
import io.github.jfreeze.codec.Tensor;
import io.github.jfreeze.codec.TensorShape;
import io.github.jfreeze.codec.VariableInfo;
import io.github.jfreeze.codec.bundle.BundleIndex.Entry;
import io.github.jfreeze.codec.internal.FileSource;
import io.github.jfreeze.codec.slice.TensorSlice;
import io.github.jfreeze.codec.table.Table;
import io.github.jfreeze.codec.testing.Bundles;
import io.github.jfreeze.codec.testing.TestPaths;
import io.github.jfreeze.proto.BundleEntryProto;
import io.github.jfreeze.proto.DataType;
import io.github.jfreeze.proto.TensorSliceProto;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundle writer against TF's own: every V2 bundle native TF wrote for the fixtures and the zoo
 * is written again from what jfreeze reads of it, tensor by tensor in TF's order, and the index and
 * every data file must be byte for byte TF's (the header, the sorted entries, separators between
 * blocks, restart points, trailers and footer, string layouts and CRCs). Then it is read back with
 * {@link BundleReader}, every checksum verified.
 */
class BundleWriterTest {
  @TempDir Path tmp;

  /** Every V2 bundle in testdata: fixtures (sharded, partitioned, strings, every dtype, 2 index blocks) and zoo models. */
  static List<Path> bundles() throws IOException {
    try (Stream<Path> s = Files.walk(TestPaths.testdata())) {
      // special/ holds checkpoints that cannot be read whole on purpose (a partly stored partitioned variable)
      return s.filter(p -> p.getFileName().toString().endsWith(".index"))
          .filter(p -> !p.startsWith(TestPaths.testdata().resolve("special"))).sorted()
          .map(p -> p.resolveSibling(p.getFileName().toString().replaceAll("\\.index$", ""))).toList();
    }
  }

  /** One stored entry with data: a tensor, or a slice of a partitioned one. */
  private record Item(String key, TensorSlice slice, Entry entry) {}

  @TestFactory
  Stream<DynamicTest> writingWhatTfWroteGivesTfsBytes() throws IOException {
    List<Path> all = bundles();
    assertTrue(all.size() >= 20, all.toString());
    return all.stream().map(p -> DynamicTest.dynamicTest(TestPaths.testdata().relativize(p).toString(), () -> rewrite(p)));
  }

  private void rewrite(Path prefix) throws IOException {
    BundleIndex index = BundleIndex.read(BundleReader.indexFile(prefix));
    List<Item> items = new ArrayList<>();
    for (Entry e : index.entries().values()) {
      if (!e.partitioned()) {
        items.add(new Item(e.key(), null, e));
        continue;
      }
      for (TensorSliceProto sp : e.proto().getSlicesList()) {
        TensorSlice s = TensorSlice.fromProto(sp);
        items.add(new Item(e.key(), s, index.slice(e.key(), s)));
      }
    }
    // TF's data files hold tensors in the order they were added
    items.sort(Comparator.comparingInt((Item i) -> i.entry().proto().getShardId())
        .thenComparingLong(i -> i.entry().proto().getOffset()));
    int shards = index.numShards();
    Path out = Files.createDirectories(tmp.resolve(TestPaths.testdata().relativize(prefix).toString().replace('/', '_')))
        .resolve(prefix.getFileName().toString());
    int verbatim = 0;
    try (BundleWriter w = BundleWriter.create(out, shards)) {
      for (Item i : items) {
        BundleEntryProto p = i.entry().proto();
        Path data = BundleReader.dataFile(prefix, p.getShardId(), shards);
        byte[] bytes;
        try (FileSource f = FileSource.open(data)) {
          ByteBuffer b = f.read(p.getOffset(), p.getSize());
          bytes = new byte[b.remaining()];
          b.get(bytes);
        }
        DType dtype = i.entry().dtype();
        TensorShape full = index.get(i.key()).shape();
        if (dtype.isFixedSize()) {
          BundleWriter.Body body = ch -> ch.write(ByteBuffer.wrap(bytes));
          if (i.slice() == null && verbatim++ % 2 == 0) { // half of them with TF's CRC taken over, written to the file itself
            w.addVerbatim(i.key(), dtype, i.entry().shape(), p.getShardId(), p.getCrc32C(), body);
          } else if (i.slice() == null) {
            w.add(i.key(), dtype, i.entry().shape(), p.getShardId(), body);
          } else {
            w.addSlice(i.key(), full, i.slice(), dtype, p.getShardId(), body);
          }
        } else {
          Tensor t = dtype == DType.STRING
              ? StringTensors.decode(i.key(), i.entry().shape(), ByteBuffer.wrap(bytes), p.getCrc32C(), false, data, 0)
              : StringTensors.decodeVariant(i.key(), i.entry().shape(), ByteBuffer.wrap(bytes), p.getCrc32C(), data, 0);
          if (i.slice() == null) {
            w.add(i.key(), t, p.getShardId());
          } else {
            w.addSlice(i.key(), full, i.slice(), t, p.getShardId());
          }
        }
      }
      w.finish();
    }
    assertArrayEquals(Files.readAllBytes(BundleReader.indexFile(prefix)), Files.readAllBytes(BundleReader.indexFile(out)),
        "index of " + prefix);
    for (int s = 0; s < shards; s++) {
      assertArrayEquals(Files.readAllBytes(BundleReader.dataFile(prefix, s, shards)),
          Files.readAllBytes(BundleReader.dataFile(out, s, shards)), "data file " + s + " of " + prefix);
    }
    assertSameTensors(prefix, out);
  }

  /** Both read the same with checksums verified. */
  static void assertSameTensors(Path expected, Path actual) throws IOException {
    try (CheckpointReader a = ModelLocator.locate(expected).openCheckpoint(); BundleReader b = BundleReader.open(actual)) {
      assertEquals(a.variables().size(), b.variables().size());
      for (VariableInfo v : a.variables()) {
        VariableInfo w = b.variable(v.key()).orElseThrow();
        assertEquals(List.of(v.name(), v.dtype(), v.shape()), List.of(w.name(), w.dtype(), w.shape()), v.key());
        b.verify(v.key());
        Tensor x = a.read(v.key());
        Tensor y = b.read(v.key());
        if (x.hasElements()) {
          assertEquals(x.elements().size(), y.elements().size());
          for (int i = 0; i < x.elements().size(); i++) {
            assertArrayEquals(x.elements().get(i), y.elements().get(i), v.key());
          }
        } else {
          assertArrayEquals(x.toByteArray(), y.toByteArray(), v.key());
        }
      }
    }
  }

  /** V1 checkpoints (slices too) written as V2 from their tensors: read back the same. */
  @Test
  void v1CheckpointsWrittenAsV2ReadBackTheSame() throws IOException {
    for (String name : List.of("v1_single", "v1_sharded", "v1_slices")) {
      Path dir = TestPaths.testdata().resolve("checkpoints").resolve(name);
      Path out = tmp.resolve(name);
      try (CheckpointReader in = ModelLocator.locate(dir).openCheckpoint(); BundleWriter w = BundleWriter.create(out, 2)) {
        assertEquals(CheckpointFormat.V1, in.format());
        int n = 0;
        for (VariableInfo v : in.variables()) {
          w.add(v.key(), in.read(v.key()), n++ % 2);
        }
        w.finish();
      }
      assertSameTensors(dir, out);
    }
  }

  /**
   * A tensor over 2 GiB is streamed, never held: written to a channel that only counts, its
   * offset, size and CRC land in the index as 64-bit numbers.
   */
  @Test
  void tensorsOver2GiBStream() throws IOException {
    long elements = (1L << 31) / 4 + 1024; // 2 GiB + 4 KiB of float32
    java.io.ByteArrayOutputStream index = new java.io.ByteArrayOutputStream();
    WritableByteChannel data = java.nio.channels.Channels.newChannel(java.io.OutputStream.nullOutputStream());
    BundleWriter w = BundleWriter.over(java.nio.channels.Channels.newChannel(index), List.of(data));
    w.add("small", Tensor.of(DType.INT32, TensorShape.of(2), ByteBuffer.allocate(8)), 0);
    ByteBuffer zeros = ByteBuffer.allocateDirect(16 << 20);
    w.add("huge", DType.FLOAT32, TensorShape.of(elements), 0, ch -> {
      long left = elements * 4;
      while (left > 0) {
        zeros.clear().limit((int) Math.min(zeros.capacity(), left));
        left -= ch.write(zeros);
      }
    });
    w.add("after", Tensor.of(DType.INT32, TensorShape.of(1), ByteBuffer.allocate(4)), 0);
    w.finish();
    Path file = tmp.resolve("huge.index");
    Files.write(file, index.toByteArray());
    BundleIndex read = BundleIndex.read(file);
    BundleEntryProto huge = read.get("huge").proto();
    assertEquals(8, huge.getOffset());
    assertEquals(elements * 4, huge.getSize());
    assertEquals(8 + elements * 4, read.get("after").proto().getOffset());
    // CRC32C of 2 GiB + 4 KiB of zeros, as java.util.zip.CRC32C computes it in pieces
    java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
    byte[] z = new byte[1 << 20];
    for (long left = elements * 4; left > 0; left -= z.length) {
      crc.update(z, 0, (int) Math.min(z.length, left));
    }
    assertEquals(io.github.jfreeze.codec.internal.Crc32c.mask((int) crc.getValue()), huge.getCrc32C());
  }

  @Test
  void misuseIsRefused() throws IOException {
    Path out = tmp.resolve("bad");
    try (BundleWriter w = BundleWriter.create(out, 1)) {
      Tensor one = Tensor.of(DType.INT32, TensorShape.of(1), ByteBuffer.allocate(4));
      w.add("a", one, 0);
      assertThrows(IllegalArgumentException.class, () -> w.add("a", one, 0));
      assertThrows(IllegalArgumentException.class, () -> w.add("", one, 0));
      assertThrows(IllegalArgumentException.class, () -> w.add("\0x", one, 0));
      assertThrows(IllegalArgumentException.class, () -> w.add("b", one, 1));
      IllegalStateException e = assertThrows(IllegalStateException.class,
          () -> w.add("c", DType.FLOAT32, TensorShape.of(2), 0, ch -> ch.write(ByteBuffer.allocate(4))));
      assertThrows(IllegalStateException.class,
          () -> w.addVerbatim("d", DType.FLOAT32, TensorShape.of(2), 0, 0, ch -> ch.write(ByteBuffer.allocate(12))));
      assertThrows(IllegalArgumentException.class,
          () -> w.addVerbatim("e", DType.STRING, TensorShape.of(2), 0, 0, ch -> ch.write(ByteBuffer.allocate(2))));
      assertTrue(e.getMessage().contains("needs 8 bytes; 4 were written"), e.getMessage());
    }
    // the files exist: create() never replaces a bundle
    assertThrows(java.nio.file.FileAlreadyExistsException.class, () -> BundleWriter.create(out, 1));
  }

  /**
   * Keys are found by {@code variable(key)} where their UTF-8 order (the index's) differs from
   * their UTF-16 order (String.compareTo's): U+FF21 comes before U+1F600 in UTF-8, after it in UTF-16.
   */
  @Test
  void variablesAreFoundByKeyInTheIndexOrder() throws IOException {
    Path out = tmp.resolve("order");
    List<String> keys = List.of("a", "a/\uFF21", "a/\uD83D\uDE00", "b", "\uFF21", "\uD83D\uDE00", "z");
    try (BundleWriter w = BundleWriter.create(out, 1)) {
      for (String k : keys) {
        w.add(k, Tensor.of(DType.INT32, TensorShape.of(1), ByteBuffer.allocate(4)), 0);
      }
      w.finish();
    }
    try (CheckpointReader r = CheckpointReader.open(out)) {
      List<String> listed = r.variables().stream().map(VariableInfo::key).toList();
      assertEquals(keys.size(), listed.size());
      assertTrue(!listed.stream().sorted().toList().equals(listed), "the listing is not in UTF-16 order: " + listed);
      for (String k : keys) {
        assertEquals(k, r.variable(k).orElseThrow(() -> new AssertionError(k)).key());
      }
      assertTrue(r.variable("a/\uFF22").isEmpty());
      assertTrue(r.variable(null).isEmpty());
    }
  }

  /**
   * Two keys that are not valid UTF-8 and decode to the same string, before a valid one: the reader
   * lists one tensor under that string, and {@code variable} finds it (one by one: the entry kept
   * is the second's, whose place would be the next key's) and every other key by its place.
   */
  @Test
  void keysDecodingToTheSameStringAreFoundAsListed() throws IOException {
    byte[] data = new byte[4];
    var entry = Bundles.entry(DataType.DT_INT32, Bundles.shape(1), 0, 4, data).toByteArray();
    Path prefix = new Bundles()
        .add("a".getBytes(StandardCharsets.UTF_8), entry)
        .add("z".getBytes(StandardCharsets.UTF_8), entry)
        .add(new byte[] {(byte) 0x80, 'x'}, entry)
        .add(new byte[] {(byte) 0x81, 'x'}, entry)
        .add("\u00e9".getBytes(StandardCharsets.UTF_8), entry)
        .write(tmp.resolve("undecodable"), data);
    try (CheckpointReader r = CheckpointReader.open(prefix)) {
      List<String> listed = r.variables().stream().map(VariableInfo::key).toList();
      assertEquals(List.of("a", "z", "\uFFFDx", "\u00e9"), listed);
      for (VariableInfo v : r.variables()) {
        assertTrue(r.variable(v.key()).orElseThrow() == v, v.key());
      }
      assertTrue(r.variable("x").isEmpty());
    }
  }

  /** A damaged byte in what the writer wrote is caught by the reader: the CRCs are real. */
  @Test
  void writtenChecksumsAreChecked() throws IOException {
    Path out = tmp.resolve("crc");
    try (BundleWriter w = BundleWriter.create(out, 1)) {
      w.add("t", Tensor.of(DType.FLOAT32, TensorShape.of(4), ByteBuffer.allocate(16)), 0);
      w.finish();
    }
    Path data = BundleReader.dataFile(out, 0, 1);
    byte[] d = Files.readAllBytes(data);
    d[5] ^= 1;
    Files.write(data, d);
    try (BundleReader r = BundleReader.open(out)) {
      CorruptFileException e = assertThrows(CorruptFileException.class, () -> r.read("t"));
      assertTrue(e.getMessage().contains("checksum"), e.getMessage());
    }
    Path index = BundleReader.indexFile(out);
    byte[] x = Files.readAllBytes(index);
    x[3] ^= 1;
    Files.write(index, x);
    CorruptFileException e = assertThrows(CorruptFileException.class, () -> Table.open(index).cursor().next());
    assertTrue(e.getMessage().contains("block checksum mismatch"), e.getMessage());
  }

  @Test
  void slicesAreListedInTheFullEntryAndKeyedByOrderedCode() throws IOException {
    Path out = tmp.resolve("sliced");
    TensorShape full = TensorShape.of(4, 2);
    try (BundleWriter w = BundleWriter.create(out, 2)) {
      ByteBuffer top = ByteBuffer.allocate(16).order(java.nio.ByteOrder.LITTLE_ENDIAN).putFloat(1).putFloat(2).putFloat(3)
          .putFloat(4).flip();
      ByteBuffer bottom = ByteBuffer.allocate(16).order(java.nio.ByteOrder.LITTLE_ENDIAN).putFloat(5).putFloat(6)
          .putFloat(7).putFloat(8).flip();
      w.addSlice("m", full, TensorSlice.parse("2,2:-"), Tensor.of(DType.FLOAT32, TensorShape.of(2, 2), bottom), 1);
      w.addSlice("m", full, TensorSlice.parse("0,2:-"), Tensor.of(DType.FLOAT32, TensorShape.of(2, 2), top), 0);
      // a slice that is the whole tensor is the tensor
      w.addSlice("whole", TensorShape.of(1), TensorSlice.parse("0,1"), Tensor.of(DType.INT8, TensorShape.of(1),
          ByteBuffer.wrap(new byte[] {7})), 0);
      w.finish();
    }
    try (BundleReader r = BundleReader.open(out)) {
      assertEquals(List.of("2,2:-", "0,2:-"), r.variable("m").orElseThrow().slices());
      assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, r.read("m").toFloatArray());
      assertEquals(List.of(), r.variable("whole").orElseThrow().slices());
    }
    byte[] key = TensorSlice.parse("0,2:-").key("m");
    assertTrue(Arrays.equals(new byte[] {0, 'm', 0, 1, 1, 2, (byte) 0x80, (byte) 0x82, (byte) 0x80, 0x7f}, key));
  }
}
