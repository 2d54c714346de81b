package io.github.jfreeze.codec.values;

import io.github.jfreeze.codec.DType;
import io.github.jfreeze.codec.Tensor;
import io.github.jfreeze.codec.TensorShape;
import io.github.jfreeze.codec.internal.SmallFloats;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded pseudo-random tensors, for inputs nobody gave ({@code jfreeze verify}'s random feeds). */
public final class RandomTensors {
  private RandomTensors() {}

  /**
   * A seeded pseudo-random tensor: floats uniform in [-1, 1), integers in [0, 5), random bools,
   * complex numbers with both parts in [-1, 1), strings of 1 to 8 lowercase letters. The same seed
   * gives the same values.
   *
   * @param dtype TF's Python name of the dtype (every dtype {@link TensorLiteral} parses)
   * @param shape the dimensions, none negative
   * @param seed the seed
   * @return the tensor
   * @throws BadValueException for dtypes without random values (float8, resource, variant,
   *     reference types)
   */
  public static Tensor of(String dtype, long[] shape, long seed) throws BadValueException {
    DType kind = TensorLiteral.supported(dtype);
    if (kind == null) {
      throw new BadValueException("cannot make random values of dtype " + dtype + "; feed it explicitly");
    }
    TensorShape s = TensorShape.of(shape);
    long n = s.numElements();
    SplittableRandom r = new SplittableRandom(seed);
    if (kind == DType.STRING) {
      List<byte[]> strings = new ArrayList<>();
      for (long i = 0; i < n; i++) {
        byte[] b = new byte[1 + r.nextInt(8)];
        for (int k = 0; k < b.length; k++) {
          b[k] = (byte) ('a' + r.nextInt(26));
        }
        strings.add(b);
      }
      return Tensor.ofElements(kind, s, strings);
    }
    ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(n * kind.byteSize())).order(ByteOrder.LITTLE_ENDIAN);
    for (long i = 0; i < n; i++) {
      switch (kind) {
        case FLOAT32 -> out.putFloat((float) (r.nextDouble() * 2 - 1));
        case FLOAT64 -> out.putDouble(r.nextDouble() * 2 - 1);
        case FLOAT16 -> out.putShort((short) SmallFloats.toFloat16(r.nextDouble() * 2 - 1));
        case BFLOAT16 -> out.putShort((short) SmallFloats.toBfloat16(r.nextDouble() * 2 - 1));
        case COMPLEX64 -> out.putFloat((float) (r.nextDouble() * 2 - 1)).putFloat((float) (r.nextDouble() * 2 - 1));
        case COMPLEX128 -> out.putDouble(r.nextDouble() * 2 - 1).putDouble(r.nextDouble() * 2 - 1);
        case BOOL -> out.put((byte) (r.nextBoolean() ? 1 : 0));
        default -> TensorLiteral.putInteger(out, kind, BigInteger.valueOf(r.nextInt(5)));
      }
    }
    return Tensor.of(kind, s, out.flip());
  }
}
