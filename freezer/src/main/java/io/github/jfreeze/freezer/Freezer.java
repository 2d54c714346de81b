package io.github.jfreeze.freezer;

import io.github.jfreeze.freezer.internal.AtomicOutput;
import io.github.jfreeze.freezer.internal.CheckpointRewriter;
import io.github.jfreeze.freezer.internal.FreezePipeline;
import io.github.jfreeze.freezer.internal.ModelInput;
import io.github.jfreeze.freezer.internal.SavedModelWriter;
import io.github.jfreeze.freezer.internal.StreamingGraphWriter;
import io.github.jfreeze.freezer.internal.WeightExporter;
import io.github.jfreeze.proto.GraphDef;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Freezes a checkpoint or SavedModel into a self-contained GraphDef: the subgraph the outputs need,
 * with every variable replaced by a {@code Const} holding its checkpoint value. Pure Java, no
 * TensorFlow runtime. Parity with TF 2.18's {@code convert_variables_to_constants} and {@code
 * freeze_graph.py}, plus fixes for their best-known failures (training ops hung on the outputs,
 * missing variables found only at load time, resource gathers inside functions).
 *
 * <p>Library code: never prints, never exits; bad input raises {@link FreezeException} or a codec
 * {@link io.github.jfreeze.codec.CorruptFileException}, before anything is written.
 *
 * <p>This class is the facade: the model is opened ({@code ModelInput}), frozen stage by stage
 * ({@code FreezePipeline}, which lists the stages) and written atomically, its large values
 * streamed from the checkpoint ({@code StreamingGraphWriter}, {@code AtomicOutput}).
 */
public final class Freezer {
  private Freezer() {}

  /**
   * A frozen graph in memory with its report: the advanced result of {@link #freezeToGraph}, the
   * one place the freezer's API hands out a protobuf message.
   *
   * @param graph the frozen GraphDef
   * @param report what was frozen
   */
  public record Frozen(GraphDef graph, FreezeReport report) {}

  /**
   * Freezes and, when {@link FreezeOptions#output()} is set, writes the result atomically.
   *
   * @param options what to freeze and how
   * @return what was frozen and written
   * @throws FreezeException if the model cannot be frozen as asked (nothing is written)
   * @throws io.github.jfreeze.codec.CorruptFileException if an input file is damaged
   * @throws IOException if a file cannot be read or the output cannot be written
   */
  public static FreezeReport freeze(FreezeOptions options) throws IOException {
    try (ModelInput in = ModelInput.forFreezing(options.input(), options.graph(), options.tags())) {
      Path out = null;
      if (options.output() != null) {
        out = AtomicOutput.check(options.output(), in.inputPaths(), options.force(), false);
      }
      FreezePipeline.Frozen frozen = FreezePipeline.run(in, options);
      if (out == null) {
        return frozen.report();
      }
      long size = StreamingGraphWriter.write(frozen.plan(), out, options.force(), in.location.savedModelDir() != null,
          options.progress());
      FreezeReport r = frozen.report();
      return r.withOutput(out, size);
    }
  }

  /**
   * Converts a checkpoint and its MetaGraphDef into a SavedModel directory (tag {@code serve}, a
   * {@code serving_default} signature, the checkpoint's bundle copied into {@code variables/}).
   *
   * @param options which checkpoint, which signature tensors, and where
   * @return what was written
   * @throws FreezeException if the model cannot be converted as asked (nothing is written)
   * @throws IOException if a file cannot be read or the output cannot be written
   */
  public static ConvertReport convertToSavedModel(ConvertOptions options) throws IOException {
    return SavedModelWriter.convert(options);
  }

  /**
   * Writes a checkpoint's weights as one safetensors or NumPy {@code .npz} file, in pure Java: TF2
   * keys under their variable names, optimizer slots and bookkeeping left out unless asked,
   * partitioned variables whole, the output written atomically like every other.
   *
   * @param options what to export
   * @return what was written
   * @throws FreezeException if there is no checkpoint, a selected tensor's dtype has no equivalent in
   *     the format, or two tensors would get one name
   * @throws IOException if reading or writing fails
   */
  public static ExportReport export(ExportOptions options) throws IOException {
    return WeightExporter.export(options);
  }

  /**
   * Writes a checkpoint again as a new V2 checkpoint, in pure Java: tensors dropped, renamed or
   * cast to float16/bfloat16, optimizer slots left out, into any number of data files; the {@code
   * .meta} beside the input rewritten to match, so that the new checkpoint still restores and
   * freezes. Every input form the codec reads (V2, sharded, V1, partitioned) is written as V2.
   *
   * @param options what to write
   * @return what was written
   * @throws FreezeException if there is no checkpoint, two tensors would get one key, or the graph
   *     cannot be rewritten consistently (a dropped variable the model reads; a cast variable the
   *     graph holds)
   * @throws IOException if reading or writing fails
   */
  public static RewriteReport rewrite(RewriteOptions options) throws IOException {
    return CheckpointRewriter.rewrite(options);
  }

  /**
   * Freezes into memory without writing (advanced: the result is a protobuf message).
   *
   * @param options what to freeze; {@link FreezeOptions#output()} is ignored
   * @return the frozen graph and its report
   * @throws FreezeException if the model cannot be frozen as asked
   * @throws IOException if a file cannot be read
   */
  public static Frozen freezeToGraph(FreezeOptions options) throws IOException {
    try (ModelInput in = ModelInput.forFreezing(options.input(), options.graph(), options.tags())) {
      FreezePipeline.Frozen frozen = FreezePipeline.run(in, options);
      return new Frozen(StreamingGraphWriter.materialize(frozen.plan(), frozen.raw()), frozen.report());
    }
  }
}
