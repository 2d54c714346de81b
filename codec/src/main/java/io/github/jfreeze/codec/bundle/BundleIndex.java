package io.github.jfreeze.codec.bundle;

import static io.github.jfreeze.codec.internal.Printable.name;

import com.google.protobuf.InvalidProtocolBufferException;
import io.github.jfreeze.codec.CorruptFileException;
import io.github.jfreeze.codec.DType;
import io.github.jfreeze.codec.TensorShape;
import io.github.jfreeze.codec.slice.SliceAssembler;
import io.github.jfreeze.codec.slice.TensorSlice;
import io.github.jfreeze.codec.table.Table;
import io.github.jfreeze.codec.table.TableEntry;
import io.github.jfreeze.proto.BundleEntryProto;
import io.github.jfreeze.proto.BundleHeaderProto;
import io.github.jfreeze.proto.TensorShapeProto;
import io.github.jfreeze.proto.TensorSliceProto;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parsed and checked {@code prefix.index} of a V2 tensor bundle: a table whose key "" holds a
 * {@link BundleHeaderProto} and every other key a {@link BundleEntryProto} (tensor_bundle.cc).
 * Immutable once read.
 *
 * <p>Reading checks the header version and shard count, every entry's dtype, shape and size, and
 * that the slices every partitioned tensor lists exist, match it and tile its shape. Whether the
 * data files hold the bytes the entries point at is {@link BundleReader}'s check: it owns the
 * files.
 */
final class BundleIndex {
  /** {@code kTensorBundleVersion}: the newest format this reader (and TF 2.18) understands. */
  static final int BUNDLE_VERSION = 1;

  /**
   * An index entry and where it was found, for messages: the stored entry's fields, not the parsed
   * message (about 250 bytes of heap each; a checkpoint of 200,000 tensors held 50 MiB of them).
   *
   * @param key the tensor's key, or for a slice the tensor's key and the slice
   * @param dtype its dtype, checked
   * @param shape its shape, checked
   * @param shard {@code shard_id}
   * @param offset {@code offset} in the shard
   * @param size {@code size} in bytes
   * @param crc32c the masked {@code crc32c}
   * @param slices {@code slices} (partitioned tensors), else the shared empty list
   * @param indexOffset offset of the entry's value in the index file
   * @param ordinal its place among the index's entries of whole tensors (0 for the first after the
   *     header), which is its place in a reader's listing unless an earlier key decoded to the same
   *     string (bytes that are not valid UTF-8 decode to U+FFFD); -1 for a slice's entry
   */
  record Entry(String key, DType dtype, TensorShape shape, int shard, long offset, long size, int crc32c,
      List<TensorSliceProto> slices, long indexOffset, int ordinal) {
    boolean partitioned() {
      return !slices.isEmpty();
    }

    /** The same entry under another key (for messages). */
    Entry withKey(String other) {
      return new Entry(other, dtype, shape, shard, offset, size, crc32c, slices, indexOffset, ordinal);
    }

    /** The entry as a message: the stored one's fields (fields this reader does not know are not kept). */
    BundleEntryProto proto() {
      return BundleEntryProto.newBuilder().setDtype(dtype.proto()).setShape(shape.toProto()).setShardId(shard)
          .setOffset(offset).setSize(size).setCrc32C(crc32c).addAllSlices(slices).build();
    }
  }

  private final Path file;
  private final BundleHeaderProto header;
  private final Map<String, Entry> entries;
  private final Map<ByteBuffer, Entry> sliceEntries;
  /** Partitioned tensors whose stored slices do not cover them, with why their whole value cannot be read. */
  private final Map<String, String> partial;

  private BundleIndex(Path file, BundleHeaderProto header, Map<String, Entry> entries, Map<ByteBuffer, Entry> sliceEntries,
      Map<String, String> partial) {
    this.file = file;
    this.header = header;
    this.entries = Collections.unmodifiableMap(entries);
    this.sliceEntries = Collections.unmodifiableMap(sliceEntries);
    this.partial = Collections.unmodifiableMap(partial);
  }

  /** Why the whole value of partitioned tensor {@code key} cannot be read (only some slices are stored), or null. */
  String partial(String key) {
    return partial.get(key);
  }

