package io.github.jfreeze.codec;

import io.github.jfreeze.proto.DataType;
import java.math.BigInteger;
import java.util.Locale;

/**
 * TensorFlow's element types, named as in TF's Python API ({@code tf.float32.name}), with what a
 * reader needs to know about their bytes in a checkpoint and the range of the integer types: the
 * one dtype table of jfreeze (names, numbers, sizes, ranges).
 */
public enum DType {
  /** {@code float32} ({@code DT_FLOAT}). */
  FLOAT32(DataType.DT_FLOAT, "float32", 4),
  /** {@code float64} ({@code DT_DOUBLE}). */
  FLOAT64(DataType.DT_DOUBLE, "float64", 8),
  /** {@code int32} ({@code DT_INT32}). */
  INT32(DataType.DT_INT32, "int32", 4),
  /** {@code uint8} ({@code DT_UINT8}). */
  UINT8(DataType.DT_UINT8, "uint8", 1),
  /** {@code int16} ({@code DT_INT16}). */
  INT16(DataType.DT_INT16, "int16", 2),
  /** {@code int8} ({@code DT_INT8}). */
  INT8(DataType.DT_INT8, "int8", 1),
  /** {@code string} ({@code DT_STRING}). */
  STRING(DataType.DT_STRING, "string", -1),
  /** {@code complex64} ({@code DT_COMPLEX64}). */
  COMPLEX64(DataType.DT_COMPLEX64, "complex64", 8),
  /** {@code int64} ({@code DT_INT64}). */
  INT64(DataType.DT_INT64, "int64", 8),
  /** {@code bool} ({@code DT_BOOL}). */
  BOOL(DataType.DT_BOOL, "bool", 1),
  /** {@code qint8} ({@code DT_QINT8}). */
  QINT8(DataType.DT_QINT8, "qint8", 1),
  /** {@code quint8} ({@code DT_QUINT8}). */
  QUINT8(DataType.DT_QUINT8, "quint8", 1),
  /** {@code qint32} ({@code DT_QINT32}). */
  QINT32(DataType.DT_QINT32, "qint32", 4),
  /** {@code bfloat16} ({@code DT_BFLOAT16}). */
  BFLOAT16(DataType.DT_BFLOAT16, "bfloat16", 2),
  /** {@code qint16} ({@code DT_QINT16}). */
  QINT16(DataType.DT_QINT16, "qint16", 2),
  /** {@code quint16} ({@code DT_QUINT16}). */
  QUINT16(DataType.DT_QUINT16, "quint16", 2),
  /** {@code uint16} ({@code DT_UINT16}). */
  UINT16(DataType.DT_UINT16, "uint16", 2),
  /** {@code complex128} ({@code DT_COMPLEX128}). */
  COMPLEX128(DataType.DT_COMPLEX128, "complex128", 16),
  /** {@code float16} ({@code DT_HALF}). */
  FLOAT16(DataType.DT_HALF, "float16", 2),
  /** {@code resource} ({@code DT_RESOURCE}). */
  RESOURCE(DataType.DT_RESOURCE, "resource", -1),
  /** {@code variant} ({@code DT_VARIANT}). */
  VARIANT(DataType.DT_VARIANT, "variant", -1),
  /** {@code uint32} ({@code DT_UINT32}). */
  UINT32(DataType.DT_UINT32, "uint32", 4),
  /** {@code uint64} ({@code DT_UINT64}). */
  UINT64(DataType.DT_UINT64, "uint64", 8),
  /** {@code float8_e5m2} ({@code DT_FLOAT8_E5M2}). */
  FLOAT8_E5M2(DataType.DT_FLOAT8_E5M2, "float8_e5m2", 1),
  /** {@code float8_e4m3fn} ({@code DT_FLOAT8_E4M3FN}). */
  FLOAT8_E4M3FN(DataType.DT_FLOAT8_E4M3FN, "float8_e4m3fn", 1),
  /** {@code int4} ({@code DT_INT4}). */
  INT4(DataType.DT_INT4, "int4", 1),
  /** {@code uint4} ({@code DT_UINT4}). */
  UINT4(DataType.DT_UINT4, "uint4", 1);

  private final DataType proto;
  private final String pythonName;
  private final int byteSize;

  DType(DataType proto, String pythonName, int byteSize) {
    this.proto = proto;
    this.pythonName = pythonName;
    this.byteSize = byteSize;
  }

  /**
   * The protobuf enum value.
   *
   * @return the {@code DataType}
   */
  public DataType proto() {
    return proto;
  }

  /**
   * TF's Python name: {@code float32}, {@code bfloat16}, {@code string}, ...
   *
   * @return the name
   */
  public String pythonName() {
    return pythonName;
  }

