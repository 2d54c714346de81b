package io.github.jfreeze.codec;

import com.google.protobuf.ByteString;
import io.github.jfreeze.proto.TensorProto;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes {@link TensorProto}s (Const values in graphs, V1 checkpoint slices) into {@link Tensor}s
 * with TensorFlow's rules (tensor.cc {@code Tensor::FromProto}): {@code tensor_content} must
 * hold exactly the tensor's bytes; a typed {@code *_val} field may hold fewer values than
 * elements, the last one then repeats (none: zeros); more values than elements is an error.
 */
public final class TensorProtos {
  private TensorProtos() {}

  /**
   * Decodes a proto using its own dtype and shape.
   *
   * @param proto the tensor proto
   * @param file the file it was read from, for messages
   * @param offset where in it, for messages
   * @return the tensor
   * @throws CorruptFileException if the proto's dtype, shape or values are invalid
   */
  public static Tensor toTensor(TensorProto proto, Path file, long offset) throws CorruptFileException {
    return toTensor(proto, dtypeOf(proto, file, offset), shapeOf(proto, file, offset), file, offset);
  }

  /**
   * Checks what {@link #toTensor(TensorProto, Path, long)} checks (dtype, shape, value counts,
   * {@code tensor_content} size) without decoding: a single value TF repeats over the shape can
   * stand for a tensor far larger than the proto, so this allocates nothing.
   *
   * @param proto the tensor proto
   * @param file the file it was read from, for messages
   * @param offset where in it, for messages
   * @throws CorruptFileException if {@link #toTensor(TensorProto, Path, long)} would fail
   */
  public static void check(TensorProto proto, Path file, long offset) throws CorruptFileException {
    DType dtype = dtypeOf(proto, file, offset);
    TensorShape shape = shapeOf(proto, file, offset);
    long n = shape.numElements();
    if (dtype != DType.STRING && !dtype.isFixedSize()) {
      throw new CorruptFileException(file, offset, dtype + " tensors are not supported here");
    }
    ByteString content = proto.getTensorContent();
    if (dtype != DType.STRING && !content.isEmpty()) {
      if (n > Long.MAX_VALUE / dtype.byteSize() || content.size() != n * dtype.byteSize()) {
        throw new CorruptFileException(file, offset, "tensor_content holds " + content.size() + " bytes but "
            + dtype + shape + " needs " + (n > Long.MAX_VALUE / dtype.byteSize() ? "more" : String.valueOf(n * dtype.byteSize())));
      }
      return;
    }
    if ((dtype == DType.COMPLEX64 && proto.getScomplexValCount() % 2 != 0)
        || (dtype == DType.COMPLEX128 && proto.getDcomplexValCount() % 2 != 0)) {
      throw new CorruptFileException(file, offset, (dtype == DType.COMPLEX64 ? "scomplex_val" : "dcomplex_val")
          + " holds an odd number of values");
    }
    long have = valueCount(proto, dtype);
    if (have < 0) {
      throw new CorruptFileException(file, offset, dtype + " values cannot be read from a TensorProto");
    }
    if (have > n) {
      throw new CorruptFileException(file, offset, "the tensor holds " + have + " values but the shape has " + n + " elements");
    }
  }

  /**
   * A proto's values as stored, without repeating them over the shape: for the compact form (fewer
   * typed values than elements, the last one repeating; none meaning zeros) the stored values only,
   * so that printing a broadcast constant of any claimed shape takes memory for what the file
   * holds. Element {@code i} of the tensor is {@link Stored#at}{@code (i)} of {@link Stored#values}.
   *
   * @param proto the tensor proto
   * @param file the file it was read from, for messages
   * @param offset where in it, for messages
   * @return the stored values and the shape they stand for
   * @throws CorruptFileException if {@link #toTensor(TensorProto, Path, long)} would fail
   */
  public static Stored storedValues(TensorProto proto, Path file, long offset) throws CorruptFileException {
    check(proto, file, offset);
    DType dtype = dtypeOf(proto, file, offset);
    TensorShape shape = shapeOf(proto, file, offset);
    long n = shape.numElements();
    boolean compact = (dtype == DType.STRING || proto.getTensorContent().isEmpty()) && valueCount(proto, dtype) < n;
    if (!compact) {
      return new Stored(toTensor(proto, dtype, shape, file, offset), shape);
    }
    long stored = Math.max(1, valueCount(proto, dtype));
    return new Stored(toTensor(proto, dtype, TensorShape.of(stored), file, offset), shape);
  }

