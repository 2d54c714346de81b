package io.github.jfreeze.codec.slice;

import io.github.jfreeze.codec.DType;
import io.github.jfreeze.codec.Tensor;
import io.github.jfreeze.codec.TensorShape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
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
   * Checks that {@code slices} tile {@code full} without gaps or overlaps; returns {@code null} if
   * they do, else what is wrong.
   */
  public static String checkCover(TensorShape full, List<TensorSlice> slices) {
    String[] why = new String[1];
    List<long[]> lengths = new ArrayList<>();
    long covered = 0;
    for (TensorSlice s : slices) {
      long[] len = s.lengthsWithin(full, why);
      if (len == null) {
        return why[0];
      }
      lengths.add(len);
      long n = 1;
      for (long l : len) {
        n = Math.multiplyExact(n, l);
      }
      covered += n;
    }
    for (int a = 0; a < slices.size(); a++) {
      for (int b = a + 1; b < slices.size(); b++) {
        if (overlap(slices.get(a), lengths.get(a), slices.get(b), lengths.get(b))) {
          return "slices " + slices.get(a) + " and " + slices.get(b) + " overlap";
        }
      }
    }
    if (covered != full.numElements()) {
      return "slices cover " + covered + " of " + full.numElements() + " elements of shape " + full;
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
   * Copies every part into a tensor of shape {@code full}. Callers check the cover first.
   *
   * @throws IllegalArgumentException if a part's values do not match its slice
   */
  public static Tensor assemble(DType dtype, TensorShape full, List<Part> parts) {
    if (full.numElements() > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("tensor of shape " + full + " is too large to assemble in memory");
    }
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
    String[] why = new String[1];
    for (Part p : parts) {
      long[] len = p.slice().lengthsWithin(full, why);
      if (len == null) {
        throw new IllegalArgumentException(why[0]);
      }
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
}
