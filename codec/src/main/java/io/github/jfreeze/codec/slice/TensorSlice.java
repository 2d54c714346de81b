package io.github.jfreeze.codec.slice;

import io.github.jfreeze.codec.TensorShape;
import io.github.jfreeze.proto.TensorSliceProto;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A box inside a tensor: per dimension a start and a length, or "full". Mirrors TF's TensorSlice;
 * the string form is TF's {@code start,length:-:...}.
 *
 * @param starts first index per dimension
 * @param lengths extent per dimension, {@code -1} for the full dimension
 */
public record TensorSlice(long[] starts, long[] lengths) {
  /** The length that marks a dimension as taken whole. */
  public static final long FULL = -1;

  /**
   * The slice a {@code TensorSliceProto} describes; an extent without a length is a full dimension.
   *
   * @param proto the slice as stored in a checkpoint
   * @return the slice
   */
  public static TensorSlice fromProto(TensorSliceProto proto) {
    int rank = proto.getExtentCount();
    long[] s = new long[rank];
    long[] l = new long[rank];
    for (int i = 0; i < rank; i++) {
      var e = proto.getExtent(i);
      s[i] = e.getStart();
      l[i] = e.getHasLengthCase() == TensorSliceProto.Extent.HasLengthCase.LENGTH ? e.getLength() : FULL;
    }
    return new TensorSlice(s, l);
  }

  /**
   * The slice as a checkpoint stores it: an extent per dimension, without a length where full.
   *
   * @return the {@code TensorSliceProto}
   */
  public TensorSliceProto toProto() {
    TensorSliceProto.Builder b = TensorSliceProto.newBuilder();
    for (int i = 0; i < rank(); i++) {
      TensorSliceProto.Extent.Builder e = b.addExtentBuilder();
      if (lengths[i] != FULL) {
        e.setStart(starts[i]).setLength(lengths[i]);
      }
    }
    return b.build();
  }

  /**
   * Parses TF's string form of a slice ({@code 0,5:-}: per dimension {@code start,length}, or
   * {@code -} for all of it), as {@code shape_and_slices} and {@link #toString()} write it.
   *
   * @param spec the slice
   * @return the slice
   * @throws IllegalArgumentException if a dimension is neither {@code -} nor two non-negative numbers
   */
  public static TensorSlice parse(String spec) {
    String[] dims = spec.split(":", -1);
    long[] starts = new long[dims.length];
    long[] lengths = new long[dims.length];
    for (int i = 0; i < dims.length; i++) {
      if (dims[i].equals("-")) {
        lengths[i] = FULL;
        continue;
      }
      String[] sl = dims[i].split(",", -1);
      try {
        if (sl.length != 2) {
          throw new NumberFormatException();
        }
        starts[i] = Long.parseLong(sl[0]);
        lengths[i] = Long.parseLong(sl[1]);
      } catch (NumberFormatException e) {
        lengths[i] = -2;
      }
      if (starts[i] < 0 || lengths[i] < 0) {
        throw new IllegalArgumentException("slice '" + spec + "' is not 'start,length' or '-' in each dimension");
      }
    }
    return new TensorSlice(starts, lengths);
  }

  /**
   * The whole of a tensor of rank {@code rank}.
   *
   * @param rank the number of dimensions
   * @return a slice with every dimension full
   */
  public static TensorSlice full(int rank) {
    long[] l = new long[rank];
    Arrays.fill(l, FULL);
    return new TensorSlice(new long[rank], l);
  }

  /**
   * The number of dimensions of the slice.
   *
   * @return the rank
   */
  public int rank() {
    return starts.length;
  }

  /**
   * Checks the slice against the full shape and returns its concrete extent.
   *
   * @param full the shape of the whole tensor
   * @return the length of the slice in each dimension
   * @throws IllegalArgumentException if the slice does not fit in {@code full} (the message says
   *     how); readers turn it into a {@link io.github.jfreeze.codec.CorruptFileException}
   */
  public long[] lengthsWithin(TensorShape full) {
    if (full.rank() != rank()) {
      throw new IllegalArgumentException("slice " + this + " has rank " + rank() + " but the tensor has rank " + full.rank());
    }
    long[] out = new long[rank()];
    for (int i = 0; i < rank(); i++) {
      long len = lengths[i] == FULL ? full.dim(i) : lengths[i];
      long start = lengths[i] == FULL ? 0 : starts[i];
      if (lengths[i] == FULL && starts[i] != 0 || start < 0 || len < 0 || start > full.dim(i) || len > full.dim(i) - start) {
        throw new IllegalArgumentException("slice " + this + " does not fit in shape " + full);
      }
      out[i] = len;
    }
    return out;
  }

  /**
   * Start of dimension {@code i} (0 for a full dimension).
   *
   * @param i the dimension
   * @return the first index of the slice in that dimension
   */
  public long start(int i) {
    return lengths[i] == FULL ? 0 : starts[i];
  }

  /**
   * The table key TF stores this slice of {@code name} under ({@code EncodeTensorNameSlice}):
   * {@code 0x00, name, rank, (start, length)*}.
   *
   * @param name the name of the tensor
   * @return the key, in {@link OrderedCode}'s encodings
   */
  public byte[] key(String name) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    OrderedCode.writeNumIncreasing(out, 0);
    OrderedCode.writeString(out, name.getBytes(StandardCharsets.UTF_8));
    OrderedCode.writeNumIncreasing(out, rank());
    for (int i = 0; i < rank(); i++) {
      OrderedCode.writeSignedNumIncreasing(out, lengths[i] == FULL ? 0 : starts[i]);
      OrderedCode.writeSignedNumIncreasing(out, lengths[i]);
    }
    return out.toByteArray();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TensorSlice t && Arrays.equals(starts, t.starts) && Arrays.equals(lengths, t.lengths);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(starts) + Arrays.hashCode(lengths);
  }

  /** TF's form: {@code 0,2:-}. */
  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < rank(); i++) {
      parts.add(lengths[i] == FULL ? "-" : starts[i] + "," + lengths[i]);
    }
    return String.join(":", parts);
  }
}
