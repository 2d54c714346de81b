package io.github.jfreeze.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TensorFlowRuntimeTest {
  @Test
  void availabilityAndReasonAgree() {
    assertEquals(TensorFlowRuntime.isAvailable(), TensorFlowRuntime.unavailableReason().isEmpty());
    if (!TensorFlowRuntime.isAvailable()) {
      IllegalStateException e = assertThrows(IllegalStateException.class, TensorFlowRuntime::version);
      assertEquals(TensorFlowRuntime.unavailableReason().orElseThrow(), e.getMessage());
    }
  }

  @Test
  void reportsTensorFlow218() {
    NativeAssumptions.assumeNatives();
    assertEquals("2.18.0", TensorFlowRuntime.version());
    TensorFlowRuntime.requireAvailable();
  }

  @Test
  void detectionIsCachedAndStable() {
    boolean first = TensorFlowRuntime.isAvailable();
    for (int i = 0; i < 3; i++) {
      assertEquals(first, TensorFlowRuntime.isAvailable());
    }
    assertTrue(TensorFlowRuntime.unavailableReason().map(r -> !r.isBlank()).orElse(true));
  }
}
