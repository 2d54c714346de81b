package io.github.jfreeze.codec.bundle;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.protobuf.InvalidProtocolBufferException;
import io.github.jfreeze.codec.CorruptFileException;
import io.github.jfreeze.codec.DType;
import io.github.jfreeze.codec.Tensor;
import io.github.jfreeze.codec.TensorShape;
import io.github.jfreeze.codec.VariableInfo;
import io.github.jfreeze.codec.internal.Crc32c;
import io.github.jfreeze.codec.testing.Bundles;
import io.github.jfreeze.codec.testing.Chunks;
import io.github.jfreeze.codec.testing.FuzzFiles;
import io.github.jfreeze.codec.testing.StringTensorData;
import io.github.jfreeze.codec.testing.TableRepair;
import io.github.jfreeze.codec.testing.TableWriter;
import io.github.jfreeze.proto.BundleEntryProto;
import io.github.jfreeze.proto.BundleHeaderProto;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Fuzz targets for the V2 bundle reader (index entries + data file) and the string / variant
 * tensor decoder. Only {@link CorruptFileException} may escape. See codec/FUZZING.md.
 */
class BundleFuzzTest {
  private static final Path DIR = FuzzFiles.scratchDir("bundle");
  private static final Path PREFIX = DIR.resolve("model.ckpt");

  /**
   * A bundle as {@link Chunks}: {@code [mode] [data file] [key] [value] [key] [value] ...}. The
   * entries are written as a valid table (TableWriter), so the fuzzer works on the protos and the
   * data rather than on block checksums. Mode bit 0: recompute the crc32c of every numeric entry
   * whose range lies in the data; bit 1: the chunk after the data is a raw index file instead
   * (block checksums repaired when bit 2 is set too).
   */
  @FuzzTest(maxDuration = "10m")
  void bundle(byte[] input) throws IOException {
    List<byte[]> chunks = Chunks.split(input);
    int mode = Chunks.get(chunks, 0).length > 0 ? Chunks.get(chunks, 0)[0] : 0;
    byte[] data = Chunks.get(chunks, 1);
    byte[] index;
    int numShards = 1;
    if ((mode & 2) != 0) {
      index = Chunks.get(chunks, 2).clone();
      if ((mode & 4) != 0) {
        TableRepair.repairChecksums(index);
      }
    } else {
      Map<byte[], byte[]> entries = new TreeMap<>(Arrays::compareUnsigned); // a key given twice: the last wins
      for (int i = 2; i + 1 < chunks.size(); i += 2) {
        byte[] key = chunks.get(i);
        byte[] value = chunks.get(i + 1);
        if (key.length == 0) {
          numShards = shards(value);
        } else if ((mode & 1) != 0) {
          value = withCrc(value, data);
        }
        entries.put(key, value);
      }
      index = TableWriter.write(entries, 4096, false);
    }
    FuzzFiles.clear(DIR);
    Files.write(BundleReader.indexFile(PREFIX), index);
    for (int i = 0; i < numShards; i++) {
      Files.write(BundleReader.dataFile(PREFIX, i, numShards), data);
    }
    try (BundleReader r = BundleReader.open(PREFIX)) {
      FuzzFiles.readEverything(r);
    } catch (CorruptFileException e) {
      FuzzFiles.checkError(e);
    }
  }

  private static final DType[] WRITABLE = Arrays.stream(DType.values())
      .filter(d -> d.isFixedSize() || d == DType.STRING).toArray(DType[]::new);

  /**
   * Valid bundles, the other way round: tensors the fuzzer picks (any dtype TF's SaveV2 writes,
   * shapes with zero-sized dimensions, strings of any bytes, alignment padding between tensors)
   * written as TF's BundleWriter does must read back exactly. A valid file rejected is a finding.
   */
  @FuzzTest(maxDuration = "10m")
  void bundleRoundTrip(FuzzedDataProvider in) throws IOException {
    Map<String, Object[]> expected = new TreeMap<>();
    Bundles bundle = new Bundles();
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    int n = in.consumeInt(0, 12);
    for (int i = 0; i < n; i++) {
      String key = in.consumeAsciiString(24);
      DType dtype = in.pickValue(WRITABLE);
      long[] dims = new long[in.consumeInt(0, 3)];
      for (int d = 0; d < dims.length; d++) {
        dims[d] = in.consumeInt(0, 5);
      }
      TensorShape shape = TensorShape.of(dims);
      if (key.isEmpty() || key.charAt(0) == 0 || key.equals(BundleReader.OBJECT_GRAPH_KEY) || expected.containsKey(key)) {
        continue;
      }
      BundleEntryProto.Builder entry = BundleEntryProto.newBuilder().setDtype(dtype.proto()).setShape(shape.toProto())
          .setOffset(data.size());
      Object values;
      if (dtype == DType.STRING) {
        List<byte[]> strings = new ArrayList<>();
        for (long e = 0; e < shape.numElements(); e++) {
          strings.add(in.consumeBytes(in.consumeInt(0, 40)));
        }
        int[] crc = new int[1];
        byte[] bytes = StringTensorData.strings(strings, false, crc);
        entry.setSize(bytes.length).setCrc32C(crc[0]);
        data.writeBytes(bytes);
        values = strings;
      } else {
        byte[] bytes = Arrays.copyOf(in.consumeBytes((int) shape.numElements() * dtype.byteSize()),
            (int) shape.numElements() * dtype.byteSize());
        entry.setSize(bytes.length).setCrc32C(Crc32c.mask(Crc32c.of(bytes, 0, bytes.length)));
        data.writeBytes(bytes);
        values = bytes;
      }
      data.writeBytes(new byte[in.consumeInt(0, 3)]); // alignment padding, covered by no CRC
      bundle.add(key, entry.build());
      expected.put(key, new Object[] {dtype, shape, values});
    }
    FuzzFiles.clear(DIR);
    Path prefix = bundle.write(DIR, data.toByteArray());
    try (BundleReader r = BundleReader.open(prefix)) {
      List<String> keys = r.variables().stream().map(VariableInfo::key).toList();
      if (!keys.equals(List.copyOf(expected.keySet()))) {
        throw new AssertionError("lists " + keys + ", wrote " + expected.keySet());
      }
      for (Map.Entry<String, Object[]> e : expected.entrySet()) {
        Tensor t = r.read(e.getKey());
        Object[] x = e.getValue();
        boolean same = t.dtype() == x[0] && t.shape().equals(x[1]) && (t.hasElements()
            ? t.elements().size() == ((List<?>) x[2]).size() && java.util.stream.IntStream.range(0, t.elements().size())
                .allMatch(i -> Arrays.equals(t.elements().get(i), (byte[]) ((List<?>) x[2]).get(i)))
            : Arrays.equals(t.toByteArray(), (byte[]) x[2]));
        if (!same) {
          throw new AssertionError("'" + e.getKey() + "' reads back as " + t + ", wrote " + x[0] + x[1]);
        }
      }
    } catch (CorruptFileException e) {
      throw new AssertionError("a bundle written TF's way was rejected", e);
    }
  }

