package io.github.jfreeze.codec.v1;

import com.google.protobuf.InvalidProtocolBufferException;
import io.github.jfreeze.codec.CheckpointFormat;
import io.github.jfreeze.codec.CheckpointReader;
import io.github.jfreeze.codec.CorruptFileException;
import io.github.jfreeze.codec.DType;
import io.github.jfreeze.codec.Tensor;
import io.github.jfreeze.codec.TensorProtos;
import io.github.jfreeze.codec.TensorShape;
import io.github.jfreeze.codec.VariableInfo;
import io.github.jfreeze.codec.internal.Printable;
import io.github.jfreeze.codec.slice.SliceAssembler;
import io.github.jfreeze.codec.slice.TensorSlice;
import io.github.jfreeze.codec.table.Table;
import io.github.jfreeze.codec.table.TableEntry;
import io.github.jfreeze.proto.SavedSlice;
import io.github.jfreeze.proto.SavedSliceMeta;
import io.github.jfreeze.proto.SavedTensorSlices;
import io.github.jfreeze.proto.TensorProto;
import io.github.jfreeze.proto.TensorSliceProto;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads legacy V1 checkpoints (tensor_slice_writer.cc / tensor_slice_reader.cc): one or more
 * tables whose key "" holds a {@code SavedTensorSliceMeta} listing each tensor's name, shape,
 * dtype and slices, and whose other keys ({@code EncodeTensorNameSlice(name, slice)}) hold a
 * {@code SavedSlice} with the values in a typed {@code TensorProto} field.
 */
public final class V1Reader implements CheckpointReader {
  /** TF_CHECKPOINT_VERSION (core/public/version.h). */
  static final int CHECKPOINT_VERSION = 1;

  private final Path pattern;
  private final List<Table> tables;
  private final Map<String, Tensor1> tensors;
  private final List<VariableInfo> variables = new ArrayList<>();
  private final List<String> warnings;
  /** Tensors whose stored slices leave part of them uncovered, with what reading one whole says. */
  private final Map<String, String> partial;
  private volatile boolean closed;

  /** One tensor: dtype, shape, and where each of its slices is stored. */
  private record Tensor1(String name, DType dtype, TensorShape shape, List<TensorSlice> slices, List<Integer> files,
      long metaOffset, Path metaFile) {}

  private V1Reader(Path pattern, List<Table> tables, Map<String, Tensor1> tensors, Map<String, String> partial,
      List<String> warnings) {
    this.pattern = pattern;
    this.partial = partial;
    this.tables = tables;
    this.tensors = tensors;
    this.warnings = new ArrayList<>(warnings);
    for (Tensor1 t : tensors.values()) {
      variables.add(info(t));
    }
  }

  private static VariableInfo info(Tensor1 t) {
    boolean whole = t.slices().size() == 1 && t.slices().get(0).equals(TensorSlice.full(t.shape().rank()));
    return new VariableInfo(t.name(), t.name(), t.dtype(), t.shape(),
        whole ? List.of() : t.slices().stream().map(TensorSlice::toString).toList());
  }

  /**
   * Opens the V1 checkpoint stored in {@code files} (all shards of one save).
   *
   * @param pattern the file or pattern the user named, reported by {@link #prefix()}
   */
  public static V1Reader open(Path pattern, List<Path> files, List<String> warnings) throws IOException {
    List<Table> tables = new ArrayList<>();
    try {
      Map<String, Tensor1> tensors = new TreeMap<>();
      for (int i = 0; i < files.size(); i++) {
        Table table = Table.open(files.get(i));
        tables.add(table);
        readMeta(table, i, tensors);
      }
      Map<String, String> partial = new HashMap<>();
      for (Tensor1 t : tensors.values()) {
        long covered;
        try {
          covered = SliceAssembler.checkNoOverlap(t.shape(), t.slices());
        } catch (IllegalArgumentException ex) {
          throw new CorruptFileException(t.metaFile(), t.metaOffset(), "tensor '" + Printable.name(t.name()) + "': " + ex.getMessage());
        }
        if (covered != t.shape().numElements()) {
          // a Saver given some partitions of a variable writes these; TF lists them and fails only
          // when the whole value is read: so do we
          partial.put(t.name(), SliceAssembler.partlyStored(Printable.name(t.name()), covered, t.shape()));
        }
      }
      return new V1Reader(pattern, tables, tensors, partial, warnings);
    } catch (IOException | RuntimeException e) {
      for (Table t : tables) {
        t.close();
      }
      throw e;
    }
  }

