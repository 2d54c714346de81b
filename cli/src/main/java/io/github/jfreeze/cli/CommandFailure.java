package io.github.jfreeze.cli;

import java.nio.file.Path;

/**
 * A command cannot do what was asked with this input (an unknown tensor name, an unreadable
 * file...). {@link Main} prints {@code jfreeze: error: <path>: <problem>} and exits with 1.
 */
final class CommandFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  CommandFailure(Path path, String problem) {
    this(path, problem, null);
  }

  CommandFailure(Path path, String problem, Throwable cause) {
    super(path + ": " + problem, cause);
  }
}
