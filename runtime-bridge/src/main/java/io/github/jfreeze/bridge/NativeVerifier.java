package io.github.jfreeze.bridge;

import io.github.jfreeze.bridge.internal.DataTypeNames;
import io.github.jfreeze.bridge.internal.NativeGraphRunner;
import io.github.jfreeze.bridge.internal.NativeGraphRunner.NativeFailure;
import io.github.jfreeze.codec.Suggestions;
import io.github.jfreeze.codec.Tensor;
import io.github.jfreeze.codec.values.TensorComparison;
import io.github.jfreeze.codec.values.TensorLiteral;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;

/**
 * Checks a frozen graph against the model it was frozen from, on native TensorFlow: both are run
 * with the same feed tensors and every fetched output is compared.
 *
 * <pre>{@code
 * NativeVerifier.Result r = NativeVerifier.verify(
 *     NativeVerifier.Options.builder(Path.of("frozen.pb"), Path.of("train/")).build());
 * r.match();                  // true when every output matches
 * r.outputs().get(0).maxAbsDiff();
 * r.feedText();               // name -> value text, to reproduce the run with jfreeze run --feed
 * }</pre>
 *
 * <p>The original model is a TF1 checkpoint with its {@code .meta} (the MetaGraphDef's graph is
 * imported, device placements cleared, and the Saver's {@code restore_op_name} run with the
 * checkpoint prefix fed to {@code filename_tensor_name}), or a SavedModel directory, TF1 or TF2,
 * loaded as {@code SavedModelBundle.load(dir, tags)} loads it. Freezing keeps node names, so the
 * same feed and fetch names are used in both graphs; for a TF2 SavedModel the fetches are
 * main-graph nodes of its MetaGraphDef such as {@code StatefulPartitionedCall_5}.
 *
 * <p>Feeds: the given ones (text, see {@link TensorLiteral}), plus seeded random values for every
 * {@code Placeholder} of the frozen graph that the fetches depend on and no feed covers (its dtype;
 * unknown dimensions are 1 and an unknown rank is {@code [1]} unless {@link Options.Builder#shapes}
 * says otherwise). {@code PlaceholderWithDefault} nodes keep their defaults unless fed. Fetches
 * default to the frozen graph's likely outputs.
 *
 * <p>Matching: integers, bools and strings must be bit-identical; floats must agree within an
 * absolute and a relative tolerance: {@code |a-b| <= atol + rtol * max(|a|,|b|)} (numpy's {@code
 * isclose}, symmetric), NaN matching NaN; rtol defaults to 1e-6, atol to {@link
 * TensorComparison#defaultAtol} of the output's dtype (1e-8 for float32).
 *
 * <p>Over 400 lines because it holds the public options ({@code Options} and its builder), the
 * results ({@code Result}, {@code Output}) and the one procedure that runs both sides; splitting
 * the procedure would pass the two open sessions around.
 */
public final class NativeVerifier {
  private NativeVerifier() {}

  /** Default relative tolerance for floating outputs. */
  public static final double DEFAULT_TOLERANCE = 1e-6;

  /** What to verify. Build with {@link #builder(Path, Path)}. */
  public static final class Options {
    private final Path frozenGraph;
    private final Path original;
    private final Path metaGraph;
    private final String checkpoint;
    private final Map<String, String> feeds;
    private final List<String> fetches;
    private final Map<String, long[]> shapes;
    private final long seed;
    private final Device device;
    private final Set<String> tags;
    private final double tolerance;
    private final double atol;
    private final String init;

    private Options(Builder b) {
      this.frozenGraph = b.frozenGraph;
      this.original = b.original;
      this.metaGraph = b.metaGraph;
      this.checkpoint = b.checkpoint;
      this.feeds = Map.copyOf(b.feeds);
      this.fetches = List.copyOf(b.fetches);
      Map<String, long[]> s = new LinkedHashMap<>();
      b.shapes.forEach((k, v) -> s.put(k, v.clone()));
      this.shapes = s;
      this.seed = b.seed;
      this.device = b.device;
      this.tags = Set.copyOf(b.tags);
      this.tolerance = b.tolerance;
      this.atol = b.atol;
      this.init = b.init;
    }

    /**
     * @param frozenGraph the frozen GraphDef ({@code .pb} or {@code .pbtxt})
     * @param original the model it was frozen from: a SavedModel directory, a checkpoint directory,
     *     prefix, V1 file or pattern, or one of its files ({@code .meta}, {@code .index})
     */
    public static Builder builder(Path frozenGraph, Path original) {
      return new Builder(frozenGraph, original);
    }

    public Path frozenGraph() {
      return frozenGraph;
    }

    public Path original() {
      return original;
    }

