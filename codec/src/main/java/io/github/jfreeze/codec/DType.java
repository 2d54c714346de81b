package io.github.jfreeze.codec;

import io.github.jfreeze.proto.DataType;
import java.util.Locale;

/**
 * TensorFlow's element types, named as in TF's Python API ({@code tf.float32.name}), with what a
 * reader needs to know about their bytes in a checkpoint.
 */
public enum DType {
  FLOAT32(DataType.DT_FLOAT, "float32", 4),
  FLOAT64(DataType.DT_DOUBLE, "float64", 8),
  INT32(DataType.DT_INT32, "int32", 4),
  UINT8(DataType.DT_UINT8, "uint8", 1),
  INT16(DataType.DT_INT16, "int16", 2),
  INT8(DataType.DT_INT8, "int8", 1),
  STRING(DataType.DT_STRING, "string", -1),
  COMPLEX64(DataType.DT_COMPLEX64, "complex64", 8),
  INT64(DataType.DT_INT64, "int64", 8),
  BOOL(DataType.DT_BOOL, "bool", 1),
  QINT8(DataType.DT_QINT8, "qint8", 1),
  QUINT8(DataType.DT_QUINT8, "quint8", 1),
  QINT32(DataType.DT_QINT32, "qint32", 4),
  BFLOAT16(DataType.DT_BFLOAT16, "bfloat16", 2),
  QINT16(DataType.DT_QINT16, "qint16", 2),
  QUINT16(DataType.DT_QUINT16, "quint16", 2),
  UINT16(DataType.DT_UINT16, "uint16", 2),
  COMPLEX128(DataType.DT_COMPLEX128, "complex128", 16),
  FLOAT16(DataType.DT_HALF, "float16", 2),
  RESOURCE(DataType.DT_RESOURCE, "resource", -1),
  VARIANT(DataType.DT_VARIANT, "variant", -1),
  UINT32(DataType.DT_UINT32, "uint32", 4),
  UINT64(DataType.DT_UINT64, "uint64", 8),
  FLOAT8_E5M2(DataType.DT_FLOAT8_E5M2, "float8_e5m2", 1),
  FLOAT8_E4M3FN(DataType.DT_FLOAT8_E4M3FN, "float8_e4m3fn", 1),
  INT4(DataType.DT_INT4, "int4", 1),
  UINT4(DataType.DT_UINT4, "uint4", 1);

  private final DataType proto;
  private final String pythonName;
  private final int byteSize;

  DType(DataType proto, String pythonName, int byteSize) {
    this.proto = proto;
    this.pythonName = pythonName;
    this.byteSize = byteSize;
  }

  /** The protobuf enum value. */
  public DataType proto() {
    return proto;
  }

  /** TF's Python name: {@code float32}, {@code bfloat16}, {@code string}, ... */
  public String pythonName() {
    return pythonName;
  }

  /** Bytes per element in checkpoint data, or -1 for types without a fixed size. */
  public int byteSize() {
    return byteSize;
  }

  /** Whether values are stored as raw fixed-size elements (TF's {@code DataTypeCanUseMemcpy}). */
  public boolean isFixedSize() {
    return byteSize > 0;
  }

  /** Bytes of one scalar component to swap for endianness (complex types swap each half). */
  public int swapUnit() {
    return switch (this) {
      case COMPLEX64 -> 4;
      case COMPLEX128 -> 8;
      default -> Math.max(byteSize, 1);
    };
  }

  public boolean isComplex() {
    return this == COMPLEX64 || this == COMPLEX128;
  }

  public boolean isFloating() {
    return switch (this) {
      case FLOAT32, FLOAT64, FLOAT16, BFLOAT16, FLOAT8_E5M2, FLOAT8_E4M3FN -> true;
      default -> false;
    };
  }

  /**
   * The dtype of a protobuf {@link DataType}, with reference types ({@code DT_FLOAT_REF}) mapped
   * to their value type.
   *
   * @throws IllegalArgumentException for {@code DT_INVALID} and numbers TF 2.18 does not define
   */
  public static DType of(DataType proto) {
    int n = proto.getNumber();
    return of(n > 100 ? n - 100 : n);
  }

  /** The dtype of a {@code DataType} number; {@code null}-safe lookup through {@link #find}. */
  public static DType of(int number) {
    DType d = find(number);
    if (d == null) {
      throw new IllegalArgumentException("unknown dtype number " + number);
    }
    return d;
  }

  /** {@code values()} once: it copies the array on every call, and find runs once per tensor and node. */
  private static final DType[] VALUES = values();

  /** The dtype of a {@code DataType} number (reference types mapped), or {@code null}. */
  public static DType find(int number) {
    int n = number > 100 ? number - 100 : number;
    for (DType d : VALUES) {
      if (d.proto.getNumber() == n) {
        return d;
      }
    }
    return null;
  }

  /** Looks up a dtype by Python name ({@code float32}), proto name ({@code DT_FLOAT}) or alias. */
  public static DType parse(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    if (n.startsWith("dt_")) {
      for (DType d : values()) {
        if (d.proto.name().equalsIgnoreCase(n)) {
          return d;
        }
      }
    }
    switch (n) {
      case "float", "f32" -> { return FLOAT32; }
      case "double", "f64" -> { return FLOAT64; }
      case "half" -> { return FLOAT16; }
      case "int", "i32" -> { return INT32; }
      case "long", "i64" -> { return INT64; }
      default -> { }
    }
    for (DType d : values()) {
      if (d.pythonName.equals(n)) {
        return d;
      }
    }
    throw new IllegalArgumentException("unknown dtype '" + name + "'");
  }

  @Override
  public String toString() {
    return pythonName;
  }
}
