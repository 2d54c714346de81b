package io.github.jfreeze.codec.slice;

import io.github.jfreeze.codec.DType;
import io.github.jfreeze.codec.Tensor;
import io.github.jfreeze.codec.TensorShape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Reassembles a partitioned tensor from its slices (row-major inside each slice, as TF writes
 * them). The slices must cover the full shape exactly once.
 */
public final class SliceAssembler {
  private SliceAssembler() {}

  /** A slice and its values. */
  public record Part(TensorSlice slice, Tensor values) {}

  /**
   * Checks that {@code slices} tile {@code full} without gaps or overlaps. Slices are compared only
   * with those whose ranges meet along one dimension (the one where their starts differ most), not
   * pairwise: a partitioned tensor may have tens of thousands of slices.
   *
   * @param full the shape of the whole tensor
   * @param slices the slices stored for it
   * @throws IllegalArgumentException saying what is wrong when they do not tile it
   */
  public static void checkCover(TensorShape full, List<TensorSlice> slices) {
    long covered = checkNoOverlap(full, slices);
    if (covered != full.numElements()) {
      throw new IllegalArgumentException("slices cover " + covered + " of " + full.numElements() + " elements of shape " + full);
    }
  }

  /**
   * What reading the whole value of a partly stored partitioned tensor says (V1 and V2 alike).
   *
   * @param name the tensor's name, printable
   * @param covered how many elements its stored slices cover
   * @param full its whole shape
   * @return the message
   */
  public static String partlyStored(String name, long covered, TensorShape full) {
    return "partitioned tensor '" + name + "': its stored slices cover " + covered + " of " + full.numElements()
        + " elements of shape " + full + "; the checkpoint holds only part of it, so its whole value cannot be read";
  }

  /**
   * Checks that {@code slices} lie within {@code full} and do not overlap; they may leave parts of
   * it uncovered (a checkpoint that stores only some partitions of a variable, which TF lists and
   * refuses only when the whole value is read).
   *
   * @param full the shape of the whole tensor
   * @param slices the slices stored for it
   * @return how many elements they cover
   * @throws IllegalArgumentException saying what is wrong when a slice is out of range or two overlap
   */
  public static long checkNoOverlap(TensorShape full, List<TensorSlice> slices) {
    List<long[]> lengths = new ArrayList<>();
    long covered = 0;
    for (TensorSlice s : slices) {
      long[] len = s.lengthsWithin(full);
      lengths.add(len);
      // each length is at most its dimension, and the full shape's count fits a long
      long n = 1;
      for (long l : len) {
        n *= l;
      }
      covered = covered > Long.MAX_VALUE - n ? Long.MAX_VALUE : covered + n;
    }
    int[] pair = firstOverlap(full.rank(), slices, lengths);
    if (pair != null) {
      throw new IllegalArgumentException("slices " + slices.get(pair[0]) + " and " + slices.get(pair[1]) + " overlap");
    }
    return covered;
  }

  /** Indices of two overlapping slices, or {@code null}: a sweep along the dimension with the most distinct starts. */
  private static int[] firstOverlap(int rank, List<TensorSlice> slices, List<long[]> lengths) {
    List<Integer> nonEmpty = new ArrayList<>();
    for (int i = 0; i < slices.size(); i++) {
      if (Arrays.stream(lengths.get(i)).allMatch(l -> l > 0)) {
        nonEmpty.add(i);
      }
    }
    if (rank == 0) {
      return nonEmpty.size() > 1 ? new int[] {nonEmpty.get(0), nonEmpty.get(1)} : null;
    }
    int dim = 0;
    long mostStarts = -1;
    for (int d = 0; d < rank; d++) {
      final int dd = d;
      long starts = nonEmpty.stream().mapToLong(i -> slices.get(i).start(dd)).distinct().count();
      if (starts > mostStarts) {
        mostStarts = starts;
        dim = d;
      }
    }
    final int sweep = dim;
    nonEmpty.sort(Comparator.comparingLong(i -> slices.get(i).start(sweep)));
    for (int x = 0; x < nonEmpty.size(); x++) {
      int a = nonEmpty.get(x);
      long end = slices.get(a).start(sweep) + lengths.get(a)[sweep];
      for (int y = x + 1; y < nonEmpty.size() && slices.get(nonEmpty.get(y)).start(sweep) < end; y++) {
        int b = nonEmpty.get(y);
        if (overlap(slices.get(a), lengths.get(a), slices.get(b), lengths.get(b))) {
          return new int[] {Math.min(a, b), Math.max(a, b)};
        }
      }
    }
    return null;
  }

