package io.github.jfreeze.codec;

import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The path a user gave does not lead to a model jfreeze can read. The message says what was found
 * there and what to pass instead.
 */
public final class ModelNotFoundException extends NoSuchFileException {
  private static final long serialVersionUID = 1L;

  /** What was wrong and what to pass instead. */
  private final String detail;

  /**
   * Nothing usable at {@code path}.
   *
   * @param path the path as given
   * @param detail what was wrong and what to pass instead
   */
  public ModelNotFoundException(Path path, String detail) {
    super(String.valueOf(path), null, detail);
    this.detail = detail;
  }

  @Override
  public String getMessage() {
    return getFile() + ": " + detail;
  }

  /**
   * What was wrong and what to pass instead.
   *
   * @return the detail, without the path
   */
  public String detail() {
    return detail;
  }
}
