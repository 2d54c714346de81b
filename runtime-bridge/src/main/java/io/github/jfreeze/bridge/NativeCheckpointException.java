package io.github.jfreeze.bridge;

import java.io.IOException;

/** Native TensorFlow could not open or restore a checkpoint; the message is TF's own. */
public final class NativeCheckpointException extends IOException {
  private static final long serialVersionUID = 1L;

  public NativeCheckpointException(String message) {
    super(message);
  }

  public NativeCheckpointException(String message, Throwable cause) {
    super(message, cause);
  }
}
