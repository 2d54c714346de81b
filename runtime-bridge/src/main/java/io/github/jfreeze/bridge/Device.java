package io.github.jfreeze.bridge;

import io.github.jfreeze.bridge.internal.DeviceProbe;
import io.github.jfreeze.bridge.internal.NativeGraphRunner.DeviceInfo;
import java.util.List;

/**
 * Where native TensorFlow runs a graph.
 *
 * <ul>
 *   <li>{@link #AUTO}: the GPU when TF Java's GPU natives are loaded and a session lists a GPU
 *       device, else the CPU.
 *   <li>{@link #CPU}: the CPU only; the session is created with {@code device_count {"GPU": 0}}, so
 *       no GPU device exists for it even where one is visible.
 *   <li>{@link #GPU}: the GPU, or a {@link NativeRunException} ({@link
 *       NativeRunException.Reason#GPU_UNAVAILABLE}) saying how to get one. Ops without a GPU kernel
 *       still run on the CPU (soft placement), as in TF's own sessions.
 * </ul>
 *
 * <p>GPU natives come from TF Java's {@code tensorflow-core-native} jar with classifier
 * {@code linux-x86_64-gpu} (CUDA, Linux x86-64 only); {@code mvn -Pgpu package} builds jfreeze
 * with it. The default build carries the CPU natives.
 */
public enum Device {
  AUTO,
  CPU,
  GPU;

  /**
   * The device a run asking for this one gets: {@link #CPU} or {@link #GPU}, never {@link #AUTO}.
   *
   * @throws NativeRunException when the natives are unavailable, or {@link #GPU} is asked for and
   *     TensorFlow sees none
   */
  public Device resolve() throws NativeRunException {
    if (!TensorFlowRuntime.isAvailable()) {
      throw NativeRunException.nativesUnavailable("running on " + this);
    }
    if (this == CPU) {
      return CPU;
    }
    DeviceProbe.Findings f = DeviceProbe.findings();
    if (f.gpuVisible()) {
      return GPU;
    }
    if (this == AUTO) {
      return CPU;
    }
    if (!f.gpuKernels()) {
      throw new NativeRunException(NativeRunException.Reason.GPU_UNAVAILABLE,
          "device GPU asked for, but the loaded TensorFlow " + TensorFlowRuntime.version()
              + " natives are CPU-only (they register no GPU kernels); build jfreeze with "
              + "`mvn -Pgpu package`, which switches tensorflow-core-native to the linux-x86_64-gpu classifier "
              + "(Linux x86-64 with an NVIDIA driver and CUDA 12), or run with device AUTO or CPU");
    }
    throw new NativeRunException(NativeRunException.Reason.GPU_UNAVAILABLE,
        "device GPU asked for; the GPU natives are loaded but TensorFlow sees no GPU (devices: "
            + names(f.devices()) + (f.problem() == null ? "" : "; " + f.problem())
            + "); check the NVIDIA driver (nvidia-smi) and CUDA_VISIBLE_DEVICES, or run with device AUTO or CPU");
  }

  /** Whether {@link #AUTO} would pick the GPU: GPU natives loaded and a GPU device visible. */
  public static boolean gpuAvailable() {
    return TensorFlowRuntime.isAvailable() && DeviceProbe.findings().gpuVisible();
  }

  /** The session configuration ({@code ConfigProto} bytes) for a resolved device. */
  byte[] sessionConfig() {
    return DeviceProbe.config(this == GPU);
  }

  private static String names(List<DeviceInfo> devices) {
    return devices.isEmpty() ? "none listed" : String.join(", ", devices.stream().map(DeviceInfo::name).toList());
  }
}
