package io.github.jfreeze.codec;

/**
 * The classpath holds a library jfreeze cannot run with: today, a protobuf-java older than the one
 * jfreeze's generated classes need ({@value #PROTOBUF_MINIMUM}). Thrown at the first call into
 * jfreeze, in place of the {@code IllegalAccessError} or {@code NoSuchMethodError} the generated
 * classes would raise later.
 */
public final class IncompatibleRuntimeException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /** The oldest protobuf-java jfreeze's generated classes run with. */
  public static final String PROTOBUF_MINIMUM = "3.25.0";

  IncompatibleRuntimeException(String message) {
    super(message);
  }
}
