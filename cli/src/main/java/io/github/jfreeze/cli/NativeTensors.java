package io.github.jfreeze.cli;

import io.github.jfreeze.bridge.NativeTensor;
import io.github.jfreeze.codec.DType;
import io.github.jfreeze.codec.Tensor;
import io.github.jfreeze.codec.TensorShape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Tensors from the native bridge (bytes and shapes) as codec tensors, for printing and freezing. */
final class NativeTensors {
  private NativeTensors() {}

  static Tensor toTensor(NativeTensor n) {
    DType dtype = DType.parse(n.dtype());
    TensorShape shape = TensorShape.of(n.shape());
    if (dtype.isFixedSize()) {
      return Tensor.of(dtype, shape, ByteBuffer.wrap(n.data()).order(ByteOrder.LITTLE_ENDIAN));
    }
    return Tensor.ofElements(dtype, shape, n.strings());
  }
}
