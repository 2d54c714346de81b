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
 * @param initNode the node to run once before the outputs (it initializes the tables), or null
 * @param tables the tables the outputs use and how each is initialized
 */
public record FreezeReport(Path output, long outputBytes, List<String> outputs, List<String> inputs, int nodesBefore,
    int nodesAfter, List<ConvertedVariable> variables, long variableBytes, List<String> keptVariables,
    List<Change> removed, List<Change> rewritten, List<String> functions, List<String> warnings, String initNode,
    List<TableInit> tables) {

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
   * @param initNode the node that initializes the tables, or null
   * @param tables the tables and their initialization
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
    tables = List.copyOf(tables);
  }

  /**
   * This report with the file written.
   *
   * @param file the file written
   * @param bytes its size
   * @return the same report naming the file
   */
  public FreezeReport withOutput(Path file, long bytes) {
    return new FreezeReport(file, bytes, outputs, inputs, nodesBefore, nodesAfter, variables, variableBytes,
        keptVariables, removed, rewritten, functions, warnings, initNode, tables);
  }

  /**
   * This report with other warnings.
   *
   * @param replaced the warnings
   * @return the same report with {@code replaced} as its warnings
   */
  public FreezeReport withWarnings(List<String> replaced) {
    return new FreezeReport(output, outputBytes, outputs, inputs, nodesBefore, nodesAfter, variables, variableBytes,
        keptVariables, removed, rewritten, functions, replaced, initNode, tables);
  }

  /**
   * A lookup table the outputs use, and how the frozen graph initializes it.
   *
   * @param table the table node
   * @param op its op ({@code HashTableV2}, ...)
   * @param initializer the node that fills it in the frozen graph
   * @param how what was done: constant keys and values kept, a text file read into Consts, kept as it is
   * @param entries entries read from a file, or -1 when the keys and values came as tensors
   */
  public record TableInit(String table, String op, String initializer, String how, long entries) {}

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
