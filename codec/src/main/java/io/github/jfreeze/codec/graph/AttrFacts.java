package io.github.jfreeze.codec.graph;

/**
 * The three facts {@link GraphSummary} reads of an attribute value, read from its serialized
 * {@code AttrValue} without protobuf: a {@code type}, a {@code shape}, and the element count of a
 * {@code tensor}'s shape. For the nodes of a large graph (20,000 variables and as many initial
 * values) this is most of what {@code inspect} would otherwise parse (benchmark:
 * {@code IndexParseBenchmark.scanMetaGraph}, the whole-process {@code inspect} of {@code many}).
 *
 * <p>Each reader takes only the one layout protobuf writes for such a value (the one field, each
 * nested field at most once, varints no longer than their type) and answers {@link #UNSURE} for
 * anything else, so that the caller parses that value with protobuf; what it does answer is what
 * protobuf's parse gives ({@code AttrFactsTest} on every attribute of the fixtures and the corpus,
 * and on damaged copies). The bytes are assumed to be a valid {@code AttrValue} (as {@link
 * NodeBytes} checks them); only the layout is checked here. One instance reads one value at a time.
 */
final class AttrFacts {
  /** An answer the reader cannot give: parse the value with protobuf. */
  static final long UNSURE = Long.MIN_VALUE;

  private static final int TYPE = 6 << 3; // AttrValue.type, varint
  private static final int SHAPE = 7 << 3 | 2; // AttrValue.shape, a TensorShapeProto
  private static final int TENSOR = 8 << 3 | 2; // AttrValue.tensor, a TensorProto

  /**
   * The {@code type} of an {@code AttrValue} that holds only a type.
   *
   * @return the DataType's number, or {@link #UNSURE}
   */
  long type(byte[] b, int from, int to) {
    if (from == to || b[from] != TYPE) {
      return UNSURE;
    }
    long v = varint(b, from + 1, to, 5);
    // readEnum keeps the low 32 bits; a varint of 5 bytes may carry more, which is left to protobuf
    return v == UNSURE || next != to || v > 0xFFFFFFFFL ? UNSURE : (int) v;
  }

  /**
   * The {@code shape} of an {@code AttrValue} that holds only a shape.
   *
   * @return the shape, {@link PartialShape#UNKNOWN} when the value is empty (no shape), or null when unsure
   */
  PartialShape shape(byte[] b, int from, int to) {
    if (from == to) {
      return PartialShape.UNKNOWN;
    }
    if (b[from] != SHAPE) {
      return null;
    }
    long length = varint(b, from + 1, to, 5);
    if (length == UNSURE || next + length != to) {
      return null;
    }
    return shapeProto(b, next, to);
  }

  /**
   * The element count of the {@code tensor}'s shape of an {@code AttrValue} that holds only a
   * tensor, as {@link PartialShape#numElements()} (a tensor without a shape is a scalar).
   *
   * @return the count (-1 unless fully defined), 1 when the value is empty, or {@link #UNSURE}
   */
  long tensorElements(byte[] b, int from, int to) {
    if (from == to) {
      return 1; // AttrValue.getTensor() of a value without one: the default TensorProto, a scalar
    }
    if (b[from] != TENSOR) {
      return UNSURE;
    }
    long length = varint(b, from + 1, to, 5);
    if (length == UNSURE || next + length != to) {
      return UNSURE;
    }
    PartialShape shape = null;
    int at = (int) next;
    while (at < to) {
      long tag = varint(b, at, to, 5);
      if (tag == UNSURE || tag > 0xFFFFFFFFL) {
        return UNSURE; // protobuf keeps a tag's low 32 bits
      }
      at = (int) next;
      int field = (int) (tag >>> 3);
      switch ((int) tag & 7) {
        case 0 -> {
          if (varint(b, at, to, 10) == UNSURE) {
            return UNSURE;
          }
          at = (int) next;
        }
        case 1 -> at += 8;
        case 5 -> at += 4;
        case 2 -> {
          long n = varint(b, at, to, 5);
          if (n == UNSURE || next + n > to) {
            return UNSURE;
          }
          int start = next;
          if (field == 2) { // tensor_shape
            if (shape != null) {
              return UNSURE; // given twice: protobuf merges the two
            }
            shape = shapeProto(b, start, (int) (start + n));
            if (shape == null) {
              return UNSURE;
            }
          }
          at = (int) (start + n);
        }
        default -> {
          return UNSURE;
        }
      }
      if (field == 0 || at > to) {
        return UNSURE;
      }
    }
    return shape == null ? 1 : shape.numElements();
  }

  /** A TensorShapeProto at {@code [from, to)}: dims (2), each a size (1) and a name (2), then unknown_rank (3); or null. */
  private PartialShape shapeProto(byte[] b, int from, int to) {
    long[] dims = new long[4];
    int rank = 0;
    boolean unknownRank = false;
    int at = from;
    int last = 0;
    while (at < to) {
      int tag = b[at++];
      if (tag == (2 << 3 | 2) && last <= 2) {
        long n = varint(b, at, to, 5);
        if (n == UNSURE || next + n > to) {
          return null;
        }
        int start = next;
        long size = dim(b, start, (int) (start + n));
        if (size == UNSURE) {
          return null;
        }
        if (rank == dims.length) {
          dims = java.util.Arrays.copyOf(dims, rank * 2);
        }
        dims[rank++] = size;
        at = (int) (start + n);
        last = 2;
      } else if (tag == 3 << 3 && last < 3) {
        long v = varint(b, at, to, 10);
        if (v == UNSURE) {
          return null;
        }
        unknownRank = v != 0;
        at = (int) next;
        last = 3;
      } else {
        return null;
      }
    }
    return unknownRank ? PartialShape.UNKNOWN : PartialShape.of(java.util.Arrays.copyOf(dims, rank));
  }

  /** A TensorShapeProto.Dim at {@code [from, to)}: size (1), then a name (2) at most; its size, or UNSURE. */
  private long dim(byte[] b, int from, int to) {
    long size = 0;
    int at = from;
    if (at < to && b[at] == (1 << 3)) {
      size = varint(b, at + 1, to, 10);
      if (size == UNSURE) {
        return UNSURE;
      }
      at = (int) next;
    }
    if (at < to && b[at] == (2 << 3 | 2)) {
      long n = varint(b, at + 1, to, 5);
      if (n == UNSURE || next + n != to) {
        return UNSURE;
      }
      at = to;
    }
    return at == to ? size : UNSURE;
  }

  /** Where the last {@link #varint} ended. */
  private int next;

  /** A varint of at most {@code max} bytes at {@code at}, ending by {@code to}, or UNSURE. */
  private long varint(byte[] b, int at, int to, int max) {
    long v = 0;
    for (int i = 0; i < max && at + i < to; i++) {
      int x = b[at + i];
      v |= (long) (x & 0x7F) << (7 * i);
      if (x >= 0) {
        next = at + i + 1;
        // a tenth byte other than 1 (the sign of a negative int64) is not how a varint is written,
        // and protobuf's decoders do not agree with a plain reading of it
        return i == 9 && x != 1 ? UNSURE : v;
      }
    }
    return UNSURE;
  }
}
