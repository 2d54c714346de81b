package io.github.jfreeze.bridge;

import java.io.IOException;
import java.util.List;

/**
 * A native run, verification or variable fetch cannot go ahead or failed inside TensorFlow.
 * {@link #reason()} tells the cases apart; the message says what to do. Misuse of the API (a null
 * argument) is an {@link IllegalArgumentException} or {@link NullPointerException} instead.
 */
public final class NativeRunException extends IOException {
  private static final long serialVersionUID = 1L;

  /** Why the native work stopped. */
  public enum Reason {
    /** TF Java's native libraries did not load on this machine. */
    NATIVES_UNAVAILABLE,
    /** {@link Device#GPU} was asked for but TensorFlow sees no GPU (or has CPU-only natives). */
    GPU_UNAVAILABLE,
    /** The graph, MetaGraphDef, SavedModel or checkpoint could not be found or read. */
    BAD_MODEL,
    /** A feed, fetch or variable name is not in the graph. */
    UNKNOWN_NAME,
    /** A feed value does not parse, or does not fit the placeholder's dtype or shape. */
    BAD_FEED,
    /** No fetches were given and the graph has no likely outputs. */
    NO_OUTPUTS,
    /** TensorFlow rejected the graph or failed the run; the message is TensorFlow's. */
    TENSORFLOW_ERROR
  }

  private final Reason reason;
  private final List<String> suggestions;

  public NativeRunException(Reason reason, String message, List<String> suggestions, Throwable cause) {
    super(message, cause);
    this.reason = reason;
    this.suggestions = List.copyOf(suggestions);
  }

  public NativeRunException(Reason reason, String message) {
    this(reason, message, List.of(), null);
  }

  /** Why it stopped. */
  public Reason reason() {
    return reason;
  }

  /** For {@link Reason#UNKNOWN_NAME}: the graph's names closest to the one asked for; else empty. */
  public List<String> suggestions() {
    return suggestions;
  }

  static final String NATIVES_HINT =
      "jfreeze needs TF Java's natives (org.tensorflow:tensorflow-core-native with the classifier "
          + "for this platform, e.g. linux-x86_64, linux-arm64, macosx-arm64, windows-x86_64; "
          + "mvn -Pgpu package selects linux-x86_64-gpu) on the class path";

  /** Thrown when the natives did not load; carries {@link TensorFlowRuntime#unavailableReason()}. */
  public static NativeRunException nativesUnavailable(String what) {
    String why = TensorFlowRuntime.unavailableReason().orElse("unknown reason");
    return new NativeRunException(Reason.NATIVES_UNAVAILABLE,
        what + " needs native TensorFlow, which is unavailable: " + why + ". " + NATIVES_HINT);
  }

  public static NativeRunException unknownName(String message, List<String> closest) {
    String hint = closest.isEmpty() ? "" : "; closest names: " + String.join(", ", closest);
    return new NativeRunException(Reason.UNKNOWN_NAME, message + hint, closest, null);
  }

  public static NativeRunException badFeed(String name, String message) {
    return new NativeRunException(Reason.BAD_FEED, "feed " + name + ": " + message);
  }

  public static NativeRunException badModel(String message) {
    return new NativeRunException(Reason.BAD_MODEL, message);
  }

  public static NativeRunException badModel(String message, Throwable cause) {
    return new NativeRunException(Reason.BAD_MODEL, message, List.of(), cause);
  }

  public static NativeRunException tensorflow(String what, String tfMessage) {
    return new NativeRunException(Reason.TENSORFLOW_ERROR, what + ": " + tfMessage);
  }
}