    /** The MetaGraphDef to import for a checkpoint, or null to find it beside the checkpoint. */
    public Path metaGraph() {
      return metaGraph;
    }

    /** The checkpoint prefix (or V1 pattern) to restore, or null to locate it from {@link #original()}. */
    public String checkpoint() {
      return checkpoint;
    }

    public Map<String, String> feeds() {
      return feeds;
    }

    public List<String> fetches() {
      return fetches;
    }

    /** Shapes for random feeds, by placeholder name. */
    public Map<String, long[]> shapes() {
      Map<String, long[]> s = new LinkedHashMap<>();
      shapes.forEach((k, v) -> s.put(k, v.clone()));
      return s;
    }

    public long seed() {
      return seed;
    }

    public Device device() {
      return device;
    }

    /** SavedModel tags to load. */
    public Set<String> tags() {
      return tags;
    }

    public double tolerance() {
      return tolerance;
    }

    /** Absolute tolerance for floating outputs, or NaN for each dtype's default ({@link TensorComparison#defaultAtol}). */
    public double atol() {
      return atol;
    }

    /**
     * The frozen graph's init node, run once before the outputs: null for {@code init_all_tables}
     * where the graph has it, empty for none.
     */
    public String init() {
      return init;
    }

    /** Builder for {@link Options}. */
    public static final class Builder {
      private final Path frozenGraph;
      private final Path original;
      private Path metaGraph;
      private String checkpoint;
      private final Map<String, String> feeds = new LinkedHashMap<>();
      private final List<String> fetches = new ArrayList<>();
      private final Map<String, long[]> shapes = new LinkedHashMap<>();
      private long seed;
      private Device device = Device.AUTO;
      private final Set<String> tags = new LinkedHashSet<>(Set.of("serve"));
      private double tolerance = DEFAULT_TOLERANCE;
      private double atol = Double.NaN;
      private String init;

      private Builder(Path frozenGraph, Path original) {
        this.frozenGraph = Objects.requireNonNull(frozenGraph, "frozenGraph is null");
        this.original = Objects.requireNonNull(original, "original is null");
      }

      public Builder metaGraph(Path meta) {
        this.metaGraph = meta;
        return this;
      }

      public Builder checkpoint(String prefix) {
        this.checkpoint = prefix;
        return this;
      }

      /** Feed values as text (see {@link TensorLiteral}), by tensor name. */
      public Builder feeds(Map<String, String> values) {
        values.forEach(this::feed);
        return this;
      }

      public Builder feed(String name, String value) {
        feeds.put(Objects.requireNonNull(name, "name is null"), Objects.requireNonNull(value, "value is null"));
        return this;
      }

      /** Tensors to compare; none means the frozen graph's likely outputs. */
      public Builder fetches(List<String> names) {
        names.forEach(n -> fetches.add(Objects.requireNonNull(n, "fetch is null")));
        return this;
      }

      public Builder fetches(String... names) {
        return fetches(Arrays.asList(names));
      }

      /** The shape of a random feed, overriding the placeholder's (unknown dimensions are 1 otherwise). */
      public Builder shape(String placeholder, long... dims) {
        for (long d : dims) {
          if (d < 0) {
            throw new IllegalArgumentException("shape of " + placeholder + " has a negative dimension: "
                + Arrays.toString(dims));
          }
        }
        shapes.put(Objects.requireNonNull(placeholder, "placeholder is null"), dims.clone());
        return this;
      }

      public Builder shapes(Map<String, long[]> byName) {
        byName.forEach(this::shape);
        return this;
      }

      /** Seed of the random feeds (default 0). */
      public Builder seed(long seed) {
        this.seed = seed;
        return this;
      }

      public Builder device(Device device) {
        this.device = Objects.requireNonNull(device, "device is null");
        return this;
      }

      /** The SavedModel tag set to load; empty for modules saved with no tags (TF1 Hub). */
      public Builder tags(Set<String> tags) {
        this.tags.clear();
        this.tags.addAll(tags);
        return this;
      }

      /** Relative tolerance for floating outputs (default {@link #DEFAULT_TOLERANCE}). */
      public Builder tolerance(double relative) {
        if (!(relative >= 0)) {
          throw new IllegalArgumentException("tolerance must be >= 0: " + relative);
        }
        this.tolerance = relative;
        return this;
      }

      /** The frozen graph's init node (default: {@code init_all_tables} where it has one; empty: none). */
      public Builder init(String node) {
        this.init = node;
        return this;
      }

      /** Absolute tolerance for floating outputs (default: each dtype's, {@link TensorComparison#defaultAtol}). */
      public Builder atol(double absolute) {
        if (!(absolute >= 0)) {
          throw new IllegalArgumentException("atol must be >= 0: " + absolute);
        }
        this.atol = absolute;
        return this;
      }

