package io.github.jfreeze.freezer;

import java.nio.file.Path;
import java.util.List;

/**
 * What a freeze did: the variables it baked in, what it removed or rewrote, and the graph's size
 * before and after. Library callers get it from {@link Freezer#freeze}; the CLI prints it.
 *
 * @param output the file written ({@code null} when nothing was written, e.g. a dry run)
 * @param outputBytes size of the written GraphDef
 * @param outputs the output node names the graph was cut to
 * @param inputs placeholders left in the frozen graph (what to feed)
 * @param nodesBefore nodes in the input graph
 * @param nodesAfter nodes in the frozen graph
 * @param variables variables converted to constants, in graph order
 * @param variableBytes total tensor bytes of those variables
 * @param keptVariables variables left as variables (excluded by the user)
 * @param removed nodes taken out beyond what subgraph extraction drops, and why
 * @param rewritten nodes whose op was changed, and why
 * @param functions library functions kept in the frozen graph
 * @param warnings things worth knowing that did not stop the freeze
 */
public record FreezeReport(Path output, long outputBytes, List<String> outputs, List<String> inputs, int nodesBefore,
    int nodesAfter, List<ConvertedVariable> variables, long variableBytes, List<String> keptVariables,
    List<Change> removed, List<Change> rewritten, List<String> functions, List<String> warnings) {

  /**
   * Copies the lists.
   *
   * @param output the file written, or null
   * @param outputBytes size of the GraphDef
   * @param outputs the output node names
   * @param inputs placeholders left in the frozen graph
   * @param nodesBefore nodes in the input graph
   * @param nodesAfter nodes in the frozen graph
   * @param variables variables converted to constants
   * @param variableBytes their tensor bytes
   * @param keptVariables variables left as variables
   * @param removed nodes taken out
   * @param rewritten nodes whose op was changed
   * @param functions library functions kept
   * @param warnings things worth knowing
   */
  public FreezeReport {
    outputs = List.copyOf(outputs);
    inputs = List.copyOf(inputs);
    variables = List.copyOf(variables);
    keptVariables = List.copyOf(keptVariables);
    removed = List.copyOf(removed);
    rewritten = List.copyOf(rewritten);
    functions = List.copyOf(functions);
    warnings = List.copyOf(warnings);
  }

  /**
   * One variable baked into a constant.
   *
   * @param node the variable node in the graph
   * @param key the checkpoint key its value came from
   * @param slice for a partition of a larger checkpoint tensor, the slice (TF form), else empty
   * @param dtype TF Python dtype name
   * @param shape its shape
   * @param bytes tensor bytes
   */
  public record ConvertedVariable(String node, String key, String slice, String dtype, List<Long> shape, long bytes) {}

  /**
   * A node removed or rewritten.
   *
   * @param node node name
   * @param op its original op
   * @param detail what happened and why
   */
  public record Change(String node, String op, String detail) {}
}
