package io.github.jfreeze.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Repeatable {@code --option NAME=VALUE} arguments ({@code --feed}, {@code --shape}) as a map,
 * refusing a missing {@code =}, an empty name and a name given twice (picocli's own map options
 * keep the last value silently).
 */
final class NamedValues {
  private NamedValues() {}

  static Map<String, String> of(CommandSpec spec, String option, List<String> args) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (eq <= 0) {
        throw new ParameterException(spec.commandLine(), option + " '" + arg + "': expected NAME=VALUE");
      }
      String name = arg.substring(0, eq);
      if (out.putIfAbsent(name, arg.substring(eq + 1)) != null) {
        throw new ParameterException(spec.commandLine(), option + " " + name + " is given twice; give each name once");
      }
    }
    return out;
  }
}
