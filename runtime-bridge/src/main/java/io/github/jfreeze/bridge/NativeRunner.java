package io.github.jfreeze.bridge;

import io.github.jfreeze.bridge.internal.DataTypeNames;
import io.github.jfreeze.bridge.internal.GraphFiles;
import io.github.jfreeze.bridge.internal.NativeGraphRunner;
import io.github.jfreeze.bridge.internal.NativeGraphRunner.Feed;
import io.github.jfreeze.bridge.internal.NativeGraphRunner.Fetched;
import io.github.jfreeze.bridge.internal.NativeGraphRunner.NativeFailure;
import io.github.jfreeze.codec.Suggestions;
import io.github.jfreeze.codec.graph.OpVocabulary;
import io.github.jfreeze.codec.values.TensorLiteral;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.SignatureDef;
import org.tensorflow.proto.TensorInfo;

/**
 * Runs a frozen GraphDef on native TensorFlow.
 *
 * <pre>{@code
 * NativeRunner.Result r = NativeRunner.run(Path.of("frozen.pb"),
 *     Map.of("input_holder", "10.0"), List.of("predictions"), Device.AUTO);
 * r.outputs().get(0);   // NativeTensor predictions float32[1]
 * r.device();           // CPU or GPU
 * }</pre>
 *
 * <p>Feed values are text in the syntax of {@link TensorLiteral}, parsed against the dtype and shape
 * TensorFlow infers for the fed tensor (a placeholder's {@code dtype} and {@code shape}). Feed and
 * fetch names are {@code node} or {@code node:index}. Without fetches the graph's likely outputs are
 * fetched: nodes nothing consumes that are not constants, placeholders, variables, assignments,
 * no-ops or saver nodes. Values of every dtype come back byte for byte, including those TF Java
 * has no Java class for.
 */
public final class NativeRunner {
  private NativeRunner() {}

  /**
   * What a run produced.
   *
   * @param outputs one tensor per fetch, keyed by the fetch name as given (or the node name for
   *     default fetches)
   * @param feeds the tensors fed, keyed by the feed name as given
   * @param device the device the session ran on ({@link Device#CPU} or {@link Device#GPU})
   * @param signature the SavedModel signature that ran, or null for a GraphDef
   */
  public record Result(List<NativeTensor> outputs, List<NativeTensor> feeds, Device device, String signature) {
    public Result {
      outputs = List.copyOf(outputs);
      feeds = List.copyOf(feeds);
      Objects.requireNonNull(device, "device is null");
    }

    /** The result of running a GraphDef (no signature). */
    public Result(List<NativeTensor> outputs, List<NativeTensor> feeds, Device device) {
      this(outputs, feeds, device, null);
    }

    /** The output with this key. */
    public NativeTensor output(String name) {
      return outputs.stream().filter(t -> t.key().equals(name)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("no output " + name + "; outputs: "
              + outputs.stream().map(NativeTensor::key).toList()));
    }
  }

  /**
   * Loads a frozen GraphDef ({@code .pb} binary or {@code .pbtxt} text) into a native graph and runs
   * it once.
   *
   * @param graph the GraphDef file
   * @param feeds placeholder (or any tensor) name to value text, see {@link TensorLiteral}
   * @param fetches tensors to fetch; empty for the graph's likely outputs
   * @param device where to run
   * @throws NativeRunException when the natives are unavailable ({@code NATIVES_UNAVAILABLE}), the
   *     GPU is asked for and absent, the file is unreadable, a name is unknown ({@code
   *     UNKNOWN_NAME}, with the closest names), a value does not parse or a placeholder the fetches
   *     need has no feed ({@code BAD_FEED}), or TensorFlow fails ({@code TENSORFLOW_ERROR})
   * @throws IOException when the file cannot be read
   */
  public static Result run(Path graph, Map<String, String> feeds, List<String> fetches, Device device)
      throws IOException {
    return run(graph, feeds, fetches, device, null);
  }

  /**
   * {@link #run(Path, Map, List, Device)}, running the graph's init node once first ({@link #initialize}).
   *
   * @param init the node to run once before the outputs; null for {@code init_all_tables} where the
   *     graph has it (what jfreeze's freeze writes for tables); empty for none
   */
  public static Result run(Path graph, Map<String, String> feeds, List<String> fetches, Device device, String init)
      throws IOException {
    Objects.requireNonNull(graph, "graph is null");
    Objects.requireNonNull(feeds, "feeds is null");
    Objects.requireNonNull(fetches, "fetches is null");
    Objects.requireNonNull(device, "device is null");
    requireNatives("running a graph");
    Device used = device.resolve();
    GraphDef g = readGraph(graph);
    try (NativeGraphRunner runner = importGraph(g, graph, used)) {
      List<String> fetchNames = fetches.isEmpty() ? likelyOutputs(g, runner, graph) : fetches;
      checkFetches(runner, fetchNames, graph.toString(), g);
      List<NativeTensor> fed = parseFeeds(runner, feeds, graph.toString(), g);
      requireFeedsFor(g, runner, fetchNames, fed);
      initialize(runner, g, init, graph.toString());
      List<NativeTensor> out = run(runner, fed, fetchNames, "running " + graph);
      return new Result(out, fed, used);
    }
  }

