/**
 * Pure-Java readers for TensorFlow's on-disk formats: tensor bundle V2 and legacy V1 checkpoints,
 * checkpoint state files, GraphDefs, MetaGraphDefs and SavedModels.
 *
 * <p>The API is the package {@code io.github.jfreeze.codec}: {@link
 * io.github.jfreeze.codec.CheckpointReader}, {@link io.github.jfreeze.codec.VariableInfo}, {@link
 * io.github.jfreeze.codec.Tensor}, {@link io.github.jfreeze.codec.DType}, {@link
 * io.github.jfreeze.codec.ModelLocator} and {@link io.github.jfreeze.codec.GraphFile}, with the
 * types they return and throw. The format packages below it ({@code table}, {@code bundle},
 * {@code v1}, {@code slice}, {@code graph}, {@code internal}) are implementation: only the
 * freezer, which rewrites graphs and streams tensors, may use the few it needs (qualified exports).
 * The CLI, the runtime bridge, the fixture generator and the benchmarks are built on the class
 * path, where module boundaries do not apply; they use {@code graph} (graph summaries and the op
 * vocabulary), {@code values} (tensor literals, random feeds, output comparison: the CLI and the
 * bridge), {@code internal.JsonWriter} (the CLI's {@code --json} and the generator's records), and
 * the benchmarks {@code bundle}, {@code table} and {@code internal}. Jackson, which only that
 * writer uses, is an optional dependency: those who call it bring it.
 */
module io.github.jfreeze.codec {
  requires transitive io.github.jfreeze.proto;
  // Unmapper releases file mappings through sun.misc.Unsafe.invokeCleaner
  requires jdk.unsupported;
  // internal.JsonWriter only; the library's own code never writes JSON through it
  requires static com.fasterxml.jackson.core;

  exports io.github.jfreeze.codec;
  exports io.github.jfreeze.codec.bundle to io.github.jfreeze.freezer;
  exports io.github.jfreeze.codec.graph to io.github.jfreeze.freezer;
  exports io.github.jfreeze.codec.internal to io.github.jfreeze.freezer;
  exports io.github.jfreeze.codec.slice to io.github.jfreeze.freezer;
}
