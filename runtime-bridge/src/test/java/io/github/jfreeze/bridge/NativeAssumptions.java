package io.github.jfreeze.bridge;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;

/**
 * Gate for tests that need TF Java's natives: skips loudly with the load error, or fails when
 * the environment says natives are mandatory ({@code JFREEZE_REQUIRE_NATIVES=1}, e.g. on CI
 * machines that must run the native contract tests). Never substitutes anything.
 */
public final class NativeAssumptions {
  /** Environment variable that turns a missing native runtime into a test failure. */
  public static final String REQUIRE_NATIVES = "JFREEZE_REQUIRE_NATIVES";

  private NativeAssumptions() {}

  public static void assumeNatives() {
    if (TensorFlowRuntime.isAvailable()) {
      return;
    }
    String reason = TensorFlowRuntime.unavailableReason().orElse("unknown reason");
    if ("1".equals(System.getenv(REQUIRE_NATIVES))) {
      fail(REQUIRE_NATIVES + "=1 but " + reason);
    }
    Assumptions.abort("skipped, native TensorFlow unavailable: " + reason);
  }
}