  /**
   * Loads a SavedModel with {@code tags}, variables restored, and runs one of its signatures once,
   * as {@code saved_model_cli run} does.
   *
   * @param dir the SavedModel directory
   * @param tags the tag set of the MetaGraphDef to load
   * @param signature the signature to run; null for {@code serving_default}, or the only one
   * @param feeds values by signature input key (or by tensor name), see {@link TensorLiteral}
   * @param fetches signature output keys (or tensor names); empty for all the signature's outputs
   * @param device where to run
   * @return the outputs, keyed as asked (signature keys when fetched by key)
   * @throws NativeRunException as {@link #run(Path, Map, List, Device)}, and {@code UNKNOWN_NAME}
   *     for a signature the SavedModel does not have (naming those it has)
   * @throws IOException when the SavedModel cannot be read
   */
  public static Result runSavedModel(Path dir, Set<String> tags, String signature, Map<String, String> feeds,
      List<String> fetches, Device device) throws IOException {
    Objects.requireNonNull(dir, "dir is null");
    Objects.requireNonNull(feeds, "feeds is null");
    Objects.requireNonNull(fetches, "fetches is null");
    requireNatives("running a SavedModel");
    Device used = device.resolve();
    try (OriginalModel m = OriginalModel.savedModel(dir, tags, used)) {
      String name = chooseSignature(m.signatures, signature, dir, tags);
      SignatureDef sig = m.signatures.get(name);
      String where = "SavedModel " + dir + " (signature " + name + ")";
      Map<String, String> byTensor = new LinkedHashMap<>();
      for (Map.Entry<String, String> e : feeds.entrySet()) {
        TensorInfo in = sig.getInputsMap().get(e.getKey());
        byTensor.put(in != null ? tensorName(in, e.getKey(), where) : e.getKey(), e.getValue());
      }
      List<String> keys = new ArrayList<>();
      List<String> tensors = new ArrayList<>();
      if (fetches.isEmpty()) {
        for (Map.Entry<String, TensorInfo> e : new TreeMap<>(sig.getOutputsMap()).entrySet()) {
          keys.add(e.getKey());
          tensors.add(tensorName(e.getValue(), e.getKey(), where));
        }
      } else {
        for (String f : fetches) {
          TensorInfo out = sig.getOutputsMap().get(f);
          keys.add(f);
          tensors.add(out != null ? tensorName(out, f, where) : f);
        }
      }
      checkFetches(m.runner, tensors, where, m.graph);
      List<NativeTensor> fed = parseFeeds(m.runner, byTensor, where, m.graph);
      requireFeedsFor(m.graph, m.runner, tensors, fed);
      List<NativeTensor> out = run(m.runner, fed, tensors, "running " + where);
      List<NativeTensor> keyed = new ArrayList<>(out.size());
      for (int i = 0; i < out.size(); i++) {
        NativeTensor t = out.get(i);
        keyed.add(new NativeTensor(keys.get(i), t.dtype(), t.shape(), t.data(), t.strings()));
      }
      return new Result(keyed, fed, used, name);
    }
  }

  /** The signature to run: the one asked for, else {@code serving_default}, else the only one. */
  private static String chooseSignature(Map<String, SignatureDef> signatures, String asked, Path dir, Set<String> tags)
      throws NativeRunException {
    List<String> names = signatures.keySet().stream().filter(n -> !n.startsWith("__")).sorted().toList();
    if (asked != null) {
      if (!signatures.containsKey(asked)) {
        throw NativeRunException.unknownName("signature '" + asked + "' is not in SavedModel " + dir + " (tags "
            + String.join(",", tags) + "; its signatures: " + (names.isEmpty() ? "none" : String.join(", ", names)) + ")",
            Suggestions.closest(asked, names, 5));
      }
      return asked;
    }
    if (signatures.containsKey("serving_default")) {
      return "serving_default";
    }
    if (names.size() == 1) {
      return names.get(0);
    }
    throw NativeRunException.unknownName("SavedModel " + dir + " has " + (names.isEmpty() ? "no signatures"
        : "no serving_default signature; name one of " + String.join(", ", names)) + " (--signature)", List.of());
  }

