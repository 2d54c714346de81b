package io.github.jfreeze.bridge.internal;

import static org.tensorflow.internal.c_api.global.tensorflow.TF_AddInput;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_AllocateTensor;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_CloseSession;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeleteBuffer;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeleteDeviceList;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeleteGraph;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeleteImportGraphDefOptions;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeleteSession;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeleteSessionOptions;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeleteStatus;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeleteTensor;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeviceListCount;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeviceListName;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeviceListType;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_Dim;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_FinishOperation;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_GetCode;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_GraphGetTensorNumDims;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_GraphGetTensorShape;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_GraphImportGraphDef;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_GraphNextOperation;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_GraphOperationByName;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_LoadSessionFromSavedModel;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_Message;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_NewBuffer;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_NewBufferFromString;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_NewGraph;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_NewImportGraphDefOptions;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_NewOperation;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_NewSession;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_NewSessionOptions;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_NewStatus;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_NumDims;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_OK;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_OperationGetAttrType;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_OperationName;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_OperationNumOutputs;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_OperationOpType;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_OperationOutputType;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_SessionListDevices;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_SessionRun;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_SetAttrType;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_SetAttrTypeList;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_SetConfig;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_TString_Copy;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_TString_Dealloc;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_TString_GetDataPointer;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_TString_GetSize;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_TString_Init;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_TensorByteSize;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_TensorData;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_TensorElementCount;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_TensorMaybeMove;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_TensorType;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.javacpp.SizeTPointer;
import org.tensorflow.internal.c_api.TF_Buffer;
import org.tensorflow.internal.c_api.TF_DeviceList;
import org.tensorflow.internal.c_api.TF_Graph;
import org.tensorflow.internal.c_api.TF_ImportGraphDefOptions;
import org.tensorflow.internal.c_api.TF_Operation;
import org.tensorflow.internal.c_api.TF_OperationDescription;
import org.tensorflow.internal.c_api.TF_Output;
import org.tensorflow.internal.c_api.TF_Session;
import org.tensorflow.internal.c_api.TF_SessionOptions;
import org.tensorflow.internal.c_api.TF_Status;
import org.tensorflow.internal.c_api.TF_TString;
import org.tensorflow.internal.c_api.TF_Tensor;

/**
 * A native graph and a session on it, driven through TF's C API (as exposed by TF Java's JavaCPP
 * bindings): feeds are built and fetches copied out byte for byte.
 *
 * <p>TF Java's own {@code Session} maps each tensor to a Java tensor class and refuses dtypes that
 * have none (int8, uint32, complex, quantized, float8, int4 ...). Going through
 * {@code TF_SessionRun} directly keeps the raw buffer, which is exactly the in-memory
 * (little-endian, row-major) representation TF itself holds. String tensors are copied element by
 * element to and from their {@code TF_TString} array.
 *
 * <p>Two ways in: {@link #NativeGraphRunner(byte[], byte[])} imports a serialized {@code GraphDef};
 * {@link #loadSavedModel} calls {@code TF_LoadSessionFromSavedModel}, the entry point TF Java's
 * {@code SavedModelBundle.load} uses (it restores the variables and runs the init op).
 *
 * <p>Not thread-safe; close it to free the native graph and session.
 *
 * <p>Over 400 lines: every call into TensorFlow Java's graph and session API that running a graph
 * needs lives here, so that the rest of the bridge touches none.
 */
public final class NativeGraphRunner implements AutoCloseable {
  /** A fetched tensor: TF {@code DataType} number, shape, raw bytes (non-string) or elements. */
  public record Fetched(int dtype, long[] shape, byte[] data, List<byte[]> strings) {
    public Fetched {
      java.util.Objects.requireNonNull(shape, "shape is null");
      java.util.Objects.requireNonNull(data, "data is null");
      java.util.Objects.requireNonNull(strings, "strings is null");
    }

