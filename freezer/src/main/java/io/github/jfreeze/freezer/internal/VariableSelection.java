package io.github.jfreeze.freezer.internal;

import io.github.jfreeze.codec.Suggestions;
import io.github.jfreeze.codec.graph.OpVocabulary;
import io.github.jfreeze.freezer.FreezeException;
import io.github.jfreeze.freezer.FreezeException.Reason;
import io.github.jfreeze.freezer.FreezeOptions;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Freezing stage 3, which variables become constants: the variable nodes of the subgraph, split by
 * {@link FreezeOptions#includeVariables()} and {@link FreezeOptions#excludeVariables()}.
 *
 * @param toConvert variable nodes to replace by constants, in graph order
 * @param kept variable nodes left as variables
 */
record VariableSelection(List<String> toConvert, List<String> kept) {
  /** The ops that hold a variable's state. */
  static final Set<String> VARIABLE_OPS = OpVocabulary.VARIABLES;

  /**
   * Selects the variables of {@code sub}.
   *
   * @throws FreezeException if there are variables to convert but no checkpoint to fill them
   */
  static VariableSelection of(ModelInput in, FreezeOptions options, List<String> outputs, NodeTable nodes, BitSet sub)
      throws FreezeException {
    List<String> variables = new ArrayList<>();
    for (int i = sub.nextSetBit(0); i >= 0; i = sub.nextSetBit(i + 1)) {
      if (VARIABLE_OPS.contains(nodes.op(i))) {
        variables.add(nodes.name(i));
      }
    }
    if (variables.isEmpty()) {
      // nothing to convert is no failure: the pruned graph is written, as TF's converter writes it
      return new VariableSelection(List.of(), List.of());
    }
    List<String> kept = new ArrayList<>();
    List<String> toConvert = new ArrayList<>();
    List<Pattern> include = compile(options.includeVariables());
    List<Pattern> exclude = compile(options.excludeVariables());
    for (String v : variables) {
      boolean included = options.includeVariables().isEmpty() || matches(v, options.includeVariables(), include);
      (included && !matches(v, options.excludeVariables(), exclude) ? toConvert : kept).add(v);
    }
    if (!toConvert.isEmpty() && in.checkpoint == null) {
      throw new FreezeException(Reason.NO_CHECKPOINT, in.graphFile, "the graph has " + toConvert.size()
          + " variable(s) (" + Suggestions.list(toConvert, 5) + ") but no checkpoint was found to fill them; "
          + "pass the checkpoint and give this graph with FreezeOptions.graph(...)");
    }
    return new VariableSelection(List.copyOf(toConvert), List.copyOf(kept));
  }

  /** Each pattern compiled once (null: a plain name that is not a valid regex, matched exactly only). */
  private static List<Pattern> compile(List<String> patterns) {
    List<Pattern> out = new ArrayList<>();
    for (String p : patterns) {
      Pattern c;
      try {
        c = Pattern.compile(p);
      } catch (PatternSyntaxException e) {
        c = null;
      }
      out.add(c);
    }
    return out;
  }

  private static boolean matches(String name, List<String> patterns, List<Pattern> compiled) {
    for (int i = 0; i < patterns.size(); i++) {
      if (patterns.get(i).equals(name) || (compiled.get(i) != null && compiled.get(i).matcher(name).matches())) {
        return true;
      }
    }
    return false;
  }
}
