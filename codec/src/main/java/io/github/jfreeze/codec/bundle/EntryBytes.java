package io.github.jfreeze.codec.bundle;

import io.github.jfreeze.proto.BundleEntryProto;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The fields of a {@link BundleEntryProto} read straight from its bytes, for the entries TF writes
 * for whole tensors: {@code dtype}, {@code shape} (dimensions with a size and no name), {@code
 * shard_id}, {@code offset}, {@code size} and {@code crc32c}, each at most once and in field order.
 * Anything else (slices, a dimension's name, {@code unknown_rank}, a field out of order or twice,
 * a field this reader does not know, a negative number, truncated bytes) makes {@link #read}
 * return false, and protobuf parses the entry: what it accepts, and the message when it does not,
 * stay protobuf's. Parsing each entry with protobuf was most of opening the index of a checkpoint of
 * 20,000 tensors: {@code BundleIndex.read} had 12.9% of the JFR samples of a cold {@code inspect}
 * of it, now 4.5% (benchmarks/run.sh, inspect of many).
 *
 * <p>One instance is reused across entries; not thread-safe.
 */
final class EntryBytes {
  int dtype;
  int shard;
  long offset;
  long size;
  int crc32c;
  /** The dimensions read; the first {@link #rank} are this entry's. */
  private long[] dims = new long[8];
  int rank;

  private ByteBuffer b;
  private int pos;

  /**
   * Reads {@code value} (from its position to its limit, which are left as they are).
   *
   * @return true when the entry is in the plain form and its fields are set; false when protobuf
   *     must parse it
   */
  boolean read(ByteBuffer value) {
    b = value;
    pos = value.position();
    int end = value.limit();
    dtype = 0;
    shard = 0;
    offset = 0;
    size = 0;
    crc32c = 0;
    rank = 0;
    int last = 0;
    try {
      while (pos < end) {
        int tag = b.get(pos++);
        int field = tag >>> 3;
        if (tag < 0 || field <= last) {
          return false; // a tag over one byte (no field of this message needs one), or out of order
        }
        last = field;
        switch (tag) {
          case 1 << 3 -> dtype = int32(end);
          case 2 << 3 | 2 -> {
            if (!shape(end)) {
              return false;
            }
          }
          case 3 << 3 -> shard = int32(end);
          case 4 << 3 -> offset = int64(end);
          case 5 << 3 -> size = int64(end);
          case 6 << 3 | 5 -> {
            if (end - pos < 4) {
              return false;
            }
            crc32c = (b.get(pos) & 0xff) | (b.get(pos + 1) & 0xff) << 8 | (b.get(pos + 2) & 0xff) << 16 | b.get(pos + 3) << 24;
            pos += 4;
          }
          default -> {
            return false;
          }
        }
      }
      return true;
    } catch (Unsure e) {
      return false;
    } finally {
      b = null;
    }
  }

  /** The dimensions read, as a new array. */
  long[] dims() {
    return Arrays.copyOf(dims, rank);
  }

  /** {@code TensorShapeProto}: only {@code dim} entries, each only {@code size} (at most once), none negative. */
  private boolean shape(int end) throws Unsure {
    int shapeEnd = length(end);
    while (pos < shapeEnd) {
      if (b.get(pos++) != (2 << 3 | 2)) {
        return false; // unknown_rank, or a field this reader does not know
      }
      int dimEnd = length(shapeEnd);
      long d = 0;
      if (pos < dimEnd) {
        if (b.get(pos++) != 1 << 3) {
          return false; // a name, or a field this reader does not know
        }
        d = int64(dimEnd);
        if (pos != dimEnd) {
          return false; // more after the size
        }
      }
      if (rank == dims.length) {
        dims = Arrays.copyOf(dims, rank * 2);
      }
      dims[rank++] = d;
    }
    return true;
  }

  /** A length-delimited field's length; returns where its bytes end, which must be by {@code end}. */
  private int length(int end) throws Unsure {
    long n = varint(end, 5);
    if (n > end - pos) {
      throw Unsure.INSTANCE;
    }
    return pos + (int) n;
  }

  /** An {@code int32} field of a value protobuf reads as written: 0 to 2^31 - 1 (a negative one is ten bytes). */
  private int int32(int end) throws Unsure {
    long v = varint(end, 5);
    if (v > Integer.MAX_VALUE) {
      throw Unsure.INSTANCE;
    }
    return (int) v;
  }

  /** An {@code int64} field, 0 to 2^63 - 1. */
  private long int64(int end) throws Unsure {
    long v = varint(end, 9);
    if (v < 0) {
      throw Unsure.INSTANCE;
    }
    return v;
  }

  /**
   * A varint of at most {@code max} bytes read before {@code end}, as protobuf reads it (a longer
   * encoding than needed gives the same value); longer ones are left to protobuf.
   */
  private long varint(int end, int max) throws Unsure {
    long v = 0;
    for (int i = 0, shift = 0; i < max && pos < end; i++, shift += 7) {
      int x = b.get(pos++);
      v |= (long) (x & 0x7f) << shift;
      if (x >= 0) {
        return v;
      }
    }
    throw Unsure.INSTANCE;
  }

  /** Left to protobuf (no stack trace: it is the plain way out of a parse). */
  private static final class Unsure extends Exception {
    static final Unsure INSTANCE = new Unsure();

    private Unsure() {
      super(null, null, false, false);
    }
  }
}
