package io.github.jfreeze.freezer.internal;

import io.github.jfreeze.codec.Suggestions;
import io.github.jfreeze.codec.graph.GraphSummary;
import io.github.jfreeze.freezer.FreezeException;
import io.github.jfreeze.freezer.FreezeException.Reason;
import io.github.jfreeze.freezer.FreezeOptions;
import io.github.jfreeze.proto.SignatureDef;
import io.github.jfreeze.proto.TensorInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Freezing stage 1, what to keep: the output nodes (given, or the SavedModel signature's) and the
 * roots the subgraph is cut from (the outputs and the initializer nodes).
 */
final class OutputSelection {
  private OutputSelection() {}

  /**
   * The roots of the frozen subgraph: the outputs, then the initializer nodes.
   *
   * @throws FreezeException if an initializer node is not in the graph
   */
  static List<String> roots(List<String> outputs, FreezeOptions options, NodeTable nodes)
      throws FreezeException {
    List<String> roots = new ArrayList<>(outputs);
    for (String init : options.initializerNodes()) {
      String name = TensorRef.nodeName(init);
      if (!nodes.contains(name)) {
        throw new FreezeException(Reason.NOT_IN_GRAPH, null, "initializer node '" + name + "' is not in the graph; closest: "
            + String.join(", ", Suggestions.closest(name, nodes.names(), 5)));
      }
      roots.add(name);
    }
    return roots;
  }

  /** Output node names: given, or the signature's, or an error listing likely outputs. */
  static List<String> outputs(ModelInput in, FreezeOptions options, NodeTable nodes)
      throws FreezeException {
    List<String> outputs = new ArrayList<>();
    if (!options.outputs().isEmpty()) {
      for (String o : options.outputs()) {
        outputs.add(TensorRef.nodeName(o));
      }
    } else if (in.meta != null && in.meta.getSignatureDefCount() > 0) {
      SignatureDef sig = in.meta.getSignatureDefMap().get(options.signature());
      if (sig == null) {
        throw new FreezeException(Reason.NOT_IN_GRAPH, in.graphFile, "no signature '" + options.signature()
            + "'; it has " + String.join(", ", new TreeMap<>(in.meta.getSignatureDefMap()).keySet())
            + " (pass one with FreezeOptions.signature(...), or name outputs with FreezeOptions.outputs(...))");
      }
      for (TensorInfo t : new TreeMap<>(sig.getOutputsMap()).values()) {
        if (t.getName().isEmpty()) {
          throw new FreezeException(Reason.UNSUPPORTED, null, "signature '" + options.signature()
              + "' has a composite or sparse output; name the output nodes with FreezeOptions.outputs(...)");
        }
        String n = TensorRef.nodeName(t.getName());
        if (!outputs.contains(n)) {
          outputs.add(n);
        }
      }
    } else {
      int variables = 0;
      for (int i = 0; i < nodes.size(); i++) {
        variables += VariableSelection.VARIABLE_OPS.contains(nodes.op(i)) ? 1 : 0;
      }
      if (variables == 0) {
        throw new FreezeException(Reason.ALREADY_FROZEN, in.graphFile, "the graph has no variables: it is already frozen; "
            + "name its outputs with FreezeOptions.outputs(...) to write the subgraph they need");
      }
      List<String> likely = likelyOutputs(in);
      throw new FreezeException(Reason.NO_OUTPUTS, null, "no outputs given: name the output node(s) with FreezeOptions.outputs(...); likely outputs "
          + "(nodes nothing consumes): " + (likely.isEmpty() ? "none found" : Suggestions.list(likely, 10)));
    }
    for (String o : outputs) {
      if (!nodes.contains(o)) {
        throw new FreezeException(Reason.NOT_IN_GRAPH, null, "output '" + o + "' is not in the graph; closest names: "
            + String.join(", ", Suggestions.closest(o, nodes.names(), 5)) + "; likely outputs: "
            + Suggestions.list(likelyOutputs(in), 10));
      }
    }
    return outputs;
  }

  /** Likely outputs by TF summarize_graph's rule (as {@code jfreeze inspect} lists them). */
  private static List<String> likelyOutputs(ModelInput in) {
    return in.summary().outputs().stream().map(GraphSummary.Output::name).toList();
  }
}
