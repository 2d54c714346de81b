package io.github.jfreeze.bridge;

import static org.tensorflow.internal.c_api.global.tensorflow.TF_CheckpointReaderGetVariable;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_CheckpointReaderGetVariableDataType;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_CheckpointReaderGetVariableNumDims;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_CheckpointReaderGetVariableShape;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_CheckpointReaderSize;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeleteCheckpointReader;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeleteStatus;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_GetCode;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_Message;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_NewCheckpointReader;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_NewStatus;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_OK;

import io.github.jfreeze.bridge.internal.DataTypeNames;
import io.github.jfreeze.bridge.internal.NativeGraphRunner;
import io.github.jfreeze.bridge.internal.NativeGraphRunner.Fetched;
import io.github.jfreeze.bridge.internal.NativeGraphRunner.NativeFailure;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.bytedeco.javacpp.BytePointer;
import org.tensorflow.Graph;
import org.tensorflow.Output;
import org.tensorflow.internal.c_api.TF_CheckpointReader;
import org.tensorflow.internal.c_api.TF_Status;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.DataType;

/**
 * Reads checkpoints through native TensorFlow: the reference that jfreeze's pure-Java reader is
 * compared against.
 *
 * <p>{@link #list} enumerates keys, dtypes and shapes with TF's C checkpoint reader
 * ({@code TF_NewCheckpointReader}, i.e. {@code tensorflow::checkpoint::CheckpointReader}); it
 * shows full tensor names only, never the per-slice entries of partitioned variables. {@link #read}
 * restores values with the {@code RestoreV2} op in a native session, with an empty slice spec per
 * key: TF assembles partitioned variables, and falls back to the V1 (TensorSliceReader) path when
 * {@code <checkpoint>.index} does not exist. Values are copied out of the fetched
 * {@code TF_Tensor}s byte for byte, so every dtype TF can restore is covered, including those TF
 * Java has no Java class for (int8, uint32, complex, quantized, float8, int4 ...).
 *
 * <p>{@code checkpoint} is what TF's Saver takes: a V2 prefix ({@code dir/model.ckpt-3}, the
 * path without {@code .index}), a V1 file, or a V1 file pattern such as
 * {@code dir/model.ckpt-?????-of-00002}. For a SavedModel use {@link #savedModelPrefix(Path)}.
 *
 * <p>Every method needs the natives: it throws {@link IllegalStateException} with
 * {@link TensorFlowRuntime#unavailableReason()} when they did not load.
 */
public final class NativeCheckpoint {
  private NativeCheckpoint() {}

  /** One key as TF's checkpoint reader lists it. */
  public record Entry(String key, String dtype, long[] shape) {
    public Entry {
      Objects.requireNonNull(key, "key is null");
      Objects.requireNonNull(dtype, "dtype is null");
      shape = shape.clone();
    }

    @Override
    public long[] shape() {
      return shape.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Entry e
          && key.equals(e.key)
          && dtype.equals(e.dtype)
          && Arrays.equals(shape, e.shape);
    }

    @Override
    public int hashCode() {
      return Objects.hash(key, dtype) * 31 + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
      return key + " " + dtype + Arrays.toString(shape);
    }
  }

  /** A key that native TF lists but could not restore, with TF's error message. */
  public record Skipped(String key, String dtype, String reason) {}

  /** Everything restored from one checkpoint, in key order, plus the keys TF could not restore. */
  public record Contents(String checkpoint, List<NativeTensor> tensors, List<Skipped> skipped) {
    public Contents {
      tensors = List.copyOf(tensors);
      skipped = List.copyOf(skipped);
    }

    /** The restored tensor with this key, if any. */
    public Optional<NativeTensor> tensor(String key) {
      return tensors.stream().filter(t -> t.key().equals(key)).findFirst();
    }
  }

  /** Upper bound for the bytes restored by one RestoreV2 run (estimated from the shapes). */
  private static final long BATCH_BYTES = 64L << 20;

  /** The checkpoint prefix of a SavedModel directory: {@code <dir>/variables/variables}. */
  public static String savedModelPrefix(Path savedModelDir) {
    return savedModelDir.resolve("variables").resolve("variables").toString();
  }

