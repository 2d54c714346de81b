package io.github.jfreeze.bridge.internal;

import java.util.Map;
import java.util.TreeMap;

/**
 * TensorFlow {@code DataType} enum numbers and the names Python TF gives them
 * ({@code tf.dtypes.DType.name}): {@code float16} for {@code DT_HALF}, {@code float32} for
 * {@code DT_FLOAT}, and so on. The numbers are those of {@code tensorflow/core/framework/types.proto}
 * (checked against TF Java 1.1.0's {@code org.tensorflow.proto.DataType} by a test).
 */
public final class DataTypeNames {
  private DataTypeNames() {}

  private static final String[] NAMES = new String[31];
  private static final long[] SIZES = new long[31];
  private static final Map<String, Integer> BY_NAME = new TreeMap<>();

  static {
    put(1, "float32", 4);
    put(2, "float64", 8);
    put(3, "int32", 4);
    put(4, "uint8", 1);
    put(5, "int16", 2);
    put(6, "int8", 1);
    put(7, "string", 0);
    put(8, "complex64", 8);
    put(9, "int64", 8);
    put(10, "bool", 1);
    put(11, "qint8", 1);
    put(12, "quint8", 1);
    put(13, "qint32", 4);
    put(14, "bfloat16", 2);
    put(15, "qint16", 2);
    put(16, "quint16", 2);
    put(17, "uint16", 2);
    put(18, "complex128", 16);
    put(19, "float16", 2);
    put(20, "resource", 0);
    put(21, "variant", 0);
    put(22, "uint32", 4);
    put(23, "uint64", 8);
    put(24, "float8_e5m2", 1);
    put(25, "float8_e4m3fn", 1);
    put(26, "float8_e4m3fnuz", 1);
    put(27, "float8_e4m3b11fnuz", 1);
    put(28, "float8_e5m2fnuz", 1);
    // int4/uint4 occupy one byte per element in memory and in V2 bundles (value in the low nibble).
    put(29, "int4", 1);
    put(30, "uint4", 1);
  }

  private static void put(int number, String name, long size) {
    NAMES[number] = name;
    SIZES[number] = size;
    BY_NAME.put(name, number);
  }

  /** Python name of a {@code DataType} number; {@code dtype_<n>} for numbers this table lacks. */
  public static String name(int number) {
    if (number > 100 && number < 100 + NAMES.length && NAMES[number - 100] != null) {
      return NAMES[number - 100] + "_ref";
    }
    if (number > 0 && number < NAMES.length && NAMES[number] != null) {
      return NAMES[number];
    }
    return "dtype_" + number;
  }

  /** {@code DataType} number for a Python name, or -1. */
  public static int number(String name) {
    Integer n = BY_NAME.get(name);
    return n == null ? -1 : n;
  }

  /** Bytes per element in memory; 0 for string, resource, variant and unknown numbers. */
  public static long elementSize(int number) {
    return number > 0 && number < SIZES.length ? SIZES[number] : 0;
  }

  /** All known names, by number. */
  public static Map<Integer, String> all() {
    Map<Integer, String> out = new TreeMap<>();
    for (int i = 0; i < NAMES.length; i++) {
      if (NAMES[i] != null) {
        out.put(i, NAMES[i]);
      }
    }
    return out;
  }
}
