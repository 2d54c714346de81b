package io.github.jfreeze.cli;

import io.github.jfreeze.freezer.FreezeException;
import io.github.jfreeze.freezer.FreezeReport;
import java.util.List;
import java.util.Map;

/**
 * The library's messages name its API ({@code FreezeOptions.outputs(...)}); a CLI user set those
 * options with flags, so messages and warnings from the freezer are shown with the flags instead.
 * One table, in the order the replacements are made (longer phrases first).
 */
final class LibraryWording {
  private LibraryWording() {}

  private static final List<Map.Entry<String, String>> FLAGS = List.of(
      Map.entry("the graph option (FreezeOptions.graph, ConvertOptions.graph)", "--graph"),
      Map.entry("FreezeOptions.graph(...)", "--graph"),
      Map.entry("FreezeOptions.outputs(...)", "--outputs"),
      Map.entry("FreezeOptions.signature(...)", "--signature"),
      Map.entry("FreezeOptions.tags(...)", "--tags"),
      Map.entry("FreezeOptions.initializerNodes(...)", "--initializer-nodes"),
      Map.entry("FreezeOptions.excludeVariables(...)", "--exclude-vars"),
      Map.entry("FreezeOptions.includeVariables(...)", "--include-vars"),
      Map.entry("ConvertOptions.inputs()", "--inputs"),
      Map.entry("ExportOptions.keepKeys", "--keep-keys"),
      Map.entry("ExportOptions.exclude", "--exclude"),
      Map.entry("ConvertOptions.outputs()", "--outputs"),
      Map.entry("Freezer.convertToSavedModel", "jfreeze convert --to saved-model"),
      Map.entry("set FreezeOptions.force(true)", "pass --force"),
      Map.entry("set ConvertOptions.force", "pass --force"),
      Map.entry("FreezeOptions.force(true)", "--force"),
      Map.entry("ConvertOptions.force", "--force"));

  /** {@code text} with the library's option names replaced by the CLI's flags. */
  static String asFlags(String text) {
    if (text == null) {
      return null;
    }
    String out = text;
    for (Map.Entry<String, String> e : FLAGS) {
      out = out.replace(e.getKey(), e.getValue());
    }
    return out;
  }

  /** The same failure, its message in flags; the original stays the cause (shown by --debug). */
  static FreezeException asFlags(FreezeException e) {
    String problem = asFlags(e.problem());
    if (problem.equals(e.problem())) {
      return e;
    }
    return new FreezeException(e.reason(), e.file(), problem, e);
  }

  /** The report with its warnings in flags. */
  static FreezeReport asFlags(FreezeReport r) {
    List<String> warnings = r.warnings().stream().map(LibraryWording::asFlags).toList();
    return r.withWarnings(warnings);
  }
}