  /** The header's shard count when it is small, so that data files exist for it; else 1. */
  private static int shards(byte[] header) {
    try {
      int n = BundleHeaderProto.parseFrom(header).getNumShards();
      return n >= 1 && n <= 4 ? n : 1;
    } catch (InvalidProtocolBufferException e) {
      return 1;
    }
  }

  private static byte[] withCrc(byte[] value, byte[] data) {
    try {
      BundleEntryProto p = BundleEntryProto.parseFrom(value);
      if (p.getOffset() >= 0 && p.getSize() >= 0 && p.getOffset() <= data.length
          && p.getSize() <= data.length - p.getOffset()) {
        int crc = Crc32c.mask(Crc32c.of(data, (int) p.getOffset(), (int) p.getSize()));
        return p.toBuilder().setCrc32C(crc).build().toByteArray();
      }
    } catch (InvalidProtocolBufferException e) {
      // leave it as it is
    }
    return value;
  }

  /**
   * The string and variant layouts. Either a list of strings the fuzzer picks, encoded the way TF
   * writes them (then maybe damaged; undamaged they must decode to exactly those strings), or raw
   * bytes decoded against a fuzzer-picked shape and checksum.
   */
  @FuzzTest(maxDuration = "10m")
  void stringTensor(FuzzedDataProvider in) throws CorruptFileException {
    boolean bigEndian = in.consumeBoolean();
    boolean variant = in.consumeBoolean();
    Path file = Path.of("fuzz.data-00000-of-00001");
    if (in.consumeBoolean()) {
      int n = in.consumeInt(0, 40);
      List<byte[]> strings = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        strings.add(in.consumeBytes(in.consumeInt(0, 300)));
      }
      int[] crc = new int[1];
      byte[] encoded = variant ? StringTensorData.variant(strings, crc) : StringTensorData.strings(strings, bigEndian, crc);
      int damage = in.consumeInt(0, 2);
      for (int i = 0; i < damage && encoded.length > 0; i++) {
        encoded[in.consumeInt(0, encoded.length - 1)] ^= (byte) in.consumeInt(1, 255);
      }
      if (damage > 0 && in.consumeBoolean()) {
        encoded = Arrays.copyOf(encoded, in.consumeInt(0, encoded.length));
      }
      TensorShape shape = n == 4 && in.consumeBoolean() ? TensorShape.of(2, 2) : TensorShape.of(n);
      try {
        Tensor t = decode(variant, shape, encoded, crc[0], bigEndian, file);
        if (damage == 0 && !sameElements(strings, t.elements())) {
          throw new AssertionError("round trip of " + n + " strings changed them");
        }
      } catch (CorruptFileException e) {
        FuzzFiles.checkError(e);
        if (damage == 0) {
          throw new AssertionError("rejected what TF's writer produces", e);
        }
      }
    } else {
      int rank = in.consumeInt(0, 3);
      long[] dims = new long[rank];
      for (int i = 0; i < rank; i++) {
        dims[i] = in.consumeBoolean() ? in.consumeLong(0, Long.MAX_VALUE) : in.consumeInt(0, 20);
      }
      TensorShape shape;
      try {
        shape = TensorShape.of(dims);
      } catch (IllegalArgumentException e) {
        return; // the bundle reader rejects such shapes before it gets here
      }
      int storedCrc = in.consumeInt();
      byte[] data = in.consumeRemainingAsBytes();
      try {
        decode(variant, shape, data, storedCrc, bigEndian, file);
      } catch (CorruptFileException e) {
        FuzzFiles.checkError(e);
      }
    }
  }

  private static Tensor decode(boolean variant, TensorShape shape, byte[] data, int crc, boolean bigEndian, Path file)
      throws CorruptFileException {
    // a buffer that does not start at 0, as slices of a mapped data file do not
    ByteBuffer buf = ByteBuffer.allocate(data.length + 3).position(3).slice().put(data).flip();
    return variant
        ? StringTensors.decodeVariant("t", shape, buf, crc, file, 100)
        : StringTensors.decode("t", shape, buf, crc, bigEndian, file, 100);
  }

  private static boolean sameElements(List<byte[]> a, List<byte[]> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!Arrays.equals(a.get(i), b.get(i))) {
        return false;
      }
    }
    return true;
  }
}
