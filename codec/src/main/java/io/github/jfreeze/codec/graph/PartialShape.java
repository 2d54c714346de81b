package io.github.jfreeze.codec.graph;

import io.github.jfreeze.proto.TensorShapeProto;
import java.util.Arrays;

/**
 * A shape as graphs declare it (TF's {@code PartialTensorShape}): the rank may be unknown, and so
 * may any dimension ({@code -1}). Checkpoint shapes are always known: see {@link
 * io.github.jfreeze.codec.TensorShape}.
 */
public final class PartialShape {
  /** Unknown rank. */
  public static final PartialShape UNKNOWN = new PartialShape(null);

  private final long[] dims;

  private PartialShape(long[] dims) {
    this.dims = dims;
  }

  /**
   * A shape of known rank; negative dimensions mean unknown.
   *
   * @param dims the dimensions (copied)
   * @return the shape, with every negative dimension stored as -1
   */
  public static PartialShape of(long... dims) {
    long[] copy = dims.clone();
    for (int i = 0; i < copy.length; i++) {
      copy[i] = Math.max(copy[i], -1);
    }
    return new PartialShape(copy);
  }

  /**
   * Reads a shape proto as TF does; any negative dimension is unknown.
   *
   * @param proto the shape as a graph stores it
   * @return the shape, {@link #UNKNOWN} when the proto says the rank is unknown
   */
  public static PartialShape fromProto(TensorShapeProto proto) {
    if (proto.getUnknownRank()) {
      return UNKNOWN;
    }
    long[] d = new long[proto.getDimCount()];
    for (int i = 0; i < d.length; i++) {
      d[i] = proto.getDim(i).getSize();
    }
    return of(d);
  }

  /**
   * Whether the rank is known.
   *
   * @return {@code false} for {@link #UNKNOWN}
   */
  public boolean isRankKnown() {
    return dims != null;
  }

  /**
   * The rank, or -1 when unknown.
   *
   * @return the number of dimensions, or -1
   */
  public int rank() {
    return dims == null ? -1 : dims.length;
  }

  /**
   * The dimensions, -1 for an unknown one.
   *
   * @return a copy of the dimensions
   * @throws IllegalStateException when the rank is unknown
   */
  public long[] dims() {
    if (dims == null) {
      throw new IllegalStateException("unknown rank");
    }
    return dims.clone();
  }

  /**
   * Whether rank and every dimension are known.
   *
   * @return {@code true} if the shape is fully defined
   */
  public boolean isFullyDefined() {
    if (dims == null) {
      return false;
    }
    for (long d : dims) {
      if (d < 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * The element count, or -1 unless fully defined (or on overflow).
   *
   * @return the product of the dimensions, or -1
   */
  public long numElements() {
    if (!isFullyDefined()) {
      return -1;
    }
    long n = 1;
    try {
      for (long d : dims) {
        n = Math.multiplyExact(n, d);
      }
    } catch (ArithmeticException e) {
      return -1;
    }
    return n;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PartialShape p && Arrays.equals(dims, p.dims);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(dims);
  }

  /** {@code [?, 3]} with {@code ?} for unknown dimensions, {@code <unknown>} for unknown rank. */
  @Override
  public String toString() {
    if (dims == null) {
      return "<unknown>";
    }
    StringBuilder s = new StringBuilder(2 + 4 * dims.length).append('[');
    for (int i = 0; i < dims.length; i++) {
      if (i > 0) {
        s.append(", ");
      }
      if (dims[i] < 0) {
        s.append('?');
      } else {
        s.append(dims[i]);
      }
    }
    return s.append(']').toString();
  }
}