      public Options build() {
        return new Options(this);
      }
    }
  }

  /**
   * One compared output.
   *
   * @param name the fetched tensor name
   * @param dtype its dtype in the frozen graph
   * @param shape its shape in the frozen graph's result
   * @param maxAbsDiff largest {@code |frozen - original|} over elements (NaN: a NaN against a
   *     number, a non-numeric dtype that differs, or a shape/dtype mismatch)
   * @param maxRelDiff largest {@code |frozen - original| / max(|frozen|, |original|)}
   * @param mismatched how many elements do not match
   * @param match whether the output matches
   * @param note why dtype or shape differ, else empty
   * @param frozen the frozen graph's value
   * @param original the original model's value
   */
  public record Output(String name, String dtype, long[] shape, double maxAbsDiff, double maxRelDiff, long mismatched,
      boolean match, String note, NativeTensor frozen, NativeTensor original) {
    public Output {
      shape = shape.clone();
    }

    @Override
    public long[] shape() {
      return shape.clone();
    }

    @Override
    public String toString() {
      return name + " " + dtype + TensorLiteral.shapeText(shape) + (match ? " match" : " MISMATCH") + " max_abs_diff="
          + maxAbsDiff + " max_rel_diff=" + maxRelDiff + (mismatched > 0 ? " mismatched=" + mismatched : "")
          + (note.isEmpty() ? "" : " (" + note + ")");
    }
  }

  /**
   * A verification's outcome.
   *
   * @param frozenGraph the frozen graph file
   * @param original what the original model was loaded from (human-readable)
   * @param device where both ran
   * @param seed the random feeds' seed
   * @param tolerance the relative tolerance used for floats
   * @param feeds every tensor fed to both graphs, given or random
   * @param randomFeeds the names of the feeds that were generated
   * @param outputs one comparison per fetch
   * @param match whether every output matches
   * @param initNode the frozen graph's node run once before the outputs (it fills lookup tables), or null
   */
  public record Result(Path frozenGraph, String original, Device device, long seed, double tolerance,
      List<NativeTensor> feeds, List<String> randomFeeds, List<Output> outputs, boolean match, String initNode) {
    public Result {
      feeds = List.copyOf(feeds);
      randomFeeds = List.copyOf(randomFeeds);
      outputs = List.copyOf(outputs);
    }

    /** The feeds as text, name to value, in the syntax {@link TensorLiteral#parse} reads: to reproduce the run. */
    public Map<String, String> feedText() {
      Map<String, String> out = new LinkedHashMap<>();
      feeds.forEach(t -> out.put(t.key(), FeedValues.format(t)));
      return out;
    }

    /** The comparison of this output. */
    public Output output(String name) {
      return outputs.stream().filter(o -> o.name().equals(name)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("no output " + name));
    }
  }

  /**
   * Runs the frozen graph and the original model with the same feeds and compares the outputs.
   *
   * @throws NativeRunException when the natives are unavailable, a model cannot be loaded or
   *     restored, a name is unknown in either graph, a feed is bad, or TensorFlow fails a run
   * @throws IOException when a file cannot be read
   */
  public static Result verify(Options options) throws IOException {
    Objects.requireNonNull(options, "options is null");
    NativeRunner.requireNatives("verifying a frozen graph");
    Device device = options.device().resolve();
    Path frozenPath = options.frozenGraph();
    GraphDef frozenGraph = NativeRunner.readGraph(frozenPath);
    String frozenWhere = "the frozen graph " + frozenPath;

    List<String> fetches;
    List<NativeTensor> feeds;
    List<String> random = new ArrayList<>();
    List<NativeTensor> frozenOut;
    String initNode;
    try (NativeGraphRunner frozen = NativeRunner.importGraph(frozenGraph, frozenPath, device)) {
      fetches = options.fetches().isEmpty() ? NativeRunner.likelyOutputs(frozenGraph, frozen, frozenWhere)
          : options.fetches();
      NativeRunner.checkFetches(frozen, fetches, frozenWhere, frozenGraph);
      feeds = new ArrayList<>(NativeRunner.parseFeeds(frozen, options.feeds(), frozenWhere, frozenGraph));
      Map<String, long[]> shapes = new LinkedHashMap<>();
      for (Map.Entry<String, long[]> e : options.shapes().entrySet()) {
        NativeRunner.checkTensor(frozen, e.getKey(), "shape for", frozenWhere, frozenGraph);
        shapes.put(NativeGraphRunner.opName(e.getKey()), e.getValue());
      }
      for (NodeDef p : NativeRunner.unfedPlaceholders(frozenGraph, fetches, feeds)) {
        String name = p.getName();
        long[] shape = shapes.get(name);
        if (shape == null) {
          shape = randomShape(frozen, name);
        }
        String dtype = DataTypeNames.name(frozen.outputType(name));
        feeds.add(FeedValues.random(name, dtype, shape, options.seed() * 0x9E3779B97F4A7C15L + name.hashCode()));
        random.add(name);
      }
      initNode = NativeRunner.initialize(frozen, frozenGraph, options.init(), frozenWhere);
      frozenOut = withRandomHint(random, () -> NativeRunner.run(frozen, feeds, fetches, "running " + frozenWhere));
    }

    List<NativeTensor> originalOut;
    String description;
    try (OriginalModel original = open(options, device)) {
      description = original.description;
      String where = "the original model (" + description + ")";
      for (String f : fetches) {
        requireInOriginal(original, f, "fetch", where);
      }
      for (NativeTensor t : feeds) {
        requireInOriginal(original, t.key(), "feed", where);
      }
      originalOut = withRandomHint(random, () -> NativeRunner.run(original.runner, feeds, fetches, "running " + where));
    }

    List<Output> outputs = new ArrayList<>();
    boolean all = true;
    for (int i = 0; i < fetches.size(); i++) {
      NativeTensor a = frozenOut.get(i);
      NativeTensor b = originalOut.get(i);
      TensorComparison.Outcome o = compare(a, b, options.tolerance(), options.atol());
      outputs.add(new Output(fetches.get(i), a.dtype(), a.shape(), o.maxAbsDiff(), o.maxRelDiff(), o.mismatched(),
          o.match(), o.note(), a, b));
      all &= o.match();
    }
    return new Result(frozenPath, description, device, options.seed(), options.tolerance(), feeds, random, outputs, all,
        initNode);
  }