  /** Reads and checks the index file {@code file}. */
  static BundleIndex read(Path file) throws IOException {
    BundleHeaderProto header = null;
    Map<String, Entry> entries = new LinkedHashMap<>(); // in the table's order: keys as unsigned bytes, ascending
    Map<ByteBuffer, Entry> sliceEntries = new HashMap<>();
    Map<TensorShape, TensorShape> shapes = new HashMap<>(); // one object per distinct shape
    EntryBytes plain = new EntryBytes(); // entries of whole tensors, read without protobuf
    int partitioned = 0;
    try (Table table = Table.open(file)) {
      Table.Cursor cursor = table.cursor();
      for (TableEntry e = cursor.next(); e != null; e = cursor.next()) {
        if (e.key().length == 0) {
          header = parseHeader(file, e);
          continue;
        }
        if (header == null) {
          throw new CorruptFileException(file, e.valueOffset(),
              "no header entry (key \"\") before the first tensor: not a tensor bundle index");
        }
        String key = new String(e.key(), StandardCharsets.UTF_8);
        long at = e.valueOffset();
        Entry entry;
        int ordinal = e.key()[0] == 0 ? -1 : entries.size();
        if (plain.read(e.value())) {
          DType dtype = checkDtype(file, key, plain.dtype, at);
          TensorShape shape = checkShape(file, key, at, null, plain.dims());
          entry = checkEntry(file, key, dtype, shape, plain.shard, plain.offset, plain.size, plain.crc32c, List.of(), at,
              ordinal, header, shapes);
        } else {
          BundleEntryProto proto;
          try {
            proto = BundleEntryProto.parseFrom(e.value());
          } catch (InvalidProtocolBufferException ex) {
            throw new CorruptFileException(file, at,
                "cannot parse the entry of '" + name(e.keyString()) + "': " + ex.getMessage(), ex);
          }
          DType dtype = checkDtype(file, key, proto.getDtypeValue(), at);
          TensorShape shape = checkShape(file, key, at, proto.getShape(), null);
          List<TensorSliceProto> slices = proto.getSlicesCount() == 0 ? List.of() : List.copyOf(proto.getSlicesList());
          entry = checkEntry(file, key, dtype, shape, proto.getShardId(), proto.getOffset(), proto.getSize(),
              proto.getCrc32C(), slices, at, ordinal, header, shapes);
        }
        if (e.key()[0] == 0) {
          sliceEntries.put(ByteBuffer.wrap(e.key()), entry);
        } else {
          entries.put(key, entry);
          partitioned += entry.partitioned() ? 1 : 0;
        }
      }
    }
    if (header == null) {
      throw new CorruptFileException(file, 0, "no header entry (key \"\"): not a tensor bundle index");
    }
    Map<String, String> partial = new HashMap<>();
    if (partitioned > 0) {
      checkSlices(file, entries, sliceEntries, partial);
    }
    return new BundleIndex(file, header, entries, sliceEntries, partial);
  }

  Path file() {
    return file;
  }

  BundleHeaderProto header() {
    return header;
  }

  int numShards() {
    return header.getNumShards();
  }

  boolean bigEndian() {
    return header.getEndianness() == BundleHeaderProto.Endianness.BIG;
  }

  /** Tensors by key, in key order; slice entries are not among them. */
  Map<String, Entry> entries() {
    return entries;
  }

  /** The entry of a tensor, or {@code null}. */
  Entry get(String key) {
    return entries.get(key);
  }

  /** The entry holding slice {@code slice} of tensor {@code key}; it exists for every listed slice. */
  Entry slice(String key, TensorSlice slice) {
    return sliceEntries.get(ByteBuffer.wrap(slice.key(key)));
  }

  /** Every entry, tensors and slices. */
  List<Entry> all() {
    List<Entry> all = new ArrayList<>(entries.values());
    all.addAll(sliceEntries.values());
    return all;
  }

  private static BundleHeaderProto parseHeader(Path file, TableEntry e) throws CorruptFileException {
    BundleHeaderProto h;
    try {
      h = BundleHeaderProto.parseFrom(e.value());
    } catch (InvalidProtocolBufferException ex) {
      throw new CorruptFileException(file, e.valueOffset(), "unable to parse header: " + ex.getMessage(), ex);
    }
    if (h.getEndiannessValue() != 0 && h.getEndiannessValue() != 1) {
      throw new CorruptFileException(file, e.valueOffset(), "unknown endianness " + h.getEndiannessValue() + " in header");
    }
    var v = h.getVersion();
    if (v.getMinConsumer() > BUNDLE_VERSION || v.getBadConsumersList().contains(BUNDLE_VERSION)) {
      throw new CorruptFileException(file, e.valueOffset(), "checkpoint format version " + v.getProducer()
          + " needs a reader of version >= " + v.getMinConsumer() + " (this one reads version " + BUNDLE_VERSION + ")");
    }
    if (v.getProducer() < 0) {
      throw new CorruptFileException(file, e.valueOffset(), "bad producer version " + v.getProducer());
    }
    if (h.getNumShards() < 0 || h.getNumShards() > 99_999) {
      throw new CorruptFileException(file, e.valueOffset(), "bad shard count " + h.getNumShards() + " in header");
    }
    return h;
  }

