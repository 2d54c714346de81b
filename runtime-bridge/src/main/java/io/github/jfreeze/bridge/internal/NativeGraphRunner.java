package io.github.jfreeze.bridge.internal;

import static org.tensorflow.internal.c_api.global.tensorflow.TF_AllocateTensor;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_CloseSession;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeleteBuffer;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeleteGraph;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeleteImportGraphDefOptions;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeleteSession;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeleteSessionOptions;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeleteStatus;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeleteTensor;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_Dim;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_GetCode;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_GraphImportGraphDef;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_GraphOperationByName;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_Message;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_NewBufferFromString;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_NewGraph;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_NewImportGraphDefOptions;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_NewSession;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_NewSessionOptions;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_NewStatus;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_NumDims;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_OK;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_OperationNumOutputs;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_SessionRun;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_TString_Copy;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_TString_GetDataPointer;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_TString_GetSize;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_TString_Init;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_TensorByteSize;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_TensorData;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_TensorType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;
import org.tensorflow.internal.c_api.TF_Buffer;
import org.tensorflow.internal.c_api.TF_Graph;
import org.tensorflow.internal.c_api.TF_ImportGraphDefOptions;
import org.tensorflow.internal.c_api.TF_Operation;
import org.tensorflow.internal.c_api.TF_Output;
import org.tensorflow.internal.c_api.TF_Session;
import org.tensorflow.internal.c_api.TF_SessionOptions;
import org.tensorflow.internal.c_api.TF_Status;
import org.tensorflow.internal.c_api.TF_TString;
import org.tensorflow.internal.c_api.TF_Tensor;

/**
 * Runs a serialized {@code GraphDef} in a native TF session through TF's C API (as exposed by TF
 * Java's JavaCPP bindings) and copies every fetched tensor out byte for byte.
 *
 * <p>TF Java's own {@code Session} maps each fetched tensor to a Java tensor class and refuses
 * dtypes that have none (int8, uint32, complex, quantized, float8, int4 ...). Going through
 * {@code TF_SessionRun} directly keeps the fetched {@code TF_Tensor} and its raw buffer, which is
 * exactly the in-memory (little-endian, row-major) representation TF itself holds. String tensors
 * are decoded element by element from their {@code TF_TString} array.
 *
 * <p>Not thread-safe; close it to free the native graph and session.
 */
public final class NativeGraphRunner implements AutoCloseable {
  /**
   * A tensor value, fetched or to feed: TF {@code DataType} number, shape, raw little-endian
   * row-major bytes (non-string; bool one byte per element) or the elements of a string tensor.
   */
  public record Fetched(int dtype, long[] shape, byte[] data, List<byte[]> strings) {
    public Fetched {
      Objects.requireNonNull(shape, "shape is null");
      Objects.requireNonNull(data, "data is null");
      Objects.requireNonNull(strings, "strings is null");
    }

    /** A scalar string, e.g. a checkpoint prefix for a Saver's filename tensor. */
    public static Fetched string(byte[] value) {
      return new Fetched(TF_STRING, new long[0], new byte[0], List.of(value.clone()));
    }

    /** Number of elements the shape holds. */
    public long elements() {
      long n = 1;
      for (long d : shape) {
        n *= d;
      }
      return n;
    }
  }

  /** A TF status that was not OK, with TF's message. */
  public static final class NativeFailure extends Exception {
    private static final long serialVersionUID = 1L;
    private final int code;

    public NativeFailure(int code, String message) {
      super(message);
      this.code = code;
    }

    /** The {@code TF_Code} (3 = INVALID_ARGUMENT, 5 = NOT_FOUND, 12 = UNIMPLEMENTED ...). */
    public int code() {
      return code;
    }
  }

  private static final int TF_STRING = 7;

  private TF_Graph graph;
  private TF_Session session;

