package io.github.jfreeze.bridge.internal;

import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeleteBuffer;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeleteStatus;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_GetCode;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_GetRegisteredKernelsForOp;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_NewStatus;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_OK;

import com.google.protobuf.InvalidProtocolBufferException;
import io.github.jfreeze.bridge.internal.NativeGraphRunner.DeviceInfo;
import io.github.jfreeze.bridge.internal.NativeGraphRunner.NativeFailure;
import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.tensorflow.internal.c_api.TF_Buffer;
import org.tensorflow.internal.c_api.TF_Status;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GPUOptions;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.KernelDef;
import org.tensorflow.proto.KernelList;

/**
 * What the loaded natives can run on, probed once per JVM: whether they carry CUDA kernels (TF
 * Java's {@code linux-x86_64-gpu} natives register GPU kernels for {@code MatMul}; the CPU natives
 * do not) and which GPU devices a session can see.
 */
public final class DeviceProbe {
  private DeviceProbe() {}

  /** The probe's findings. */
  public record Findings(boolean gpuKernels, List<DeviceInfo> devices, String problem) {
    public boolean gpuVisible() {
      return devices.stream().anyMatch(d -> d.type().equals("GPU"));
    }
  }

  private static final class Holder {
    static final Findings FINDINGS = probe();
  }

  /** Probes on first use; needs the natives to be loadable. */
  public static Findings findings() {
    return Holder.FINDINGS;
  }

  private static Findings probe() {
    boolean kernels = gpuKernels();
    if (!kernels) {
      return new Findings(false, List.of(), null);
    }
    try (NativeGraphRunner r = new NativeGraphRunner(GraphDef.getDefaultInstance().toByteArray(), config(true))) {
      return new Findings(true, r.devices(), null);
    } catch (NativeFailure | RuntimeException e) {
      return new Findings(true, List.of(), e.getMessage());
    }
  }

  private static boolean gpuKernels() {
    TF_Status status = TF_NewStatus();
    TF_Buffer buffer = null;
    try {
      buffer = TF_GetRegisteredKernelsForOp("MatMul", status);
      if (TF_GetCode(status) != TF_OK || buffer == null || buffer.isNull()) {
        return false;
      }
      byte[] bytes = new byte[Math.toIntExact(buffer.length())];
      if (bytes.length == 0) {
        return false;
      }
      new BytePointer(buffer.data()).capacity(bytes.length).limit(bytes.length).get(bytes);
      for (KernelDef k : KernelList.parseFrom(bytes).getKernelList()) {
        if (k.getDeviceType().equals("GPU")) {
          return true;
        }
      }
      return false;
    } catch (InvalidProtocolBufferException e) {
      return false;
    } finally {
      if (buffer != null && !buffer.isNull()) {
        TF_DeleteBuffer(buffer);
      }
      TF_DeleteStatus(status);
    }
  }

  /**
   * The session configuration for a device: ops that have no kernel on it fall back softly; for the
   * CPU, no GPU device is created ({@code device_count {"GPU": 0}}); for the GPU, memory grows on
   * demand instead of being reserved up front.
   */
  public static byte[] config(boolean gpu) {
    ConfigProto.Builder b = ConfigProto.newBuilder().setAllowSoftPlacement(true);
    if (gpu) {
      b.setGpuOptions(GPUOptions.newBuilder().setAllowGrowth(true));
    } else {
      b.putDeviceCount("GPU", 0);
    }
    return b.build().toByteArray();
  }
}