  private static void readMeta(Table table, int fileIndex, Map<String, Tensor1> tensors) throws IOException {
    Path file = table.path();
    TableEntry e = table.get(new byte[0]);
    if (e == null) {
      throw new CorruptFileException(file, -1, "no metadata entry (key \"\"): not a V1 checkpoint (SavedTensorSlices)");
    }
    SavedTensorSlices sts;
    try {
      sts = SavedTensorSlices.parseFrom(e.value());
    } catch (InvalidProtocolBufferException ex) {
      throw new CorruptFileException(file, e.valueOffset(), "cannot parse the V1 metadata: " + ex.getMessage(), ex);
    }
    if (!sts.hasMeta()) {
      throw new CorruptFileException(file, e.valueOffset(), "the entry at key \"\" has no SavedTensorSliceMeta");
    }
    var v = sts.getMeta().getVersions();
    if (v.getMinConsumer() > CHECKPOINT_VERSION || v.getBadConsumersList().contains(CHECKPOINT_VERSION)) {
      throw new CorruptFileException(file, e.valueOffset(), "checkpoint version " + v.getProducer()
          + " needs a reader of version >= " + v.getMinConsumer());
    }
    for (SavedSliceMeta m : sts.getMeta().getTensorList()) {
      DType dtype = DType.find(m.getTypeValue());
      if (dtype == null || m.getTypeValue() == 0 || !(dtype.isFixedSize() || dtype == DType.STRING)) {
        throw new CorruptFileException(file, e.valueOffset(), "tensor '" + Printable.name(m.getName()) + "' has unsupported dtype " + m.getTypeValue());
      }
      TensorShape shape;
      try {
        shape = TensorShape.fromProto(m.getShape());
      } catch (IllegalArgumentException ex) {
        throw new CorruptFileException(file, e.valueOffset(), "invalid tensor shape for '" + Printable.name(m.getName()) + "': " + ex.getMessage());
      }
      Tensor1 t = tensors.computeIfAbsent(m.getName(),
          n -> new Tensor1(n, dtype, shape, new ArrayList<>(), new ArrayList<>(), e.valueOffset(), file));
      if (t.dtype() != dtype || !t.shape().equals(shape)) {
        throw new CorruptFileException(file, e.valueOffset(), "tensor '" + Printable.name(m.getName()) + "' is " + dtype + shape
            + " here but " + t.dtype() + t.shape() + " in " + t.metaFile().getFileName());
      }
      for (TensorSliceProto sp : m.getSliceList()) {
        t.slices().add(TensorSlice.fromProto(sp));
        t.files().add(fileIndex);
      }
    }
  }

  @Override
  public CheckpointFormat format() {
    return CheckpointFormat.V1;
  }

  @Override
  public Path prefix() {
    return pattern;
  }

  /** The table files, one per shard. */
  @Override
  public List<Path> files() {
    return tables.stream().map(Table::path).toList();
  }

  @Override
  public int shards() {
    return tables.size();
  }

  @Override
  public List<VariableInfo> variables() {
    return Collections.unmodifiableList(variables);
  }

  /** {@inheritDoc} Looked up, not searched for. */
  @Override
  public Optional<VariableInfo> variable(String key) {
    Tensor1 t = key == null ? null : tensors.get(key);
    return t == null ? Optional.empty() : Optional.of(info(t));
  }

  @Override
  public List<String> warnings() {
    return List.copyOf(warnings);
  }

