package io.github.jfreeze.freezer.internal;

import io.github.jfreeze.codec.Suggestions;
import io.github.jfreeze.codec.graph.OpVocabulary;
import io.github.jfreeze.freezer.FreezeOptions;
import io.github.jfreeze.freezer.FreezeReport;
import io.github.jfreeze.freezer.FreezeReport.Change;
import io.github.jfreeze.freezer.FreezeReport.ConvertedVariable;
import io.github.jfreeze.freezer.internal.VariableBinder.Binding;
import io.github.jfreeze.proto.FunctionDef;
import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Freezing, stage by stage: a checkpoint's graph becomes a GraphDef with its variables as
 * constants, checked, and planned for writing. Nothing is written here.
 *
 * <ol>
 *   <li>{@link OutputSelection}: the outputs and the roots to keep; {@link TableInitialization}:
 *       the tables they use initialized in the graph (its init node one more root);
 *   <li>{@link TrainingOpCleaner} and {@link SubgraphExtractor}: training ops the outputs reach
 *       removed or rewritten, then the subgraph the roots need, then the training ops in the
 *       functions it calls;
 *   <li>{@link VariableSelection}: which variables become constants;
 *   <li>{@link VariableValueReader}: their values, found and checked in the checkpoint;
 *   <li>{@link ConstantConverter}: variables to constants, their reads, gathers and function
 *       arguments rewritten; {@link RewriteCheck}: the calls it retyped still agree with their
 *       callees and their recorded shapes and types;
 *   <li>{@link GraphAssembler} and {@link FunctionLibrary}: the output graph and its library;
 *   <li>{@link GraphFlattener}, when asked: calls inlined, functional control flow lowered;
 *   <li>{@link GraphValidator}, then {@link StreamingGraphWriter#plan}: what TF's importer would
 *       refuse is refused; how the graph is written, the large values streamed.
 * </ol>
 */
public final class FreezePipeline {
  private FreezePipeline() {}

  /**
   * A frozen graph before the values streamed from the checkpoint are filled in.
   *
   * @param report what was frozen (no output file yet)
   * @param raw the streamed values, by Const node name
   * @param plan how the graph is written (its nodes; streamed constants hold no values yet)
   */
  public record Frozen(FreezeReport report, Map<String, ConstantValue.RawSource> raw, StreamingGraphWriter.Plan plan) {}

  /**
   * Freezes the model {@code in} as {@code options} say; failures name the graph file ({@link
   * GraphFailures}).
   *
   * @param in the opened model
   * @param options what to freeze and how
   * @return the frozen graph, its report and its writing plan
   * @throws io.github.jfreeze.freezer.FreezeException if it cannot be frozen as asked
   * @throws IOException if the checkpoint cannot be read
   */
  public static Frozen run(ModelInput in, FreezeOptions options) throws IOException {
    return GraphFailures.naming(in.graphFile, "freezer", () -> freeze(in, options));
  }

  private static Frozen freeze(ModelInput in, FreezeOptions options) throws IOException {
    NodeTable nodes = in.nodes;
    GraphValidator.checkUniqueNames(nodes);
    GraphValidator.checkUniqueNames(in.graph.getLibrary());
    List<String> warnings = new ArrayList<>(in.warnings);
    List<Change> removed = new ArrayList<>();
    List<Change> rewritten = new ArrayList<>();
    Map<String, FunctionDef> functions = new LinkedHashMap<>();
    in.graph.getLibrary().getFunctionList().forEach(f -> functions.put(f.getSignature().getName(), f));

    List<String> outputs = OutputSelection.outputs(in, options, nodes);
    List<String> roots = new ArrayList<>(OutputSelection.roots(outputs, options, nodes));
    TableInitialization.Embedded tables = TableInitialization.embed(in, nodes, roots, functions, warnings);
    if (tables.initNode() != null) {
      roots.add(tables.initNode());
    }
    // bindings come from the full graph: the restore subgraph is cut away below
    Map<String, Binding> keys = VariableBinder.bindings(nodes, in.graph.getLibrary(), in.meta);
    if (!options.keepTrainingOps()) {
      TrainingOpCleaner.clean(nodes, roots, removed, rewritten);
    }
    BitSet sub = SubgraphExtractor.extract(nodes, roots);
    if (!options.keepTrainingOps()) {
      TrainingOpCleaner.cleanFunctions(nodes, sub, functions, removed, rewritten);
    }
    VariableSelection selection = VariableSelection.of(in, options, outputs, nodes, sub);

    // TF2 asset variables (not in the checkpoint) hold their asset's file name
    Map<String, ConstantValue> assets = tables.assetVariables();
    List<String> fromCheckpoint = selection.toConvert().stream().filter(v -> !assets.containsKey(v)).toList();
    Map<String, Binding> used = new HashMap<>();
    Map<String, ConstantValue> values;
    if (fromCheckpoint.isEmpty()) {
      values = assets;
    } else {
      // (the values read are the larger map: the assets join it, not the other way round)
      values = VariableValueReader.read(in.checkpoint, fromCheckpoint, name -> nodes.node(nodes.index(name)),
          name -> nodes.dtypeAndShape(nodes.index(name)), keys,
          options.values(), used);
      values.putAll(assets);
    }
    keys = null; // every variable's binding, names made for them: not held while converting (200,000 variables: 30 MiB)
    ConstantConverter converter = new ConstantConverter(nodes, sub, functions);
    List<ConvertedVariable> converted = new ArrayList<>();
    Map<String, ConstantValue.RawSource> raw = new HashMap<>();
    long bytes = 0;
    for (String v : selection.toConvert()) {
      ConstantValue value = values.get(v);
      if (value.raw() != null) {
        raw.put(v, value.raw());
      }
      converter.convertVariable(v, value);
      Binding b = tables.assetVariables().containsKey(v) ? null : used.get(v);
      converted.add(new ConvertedVariable(v, b == null ? v : b.key(), b == null || b.slice() == null ? "" : b.slice().toString(),
          value.dtype().pythonName(), value.shape().asList(), value.byteSize()));
      bytes += value.byteSize();
    }
    converter.rewrites().stream().filter(c -> !rewritten.contains(c)).forEach(rewritten::add);
    Map<String, FunctionDef> library = new HashMap<>(functions);
    library.putAll(converter.convertedFunctions());
    // a call whose records of a handle did not all change with it is refused, not written
    RewriteCheck.check(nodes, converter.retypedCalls(), library, converter.renamedFunctions());
    if (!options.keepTrainingOps()) {
      TrainingOpCleaner.checkNothingModifies(nodes, sub, selection.toConvert());
    }

    GraphAssembler.Assembled assembled = GraphAssembler.assemble(in.graph, nodes, sub, functions, converter, options.clearDevices());
    if (options.inlineFunctions()) {
      assembled = GraphFlattener.flatten(assembled, roots, options.lowerControlFlow(), options.clearDevices(), warnings);
    }
    // what TF's importer would refuse is refused here, before anything is written
    GraphValidator.validate(nodes, assembled.order(), assembled.tail().getLibrary(), options.outputs());
    List<String> placeholders = new ArrayList<>();
    for (int i : assembled.order()) {
      if (OpVocabulary.PLACEHOLDERS.contains(nodes.op(i))) {
        placeholders.add(nodes.name(i));
      }
    }
    List<String> kept = selection.kept();
    if (selection.toConvert().isEmpty() && kept.isEmpty()) {
      warnings.add("the outputs reach no variable: nothing to convert; the pruned graph (" + assembled.order().length
          + " of " + nodes.originalSize() + " nodes) is written "
          + (tables.initNode() == null ? "as it is" : "with its tables' initialization embedded"));
    }
    if (!kept.isEmpty()) {
      warnings.add(kept.size() + " variable(s) left as variables (FreezeOptions.excludeVariables(...)/"
          + "FreezeOptions.includeVariables(...)): " + Suggestions.list(kept, 10)
          + "; the frozen graph needs them initialized before it runs");
    }
    StreamingGraphWriter.Plan plan = StreamingGraphWriter.plan(nodes, assembled.order(), assembled.tail(), raw, assembled.finish(),
        assembled.untouched());
    FreezeReport report = new FreezeReport(null, plan.size(), outputs, placeholders, nodes.originalSize(),
        assembled.order().length, converted, bytes, kept, removed, rewritten, assembled.functions(), warnings,
        tables.initNode(), tables.tables());
    return new Frozen(report, raw, plan);
  }
}
