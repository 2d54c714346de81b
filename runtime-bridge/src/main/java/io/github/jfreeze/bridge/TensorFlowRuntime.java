package io.github.jfreeze.bridge;

import java.util.Optional;

/**
 * Detects, once per JVM, whether TensorFlow Java's native libraries load on this machine.
 *
 * <p>The first call to any method tries {@code org.tensorflow.TensorFlow.version()}, which loads
 * {@code libtensorflow_cc}/{@code libjnitensorflow} through JavaCPP. Any {@link Throwable} (an
 * {@link UnsatisfiedLinkError} when the platform classifier jar is missing, a
 * {@link NoClassDefFoundError} when TF Java itself is absent, an {@link ExceptionInInitializerError}
 * ...) is captured as the reason rather than thrown, so callers can skip loudly instead of failing
 * obscurely. Nothing here ever substitutes a non-native implementation.
 */
public final class TensorFlowRuntime {
  private TensorFlowRuntime() {}

  private static final class Holder {
    static final String VERSION;
    static final String REASON;

    static {
      String version = null;
      String reason = null;
      try {
        version = org.tensorflow.TensorFlow.version();
        if (version == null || version.isEmpty()) {
          reason = "TensorFlow.version() returned no version";
          version = null;
        }
      } catch (Throwable t) { // NOPMD: any load failure is the answer we are asked for
        reason = describe(t);
      }
      VERSION = version;
      REASON = reason;
    }

    private static String describe(Throwable t) {
      StringBuilder sb = new StringBuilder("TensorFlow Java natives could not be loaded: ");
      Throwable cur = t;
      int depth = 0;
      while (cur != null && depth < 5) {
        if (depth > 0) {
          sb.append(" <- caused by ");
        }
        sb.append(cur.getClass().getName());
        if (cur.getMessage() != null) {
          sb.append(": ").append(cur.getMessage());
        }
        cur = cur.getCause() == cur ? null : cur.getCause();
        depth++;
      }
      sb.append(" (os.name=")
          .append(System.getProperty("os.name"))
          .append(", os.arch=")
          .append(System.getProperty("os.arch"))
          .append("; TF Java 1.1.0 needs the tensorflow-core-native jar for this platform)");
      return sb.toString();
    }
  }

  /** Returns true when TF Java's natives loaded and report a version. */
  public static boolean isAvailable() {
    return Holder.REASON == null;
  }

  /** Why the natives are unavailable; empty when {@link #isAvailable()} is true. */
  public static Optional<String> unavailableReason() {
    return Optional.ofNullable(Holder.REASON);
  }

  /**
   * The native TensorFlow version (e.g. {@code "2.18.0"}).
   *
   * @throws IllegalStateException with the load failure when the natives are unavailable
   */
  public static String version() {
    requireAvailable();
    return Holder.VERSION;
  }

  /**
   * Throws {@link IllegalStateException} carrying {@link #unavailableReason()} unless the natives
   * are available.
   */
  public static void requireAvailable() {
    if (Holder.REASON != null) {
      throw new IllegalStateException(Holder.REASON);
    }
  }
}