  /**
   * Values as a proto stores them, and the shape they stand for.
   *
   * @param values the stored values (all of them, or the compact form's few)
   * @param shape the tensor's shape
   */
  public record Stored(Tensor values, TensorShape shape) {
    /**
     * The stored index of element {@code i}: the last stored value repeats.
     *
     * @param i the element's row-major index in the tensor
     * @return its index in {@link #values()}
     */
    public long at(long i) {
      return Math.min(i, values.numElements() - 1);
    }

    /**
     * The number of elements the values stand for.
     *
     * @return the elements of {@link #shape()}
     */
    public long numElements() {
      return shape.numElements();
    }
  }

  private static DType dtypeOf(TensorProto proto, Path file, long offset) throws CorruptFileException {
    DType dtype = DType.find(proto.getDtypeValue());
    if (dtype == null || proto.getDtypeValue() == 0) {
      throw new CorruptFileException(file, offset, "tensor has unknown dtype " + proto.getDtypeValue());
    }
    return dtype;
  }

  private static TensorShape shapeOf(TensorProto proto, Path file, long offset) throws CorruptFileException {
    try {
      return TensorShape.fromProto(proto.getTensorShape());
    } catch (IllegalArgumentException e) {
      throw new CorruptFileException(file, offset, "tensor has an invalid shape: " + e.getMessage());
    }
  }

