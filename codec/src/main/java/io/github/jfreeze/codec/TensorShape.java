package io.github.jfreeze.codec;

import io.github.jfreeze.proto.TensorShapeProto;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** A fully known tensor shape: every dimension {@code >= 0}; rank 0 is a scalar. */
public final class TensorShape {
  /** The shape of a scalar: rank 0, one element. */
  public static final TensorShape SCALAR = new TensorShape(new long[0]);

  private final long[] dims;
  private final long numElements;

  private TensorShape(long[] dims) {
    this.dims = dims;
    long n = 1;
    for (long d : dims) {
      n = Math.multiplyExact(n, d);
    }
    this.numElements = n;
  }

  /**
   * A shape of the given dimensions.
   *
   * @param dims the dimensions, outermost first
   * @return the shape
   * @throws IllegalArgumentException for negative dimensions or an element count beyond a long
   */
  public static TensorShape of(long... dims) {
    long[] copy = dims.clone();
    for (long d : copy) {
      if (d < 0) {
        throw new IllegalArgumentException("negative dimension in " + Arrays.toString(copy));
      }
    }
    try {
      return new TensorShape(copy);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("element count of " + Arrays.toString(copy) + " overflows a long");
    }
  }

  /**
   * Converts a shape proto.
   *
   * @param proto a shape read from a file or a graph
   * @return the shape
   * @throws IllegalArgumentException with the reason (unknown rank, an unknown or negative
   *     dimension, an element count that overflows a long); readers turn it into a {@link
   *     CorruptFileException} naming the file
   */
  public static TensorShape fromProto(TensorShapeProto proto) {
    if (proto.getUnknownRank()) {
      throw new IllegalArgumentException("unknown rank");
    }
    long[] dims = new long[proto.getDimCount()];
    for (int i = 0; i < dims.length; i++) {
      dims[i] = proto.getDim(i).getSize();
      if (dims[i] < 0) {
        throw new IllegalArgumentException("dimension " + i + " is " + dims[i]);
      }
    }
    try {
      return new TensorShape(dims);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("element count of " + Arrays.toString(dims) + " overflows a long");
    }
  }

  /**
   * This shape as a proto.
   *
   * @return a proto with one {@code dim} per dimension
   */
  public TensorShapeProto toProto() {
    TensorShapeProto.Builder b = TensorShapeProto.newBuilder();
    for (long d : dims) {
      b.addDimBuilder().setSize(d);
    }
    return b.build();
  }

  /**
   * The number of dimensions.
   *
   * @return the rank, 0 for a scalar
   */
  public int rank() {
    return dims.length;
  }

  /**
   * One dimension.
   *
   * @param i which, from 0 (outermost)
   * @return its size
   */
  public long dim(int i) {
    return dims[i];
  }

  /**
   * The dimensions.
   *
   * @return a copy of them, outermost first
   */
  public long[] dims() {
    return dims.clone();
  }

  /**
   * The dimensions as a list.
   *
   * @return them, outermost first
   */
  public List<Long> asList() {
    return Arrays.stream(dims).boxed().toList();
  }

  /**
   * The number of elements.
   *
   * @return the product of the dimensions (1 for a scalar)
   */
  public long numElements() {
    return numElements;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TensorShape s && Arrays.equals(dims, s.dims);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(dims);
  }

  /** {@code [2, 3]}; {@code []} for a scalar. */
  @Override
  public String toString() {
    return Arrays.stream(dims).mapToObj(Long::toString).collect(Collectors.joining(", ", "[", "]"));
  }
}