  /**
   * Lists every tensor of a checkpoint with TF's checkpoint reader, sorted by key bytes.
   *
   * @throws NativeCheckpointException when TF cannot open it (TF's message, e.g. "Unsuccessful
   *     TensorSliceReader constructor: Failed to find any matching files for ...")
   */
  public static List<Entry> list(String checkpoint) throws NativeCheckpointException {
    Objects.requireNonNull(checkpoint, "checkpoint is null");
    TensorFlowRuntime.requireAvailable();
    TF_Status status = TF_NewStatus();
    TF_CheckpointReader reader = null;
    try {
      reader = TF_NewCheckpointReader(checkpoint, status);
      if (TF_GetCode(status) != TF_OK || reader == null || reader.isNull()) {
        throw new NativeCheckpointException(
            "native TensorFlow cannot open checkpoint " + checkpoint + ": " + message(status));
      }
      int n = TF_CheckpointReaderSize(reader);
      List<Entry> out = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        BytePointer keyPointer = TF_CheckpointReaderGetVariable(reader, i);
        byte[] keyBytes = keyPointer.getStringBytes();
        String key = new String(keyBytes, StandardCharsets.UTF_8);
        BytePointer k = new BytePointer(keyBytes.length + 1L);
        k.put(keyBytes).put(keyBytes.length, (byte) 0);
        try {
          int dtype = TF_CheckpointReaderGetVariableDataType(reader, k);
          int rank = TF_CheckpointReaderGetVariableNumDims(reader, k);
          long[] dims = new long[rank];
          TF_CheckpointReaderGetVariableShape(reader, k, dims, rank, status);
          if (TF_GetCode(status) != TF_OK) {
            throw new NativeCheckpointException(
                "native TensorFlow cannot read the shape of " + key + " in " + checkpoint + ": "
                    + message(status));
          }
          out.add(new Entry(key, DataTypeNames.name(dtype), dims));
        } finally {
          k.close();
        }
      }
      out.sort(Comparator.comparing(e -> e.key().getBytes(StandardCharsets.UTF_8), Arrays::compareUnsigned));
      return out;
    } finally {
      if (reader != null && !reader.isNull()) {
        TF_DeleteCheckpointReader(reader);
      }
      TF_DeleteStatus(status);
    }
  }

  /**
   * Restores every listed tensor. Keys that native TF lists but cannot restore (say a dtype the V1
   * reader does not know) are returned in {@link Contents#skipped()} with TF's message.
   */
  public static Contents readAll(String checkpoint) throws NativeCheckpointException {
    return restore(checkpoint, list(checkpoint));
  }

  /**
   * Restores the given keys (in the order given).
   *
   * @throws NativeCheckpointException when a key is not in the checkpoint, or TF cannot open it
   */
  public static Contents read(String checkpoint, Collection<String> keys)
      throws NativeCheckpointException {
    Map<String, Entry> byKey = new LinkedHashMap<>();
    for (Entry e : list(checkpoint)) {
      byKey.put(e.key(), e);
    }
    List<Entry> wanted = new ArrayList<>(keys.size());
    for (String key : keys) {
      Entry e = byKey.get(key);
      if (e == null) {
        throw new NativeCheckpointException(
            "key " + key + " not found in checkpoint " + checkpoint + " (it has " + byKey.size()
                + " keys)");
      }
      wanted.add(e);
    }
    return restore(checkpoint, wanted);
  }

  /**
   * Restores one tensor.
   *
   * @throws NativeCheckpointException when the key is absent or TF cannot restore it
   */
  public static NativeTensor read(String checkpoint, String key) throws NativeCheckpointException {
    Contents c = read(checkpoint, List.of(key));
    if (!c.skipped().isEmpty()) {
      throw new NativeCheckpointException(
          "native TensorFlow cannot restore " + key + " from " + checkpoint + ": "
              + c.skipped().get(0).reason());
    }
    return c.tensors().get(0);
  }

  private static Contents restore(String checkpoint, List<Entry> entries)
      throws NativeCheckpointException {
    List<NativeTensor> tensors = new ArrayList<>(entries.size());
    List<Skipped> skipped = new ArrayList<>();
    List<Entry> batch = new ArrayList<>();
    long batchBytes = 0;
    for (Entry e : entries) {
      long bytes = estimatedBytes(e);
      if (!batch.isEmpty() && batchBytes + bytes > BATCH_BYTES) {
        restoreBatch(checkpoint, batch, tensors, skipped);
        batch.clear();
        batchBytes = 0;
      }
      batch.add(e);
      batchBytes += bytes;
    }
    if (!batch.isEmpty()) {
      restoreBatch(checkpoint, batch, tensors, skipped);
    }
    return new Contents(checkpoint, tensors, skipped);
  }

  private static void restoreBatch(
      String checkpoint, List<Entry> batch, List<NativeTensor> tensors, List<Skipped> skipped)
      throws NativeCheckpointException {
    try {
      tensors.addAll(restoreTogether(checkpoint, batch));
      return;
    } catch (NativeFailure whole) {
      if (batch.size() == 1) {
        Entry e = batch.get(0);
        skipped.add(new Skipped(e.key(), e.dtype(), firstLine(whole.getMessage())));
        return;
      }
    }
    // Something in the batch failed: restore one by one to find out which keys TF refuses.
    for (Entry e : batch) {
      try {
        tensors.addAll(restoreTogether(checkpoint, List.of(e)));
      } catch (NativeFailure one) {
        skipped.add(new Skipped(e.key(), e.dtype(), firstLine(one.getMessage())));
      }
    }
  }

  private static List<NativeTensor> restoreTogether(String checkpoint, List<Entry> batch)
      throws NativeFailure, NativeCheckpointException {
    DataType[] dtypes = new DataType[batch.size()];
    String[] names = new String[batch.size()];
    String[] slices = new String[batch.size()];
    for (int i = 0; i < batch.size(); i++) {
      Entry e = batch.get(i);
      int number = DataTypeNames.number(e.dtype());
      DataType dt = number < 0 ? null : DataType.forNumber(number);
      if (dt == null) {
        throw new NativeFailure(12, "dtype " + e.dtype() + " has no TF Java DataType");
      }
      dtypes[i] = dt;
      names[i] = e.key();
      slices[i] = "";
    }
    byte[] graphDef;
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Output<?> prefix = tf.withName("prefix").constant(checkpoint).asOutput();
      Output<?> tensorNames =
          tf.withName("tensor_names")
              .constant(Shape.of(names.length), DataBuffers.ofObjects(names))
              .asOutput();
      Output<?> shapeAndSlices =
          tf.withName("shape_and_slices")
              .constant(Shape.of(slices.length), DataBuffers.ofObjects(slices))
              .asOutput();
      g.opBuilder("RestoreV2", "restore", g.baseScope())
          .addInput(prefix)
          .addInput(tensorNames)
          .addInput(shapeAndSlices)
          .setAttr("dtypes", dtypes)
          .build();
      graphDef = g.toGraphDef().toByteArray();
    }
    List<String> fetches = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      fetches.add("restore:" + i);
    }
    List<Fetched> fetched;
    try (NativeGraphRunner runner = new NativeGraphRunner(graphDef)) {
      fetched = runner.run(fetches, List.of());
    }
    List<NativeTensor> out = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      Entry e = batch.get(i);
      Fetched f = fetched.get(i);
      String dtype = DataTypeNames.name(f.dtype());
      if (!dtype.equals(e.dtype())) {
        throw new NativeCheckpointException(
            "RestoreV2 returned " + dtype + " for " + e.key() + ", the reader lists " + e.dtype());
      }
      out.add(new NativeTensor(e.key(), dtype, f.shape(), f.data(), f.strings()));
    }
    return out;
  }

  private static long estimatedBytes(Entry e) {
    long n = 1;
    for (long d : e.shape()) {
      n = Math.multiplyExact(n, Math.max(d, 0));
    }
    long size = DataTypeNames.elementSize(DataTypeNames.number(e.dtype()));
    return n * (size == 0 ? 64 : size);
  }

  private static String message(TF_Status status) {
    BytePointer m = TF_Message(status);
    return m == null ? "(no message)" : m.getString();
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "(no message)";
    }
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).trim();
  }
}