  /**
   * Imports {@code graphDef} into a fresh native graph and opens a session on it.
   *
   * @throws NativeFailure when TF rejects the graph
   */
  public NativeGraphRunner(byte[] graphDef) throws NativeFailure {
    Objects.requireNonNull(graphDef, "graphDef is null");
    TF_Status status = TF_NewStatus();
    TF_Graph g = TF_NewGraph();
    BytePointer bytes = new BytePointer(graphDef);
    TF_Buffer buffer = TF_NewBufferFromString(bytes, graphDef.length);
    TF_ImportGraphDefOptions options = TF_NewImportGraphDefOptions();
    try {
      TF_GraphImportGraphDef(g, buffer, options, status);
      check(status);
      TF_SessionOptions sessionOptions = TF_NewSessionOptions();
      try {
        TF_Session s = TF_NewSession(g, sessionOptions, status);
        check(status);
        this.session = s;
        this.graph = g;
        g = null;
      } finally {
        TF_DeleteSessionOptions(sessionOptions);
      }
    } finally {
      TF_DeleteImportGraphDefOptions(options);
      TF_DeleteBuffer(buffer);
      bytes.close();
      if (g != null) {
        TF_DeleteGraph(g);
      }
      TF_DeleteStatus(status);
    }
  }

  /**
   * Runs the graph once, fetching {@code fetches} (each {@code "op"} or {@code "op:index"}) and
   * running {@code targets} (operation names) for their side effects.
   *
   * @throws NativeFailure when TF fails the run (its message is kept)
   */
  public List<Fetched> run(List<String> fetches, List<String> targets) throws NativeFailure {
    return run(Map.of(), fetches, targets);
  }

  /**
   * Runs the graph once with {@code feeds} (keyed like fetches, {@code "op"} or
   * {@code "op:index"}), fetching {@code fetches} and running {@code targets}.
   *
   * @throws NativeFailure when TF fails the run (its message is kept)
   */
  public List<Fetched> run(Map<String, Fetched> feeds, List<String> fetches, List<String> targets) throws NativeFailure {
    if (session == null) {
      throw new IllegalStateException("runner is closed");
    }
    Objects.requireNonNull(feeds, "feeds is null");
    int n = fetches.size();
    int m = feeds.size();
    TF_Output inputs = m == 0 ? null : new TF_Output(m);
    PointerPointer<TF_Tensor> inputValues = m == 0 ? null : new PointerPointer<>(m);
    List<TF_Tensor> allocated = new ArrayList<>(m);
    try {
      int i = 0;
      for (Map.Entry<String, Fetched> feed : feeds.entrySet()) {
        setOutput(inputs.position(i), feed.getKey());
        TF_Tensor t = allocate(feed.getKey(), feed.getValue());
        allocated.add(t);
        inputValues.put(i, t);
        i++;
      }
      if (inputs != null) {
        inputs.position(0);
      }
      return run(inputs, inputValues, m, fetches, targets);
    } finally {
      allocated.forEach(t -> TF_DeleteTensor(t));
      if (inputs != null) {
        inputs.close();
      }
      if (inputValues != null) {
        inputValues.close();
      }
    }
  }

  private List<Fetched> run(
      TF_Output inputs, PointerPointer<TF_Tensor> inputValues, int m, List<String> fetches, List<String> targets)
      throws NativeFailure {
    int n = fetches.size();
    TF_Status status = TF_NewStatus();
    TF_Output outputs = n == 0 ? null : new TF_Output(n);
    PointerPointer<TF_Tensor> values = n == 0 ? null : new PointerPointer<>(n);
    PointerPointer<TF_Operation> targetOps =
        targets.isEmpty() ? null : new PointerPointer<>(targets.size());
    List<Fetched> result = new ArrayList<>(n);
    try {
      for (int i = 0; i < n; i++) {
        setOutput(outputs.position(i), fetches.get(i));
      }
      for (int i = 0; i < targets.size(); i++) {
        targetOps.put(i, operation(targets.get(i)));
      }
      if (outputs != null) {
        outputs.position(0);
      }
      TF_SessionRun(
          session,
          null,
          inputs,
          inputValues,
          m,
          outputs,
          values,
          n,
          targetOps,
          targets.size(),
          null,
          status);
      check(status);
      for (int i = 0; i < n; i++) {
        TF_Tensor t = values.get(TF_Tensor.class, i);
        try {
          result.add(copy(t));
        } finally {
          TF_DeleteTensor(t);
        }
      }
      return result;
    } finally {
      if (outputs != null) {
        outputs.close();
      }
      if (values != null) {
        values.close();
      }
      if (targetOps != null) {
        targetOps.close();
      }
      TF_DeleteStatus(status);
    }
  }