    /** A scalar string, e.g. a checkpoint prefix for a Saver's filename tensor. */
    public static Fetched string(byte[] value) {
      return new Fetched(7 /* DT_STRING */, new long[0], new byte[0], List.of(value.clone()));
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

  /** A tensor to feed into {@code tensor} ({@code op} or {@code op:index}). */
  public record Feed(String tensor, int dtype, long[] shape, byte[] data, List<byte[]> strings) {}

  /** A device the session can place ops on, as {@code TF_SessionListDevices} lists it. */
  public record DeviceInfo(String name, String type) {}

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
  private byte[] metaGraphDef;

  private NativeGraphRunner() {}

  /**
   * Imports {@code graphDef} into a fresh native graph and opens a session on it with TF's default
   * session options.
   *
   * @throws NativeFailure when TF rejects the graph
   */
  public NativeGraphRunner(byte[] graphDef) throws NativeFailure {
    this(graphDef, null);
  }

  /**
   * Imports {@code graphDef} into a fresh native graph and opens a session on it.
   *
   * @param config a serialized {@code ConfigProto} for the session, or null for TF's defaults
   * @throws NativeFailure when TF rejects the graph or the configuration
   */
  public NativeGraphRunner(byte[] graphDef, byte[] config) throws NativeFailure {
    Objects.requireNonNull(graphDef, "graphDef is null");
    TF_Status status = TF_NewStatus();
    TF_Graph g = TF_NewGraph();
    BytePointer bytes = new BytePointer(graphDef);
    TF_Buffer buffer = TF_NewBufferFromString(bytes, graphDef.length);
    TF_ImportGraphDefOptions options = TF_NewImportGraphDefOptions();
    try {
      TF_GraphImportGraphDef(g, buffer, options, status);
      check(status);
      this.session = newSession(g, config, status);
      this.graph = g;
      g = null;
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
   * Loads a SavedModel with {@code TF_LoadSessionFromSavedModel}: the graph of the MetaGraphDef
   * whose tags are {@code tags}, with its variables restored and its init op run.
   *
   * @param config a serialized {@code ConfigProto} for the session, or null for TF's defaults
   * @throws NativeFailure when TF cannot load it (TF's message)
   */
  public static NativeGraphRunner loadSavedModel(String exportDir, List<String> tags, byte[] config)
      throws NativeFailure {
    Objects.requireNonNull(exportDir, "exportDir is null");
    TF_Status status = TF_NewStatus();
    TF_Graph g = TF_NewGraph();
    TF_SessionOptions options = TF_NewSessionOptions();
    TF_Buffer meta = TF_NewBuffer();
    PointerPointer<BytePointer> tagPointers = new PointerPointer<>(Math.max(1, tags.size()));
    List<BytePointer> tagStrings = new ArrayList<>();
    BytePointer dir = new BytePointer(exportDir);
    try {
      setConfig(options, config, status);
      for (int i = 0; i < tags.size(); i++) {
        BytePointer t = new BytePointer(tags.get(i));
        tagStrings.add(t);
        tagPointers.put(i, t);
      }
      TF_Session s =
          TF_LoadSessionFromSavedModel(options, null, dir, tagPointers, tags.size(), g, meta, status);
      check(status);
      NativeGraphRunner runner = new NativeGraphRunner();
      runner.session = s;
      runner.graph = g;
      g = null;
      byte[] metaBytes = new byte[Math.toIntExact(meta.length())];
      if (metaBytes.length > 0) {
        new BytePointer(meta.data()).capacity(metaBytes.length).limit(metaBytes.length).get(metaBytes);
      }
      runner.metaGraphDef = metaBytes;
      return runner;
    } finally {
      tagStrings.forEach(BytePointer::close);
      tagPointers.close();
      dir.close();
      TF_DeleteBuffer(meta);
      TF_DeleteSessionOptions(options);
      if (g != null) {
        TF_DeleteGraph(g);
      }
      TF_DeleteStatus(status);
    }
  }

  private static TF_Session newSession(TF_Graph g, byte[] config, TF_Status status) throws NativeFailure {
    TF_SessionOptions sessionOptions = TF_NewSessionOptions();
    try {
      setConfig(sessionOptions, config, status);
      TF_Session s = TF_NewSession(g, sessionOptions, status);
      check(status);
      return s;
    } finally {
      TF_DeleteSessionOptions(sessionOptions);
    }
  }

  private static void setConfig(TF_SessionOptions options, byte[] config, TF_Status status) throws NativeFailure {
    if (config == null || config.length == 0) {
      return;
    }
    try (BytePointer p = new BytePointer(config)) {
      TF_SetConfig(options, p, config.length, status);
      check(status);
    }
  }

  /** The serialized MetaGraphDef TF loaded, for runners made by {@link #loadSavedModel}; else null. */
  public byte[] metaGraphDef() {
    return metaGraphDef == null ? null : metaGraphDef.clone();
  }

  /** The devices the session can use, as TF lists them ({@code /job:localhost/.../device:CPU:0}, CPU). */
  public List<DeviceInfo> devices() throws NativeFailure {
    requireOpen();
    TF_Status status = TF_NewStatus();
    TF_DeviceList list = null;
    try {
      list = TF_SessionListDevices(session, status);
      check(status);
      int n = TF_DeviceListCount(list);
      List<DeviceInfo> out = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        String name = TF_DeviceListName(list, i, status).getString();
        check(status);
        String type = TF_DeviceListType(list, i, status).getString();
        check(status);
        out.add(new DeviceInfo(name, type));
      }
      return out;
    } finally {
      if (list != null && !list.isNull()) {
        TF_DeleteDeviceList(list);
      }
      TF_DeleteStatus(status);
    }
  }

  /** Whether the graph has an operation with this name. */
  public boolean hasOperation(String name) {
    requireOpen();
    TF_Operation oper = TF_GraphOperationByName(graph, name);
    return oper != null && !oper.isNull();
  }

  /** The op type of an operation ({@code Placeholder}, {@code MatMul} ...). */
  public String opType(String name) {
    return TF_OperationOpType(operation(name)).getString();
  }

  /** The number of outputs of an operation. */
  public int numOutputs(String name) {
    return TF_OperationNumOutputs(operation(name));
  }

  /** Every operation name in the graph, in the graph's order. */
  public List<String> operationNames() {
    requireOpen();
    List<String> out = new ArrayList<>();
    try (SizeTPointer pos = new SizeTPointer(1)) {
      pos.put(0L);
      TF_Operation oper;
      while ((oper = TF_GraphNextOperation(graph, pos)) != null && !oper.isNull()) {
        out.add(TF_OperationName(oper).getString());
      }
    }
    return out;
  }

  /** The {@code DataType} number of a tensor ({@code op} or {@code op:index}). */
  public int outputType(String tensor) {
    try (TF_Output out = output(tensor)) {
      return TF_OperationOutputType(out);
    }
  }

  /**
   * The static shape TF infers for a tensor: dimensions with -1 for unknown ones, or null when
   * even the rank is unknown.
   */
  public long[] outputShape(String tensor) throws NativeFailure {
    TF_Status status = TF_NewStatus();
    try (TF_Output out = output(tensor)) {
      int rank = TF_GraphGetTensorNumDims(graph, out, status);
      check(status);
      if (rank < 0) {
        return null;
      }
      long[] dims = new long[rank];
      if (rank > 0) {
        TF_GraphGetTensorShape(graph, out, dims, rank, status);
        check(status);
      }
      return dims;
    } finally {
      TF_DeleteStatus(status);
    }
  }

  /** A type attribute of an operation, such as a {@code VarHandleOp}'s {@code dtype}. */
  public int typeAttr(String opName, String attr) throws NativeFailure {
    TF_Status status = TF_NewStatus();
    try {
      int[] value = new int[1];
      TF_OperationGetAttrType(operation(opName), attr, value, status);
      check(status);
      return value[0];
    } finally {
      TF_DeleteStatus(status);
    }
  }

  /**
   * Adds an operation with one input per entry of {@code inputs} and the given type attributes
   * (e.g. a {@code ReadVariableOp} on a {@code VarHandleOp}); the session sees it on its next run.
   */
  public void addOperation(String type, String name, List<String> inputs, List<String> typeAttrNames,
      int[] typeAttrValues) throws NativeFailure {
    addOperation(type, name, inputs, typeAttrNames, typeAttrValues, null, null);
  }

  /**
   * As {@link #addOperation(String, String, List, List, int[])}, with one attribute that is a list of
   * types ({@code typeListAttr}, e.g. {@code RestoreV2}'s {@code dtypes}), or none when null.
   */
  public void addOperation(String type, String name, List<String> inputs, List<String> typeAttrNames,
      int[] typeAttrValues, String typeListAttr, int[] typeList) throws NativeFailure {
    requireOpen();
    TF_Status status = TF_NewStatus();
    try {
      TF_OperationDescription d = TF_NewOperation(graph, type, name);
      for (String in : inputs) {
        try (TF_Output o = output(in)) {
          TF_AddInput(d, o);
        }
      }
      for (int i = 0; i < typeAttrNames.size(); i++) {
        TF_SetAttrType(d, typeAttrNames.get(i), typeAttrValues[i]);
      }
      if (typeListAttr != null) {
        TF_SetAttrTypeList(d, typeListAttr, typeList, typeList.length);
      }
      TF_FinishOperation(d, status);
      check(status);
    } finally {
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
    return run(List.of(), fetches, targets);
  }

  /**
   * Runs the graph once with {@code feeds}, fetching {@code fetches} and running {@code targets}.
   *
   * @throws NativeFailure when TF fails the run (its message is kept)
   * @throws IllegalArgumentException when a name is not in the graph
   */
  /** Runs with feeds given as values by tensor name (the fixture generator's form). */
  public List<Fetched> run(java.util.Map<String, Fetched> feeds, List<String> fetches, List<String> targets)
      throws NativeFailure {
    List<Feed> list = new java.util.ArrayList<>();
    feeds.forEach((name, v) -> list.add(new Feed(name, v.dtype(), v.shape(), v.data(), v.strings())));
    return run(list, fetches, targets);
  }

  public List<Fetched> run(List<Feed> feeds, List<String> fetches, List<String> targets) throws NativeFailure {
    requireOpen();
    int n = fetches.size();
    int m = feeds.size();
    TF_Status status = TF_NewStatus();
    TF_Output inputs = m == 0 ? null : new TF_Output(m);
    PointerPointer<TF_Tensor> inputValues = m == 0 ? null : new PointerPointer<>(m);
    List<TF_Tensor> fed = new ArrayList<>(m);
    TF_Output outputs = n == 0 ? null : new TF_Output(n);
    PointerPointer<TF_Tensor> values = n == 0 ? null : new PointerPointer<>(n);
    PointerPointer<TF_Operation> targetOps = targets.isEmpty() ? null : new PointerPointer<>(targets.size());
    List<Fetched> result = new ArrayList<>(n);
    try {
      for (int i = 0; i < m; i++) {
        Feed f = feeds.get(i);
        setOutput(inputs, i, f.tensor());
        TF_Tensor t = allocate(f);
        fed.add(t);
        inputValues.put(i, t);
      }
      for (int i = 0; i < n; i++) {
        setOutput(outputs, i, fetches.get(i));
      }
      for (int i = 0; i < targets.size(); i++) {
        targetOps.put(i, operation(targets.get(i)));
      }
      if (outputs != null) {
        outputs.position(0);
      }
      if (inputs != null) {
        inputs.position(0);
      }
      TF_SessionRun(session, null, inputs, inputValues, m, outputs, values, n, targetOps, targets.size(), null, status);
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
      fed.forEach(NativeGraphRunner::deleteFed);
      close(inputs, inputValues, outputs, values, targetOps);
      TF_DeleteStatus(status);
    }
  }

  /**
   * Frees a tensor made by {@link #allocate}. {@code TF_AllocateTensor}'s buffer does not destroy
   * its {@code TF_TString}s, so a string tensor's elements are deallocated first, unless TF still
   * shares the buffer ({@code TF_TensorMaybeMove} returns null).
   */
  private static void deleteFed(TF_Tensor t) {
    if (TF_TensorType(t) != TF_STRING) {
      TF_DeleteTensor(t);
      return;
    }
    TF_Tensor owned = TF_TensorMaybeMove(t);
    if (owned == null || owned.isNull()) {
      TF_DeleteTensor(t);
      return;
    }
    long n = TF_TensorElementCount(owned);
    if (n > 0) {
      TF_TString all = new TF_TString(TF_TensorData(owned));
      for (long e = 0; e < n; e++) {
        TF_TString_Dealloc(all.getPointer(e));
      }
    }
    TF_DeleteTensor(owned);
  }

  private static void close(Pointer... pointers) {
    for (Pointer p : pointers) {
      if (p != null) {
        p.close();
      }
    }
  }

  private void setOutput(TF_Output array, int i, String tensor) {
    String op = opName(tensor);
    int index = outputIndex(tensor);
    TF_Operation oper = operation(op);
    if (index >= TF_OperationNumOutputs(oper)) {
      throw new IllegalArgumentException("operation " + op + " has no output " + index);
    }
    array.position(i).oper(oper).index(index);
  }

  private TF_Output output(String tensor) {
    TF_Output out = new TF_Output(1);
    setOutput(out, 0, tensor);
    out.position(0);
    return out;
  }

  /** The operation of a tensor name: {@code op} for {@code op:1}. */
  public static String opName(String tensor) {
    int colon = tensor.lastIndexOf(':');
    if (colon > 0 && colon < tensor.length() - 1 && tensor.substring(colon + 1).chars().allMatch(Character::isDigit)) {
      return tensor.substring(0, colon);
    }
    return tensor;
  }

  /** The output index of a tensor name: 1 for {@code op:1}, 0 for {@code op}. */
  public static int outputIndex(String tensor) {
    String op = opName(tensor);
    return op.length() == tensor.length() ? 0 : Integer.parseInt(tensor.substring(op.length() + 1));
  }

  private static TF_Tensor allocate(Feed f) {
    long[] dims = f.shape();
    long elements = 1;
    for (long d : dims) {
      elements = Math.multiplyExact(elements, d);
    }
    if (f.dtype() == TF_STRING) {
      if (f.strings().size() != elements) {
        throw new IllegalArgumentException(f.tensor() + ": " + f.strings().size() + " strings for " + elements + " elements");
      }
      long size = Loader.sizeof(TF_TString.class);
      TF_Tensor t = TF_AllocateTensor(TF_STRING, dims, dims.length, elements * size);
      if (elements > 0) {
        TF_TString all = new TF_TString(TF_TensorData(t));
        for (long e = 0; e < elements; e++) {
          TF_TString one = all.getPointer(e);
          TF_TString_Init(one);
          byte[] s = f.strings().get((int) e);
          try (BytePointer p = new BytePointer(Math.max(1, s.length))) {
            p.put(s, 0, s.length);
            TF_TString_Copy(one, p, s.length);
          }
        }
      }
      return t;
    }
    byte[] data = f.data();
    TF_Tensor t = TF_AllocateTensor(f.dtype(), dims, dims.length, data.length);
    if (data.length > 0) {
      BytePointer p = new BytePointer(TF_TensorData(t));
      p.capacity(data.length).limit(data.length).put(data);
    }
    return t;
  }

  private TF_Operation operation(String name) {
    requireOpen();
    TF_Operation oper = TF_GraphOperationByName(graph, name);
    if (oper == null || oper.isNull()) {
      throw new IllegalArgumentException("no operation named " + name + " in the graph");
    }
    return oper;
  }

  private void requireOpen() {
    if (session == null) {
      throw new IllegalStateException("runner is closed");
    }
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