  /**
   * Codec's comparison of two outputs. Values a codec tensor cannot hold (resource or variant
   * handles, which nothing fetches to compare) are reported as not comparable.
   */
  static TensorComparison.Outcome compare(NativeTensor a, NativeTensor b, double tolerance) {
    return compare(a, b, tolerance, 0);
  }

  /** As above, with an absolute tolerance; NaN means the dtype's ({@link TensorComparison#defaultAtol}). */
  static TensorComparison.Outcome compare(NativeTensor a, NativeTensor b, double tolerance, double atol) {
    Tensor x;
    Tensor y;
    try {
      x = a.toTensor();
      y = b.toTensor();
    } catch (IllegalArgumentException e) {
      return new TensorComparison.Outcome(Double.NaN, Double.NaN, a.numElements(), false, e.getMessage());
    }
    return TensorComparison.compare(x, y, tolerance, Double.isNaN(atol) ? TensorComparison.defaultAtol(x.dtype()) : atol);
  }

  @FunctionalInterface
  private interface Run {
    List<NativeTensor> run() throws NativeRunException;
  }

  /** A failed run with random feeds says so: random values may be invalid input for the model. */
  private static List<NativeTensor> withRandomHint(List<String> random, Run run) throws NativeRunException {
    try {
      return run.run();
    } catch (NativeRunException e) {
      if (random.isEmpty() || e.reason() != NativeRunException.Reason.TENSORFLOW_ERROR) {
        throw e;
      }
      throw new NativeRunException(e.reason(), e.getMessage() + "\n(random values were fed to " + String.join(", ", random)
          + "; if the model cannot take them, feed those placeholders, or feed the tensors below them such as a "
          + "signature's inputs)", List.of(), e);
    }
  }

  private static long[] randomShape(NativeGraphRunner runner, String name) {
    long[] shape;
    try {
      shape = runner.outputShape(name);
    } catch (NativeFailure e) {
      shape = null;
    }
    if (shape == null) {
      return new long[] {1};
    }
    long[] out = shape.clone();
    for (int i = 0; i < out.length; i++) {
      if (out[i] < 0) {
        out[i] = 1;
      }
    }
    return out;
  }

  private static OriginalModel open(Options o, Device device) throws IOException {
    if (o.metaGraph() == null && o.checkpoint() == null && OriginalModel.isSavedModel(o.original())) {
      return OriginalModel.savedModel(o.original(), o.tags(), device);
    }
    return OriginalModel.checkpoint(OriginalModel.locate(o.original(), o.metaGraph(), o.checkpoint()), device);
  }

  private static void requireInOriginal(OriginalModel m, String tensor, String role, String where)
      throws NativeRunException {
    String op = NativeGraphRunner.opName(tensor);
    if (!m.runner.hasOperation(op)) {
      throw NativeRunException.unknownName(role + " '" + tensor + "' of the frozen graph is not in " + where
          + "; freezing keeps node names, so the frozen graph was not made from this model (or not with this "
          + "signature or tag set)", Suggestions.closest(op, m.runner.operationNames(), 5));
    }
  }
}
