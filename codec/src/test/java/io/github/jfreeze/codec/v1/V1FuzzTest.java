package io.github.jfreeze.codec.v1;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.protobuf.ByteString;
import io.github.jfreeze.codec.CorruptFileException;
import io.github.jfreeze.codec.DType;
import io.github.jfreeze.codec.Tensor;
import io.github.jfreeze.codec.TensorShape;
import io.github.jfreeze.codec.VariableInfo;
import io.github.jfreeze.codec.slice.TensorSlice;
import io.github.jfreeze.codec.testing.Chunks;
import io.github.jfreeze.codec.testing.FuzzFiles;
import io.github.jfreeze.codec.testing.TableRepair;
import io.github.jfreeze.codec.testing.TableWriter;
import io.github.jfreeze.proto.SavedSlice;
import io.github.jfreeze.proto.SavedSliceMeta;
import io.github.jfreeze.proto.SavedTensorSliceMeta;
import io.github.jfreeze.proto.SavedTensorSlices;
import io.github.jfreeze.proto.TensorProto;
import io.github.jfreeze.proto.TensorSliceProto;
import io.github.jfreeze.proto.VersionDef;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/** Fuzz target for the V1 (tensor slices) reader: only {@link CorruptFileException} may escape. See codec/FUZZING.md. */
class V1FuzzTest {
  private static final Path DIR = FuzzFiles.scratchDir("v1");

