/**
 * Freezes TensorFlow checkpoints and SavedModels into self-contained GraphDefs, and converts a
 * checkpoint with its MetaGraphDef into a SavedModel, in pure Java.
 *
 * <p>The API is the package {@code io.github.jfreeze.freezer}: {@link
 * io.github.jfreeze.freezer.Freezer}, {@link io.github.jfreeze.freezer.FreezeOptions}, {@link
 * io.github.jfreeze.freezer.FreezeReport} and {@link io.github.jfreeze.freezer.FreezeException}
 * (and their conversion counterparts), with {@link io.github.jfreeze.freezer.Progress} and {@link
 * io.github.jfreeze.freezer.ProgressSampler}, the sampling loop that reports it (the CLI's {@code
 * verify} samples its reads with it too). The pipeline stages live in {@code
 * io.github.jfreeze.freezer.internal}, which is not exported.
 */
module io.github.jfreeze.freezer {
  requires transitive io.github.jfreeze.codec;

  exports io.github.jfreeze.freezer;
}