  /**
   * Decodes a proto's values as {@code dtype} and {@code shape} (V1 slices carry neither).
   *
   * @param proto the tensor proto
   * @param dtype the dtype to read its values as
   * @param shape the shape they fill
   * @param file the file it was read from, for messages
   * @param offset where in it, for messages
   * @return the tensor
   * @throws CorruptFileException if the values do not fit dtype and shape
   */
  public static Tensor toTensor(TensorProto proto, DType dtype, TensorShape shape, Path file, long offset)
      throws CorruptFileException {
    long n = shape.numElements();
    if (dtype == DType.STRING) {
      if (n > Integer.MAX_VALUE - 8) {
        throw new CorruptFileException(file, offset, "string tensor of shape " + shape + " is too large for a protobuf value");
      }
      int have = proto.getStringValCount();
      checkCount(have, n, file, offset, "string_val");
      if (n > 0 && have == 0) {
        have = 0;
      }
      List<byte[]> out = new ArrayList<>((int) n);
      for (long i = 0; i < n; i++) {
        out.add(have == 0 ? new byte[0] : proto.getStringVal((int) Math.min(i, have - 1)).toByteArray());
      }
      return Tensor.ofElements(dtype, shape, out);
    }
    if (!dtype.isFixedSize()) {
      throw new CorruptFileException(file, offset, dtype + " tensors are not supported here");
    }
    int size = dtype.byteSize();
    if (n * size > Integer.MAX_VALUE - 8 || n > Integer.MAX_VALUE / 16) {
      throw new CorruptFileException(file, offset, "tensor of shape " + shape + " is too large for a protobuf value");
    }
    ByteString content = proto.getTensorContent();
    if (!content.isEmpty()) {
      if (content.size() != n * size) {
        throw new CorruptFileException(file, offset, "tensor_content holds " + content.size() + " bytes but "
            + dtype + shape + " needs " + n * size);
      }
      return Tensor.of(dtype, shape, content.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN));
    }
    ByteBuffer out = ByteBuffer.allocate((int) (n * size)).order(ByteOrder.LITTLE_ENDIAN);
    switch (dtype) {
      case FLOAT32 -> fill(out, n, proto.getFloatValCount(), file, offset, "float_val",
          i -> out.putFloat(proto.getFloatVal(i)));
      case FLOAT64 -> fill(out, n, proto.getDoubleValCount(), file, offset, "double_val",
          i -> out.putDouble(proto.getDoubleVal(i)));
      case INT32, QINT32 -> fill(out, n, proto.getIntValCount(), file, offset, "int_val",
          i -> out.putInt(proto.getIntVal(i)));
      case INT16, UINT16, QINT16, QUINT16 -> fill(out, n, proto.getIntValCount(), file, offset, "int_val",
          i -> out.putShort((short) proto.getIntVal(i)));
      case INT8, UINT8, QINT8, QUINT8, INT4, UINT4 -> fill(out, n, proto.getIntValCount(), file, offset, "int_val",
          i -> out.put((byte) proto.getIntVal(i)));
      case INT64 -> fill(out, n, proto.getInt64ValCount(), file, offset, "int64_val",
          i -> out.putLong(proto.getInt64Val(i)));
      case UINT32 -> fill(out, n, proto.getUint32ValCount(), file, offset, "uint32_val",
          i -> out.putInt(proto.getUint32Val(i)));
      case UINT64 -> fill(out, n, proto.getUint64ValCount(), file, offset, "uint64_val",
          i -> out.putLong(proto.getUint64Val(i)));
      case BOOL -> fill(out, n, proto.getBoolValCount(), file, offset, "bool_val",
          i -> out.put((byte) (proto.getBoolVal(i) ? 1 : 0)));
      case FLOAT16, BFLOAT16 -> fill(out, n, proto.getHalfValCount(), file, offset, "half_val",
          i -> out.putShort((short) proto.getHalfVal(i)));
      case FLOAT8_E5M2, FLOAT8_E4M3FN -> {
        ByteString f8 = proto.getFloat8Val();
        fill(out, n, f8.size(), file, offset, "float8_val", i -> out.put(f8.byteAt(i)));
      }
      case COMPLEX64 -> {
        if (proto.getScomplexValCount() % 2 != 0) {
          throw new CorruptFileException(file, offset, "scomplex_val holds an odd number of floats");
        }
        fill(out, n, proto.getScomplexValCount() / 2, file, offset, "scomplex_val", i -> {
          out.putFloat(proto.getScomplexVal(2 * i));
          out.putFloat(proto.getScomplexVal(2 * i + 1));
        });
      }
      case COMPLEX128 -> {
        if (proto.getDcomplexValCount() % 2 != 0) {
          throw new CorruptFileException(file, offset, "dcomplex_val holds an odd number of doubles");
        }
        fill(out, n, proto.getDcomplexValCount() / 2, file, offset, "dcomplex_val", i -> {
          out.putDouble(proto.getDcomplexVal(2 * i));
          out.putDouble(proto.getDcomplexVal(2 * i + 1));
        });
      }
      default -> throw new CorruptFileException(file, offset, dtype + " values cannot be read from a TensorProto");
    }
    return Tensor.of(dtype, shape, out.flip());
  }

  /**
   * How many values the typed {@code *_val} field that holds {@code dtype} carries (complex types:
   * pairs, rounded down), ignoring {@code tensor_content}.
   *
   * @param proto the tensor proto
   * @param dtype the dtype whose field is counted
   * @return the count, or {@code -1} for dtypes without such a field
   */
  public static long valueCount(TensorProto proto, DType dtype) {
    return switch (dtype) {
      case STRING -> proto.getStringValCount();
      case FLOAT32 -> proto.getFloatValCount();
      case FLOAT64 -> proto.getDoubleValCount();
      case INT32, QINT32, INT16, UINT16, QINT16, QUINT16, INT8, UINT8, QINT8, QUINT8, INT4, UINT4 -> proto.getIntValCount();
      case INT64 -> proto.getInt64ValCount();
      case UINT32 -> proto.getUint32ValCount();
      case UINT64 -> proto.getUint64ValCount();
      case BOOL -> proto.getBoolValCount();
      case FLOAT16, BFLOAT16 -> proto.getHalfValCount();
      case FLOAT8_E5M2, FLOAT8_E4M3FN -> proto.getFloat8Val().size();
      case COMPLEX64 -> proto.getScomplexValCount() / 2;
      case COMPLEX128 -> proto.getDcomplexValCount() / 2;
      default -> -1;
    };
  }

  private interface Put {
    void put(int i);
  }

  private static void fill(ByteBuffer out, long n, int have, Path file, long offset, String field, Put put)
      throws CorruptFileException {
    checkCount(have, n, file, offset, field);
    if (have == 0) {
      out.position(out.limit()); // zeros
      return;
    }
    for (long i = 0; i < n; i++) {
      put.put((int) Math.min(i, have - 1));
    }
  }

  private static void checkCount(int have, long n, Path file, long offset, String field) throws CorruptFileException {
    if (have > n) {
      throw new CorruptFileException(file, offset, field + " holds " + have + " values but the shape has " + n + " elements");
    }
  }
}