  /**
   * One or two V1 files as {@link Chunks}: {@code [mode] [key] [value] ...}, written as a valid
   * table so the fuzzer works on SavedTensorSlices protos. Mode bit 1: the chunks after the mode
   * are raw table files instead (block checksums repaired when bit 2 is set too); bit 0: split the
   * entries over two shards, the metadata entry in both.
   */
  @FuzzTest(maxDuration = "10m")
  void v1(byte[] input) throws IOException {
    List<byte[]> chunks = Chunks.split(input);
    int mode = Chunks.get(chunks, 0).length > 0 ? Chunks.get(chunks, 0)[0] : 0;
    List<byte[]> files = new ArrayList<>();
    if ((mode & 2) != 0) {
      for (int i = 1; i < Math.min(chunks.size(), 3); i++) {
        byte[] f = chunks.get(i).clone();
        if ((mode & 4) != 0) {
          TableRepair.repairChecksums(f);
        }
        files.add(f);
      }
    } else {
      int shards = (mode & 1) != 0 ? 2 : 1;
      List<Map<byte[], byte[]>> entries = new ArrayList<>();
      for (int s = 0; s < shards; s++) {
        entries.add(new TreeMap<>(Arrays::compareUnsigned)); // a key given twice: the last wins
      }
      for (int i = 1; i + 1 < chunks.size(); i += 2) {
        if (chunks.get(i).length == 0) {
          for (Map<byte[], byte[]> m : entries) {
            m.put(new byte[0], chunks.get(i + 1));
          }
        } else {
          entries.get((i / 2) % shards).put(chunks.get(i), chunks.get(i + 1));
        }
      }
      for (Map<byte[], byte[]> m : entries) {
        files.add(TableWriter.write(m, 4096, false));
      }
    }
    FuzzFiles.clear(DIR);
    List<Path> paths = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      Path p = DIR.resolve(String.format("model.ckpt-%05d-of-%05d", i, files.size()));
      Files.write(p, files.get(i));
      paths.add(p);
    }
    try (V1Reader r = V1Reader.open(DIR.resolve("model.ckpt-?????-of-0000" + files.size()), paths, List.of())) {
      FuzzFiles.readEverything(r);
    } catch (CorruptFileException e) {
      FuzzFiles.checkError(e);
    }
  }

  private static final DType[] V1_TYPES = Arrays.stream(DType.values())
      .filter(d -> d.isFixedSize() || d == DType.STRING).toArray(DType[]::new);

  /**
   * Valid V1 checkpoints, the other way round: tensors the fuzzer picks, each saved whole or split
   * in two along its first dimension, with values in the typed TensorProto fields as TF's
   * TensorSliceWriter stores them, must read back exactly. A valid file rejected is a finding.
   */
  @FuzzTest(maxDuration = "10m")
  void v1RoundTrip(FuzzedDataProvider in) throws IOException {
    Map<byte[], byte[]> entries = new TreeMap<>(Arrays::compareUnsigned);
    SavedTensorSliceMeta.Builder meta = SavedTensorSliceMeta.newBuilder().setVersions(VersionDef.newBuilder().setProducer(1));
    Map<String, Object[]> expected = new TreeMap<>();
    int n = in.consumeInt(0, 8);
    for (int i = 0; i < n; i++) {
      String name = in.consumeAsciiString(16);
      DType dtype = in.pickValue(V1_TYPES);
      long[] dims = new long[in.consumeInt(0, 3)];
      for (int d = 0; d < dims.length; d++) {
        dims[d] = in.consumeInt(0, 4);
      }
      if (name.isEmpty() || expected.containsKey(name)) {
        continue;
      }
      TensorShape shape = TensorShape.of(dims);
      int count = (int) shape.numElements();
      ByteBuffer raw = ByteBuffer.allocate(dtype.isFixedSize() ? count * dtype.byteSize() : 0).order(ByteOrder.LITTLE_ENDIAN);
      List<byte[]> strings = new ArrayList<>();
      List<TensorProto> perElement = new ArrayList<>();
      for (int e = 0; e < count; e++) {
        TensorProto.Builder one = TensorProto.newBuilder();
        addValue(in, dtype, one, raw, strings);
        perElement.add(one.build());
      }
      // split along dimension 0 at k (or keep whole)
      int d0 = dims.length > 0 ? (int) dims[0] : 0;
      int k = d0 >= 2 && in.consumeBoolean() ? in.consumeInt(1, d0 - 1) : -1;
      SavedSliceMeta.Builder sm = SavedSliceMeta.newBuilder().setName(name).setType(dtype.proto()).setShape(shape.toProto());
      int rowSize = d0 == 0 ? 0 : count / d0;
      long[][] parts = k < 0 ? new long[][] {{-1, 0, count}} : new long[][] {{0, 0, k * rowSize}, {k, k * rowSize, count}};
      for (int p = 0; p < parts.length; p++) {
        TensorSliceProto.Builder slice = TensorSliceProto.newBuilder();
        for (int d = 0; d < dims.length; d++) {
          TensorSliceProto.Extent.Builder ext = slice.addExtentBuilder();
          if (d == 0 && k >= 0) {
            ext.setStart(parts[p][0]).setLength(p == 0 ? k : d0 - k);
          }
        }
        TensorProto.Builder values = TensorProto.newBuilder();
        ByteString float8 = ByteString.EMPTY; // a bytes field: merging would replace, not append
        for (int e = (int) parts[p][1]; e < parts[p][2]; e++) {
          values.mergeFrom(perElement.get(e));
          float8 = float8.concat(perElement.get(e).getFloat8Val());
        }
        values.setFloat8Val(float8);
        sm.addSlice(slice);
        entries.put(TensorSlice.fromProto(slice.build()).key(name), SavedTensorSlices.newBuilder().setData(SavedSlice.newBuilder()
            .setName(name).setSlice(slice).setData(values)).build().toByteArray());
      }
      meta.addTensor(sm);
      expected.put(name, new Object[] {dtype, shape, dtype.isFixedSize() ? raw.array() : strings});
    }
    entries.put(new byte[0], SavedTensorSlices.newBuilder().setMeta(meta).build().toByteArray());
    FuzzFiles.clear(DIR);
    Path file = DIR.resolve("model.ckpt");
    Files.write(file, TableWriter.write(entries, 1024, false));
    try (V1Reader r = V1Reader.open(file, List.of(file), List.of())) {
      List<String> keys = r.variables().stream().map(VariableInfo::key).toList();
      if (!keys.equals(List.copyOf(expected.keySet()))) {
        throw new AssertionError("lists " + keys + ", wrote " + expected.keySet());
      }
      for (Map.Entry<String, Object[]> e : expected.entrySet()) {
        Tensor t = r.read(e.getKey());
        Object[] x = e.getValue();
        boolean same = t.dtype() == x[0] && t.shape().equals(x[1]) && (t.hasElements()
            ? t.elements().size() == ((List<?>) x[2]).size() && IntStream.range(0, t.elements().size())
                .allMatch(i -> Arrays.equals(t.elements().get(i), (byte[]) ((List<?>) x[2]).get(i)))
            : Arrays.equals(t.toByteArray(), (byte[]) x[2]));
        if (!same) {
          throw new AssertionError("'" + e.getKey() + "' reads back as " + t + ", wrote " + x[0] + x[1]);
        }
      }
    } catch (CorruptFileException e) {
      throw new AssertionError("a V1 checkpoint written TF's way was rejected", e);
    }
  }

  /** One element in the typed field TF's writer uses for the dtype, and its little-endian bytes. */
  private static void addValue(FuzzedDataProvider in, DType dtype, TensorProto.Builder p, ByteBuffer raw, List<byte[]> strings) {
    switch (dtype) {
      case STRING -> {
        byte[] b = in.consumeBytes(in.consumeInt(0, 20));
        p.addStringVal(ByteString.copyFrom(b));
        strings.add(b);
      }
      case FLOAT32 -> {
        float f = in.consumeFloat();
        f = Float.isNaN(f) ? 0f : f;
        p.addFloatVal(f);
        raw.putFloat(f);
      }
      case FLOAT64 -> {
        double d = in.consumeDouble();
        d = Double.isNaN(d) ? 0 : d;
        p.addDoubleVal(d);
        raw.putDouble(d);
      }
      case COMPLEX64 -> {
        for (int i = 0; i < 2; i++) {
          float f = in.consumeFloat();
          f = Float.isNaN(f) ? 0f : f;
          p.addScomplexVal(f);
          raw.putFloat(f);
        }
      }
      case COMPLEX128 -> {
        for (int i = 0; i < 2; i++) {
          double d = in.consumeDouble();
          d = Double.isNaN(d) ? 0 : d;
          p.addDcomplexVal(d);
          raw.putDouble(d);
        }
      }
      case INT32, QINT32 -> {
        int v = in.consumeInt();
        p.addIntVal(v);
        raw.putInt(v);
      }
      case INT16, UINT16, QINT16, QUINT16 -> {
        short v = in.consumeShort();
        p.addIntVal(v);
        raw.putShort(v);
      }
      case INT8, UINT8, QINT8, QUINT8, INT4, UINT4 -> {
        byte v = in.consumeByte();
        p.addIntVal(v);
        raw.put(v);
      }
      case INT64 -> {
        long v = in.consumeLong();
        p.addInt64Val(v);
        raw.putLong(v);
      }
      case UINT32 -> {
        int v = in.consumeInt();
        p.addUint32Val(v);
        raw.putInt(v);
      }
      case UINT64 -> {
        long v = in.consumeLong();
        p.addUint64Val(v);
        raw.putLong(v);
      }
      case BOOL -> {
        boolean v = in.consumeBoolean();
        p.addBoolVal(v);
        raw.put((byte) (v ? 1 : 0));
      }
      case FLOAT16, BFLOAT16 -> {
        short v = in.consumeShort();
        p.addHalfVal(v & 0xffff);
        raw.putShort(v);
      }
      case FLOAT8_E5M2, FLOAT8_E4M3FN -> {
        byte v = in.consumeByte();
        p.setFloat8Val(p.getFloat8Val().concat(ByteString.copyFrom(new byte[] {v})));
        raw.put(v);
      }
      default -> throw new AssertionError(dtype);
    }
  }
}