  /**
   * Bytes per element in checkpoint data.
   *
   * @return the size, or -1 for types without a fixed size
   */
  public int byteSize() {
    return byteSize;
  }

  /**
   * Whether values are stored as raw fixed-size elements (TF's {@code DataTypeCanUseMemcpy}).
   *
   * @return true if they are
   */
  public boolean isFixedSize() {
    return byteSize > 0;
  }

  /**
   * Bytes of one scalar component to swap for endianness (complex types swap each half).
   *
   * @return the unit, at least 1
   */
  public int swapUnit() {
    return switch (this) {
      case COMPLEX64 -> 4;
      case COMPLEX128 -> 8;
      default -> Math.max(byteSize, 1);
    };
  }

  /**
   * Whether this is complex64 or complex128.
   *
   * @return true if it is
   */
  public boolean isComplex() {
    return this == COMPLEX64 || this == COMPLEX128;
  }

  /**
   * Whether this is a floating-point type (float8 to float64, bfloat16).
   *
   * @return true if it is
   */
  public boolean isFloating() {
    return switch (this) {
      case FLOAT32, FLOAT64, FLOAT16, BFLOAT16, FLOAT8_E5M2, FLOAT8_E4M3FN -> true;
      default -> false;
    };
  }

  /**
   * Whether this holds integers: int4 to int64, uint4 to uint64 and the quantized {@code qint} and
   * {@code quint} types (bool is not an integer type).
   *
   * @return true if it does
   */
  public boolean isInteger() {
    return switch (this) {
      case INT4, INT8, INT16, INT32, INT64, UINT4, UINT8, UINT16, UINT32, UINT64, QINT8, QINT16, QINT32, QUINT8,
          QUINT16 -> true;
      default -> false;
    };
  }

  /**
   * The smallest value of an integer type ({@code -128} for int8 and qint8, {@code 0} for the
   * unsigned ones).
   *
   * @return the value
   * @throws IllegalStateException if this is not an integer type
   */
  public BigInteger minValue() {
    int bits = bits();
    return signed() ? BigInteger.ONE.shiftLeft(bits - 1).negate() : BigInteger.ZERO;
  }

  /**
   * The largest value of an integer type ({@code 127} for int8 and qint8, {@code 2^64 - 1} for
   * uint64).
   *
   * @return the value
   * @throws IllegalStateException if this is not an integer type
   */
  public BigInteger maxValue() {
    int bits = bits();
    return BigInteger.ONE.shiftLeft(signed() ? bits - 1 : bits).subtract(BigInteger.ONE);
  }

  /** Value bits of an integer type (4 for int4 and uint4, which take a byte each in memory). */
  private int bits() {
    if (!isInteger()) {
      throw new IllegalStateException(pythonName + " is not an integer type");
    }
    return this == INT4 || this == UINT4 ? 4 : byteSize * 8;
  }

  private boolean signed() {
    return switch (this) {
      case INT4, INT8, INT16, INT32, INT64, QINT8, QINT16, QINT32 -> true;
      default -> false;
    };
  }

  /**
   * The dtype of a protobuf {@link DataType}, with reference types ({@code DT_FLOAT_REF}) mapped
   * to their value type.
   *
   * @param proto the protobuf value
   * @return the dtype
   * @throws IllegalArgumentException for {@code DT_INVALID} and numbers TF 2.18 does not define
   */
  public static DType of(DataType proto) {
    int n = proto.getNumber();
    return of(n > 100 ? n - 100 : n);
  }

  /**
   * The dtype of a {@code DataType} number, reference types mapped.
   *
   * @param number the {@code DataType} number
   * @return the dtype
   * @throws IllegalArgumentException for numbers TF 2.18 does not define (see {@link #find})
   */
  public static DType of(int number) {
    DType d = find(number);
    if (d == null) {
      throw new IllegalArgumentException("unknown dtype number " + number);
    }
    return d;
  }

  /** {@code values()} once: it copies the array on every call, and find runs once per tensor and node. */
  private static final DType[] VALUES = values();

  /**
   * The dtype of a {@code DataType} number (reference types mapped).
   *
   * @param number the {@code DataType} number
   * @return the dtype, or {@code null} if TF 2.18 does not define it
   */
  public static DType find(int number) {
    int n = number > 100 ? number - 100 : number;
    for (DType d : VALUES) {
      if (d.proto.getNumber() == n) {
        return d;
      }
    }
    return null;
  }

  /**
   * Looks up a dtype by Python name ({@code float32}), proto name ({@code DT_FLOAT}) or alias.
   *
   * @param name the name
   * @return the dtype
   * @throws IllegalArgumentException for a name that is none of these
   */
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