  /** Points {@code out} (at its current position) at {@code "op"} or {@code "op:index"}. */
  private void setOutput(TF_Output out, String name) {
    int colon = name.lastIndexOf(':');
    String op = name;
    int index = 0;
    if (colon > 0 && colon < name.length() - 1 && name.substring(colon + 1).chars().allMatch(Character::isDigit)) {
      op = name.substring(0, colon);
      index = Integer.parseInt(name.substring(colon + 1));
    }
    TF_Operation oper = operation(op);
    if (index >= TF_OperationNumOutputs(oper)) {
      throw new IllegalArgumentException("operation " + op + " has no output " + index);
    }
    out.oper(oper).index(index);
  }

  /** A native tensor holding {@code value}'s bytes or strings; the caller deletes it. */
  private static TF_Tensor allocate(String name, Fetched value) {
    long elements = value.elements();
    long[] dims = value.shape();
    if (value.dtype() == TF_STRING) {
      if (value.strings().size() != elements) {
        throw new IllegalArgumentException(name + ": " + value.strings().size() + " strings for shape " + java.util.Arrays.toString(dims));
      }
      TF_Tensor t = TF_AllocateTensor(TF_STRING, dims, dims.length, elements * org.bytedeco.javacpp.Loader.sizeof(TF_TString.class));
      TF_TString all = new TF_TString(TF_TensorData(t));
      for (int e = 0; e < elements; e++) {
        TF_TString one = all.getPointer(e);
        TF_TString_Init(one);
        byte[] bytes = value.strings().get(e);
        try (BytePointer p = new BytePointer(bytes.length == 0 ? 1 : bytes.length)) {
          p.put(bytes);
          TF_TString_Copy(one, p, bytes.length);
        }
      }
      return t;
    }
    long size = DataTypeNames.elementSize(value.dtype());
    if (value.data().length != elements * size) {
      throw new IllegalArgumentException(name + ": " + value.data().length + " bytes for " + elements + " elements of " + size);
    }
    TF_Tensor t = TF_AllocateTensor(value.dtype(), dims, dims.length, value.data().length);
    if (value.data().length > 0) {
      BytePointer p = new BytePointer(TF_TensorData(t));
      p.capacity(value.data().length).limit(value.data().length).put(value.data());
    }
    return t;
  }

  private TF_Operation operation(String name) {
    TF_Operation oper = TF_GraphOperationByName(graph, name);
    if (oper == null || oper.isNull()) {
      throw new IllegalArgumentException("no operation named " + name + " in the graph");
    }
    return oper;
  }

  private static Fetched copy(TF_Tensor t) {
    int dtype = TF_TensorType(t);
    int rank = TF_NumDims(t);
    long[] shape = new long[rank];
    long elements = 1;
    for (int d = 0; d < rank; d++) {
      shape[d] = TF_Dim(t, d);
      elements *= shape[d];
    }
    long byteSize = TF_TensorByteSize(t);
    if (dtype == TF_STRING) {
      List<byte[]> strings = new ArrayList<>((int) elements);
      if (elements > 0) {
        Pointer base = TF_TensorData(t);
        TF_TString all = new TF_TString(base);
        for (long e = 0; e < elements; e++) {
          TF_TString one = all.getPointer(e);
          long size = TF_TString_GetSize(one);
          byte[] bytes = new byte[Math.toIntExact(size)];
          if (size > 0) {
            BytePointer p = TF_TString_GetDataPointer(one);
            p.capacity(size).limit(size).get(bytes);
          }
          strings.add(bytes);
        }
      }
      return new Fetched(dtype, shape, new byte[0], strings);
    }
    byte[] data = new byte[Math.toIntExact(byteSize)];
    if (byteSize > 0) {
      BytePointer p = new BytePointer(TF_TensorData(t));
      p.capacity(byteSize).limit(byteSize).get(data);
    }
    return new Fetched(dtype, shape, data, List.of());
  }

  private static void check(TF_Status status) throws NativeFailure {
    int code = TF_GetCode(status);
    if (code != TF_OK) {
      throw new NativeFailure(code, TF_Message(status).getString());
    }
  }

  @Override
  public void close() {
    if (session != null) {
      TF_Status status = TF_NewStatus();
      try {
        TF_CloseSession(session, status);
        TF_DeleteSession(session, status);
      } finally {
        TF_DeleteStatus(status);
      }
      session = null;
    }
    if (graph != null) {
      TF_DeleteGraph(graph);
      graph = null;
    }
  }
}
