package io.github.jfreeze.bridge;

import io.github.jfreeze.codec.DType;
import io.github.jfreeze.codec.Tensor;
import io.github.jfreeze.codec.TensorShape;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * One tensor as native TensorFlow restored, fetched or was fed it: the bytes that cross the native
 * edge. {@link #toTensor()} and {@link #of} convert to and from codec's {@link Tensor}, on which
 * jfreeze parses, prints and compares values.
 *
 * @param key the checkpoint key (full name; partitioned variables are assembled)
 * @param dtype Python TF dtype name: {@code float32}, {@code float16}, {@code bfloat16},
 *     {@code complex64}, {@code qint8}, {@code float8_e5m2}, {@code int4}, {@code string} ...
 * @param shape dimensions, empty for a scalar
 * @param data raw row-major bytes in TF's little-endian in-memory layout (one byte per element
 *     for bool, int4 and uint4); empty for string tensors
 * @param strings the elements of a string tensor in row-major order; empty for other dtypes
 */
public record NativeTensor(String key, String dtype, long[] shape, byte[] data, List<byte[]> strings) {
  public NativeTensor {
    Objects.requireNonNull(key, "key is null");
    Objects.requireNonNull(dtype, "dtype is null");
    shape = Objects.requireNonNull(shape, "shape is null").clone();
    data = Objects.requireNonNull(data, "data is null").clone();
    List<byte[]> copy = new ArrayList<>(Objects.requireNonNull(strings, "strings is null").size());
    for (byte[] s : strings) {
      copy.add(Objects.requireNonNull(s, "string element is null").clone());
    }
    strings = Collections.unmodifiableList(copy);
  }

  @Override
  public long[] shape() {
    return shape.clone();
  }

  @Override
  public byte[] data() {
    return data.clone();
  }

  @Override
  public List<byte[]> strings() {
    List<byte[]> copy = new ArrayList<>(strings.size());
    for (byte[] s : strings) {
      copy.add(s.clone());
    }
    return copy;
  }

  /**
   * A codec tensor as the bridge hands it to TensorFlow.
   *
   * @param key the tensor's name
   * @param t its dtype, shape and values
   */
  public static NativeTensor of(String key, Tensor t) {
    if (t.hasElements()) {
      return new NativeTensor(key, t.dtype().pythonName(), t.shape().dims(), new byte[0], t.elements());
    }
    return new NativeTensor(key, t.dtype().pythonName(), t.shape().dims(), t.toByteArray(), List.of());
  }

  /**
   * This tensor as a codec {@link Tensor}, to print, format or compare.
   *
   * @throws IllegalArgumentException for dtypes a codec tensor does not hold: reference types,
   *     numbers TF does not define, and resource or variant values (TF hands over their bytes)
   */
  public Tensor toTensor() {
    DType d = DType.parse(dtype);
    TensorShape s = TensorShape.of(shape);
    if (d.isFixedSize()) {
      return Tensor.of(d, s, ByteBuffer.wrap(data));
    }
    if (d != DType.STRING) {
      throw new IllegalArgumentException(key + ": a " + dtype + " tensor has no values jfreeze can read");
    }
    return Tensor.ofElements(d, s, strings);
  }

  /** True for {@code string} tensors, whose values are in {@link #strings()}. */
  public boolean isString() {
    return "string".equals(dtype);
  }

  /** Product of the dimensions (1 for a scalar). */
  public long numElements() {
    long n = 1;
    for (long d : shape) {
      n *= d;
    }
    return n;
  }

  /** Lowercase hex of {@link #data()}. */
  public String dataHex() {
    return HexFormat.of().formatHex(data);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof NativeTensor other)) {
      return false;
    }
    if (!key.equals(other.key)
        || !dtype.equals(other.dtype)
        || !Arrays.equals(shape, other.shape)
        || !Arrays.equals(data, other.data)
        || strings.size() != other.strings.size()) {
      return false;
    }
    for (int i = 0; i < strings.size(); i++) {
      if (!Arrays.equals(strings.get(i), other.strings.get(i))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int h = Objects.hash(key, dtype);
    h = 31 * h + Arrays.hashCode(shape);
    h = 31 * h + Arrays.hashCode(data);
    for (byte[] s : strings) {
      h = 31 * h + Arrays.hashCode(s);
    }
    return h;
  }

  @Override
  public String toString() {
    String values;
    if (isString()) {
      values = strings.size() + " strings";
    } else {
      String hex = dataHex();
      values = hex.length() > 64 ? hex.substring(0, 64) + "...(" + data.length + " bytes)" : hex;
    }
    return "NativeTensor[" + key + " " + dtype + Arrays.toString(shape) + " " + values + "]";
  }
}
