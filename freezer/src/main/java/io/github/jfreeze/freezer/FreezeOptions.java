package io.github.jfreeze.freezer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What to freeze and how. Build with {@link #builder(Path)}:
 *
 * <pre>{@code
 * FreezeOptions opts = FreezeOptions.builder(Path.of("train/"))
 *     .outputs("predictions")
 *     .output(Path.of("frozen.pb"))
 *     .build();
 * FreezeReport report = Freezer.freeze(opts);
 * }</pre>
 */
public final class FreezeOptions {
  private final Path input;
  private final Path graph;
  private final List<String> outputs;
  private final String signature;
  private final Set<String> tags;
  private final List<String> includeVariables;
  private final List<String> excludeVariables;
  private final List<String> initializerNodes;
  private final boolean clearDevices;
  private final Path output;
  private final boolean force;
  private final VariableValueSource values;
  private final boolean keepTrainingOps;
  private final Progress progress;
  // flat graphs (issue 12)
  private final boolean inlineFunctions;
  private final boolean lowerControlFlow;

  private FreezeOptions(Builder b) {
    this.input = b.input;
    this.graph = b.graph;
    this.outputs = List.copyOf(b.outputs);
    this.signature = b.signature;
    this.tags = Set.copyOf(b.tags);
    this.includeVariables = List.copyOf(b.includeVariables);
    this.excludeVariables = List.copyOf(b.excludeVariables);
    this.initializerNodes = List.copyOf(b.initializerNodes);
    this.clearDevices = b.clearDevices;
    this.output = b.output;
    this.force = b.force;
    this.values = b.values;
    this.keepTrainingOps = b.keepTrainingOps;
    this.progress = b.progress;
    this.inlineFunctions = b.inlineFunctions || b.lowerControlFlow;
    this.lowerControlFlow = b.lowerControlFlow;
  }

  /**
   * Starts options for freezing {@code input}.
   *
   * @param input a checkpoint (directory, prefix or any of its files) or a SavedModel directory
   * @return a builder with the defaults
   */
  public static Builder builder(Path input) {
    return new Builder(input);
  }

  /**
   * What is frozen.
   *
   * @return the checkpoint or SavedModel path
   */
  public Path input() {
    return input;
  }

  /**
   * The graph to use instead of the {@code .meta} beside the checkpoint.
   *
   * @return a GraphDef or MetaGraphDef file, or null
   */
  public Path graph() {
    return graph;
  }

  /**
   * Output node names.
   *
   * @return the names; empty means the signature's outputs (SavedModel)
   */
  public List<String> outputs() {
    return outputs;
  }

  /**
   * SavedModel signature key whose outputs are taken when no outputs are given.
   *
   * @return the key (default {@code serving_default})
   */
  public String signature() {
    return signature;
  }

  /**
   * SavedModel tag set to freeze.
   *
   * @return the tags (default {@code serve})
   */
  public Set<String> tags() {
    return tags;
  }

  /**
   * Variables to convert.
   *
   * @return names or regular expressions; empty means all
   */
  public List<String> includeVariables() {
    return includeVariables;
  }

  /**
   * Variables to leave as variables.
   *
   * @return names or regular expressions
   */
  public List<String> excludeVariables() {
    return excludeVariables;
  }

  /**
   * Nodes kept in the graph as they are besides the outputs, as freeze_graph.py does: e.g. what
   * fills a lookup table at run time, which the freeze refuses otherwise (tables filled from
   * constants or files are embedded without it, under {@code init_all_tables}).
   *
   * @return the node names
   */
  public List<String> initializerNodes() {
    return initializerNodes;
  }

  /**
   * Whether device placements are cleared.
   *
   * @return true (the default, as in freeze_graph.py) if they are
   */
  public boolean clearDevices() {
    return clearDevices;
  }

  /**
   * Where to write the frozen GraphDef.
   *
   * @return the output file, or null to only build it
   */
  public Path output() {
    return output;
  }

  /**
   * Whether an existing output file may be replaced.
   *
   * @return true if it may
   */
  public boolean force() {
    return force;
  }

  /**
   * Supplier of variable values instead of the checkpoint (native-assisted freezing).
   *
   * @return the supplier, or null
   */
  public VariableValueSource values() {
    return values;
  }

  /**
   * Whether training-only ops the outputs reach are left as TensorFlow's freezer leaves them
   * (default false). Such graphs usually fail to load; this exists to reproduce TF's behaviour.
   *
   * @return true if they are left
   */
  public boolean keepTrainingOps() {
    return keepTrainingOps;
  }

  /**
   * Who hears how far writing the output has got.
   *
   * @return the listener, or null
   */
  public Progress progress() {
    return progress;
  }

  /**
   * Whether function calls ({@code PartitionedCall}, {@code StatefulPartitionedCall}, calls of
   * library functions by name) are replaced by their bodies, as TensorFlow's function inlining
   * does (default false; implied by {@link #lowerControlFlow()}).
   *
   * @return true if calls are inlined
   */
  public boolean inlineFunctions() {
    return inlineFunctions;
  }

  /**
   * Whether {@code If}/{@code StatelessIf}, {@code Case}/{@code StatelessCase} and {@code
   * While}/{@code StatelessWhile} are lowered to {@code Switch}/{@code Merge} and loop frames, their
   * bodies inlined, as TensorFlow's {@code LowerFunctionalOpsPass} does (default false).
   *
   * @return true if control flow is lowered
   */
  public boolean lowerControlFlow() {
    return lowerControlFlow;
  }

  /** Builder for {@link FreezeOptions}. */
  public static final class Builder {
    private final Path input;
    private Path graph;
    private final List<String> outputs = new ArrayList<>();
    private String signature = "serving_default";
    private final Set<String> tags = new LinkedHashSet<>(Set.of("serve"));
    private final List<String> includeVariables = new ArrayList<>();
    private final List<String> excludeVariables = new ArrayList<>();
    private final List<String> initializerNodes = new ArrayList<>();
    private boolean clearDevices = true;
    private Path output;
    private boolean force;
    private VariableValueSource values;
    private boolean keepTrainingOps;
    private Progress progress;
    private boolean inlineFunctions;
    private boolean lowerControlFlow;

    private Builder(Path input) {
      this.input = Objects.requireNonNull(input, "input is null");
    }

    /**
     * Freezes this graph instead of the {@code .meta} beside the checkpoint.
     *
     * @param graph a GraphDef or MetaGraphDef file, or null
     * @return this builder
     */
    public Builder graph(Path graph) {
      this.graph = graph;
      return this;
    }

    /**
     * Output node names ({@code name} or {@code name:0}); comma-separated lists are split.
     *
     * @param names the names
     * @return this builder
     */
    public Builder outputs(String... names) {
      for (String n : names) {
        outputs.addAll(split(n));
      }
      return this;
    }

    /**
     * As {@link #outputs(String...)}.
     *
     * @param names the names
     * @return this builder
     */
    public Builder outputs(List<String> names) {
      return outputs(names.toArray(String[]::new));
    }

    /**
     * The SavedModel signature whose outputs are frozen when no outputs are given.
     *
     * @param signature the signature key
     * @return this builder
     */
    public Builder signature(String signature) {
      this.signature = Objects.requireNonNull(signature, "signature is null");
      return this;
    }

    /**
     * The SavedModel tag set to freeze.
     *
     * @param tags the tags
     * @return this builder
     */
    public Builder tags(Set<String> tags) {
      this.tags.clear();
      this.tags.addAll(tags);
      return this;
    }

    /**
     * Converts only these variables; comma-separated lists are split.
     *
     * @param patterns names or regular expressions
     * @return this builder
     */
    public Builder includeVariables(List<String> patterns) {
      patterns.forEach(p -> includeVariables.addAll(split(p)));
      return this;
    }

    /**
     * Leaves these variables as variables; comma-separated lists are split.
     *
     * @param patterns names or regular expressions
     * @return this builder
     */
    public Builder excludeVariables(List<String> patterns) {
      patterns.forEach(p -> excludeVariables.addAll(split(p)));
      return this;
    }

    /**
     * Keeps these nodes besides the outputs; comma-separated lists are split.
     *
     * @param names node names
     * @return this builder
     */
    public Builder initializerNodes(List<String> names) {
      names.forEach(p -> initializerNodes.addAll(split(p)));
      return this;
    }

    /**
     * Whether device placements are cleared.
     *
     * @param clear false to keep them
     * @return this builder
     */
    public Builder clearDevices(boolean clear) {
      this.clearDevices = clear;
      return this;
    }

    /**
     * Writes the frozen GraphDef to this file.
     *
     * @param output the file, or null to only build the graph
     * @return this builder
     */
    public Builder output(Path output) {
      this.output = output;
      return this;
    }

    /**
     * Whether an existing output file may be replaced.
     *
     * @param force true to replace it
     * @return this builder
     */
    public Builder force(boolean force) {
      this.force = force;
      return this;
    }

    /**
     * Takes variable values from {@code values} where it has them (see {@link VariableValueSource}).
     *
     * @param values the supplier, or null
     * @return this builder
     */
    public Builder values(VariableValueSource values) {
      this.values = values;
      return this;
    }

    /**
     * Leaves training-only ops as TensorFlow does (see {@link FreezeOptions#keepTrainingOps()}).
     *
     * @param keep true to leave them
     * @return this builder
     */
    public Builder keepTrainingOps(boolean keep) {
      this.keepTrainingOps = keep;
      return this;
    }

    /**
     * Reports how far writing the output has got (see {@link Progress}).
     *
     * @param progress the listener, or null for none
     * @return this builder
     */
    public Builder progress(Progress progress) {
      this.progress = progress;
      return this;
    }

    /**
     * Replaces function calls by their bodies (see {@link FreezeOptions#inlineFunctions()}).
     *
     * @param inline true to inline
     * @return this builder
     */
    public Builder inlineFunctions(boolean inline) {
      this.inlineFunctions = inline;
      return this;
    }

    /**
     * Lowers functional control flow and inlines every call (see {@link
     * FreezeOptions#lowerControlFlow()}).
     *
     * @param lower true to lower
     * @return this builder
     */
    public Builder lowerControlFlow(boolean lower) {
      this.lowerControlFlow = lower;
      return this;
    }

    /**
     * The options.
     *
     * @return immutable options
     * @throws IllegalArgumentException when an include or exclude pattern is not a valid regular
     *     expression (TF names never hold the characters that make one invalid)
     */
    public FreezeOptions build() {
      for (List<String> patterns : List.of(includeVariables, excludeVariables)) {
        for (String p : patterns) {
          try {
            java.util.regex.Pattern.compile(p);
          } catch (java.util.regex.PatternSyntaxException e) {
            throw new IllegalArgumentException("'" + p + "' is not a valid regular expression: "
                + e.getDescription() + " near index " + e.getIndex(), e);
          }
        }
      }
      return new FreezeOptions(this);
    }

    private static List<String> split(String s) {
      List<String> out = new ArrayList<>();
      for (String p : s.split(",")) {
        if (!p.isBlank()) {
          out.add(p.strip());
        }
      }
      return out;
    }
  }
}