  private static String tensorName(TensorInfo info, String key, String where) throws NativeRunException {
    if (info.getName().isEmpty()) {
      throw NativeRunException.badModel(where + ": '" + key + "' is not a plain tensor (a sparse or composite one), "
          + "which run cannot feed or fetch");
    }
    return info.getName();
  }

  /** {@link #run(Path, Map, List, Device)} on {@link Device#AUTO}. */
  public static Result run(Path graph, Map<String, String> feeds, List<String> fetches) throws IOException {
    return run(graph, feeds, fetches, Device.AUTO);
  }

  // ------------------------------------------------------------ shared with the verifier

  static void requireNatives(String what) throws NativeRunException {
    if (!TensorFlowRuntime.isAvailable()) {
      throw NativeRunException.nativesUnavailable(what);
    }
  }

  static GraphDef readGraph(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw NativeRunException.badModel(file + ": no such GraphDef file");
    }
    try {
      return GraphFiles.readGraphDef(file);
    } catch (GraphFiles.NotAProto e) {
      throw NativeRunException.badModel(e.getMessage(), e);
    }
  }

  static NativeGraphRunner importGraph(GraphDef g, Path file, Device device) throws NativeRunException {
    try {
      return new NativeGraphRunner(g.toByteArray(), device.sessionConfig());
    } catch (NativeFailure e) {
      throw NativeRunException.tensorflow("TensorFlow cannot load the graph " + file, e.getMessage());
    }
  }

  /**
   * Runs a graph's init node once, as a target: {@code init} when named (it must be in the graph),
   * else {@link OpVocabulary#TABLE_INIT_NODE} when the graph has it (the node jfreeze's freeze
   * writes to fill lookup tables; a graph whose tables are not filled fails with "Table not
   * initialized"); an empty {@code init} runs none.
   *
   * @return the node run, or null
   */
  static String initialize(NativeGraphRunner runner, GraphDef g, String init, String where) throws NativeRunException {
    String node = init != null ? init : runner.hasOperation(OpVocabulary.TABLE_INIT_NODE) ? OpVocabulary.TABLE_INIT_NODE : "";
    if (node.isEmpty()) {
      return null;
    }
    if (!runner.hasOperation(node)) {
      List<String> names = g.getNodeList().stream().map(NodeDef::getName).toList();
      throw NativeRunException.unknownName("init node '" + node + "' is not in " + where, Suggestions.closest(node, names, 5));
    }
    run(runner, List.of(), List.of(), List.of(node), "running the init node " + node + " of " + where);
    return node;
  }

  /** Likely outputs that have at least one output tensor to fetch. */
  static List<String> likelyOutputs(GraphDef g, NativeGraphRunner runner, Object where) throws NativeRunException {
    List<String> out = new ArrayList<>();
    for (String n : GraphFiles.likelyOutputs(g)) {
      if (runner.hasOperation(n) && runner.numOutputs(n) > 0) {
        out.add(n);
      }
    }
    if (out.isEmpty()) {
      throw new NativeRunException(NativeRunException.Reason.NO_OUTPUTS,
          where + ": no fetches given and the graph has no likely outputs (nodes nothing consumes that are not "
              + "constants, placeholders, variables or saver nodes); name the tensors to fetch");
    }
    return out;
  }

  static void checkFetches(NativeGraphRunner runner, List<String> fetches, String where, GraphDef g)
      throws NativeRunException {
    for (String f : fetches) {
      checkTensor(runner, f, "fetch", where, g);
    }
  }

  /** Checks that a tensor name exists; the error lists the closest op names. */
  static void checkTensor(NativeGraphRunner runner, String tensor, String role, String where, GraphDef g)
      throws NativeRunException {
    String op = NativeGraphRunner.opName(tensor);
    if (!runner.hasOperation(op)) {
      List<String> names = g != null ? g.getNodeList().stream().map(NodeDef::getName).toList() : runner.operationNames();
      throw NativeRunException.unknownName(role + " '" + tensor + "' is not in " + where
          + (role.equals("fetch") ? likelyNote(g) : placeholdersNote(g)), Suggestions.closest(op, names, 5));
    }
    int index = NativeGraphRunner.outputIndex(tensor);
    int outputs = runner.numOutputs(op);
    if (index >= outputs) {
      throw NativeRunException.unknownName(role + " '" + tensor + "': node " + op + " (" + runner.opType(op) + ") has "
          + outputs + " output(s) in " + where, List.of());
    }
  }

  private static String placeholdersNote(GraphDef g) {
    if (g == null) {
      return "";
    }
    List<String> p = g.getNodeList().stream().filter(n -> OpVocabulary.PLACEHOLDERS.contains(n.getOp())).map(NodeDef::getName)
        .limit(10).toList();
    return p.isEmpty() ? " (it has no placeholders)" : " (its placeholders: " + String.join(", ", p) + ")";
  }

  private static String likelyNote(GraphDef g) {
    if (g == null) {
      return "";
    }
    List<String> p = GraphFiles.likelyOutputs(g).stream().limit(10).toList();
    return p.isEmpty() ? "" : " (likely outputs: " + String.join(", ", p) + ")";
  }

  /** Parses every feed against the dtype and static shape TF infers for the fed tensor. */
  static List<NativeTensor> parseFeeds(NativeGraphRunner runner, Map<String, String> feeds, String where, GraphDef g)
      throws NativeRunException {
    List<NativeTensor> out = new ArrayList<>();
    for (Map.Entry<String, String> e : feeds.entrySet()) {
      String name = Objects.requireNonNull(e.getKey(), "feed name is null");
      checkTensor(runner, name, "feed", where, g);
      String dtype = DataTypeNames.name(runner.outputType(name));
      long[] shape;
      try {
        shape = runner.outputShape(name);
      } catch (NativeFailure f) {
        shape = null;
      }
      out.add(FeedValues.parse(name, Objects.requireNonNull(e.getValue(), "feed value is null"), dtype, shape));
    }
    return out;
  }

  /** Placeholders the fetches need that have no feed: an error naming them with their types. */
  static void requireFeedsFor(GraphDef g, NativeGraphRunner runner, List<String> fetches, List<NativeTensor> fed)
      throws NativeRunException {
    List<String> missing = new ArrayList<>();
    for (NodeDef n : unfedPlaceholders(g, fetches, fed)) {
      long[] shape;
      try {
        shape = runner.outputShape(n.getName());
      } catch (NativeFailure e) {
        shape = null;
      }
      missing.add(n.getName() + " (" + DataTypeNames.name(runner.outputType(n.getName())) + TensorLiteral.shapeText(shape)
          + ")");
    }
    if (!missing.isEmpty()) {
      throw new NativeRunException(NativeRunException.Reason.BAD_FEED, "the fetches need a value for placeholder(s) "
          + String.join(", ", missing) + "; feed each (name=VALUE, e.g. x=[[1.0, 2.0]])");
    }
  }

  /** {@code Placeholder} nodes the fetches depend on that no feed covers. */
  static List<NodeDef> unfedPlaceholders(GraphDef g, List<String> fetches, List<NativeTensor> fed) {
    Set<String> cut = new HashSet<>();
    for (NativeTensor t : fed) {
      cut.add(NativeGraphRunner.opName(t.key()));
    }
    List<NodeDef> out = new ArrayList<>();
    for (NodeDef n : GraphFiles.dependencies(g, fetches, cut)) {
      if (OpVocabulary.REQUIRED_PLACEHOLDERS.contains(n.getOp()) && !cut.contains(n.getName())) {
        out.add(n);
      }
    }
    return out;
  }

  /** One native run; outputs keyed by the fetch names. */
  static List<NativeTensor> run(NativeGraphRunner runner, List<NativeTensor> feeds, List<String> fetches, String what)
      throws NativeRunException {
    return run(runner, feeds, fetches, List.of(), what);
  }

  static List<NativeTensor> run(NativeGraphRunner runner, List<NativeTensor> feeds, List<String> fetches,
      List<String> targets, String what) throws NativeRunException {
    List<Feed> nativeFeeds = new ArrayList<>(feeds.size());
    for (NativeTensor t : feeds) {
      nativeFeeds.add(new Feed(t.key(), DataTypeNames.number(t.dtype()), t.shape(), t.data(), t.strings()));
    }
    List<Fetched> fetched;
    try {
      fetched = runner.run(nativeFeeds, fetches, targets);
    } catch (NativeFailure e) {
      throw NativeRunException.tensorflow("TensorFlow failed " + what, e.getMessage());
    } catch (IllegalArgumentException e) {
      throw NativeRunException.unknownName(what + ": " + e.getMessage(), List.of());
    }
    List<NativeTensor> out = new ArrayList<>(fetched.size());
    for (int i = 0; i < fetched.size(); i++) {
      Fetched f = fetched.get(i);
      out.add(new NativeTensor(fetches.get(i), DataTypeNames.name(f.dtype()), f.shape(), f.data(), f.strings()));
    }
    return out;
  }
}