  @Override
  public Tensor read(String key) throws IOException {
    Tensor1 t = key == null ? null : tensors.get(key);
    if (t == null) {
      throw new NoSuchElementException("no tensor '" + key + "' in " + pattern);
    }
    if (closed) {
      throw new ClosedChannelException();
    }
    if (partial.containsKey(key)) {
      throw new CorruptFileException(t.metaFile(), t.metaOffset(), partial.get(key));
    }
    boolean whole = t.slices().size() == 1 && t.slices().get(0).equals(TensorSlice.full(t.shape().rank()));
    if (!whole) {
      try {
        SliceAssembler.checkSize(t.dtype(), t.shape());
      } catch (IllegalArgumentException ex) {
        throw new CorruptFileException(t.metaFile(), t.metaOffset(), "tensor '" + Printable.name(t.name()) + "': " + ex.getMessage());
      }
    }
    // look the slices up in key order, file by file, so each table block is decoded once (Table.get
    // keeps the last one), however many slices it holds
    byte[][] keys = new byte[t.slices().size()][];
    Integer[] order = new Integer[keys.length];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = t.slices().get(i).key(t.name());
      order[i] = i;
    }
    Arrays.sort(order, Comparator.<Integer>comparingInt(i -> t.files().get(i)).thenComparing(i -> keys[i], Arrays::compareUnsigned));
    SliceAssembler.Part[] parts = new SliceAssembler.Part[keys.length];
    for (int i : order) {
      parts[i] = new SliceAssembler.Part(t.slices().get(i), readSlice(t, t.slices().get(i), tables.get(t.files().get(i))));
    }
    if (whole) {
      return parts[0].values();
    }
    try {
      return SliceAssembler.assemble(t.dtype(), t.shape(), Arrays.asList(parts));
    } catch (IllegalArgumentException ex) {
      throw new CorruptFileException(t.metaFile(), t.metaOffset(), "tensor '" + Printable.name(t.name()) + "': " + ex.getMessage());
    }
  }

  /** Reads every stored slice; of a partly stored tensor, only the slices it has. */
  @Override
  public void verify(String key) throws IOException {
    Tensor1 t = key == null ? null : tensors.get(key);
    if (t == null || !partial.containsKey(key)) {
      read(key);
      return;
    }
    if (closed) {
      throw new ClosedChannelException();
    }
    for (int i = 0; i < t.slices().size(); i++) {
      readSlice(t, t.slices().get(i), tables.get(t.files().get(i)));
    }
  }

  private static Tensor readSlice(Tensor1 t, TensorSlice slice, Table table) throws IOException {
    Path file = table.path();
    TableEntry e = table.get(slice.key(t.name()));
    if (e == null) {
      throw new CorruptFileException(file, -1, "the metadata lists slice " + slice + " of '" + Printable.name(t.name())
          + "' but the file has no entry for it");
    }
    SavedSlice saved;
    try {
      SavedTensorSlices sts = SavedTensorSlices.parseFrom(e.value());
      saved = sts.getData();
    } catch (InvalidProtocolBufferException ex) {
      throw new CorruptFileException(file, e.valueOffset(), "cannot parse slice " + slice + " of '" + Printable.name(t.name()) + "': "
          + ex.getMessage(), ex);
    }
    if (!saved.getName().equals(t.name()) || !TensorSlice.fromProto(saved.getSlice()).equals(slice)) {
      throw new CorruptFileException(file, e.valueOffset(), "entry for slice " + slice + " of '" + Printable.name(t.name())
          + "' holds slice " + TensorSlice.fromProto(saved.getSlice()) + " of '" + Printable.name(saved.getName()) + "'");
    }
    // the cover was checked at open: every listed slice fits
    TensorShape shape = TensorShape.of(slice.lengthsWithin(t.shape()));
    // TF's TensorSliceReader takes exactly one value per element (no repeating the last one as
    // Const tensors may): a short list would otherwise make a few bytes stand for gigabytes
    TensorProto data = saved.getData();
    if (data.getTensorContent().isEmpty() && TensorProtos.valueCount(data, t.dtype()) != shape.numElements()) {
      throw new CorruptFileException(file, e.valueOffset(), "slice " + slice + " of '" + Printable.name(t.name())
          + "' had an unexpected amount of data: expected = " + shape.numElements() + ", got = "
          + TensorProtos.valueCount(data, t.dtype()));
    }
    return TensorProtos.toTensor(data, t.dtype(), shape, file, e.valueOffset());
  }

  @Override
  public void close() throws IOException {
    closed = true;
    IOException first = null;
    for (Table t : tables) {
      try {
        t.close();
      } catch (IOException ex) {
        first = first == null ? ex : first;
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
