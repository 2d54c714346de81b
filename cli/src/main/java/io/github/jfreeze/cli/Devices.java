package io.github.jfreeze.cli;

import io.github.jfreeze.bridge.Device;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** {@code --device auto|cpu|gpu}. */
final class Devices {
  private Devices() {}

  static Device parse(CommandSpec spec, String s) {
    try {
      return Device.valueOf(s.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--device must be auto, cpu or gpu, not '" + s + "'");
    }
  }
}