  private static DType checkDtype(Path file, String key, int value, long offset) throws CorruptFileException {
    DType dtype = DType.find(value);
    if (dtype == null || value == 0 || value > 100) {
      throw new CorruptFileException(file, offset, "tensor '" + name(key) + "' has unknown dtype " + value);
    }
    if (dtype == DType.RESOURCE) {
      throw new CorruptFileException(file, offset, "tensor '" + name(key) + "' has dtype resource, which is never saved");
    }
    return dtype;
  }

  /** The shape of {@code proto}, or else of {@code dims} (read by {@link EntryBytes}, none negative). */
  private static TensorShape checkShape(Path file, String key, long offset, TensorShapeProto proto, long[] dims)
      throws CorruptFileException {
    try {
      return proto != null ? TensorShape.fromProto(proto) : TensorShape.of(dims);
    } catch (IllegalArgumentException ex) {
      throw new CorruptFileException(file, offset, "invalid tensor shape for '" + name(key) + "': " + ex.getMessage());
    }
  }

  private static Entry checkEntry(Path file, String key, DType dtype, TensorShape shape, int shard, long dataOffset,
      long size, int crc32c, List<TensorSliceProto> slices, long offset, int ordinal, BundleHeaderProto header,
      Map<TensorShape, TensorShape> shapes) throws CorruptFileException {
    if (slices.isEmpty()) {
      if (shard < 0 || shard >= header.getNumShards()) {
        throw new CorruptFileException(file, offset, "tensor '" + name(key) + "' is in shard " + shard
            + " but the header lists " + header.getNumShards() + " shard(s)");
      }
      if (dataOffset < 0 || size < 0) {
        throw new CorruptFileException(file, offset, "tensor '" + name(key) + "' has negative offset or size");
      }
      if (dtype.isFixedSize()) {
        long expected;
        try {
          expected = Math.multiplyExact(shape.numElements(), (long) dtype.byteSize());
        } catch (ArithmeticException ex) {
          expected = -1;
        }
        if (expected != size) {
          throw new CorruptFileException(file, offset, "invalid size in bundle entry: tensor '" + name(key) + "' of "
              + dtype + shape + " needs " + (expected < 0 ? "more than 2^63" : expected) + " bytes, the entry says " + size);
        }
      } else if (dtype == DType.STRING && size < shape.numElements() + 4) {
        throw new CorruptFileException(file, offset, "invalid size in bundle entry: string tensor '" + name(key) + "' of "
            + shape.numElements() + " elements cannot fit in " + size + " bytes");
      }
    }
    shape = shapes.computeIfAbsent(shape, x -> x);
    return new Entry(key, dtype, shape, shard, dataOffset, size, crc32c, slices, offset, ordinal);
  }

  /** Every slice a full entry lists must exist, match its dtype and tile the full shape. */
  private static void checkSlices(Path file, Map<String, Entry> entries, Map<ByteBuffer, Entry> sliceEntries,
      Map<String, String> partial)
      throws CorruptFileException {
    for (Entry e : entries.values()) {
      if (!e.partitioned()) {
        continue;
      }
      List<TensorSlice> slices = new ArrayList<>();
      for (TensorSliceProto sp : e.slices()) {
        TensorSlice s = TensorSlice.fromProto(sp);
        slices.add(s);
        Entry part = sliceEntries.get(ByteBuffer.wrap(s.key(e.key())));
        if (part == null) {
          throw new CorruptFileException(file, e.indexOffset(), "partitioned tensor '" + name(e.key())
              + "' lists slice " + s + " but the index has no entry for it");
        }
        long[] len;
        try {
          len = s.lengthsWithin(e.shape());
        } catch (IllegalArgumentException ex) {
          throw new CorruptFileException(file, e.indexOffset(), "partitioned tensor '" + name(e.key()) + "': " + ex.getMessage());
        }
        if (part.dtype() != e.dtype() || !Arrays.equals(part.shape().dims(), len)) {
          throw new CorruptFileException(file, part.indexOffset(), "slice " + s + " of '" + name(e.key())
              + "' is stored as " + part.dtype() + part.shape() + ", expected " + e.dtype() + Arrays.toString(len));
        }
        // slice keys are binary (OrderedCode); messages about this part name the tensor and slice
        sliceEntries.put(ByteBuffer.wrap(s.key(e.key())), part.withKey(e.key() + " (slice " + s + ")"));
      }
      long covered;
      try {
        covered = SliceAssembler.checkNoOverlap(e.shape(), slices);
      } catch (IllegalArgumentException ex) {
        throw new CorruptFileException(file, e.indexOffset(), "partitioned tensor '" + name(e.key()) + "': " + ex.getMessage());
      }
      if (covered != e.shape().numElements()) {
        // TF writes these (a Saver given some partitions of a variable), lists them and fails only
        // when the whole value is read: so do we
        partial.put(e.key(), SliceAssembler.partlyStored(name(e.key()), covered, e.shape()));
      }
    }
  }
}
