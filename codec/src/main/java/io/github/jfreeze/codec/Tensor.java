package io.github.jfreeze.codec;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnsafeByteOperations;
import io.github.jfreeze.codec.internal.SmallFloats;
import io.github.jfreeze.proto.TensorProto;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Objects;

/**
 * A tensor read from a checkpoint: dtype, shape and values.
 *
 * <p>Fixed-size types keep their values as one little-endian row-major {@link ByteBuffer} (a
 * read-only view, mapped from the data file for large tensors: nothing is copied until asked);
 * strings and variants keep one byte array per element.
 */
public final class Tensor {
  private final DType dtype;
  private final TensorShape shape;
  private final ByteBuffer data;
  private final List<byte[]> elements;

  private Tensor(DType dtype, TensorShape shape, ByteBuffer data, List<byte[]> elements) {
    this.dtype = dtype;
    this.shape = shape;
    this.data = data;
    this.elements = elements;
  }

  /**
   * A fixed-size tensor over {@code data} (from its position to its limit, little-endian).
   *
   * @param dtype a fixed-size dtype
   * @param shape the tensor's shape
   * @param data its values, row-major; not copied
   * @return the tensor
   * @throws IllegalArgumentException if the byte count does not match dtype and shape
   */
  public static Tensor of(DType dtype, TensorShape shape, ByteBuffer data) {
    Objects.requireNonNull(dtype, "dtype is null");
    Objects.requireNonNull(shape, "shape is null");
    if (!dtype.isFixedSize()) {
      throw new IllegalArgumentException(dtype + " has no fixed element size");
    }
    long expected = Math.multiplyExact(shape.numElements(), (long) dtype.byteSize());
    if (data.remaining() != expected) {
      throw new IllegalArgumentException(dtype + shape.toString() + " needs " + expected + " bytes, got " + data.remaining());
    }
    return new Tensor(dtype, shape, data.slice().asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN), null);
  }

  /**
   * A string (or variant) tensor with one byte array per element, row-major.
   *
   * @param dtype {@link DType#STRING} or {@link DType#VARIANT}
   * @param shape the tensor's shape
   * @param elements one array per element; not copied
   * @return the tensor
   */
  public static Tensor ofElements(DType dtype, TensorShape shape, List<byte[]> elements) {
    Objects.requireNonNull(dtype, "dtype is null");
    if (dtype.isFixedSize()) {
      throw new IllegalArgumentException(dtype + " is a fixed-size type");
    }
    if (elements.size() != shape.numElements()) {
      throw new IllegalArgumentException(shape + " needs " + shape.numElements() + " elements, got " + elements.size());
    }
    return new Tensor(dtype, shape, null, List.copyOf(elements));
  }

  /**
   * The element type.
   *
   * @return the dtype
   */
  public DType dtype() {
    return dtype;
  }

  /**
   * The shape.
   *
   * @return the shape
   */
  public TensorShape shape() {
    return shape;
  }

  /**
   * The number of elements.
   *
   * @return the product of the dimensions
   */
  public long numElements() {
    return shape.numElements();
  }

  /**
   * Whether values are one byte array per element (strings, variants).
   *
   * @return true if {@link #elements()} holds the values, false if {@link #data()} does
   */
  public boolean hasElements() {
    return elements != null;
  }

  /**
   * The raw little-endian row-major bytes, read-only, positioned at 0 (zero-copy).
   *
   * @return the bytes
   * @throws IllegalStateException for strings and variants
   */
  public ByteBuffer data() {
    if (data == null) {
      throw new IllegalStateException(dtype + " tensors have no fixed-size data; use elements()");
    }
    return data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
  }

  /**
   * Number of value bytes.
   *
   * @return the bytes of the values (string tensors: the sum of element lengths)
   */
  public long byteSize() {
    if (data != null) {
      return data.remaining();
    }
    long n = 0;
    for (byte[] e : elements) {
      n += e.length;
    }
    return n;
  }

  /**
   * The elements of a string or variant tensor (the arrays themselves: do not modify).
   *
   * @return one array per element, row-major
   * @throws IllegalStateException for fixed-size tensors
   */
  public List<byte[]> elements() {
    if (elements == null) {
      throw new IllegalStateException(dtype + " tensors have fixed-size data; use data()");
    }
    return elements;
  }

  /**
   * A copy of the raw little-endian bytes.
   *
   * @return the bytes, row-major
   */
  public byte[] toByteArray() {
    ByteBuffer d = data();
    byte[] out = new byte[d.remaining()];
    d.get(out);
    return out;
  }

  /**
   * Element {@code i} of a floating or complex tensor as a double (complex: real part).
   *
   * @param i the row-major index
   * @return the value
   */
  public double doubleAt(long i) {
    int idx = index(i);
    return switch (dtype) {
      case FLOAT32 -> data.getFloat(idx * 4);
      case FLOAT64 -> data.getDouble(idx * 8);
      case FLOAT16 -> (float) SmallFloats.fromFloat16(data.getShort(idx * 2));
      case BFLOAT16 -> Float.intBitsToFloat((data.getShort(idx * 2) & 0xffff) << 16);
      case FLOAT8_E5M2 -> (float) SmallFloats.fromFloat8E5m2(data.get(idx));
      case FLOAT8_E4M3FN -> (float) SmallFloats.fromFloat8E4m3fn(data.get(idx));
      case COMPLEX64 -> data.getFloat(idx * 8);
      case COMPLEX128 -> data.getDouble(idx * 16);
      default -> longAt(i);
    };
  }

  /**
   * Imaginary part of element {@code i} of a complex tensor.
   *
   * @param i the row-major index
   * @return the imaginary part
   */
  public double imagAt(long i) {
    int idx = index(i);
    return switch (dtype) {
      case COMPLEX64 -> data.getFloat(idx * 8 + 4);
      case COMPLEX128 -> data.getDouble(idx * 16 + 8);
      default -> throw new IllegalStateException(dtype + " is not complex");
    };
  }

  /**
   * Element {@code i} of an integer or bool tensor, sign- or zero-extended as its type says
   * ({@code uint64} returns the raw bits: use {@link Long#toUnsignedString}).
   *
   * @param i the row-major index
   * @return the value
   */
  public long longAt(long i) {
    int idx = index(i);
    return switch (dtype) {
      case INT8, QINT8 -> data.get(idx);
      case UINT8, QUINT8, BOOL -> data.get(idx) & 0xff;
      case INT4 -> (byte) (data.get(idx) << 4) >> 4;
      case UINT4 -> data.get(idx) & 0x0f;
      case INT16, QINT16 -> data.getShort(idx * 2);
      case UINT16, QUINT16 -> data.getShort(idx * 2) & 0xffff;
      case INT32, QINT32 -> data.getInt(idx * 4);
      case UINT32 -> data.getInt(idx * 4) & 0xffffffffL;
      case INT64, UINT64 -> data.getLong(idx * 8);
      default -> throw new IllegalStateException(dtype + " is not an integer type");
    };
  }

  /**
   * Element {@code i} of a bool tensor.
   *
   * @param i the row-major index
   * @return the value
   */
  public boolean boolAt(long i) {
    if (dtype != DType.BOOL) {
      throw new IllegalStateException(dtype + " is not bool");
    }
    return data.get(index(i)) != 0;
  }

  private int index(long i) {
    if (data == null) {
      throw new IllegalStateException(dtype + " tensors have no numeric values");
    }
    Objects.checkIndex(i, shape.numElements());
    return (int) i;
  }

  /**
   * The values as float32 (float16, bfloat16 and float8 are widened).
   *
   * @return the values, row-major
   */
  public float[] toFloatArray() {
    requireKind(dtype == DType.FLOAT32 || dtype == DType.FLOAT16 || dtype == DType.BFLOAT16
        || dtype == DType.FLOAT8_E5M2 || dtype == DType.FLOAT8_E4M3FN, "float");
    float[] out = new float[checkedCount()];
    if (dtype == DType.FLOAT32) {
      data().asFloatBuffer().get(out);
    } else {
      for (int i = 0; i < out.length; i++) {
        out[i] = (float) doubleAt(i);
      }
    }
    return out;
  }

  /**
   * The values of a float64 tensor.
   *
   * @return the values, row-major
   */
  public double[] toDoubleArray() {
    requireKind(dtype == DType.FLOAT64, "double");
    double[] out = new double[checkedCount()];
    data().asDoubleBuffer().get(out);
    return out;
  }

  /**
   * The values as int32 (narrower integer types are widened).
   *
   * @return the values, row-major
   */
  public int[] toIntArray() {
    requireKind(switch (dtype) {
      case INT32, QINT32, INT16, QINT16, UINT16, QUINT16, INT8, QINT8, UINT8, QUINT8, INT4, UINT4 -> true;
      default -> false;
    }, "int");
    int[] out = new int[checkedCount()];
    if (dtype == DType.INT32 || dtype == DType.QINT32) {
      data().asIntBuffer().get(out);
    } else {
      for (int i = 0; i < out.length; i++) {
        out[i] = (int) longAt(i);
      }
    }
    return out;
  }

  /**
   * The values as int64 (uint32 widened; uint64 as raw bits).
   *
   * @return the values, row-major
   */
  public long[] toLongArray() {
    requireKind(dtype == DType.INT64 || dtype == DType.UINT64 || dtype == DType.UINT32, "long");
    long[] out = new long[checkedCount()];
    if (dtype == DType.UINT32) {
      for (int i = 0; i < out.length; i++) {
        out[i] = longAt(i);
      }
    } else {
      data().asLongBuffer().get(out);
    }
    return out;
  }

  /**
   * The values of a bool tensor.
   *
   * @return the values, row-major
   */
  public boolean[] toBooleanArray() {
    requireKind(dtype == DType.BOOL, "boolean");
    boolean[] out = new boolean[checkedCount()];
    for (int i = 0; i < out.length; i++) {
      out[i] = data.get(i) != 0;
    }
    return out;
  }

  private void requireKind(boolean ok, String kind) {
    if (!ok) {
      throw new IllegalStateException("a " + dtype + " tensor cannot be read as " + kind + " values");
    }
  }

  private int checkedCount() {
    if (shape.numElements() > Integer.MAX_VALUE - 8) {
      throw new IllegalStateException(shape.numElements() + " elements do not fit in a Java array");
    }
    return (int) shape.numElements();
  }

  /**
   * This tensor as a {@link TensorProto}: fixed-size values in {@code tensor_content}, strings in
   * {@code string_val}, as TensorFlow's {@code Tensor::AsProtoTensorContent} writes them.
   *
   * @return the proto
   */
  public TensorProto toProto() {
    TensorProto.Builder b = TensorProto.newBuilder().setDtype(dtype.proto()).setTensorShape(shape.toProto());
    if (data != null) {
      if (data.remaining() > 0) {
        b.setTensorContent(UnsafeByteOperations.unsafeWrap(data.duplicate()));
      }
    } else if (dtype == DType.STRING) {
      for (byte[] e : elements) {
        b.addStringVal(ByteString.copyFrom(e));
      }
    } else {
      throw new IllegalStateException(dtype + " tensors cannot be converted to a TensorProto here");
    }
    return b.build();
  }

  @Override
  public String toString() {
    return "Tensor<" + dtype + shape + ">";
  }
}
