package io.github.jfreeze.bridge.internal;

import io.github.jfreeze.codec.DType;

/**
 * TensorFlow {@code DataType} numbers as the bridge meets them on native tensors, named by the one
 * dtype table, codec's {@link DType} ({@code float16} for {@code DT_HALF}, {@code float32} for
 * {@code DT_FLOAT}, and so on; reference types get {@code _ref}). The numbers are those of the
 * {@code types.proto} TF Java 1.1.0 ships, which jfreeze vendors (a test checks every value of TF
 * Java's {@code org.tensorflow.proto.DataType} has its name).
 */
public final class DataTypeNames {
  private DataTypeNames() {}

  /** Python name of a {@code DataType} number; {@code dtype_<n>} for numbers TF does not define. */
  public static String name(int number) {
    DType d = DType.find(number);
    if (d == null || number <= 0) {
      return "dtype_" + number;
    }
    return number > 100 ? d.pythonName() + "_ref" : d.pythonName();
  }

  /** {@code DataType} number for a Python name ({@code float32}, not aliases such as {@code float}), or -1. */
  public static int number(String name) {
    for (DType d : DType.values()) {
      if (d.pythonName().equals(name)) {
        return d.proto().getNumber();
      }
    }
    return -1;
  }

  /** Bytes per element in memory; 0 for string, resource, variant and unknown numbers. */
  public static long elementSize(int number) {
    DType d = number > 0 && number < 100 ? DType.find(number) : null;
    return d == null ? 0 : Math.max(0, d.byteSize());
  }
}