  private static boolean overlap(TensorSlice a, long[] la, TensorSlice b, long[] lb) {
    for (int i = 0; i < la.length; i++) {
      long a0 = a.start(i);
      long b0 = b.start(i);
      if (la[i] == 0 || lb[i] == 0 || a0 + la[i] <= b0 || b0 + lb[i] <= a0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Checks that a tensor of this dtype and shape fits in one Java array. Check it before reading
   * the parts.
   *
   * @param dtype the tensor's dtype
   * @param full the tensor's shape
   * @throws IllegalArgumentException saying how much it needs when it does not fit
   */
  public static void checkSize(DType dtype, TensorShape full) {
    long n = full.numElements();
    long bytes = dtype.isFixedSize() && n <= Long.MAX_VALUE / 16 ? n * dtype.byteSize() : n;
    if (n > MAX_ARRAY || (dtype.isFixedSize() && bytes > MAX_ARRAY)) {
      throw new IllegalArgumentException(dtype + full.toString() + " needs " + (dtype.isFixedSize() ? bytes + " bytes" : n + " elements")
          + ", too many to assemble in one array");
    }
  }

  /**
   * The dtypes whose slices native TF (2.18) assembles when it restores a partitioned tensor of a
   * V2 bundle ({@code BundleReader::GetSliceValue}); others (float16, strings, uint16..64, float8,
   * qint16/quint16) fail there with "Dtype ... not supported", though jfreeze reads them.
   */
  private static final java.util.Set<DType> ASSEMBLED_BY_TENSORFLOW = java.util.EnumSet.of(DType.FLOAT32, DType.FLOAT64,
      DType.INT32, DType.UINT8, DType.INT16, DType.INT8, DType.COMPLEX64, DType.COMPLEX128, DType.INT64, DType.BOOL,
      DType.QINT32, DType.QUINT8, DType.QINT8, DType.BFLOAT16, DType.INT4, DType.UINT4);

  /**
   * Whether native TF restores a tensor of {@code dtype} stored in slices.
   *
   * @param dtype the tensor's dtype
   * @return true if TF's slice assembly supports it
   */
  public static boolean assembledByTensorFlow(DType dtype) {
    return ASSEMBLED_BY_TENSORFLOW.contains(dtype);
  }

  /** The largest array the JDK allocates. */
  private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

  /**
   * Copies every part into a tensor of shape {@code full}. Callers check the cover first.
   *
   * @param dtype the tensor's dtype
   * @param full the tensor's shape
   * @param parts the slices and their values
   * @return the whole tensor
   * @throws IllegalArgumentException if a part's values do not match its slice, a slice does not
   *     fit in {@code full}, or the tensor does not fit in one Java array
   */
  public static Tensor assemble(DType dtype, TensorShape full, List<Part> parts) {
    checkSize(dtype, full);
    int n = (int) full.numElements();
    int rank = full.rank();
    long[] strides = new long[rank];
    long stride = 1;
    for (int i = rank - 1; i >= 0; i--) {
      strides[i] = stride;
      stride *= full.dim(i);
    }
    byte[] out = null;
    byte[][] elements = null;
    int size = dtype.byteSize();
    if (dtype.isFixedSize()) {
      out = new byte[Math.multiplyExact(n, size)];
    } else {
      elements = new byte[n][];
    }
    for (Part p : parts) {
      long[] len = p.slice().lengthsWithin(full);
      long count = 1;
      for (long l : len) {
        count *= l;
      }
      if (p.values().numElements() != count || p.values().dtype() != dtype) {
        throw new IllegalArgumentException("slice " + p.slice() + " holds " + p.values() + ", expected "
            + dtype + Arrays.toString(len));
      }
      if (count == 0) {
        continue;
      }
      // walk the slice's rows: the innermost dimension is contiguous in both layouts
      int inner = rank == 0 ? 1 : (int) len[rank - 1];
      long rows = count / inner;
      long[] idx = new long[Math.max(rank - 1, 0)];
      ByteBuffer src = out != null ? p.values().data() : null;
      List<byte[]> srcElements = out == null ? p.values().elements() : null;
      for (long r = 0; r < rows; r++) {
        long dst = rank == 0 ? 0 : p.slice().start(rank - 1);
        for (int d = 0; d < rank - 1; d++) {
          dst += (p.slice().start(d) + idx[d]) * strides[d];
        }
        if (out != null) {
          src.get(out, (int) dst * size, inner * size);
        } else {
          for (int i = 0; i < inner; i++) {
            elements[(int) dst + i] = srcElements.get((int) (r * inner + i));
          }
        }
        for (int d = rank - 2; d >= 0; d--) {
          if (++idx[d] < len[d]) {
            break;
          }
          idx[d] = 0;
        }
      }
    }
    if (out != null) {
      return Tensor.of(dtype, full, ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN));
    }
    return Tensor.ofElements(dtype, full, Arrays.asList(elements));
  }

  /**
   * Copies one slice out of a whole tensor (the inverse of {@link #assemble}).
   *
   * @param full the whole tensor
   * @param slice the part of it wanted
   * @return a tensor of the slice's shape
   * @throws IllegalArgumentException if the slice does not fit in the tensor's shape
   */
  public static Tensor extract(Tensor full, TensorSlice slice) {
    long[] len = slice.lengthsWithin(full.shape());
    TensorShape shape = TensorShape.of(len);
    int rank = len.length;
    long n = shape.numElements();
    long[] strides = new long[rank];
    long stride = 1;
    for (int i = rank - 1; i >= 0; i--) {
      strides[i] = stride;
      stride *= full.shape().dim(i);
    }
    long[] idx = new long[rank];
    if (full.dtype().isFixedSize()) {
      int size = full.dtype().byteSize();
      ByteBuffer src = full.data();
      ByteBuffer dst = ByteBuffer.allocate((int) (n * size)).order(ByteOrder.LITTLE_ENDIAN);
      for (long i = 0; i < n; i++) {
        dst.put(src.slice((int) (offset(slice, idx, strides) * size), size));
        increment(idx, len);
      }
      return Tensor.of(full.dtype(), shape, dst.flip());
    }
    List<byte[]> out = new ArrayList<>();
    for (long i = 0; i < n; i++) {
      out.add(full.elements().get((int) offset(slice, idx, strides)));
      increment(idx, len);
    }
    return Tensor.ofElements(full.dtype(), shape, out);
  }

  /** Element offset in the whole tensor of index {@code idx} within the slice. */
  private static long offset(TensorSlice slice, long[] idx, long[] strides) {
    long off = 0;
    for (int d = 0; d < idx.length; d++) {
      off += (slice.start(d) + idx[d]) * strides[d];
    }
    return off;
  }

  /** Steps a row-major index within lengths {@code len}. */
  private static void increment(long[] idx, long[] len) {
    for (int d = idx.length - 1; d >= 0; d--) {
      if (++idx[d] < len[d]) {
        return;
      }
      idx[d] = 0;
    }
  }
}
