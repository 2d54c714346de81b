package io.github.jfreeze.codec.bundle;

import com.google.protobuf.InvalidProtocolBufferException;
import io.github.jfreeze.codec.CheckpointFormat;
import io.github.jfreeze.codec.CheckpointReader;
import io.github.jfreeze.codec.CorruptFileException;
import io.github.jfreeze.codec.DType;
import io.github.jfreeze.codec.Tensor;
import io.github.jfreeze.codec.TensorShape;
import io.github.jfreeze.codec.VariableInfo;
import io.github.jfreeze.codec.internal.Crc32c;
import io.github.jfreeze.codec.internal.FileSource;
import io.github.jfreeze.codec.internal.Varints;
import io.github.jfreeze.codec.slice.SliceAssembler;
import io.github.jfreeze.codec.slice.TensorSlice;
import io.github.jfreeze.codec.table.Table;
import io.github.jfreeze.codec.table.TableEntry;
import io.github.jfreeze.proto.BundleEntryProto;
import io.github.jfreeze.proto.BundleHeaderProto;
import io.github.jfreeze.proto.TensorSliceProto;
import io.github.jfreeze.proto.TrackableObjectGraph;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import java.util.zip.CRC32C;

/**
 * Reads a V2 tensor bundle: {@code prefix.index} (a table whose key "" holds a {@link
 * BundleHeaderProto} and every other key a {@link BundleEntryProto}) plus the data files {@code
 * prefix.data-%05d-of-%05d} (tensor_bundle.cc).
 *
 * <p>The index is read and checked once at open: header version, every entry's dtype, shape and
 * size, and that every data file exists and holds the bytes its entries point at. Values are read
 * on demand with positional reads (or a read-only map for large tensors), their CRC32C verified.
 */
public final class BundleReader implements CheckpointReader {
  /** {@code kTensorBundleVersion}: the newest format this reader (and TF 2.18) understands. */
  static final int BUNDLE_VERSION = 1;
  /** Key of the TF2 object graph tensor. */
  public static final String OBJECT_GRAPH_KEY = "_CHECKPOINTABLE_OBJECT_GRAPH";

  private final Path prefix;
  private final Path indexFile;
  private final BundleHeaderProto header;
  private final boolean swapBytes;
  private final Map<String, Entry> entries;
  private final Map<ByteBuffer, Entry> sliceEntries;
  private final List<VariableInfo> variables;
  private final FileSource[] shards;
  private final List<String> warnings;
  private volatile boolean closed;

  /** An index entry and where its value was found, for messages. */
  private record Entry(String key, BundleEntryProto proto, DType dtype, TensorShape shape, long indexOffset) {}

  private BundleReader(Path prefix, Path indexFile, BundleHeaderProto header, Map<String, Entry> entries,
      Map<ByteBuffer, Entry> sliceEntries, FileSource[] shards, List<String> warnings) {
    this.prefix = prefix;
    this.indexFile = indexFile;
    this.header = header;
    this.swapBytes = header.getEndianness() == BundleHeaderProto.Endianness.BIG;
    this.entries = entries;
    this.sliceEntries = sliceEntries;
    this.shards = shards;
    this.warnings = warnings;
    this.variables = new ArrayList<>();
  }

  /** Data file name of shard {@code shard} of {@code numShards} ({@code naming.cc}). */
  public static Path dataFile(Path prefix, int shard, int numShards) {
    return prefix.resolveSibling(prefix.getFileName() + String.format(Locale.ROOT, ".data-%05d-of-%05d", shard, numShards));
  }

  /** The {@code .index} file of a prefix. */
  public static Path indexFile(Path prefix) {
    return prefix.resolveSibling(prefix.getFileName() + ".index");
  }

  /** Opens the bundle at {@code prefix} (the path without {@code .index}). */
  public static BundleReader open(Path prefix) throws IOException {
    return open(prefix, List.of());
  }

  /** As {@link #open(Path)}, carrying warnings from locating the checkpoint. */
  public static BundleReader open(Path prefix, List<String> warnings) throws IOException {
    Path indexFile = indexFile(prefix);
    BundleHeaderProto header = null;
    Map<String, Entry> entries = new TreeMap<>();
    Map<ByteBuffer, Entry> sliceEntries = new HashMap<>();
    try (Table table = Table.open(indexFile)) {
      Table.Cursor cursor = table.cursor();
      for (TableEntry e = cursor.next(); e != null; e = cursor.next()) {
        if (e.key().length == 0) {
          header = parseHeader(indexFile, e);
          continue;
        }
        if (header == null) {
          throw new CorruptFileException(indexFile, e.valueOffset(),
              "no header entry (key \"\") before the first tensor: not a tensor bundle index");
        }
        BundleEntryProto proto;
        try {
          proto = BundleEntryProto.parseFrom(e.value());
        } catch (InvalidProtocolBufferException ex) {
          throw new CorruptFileException(indexFile, e.valueOffset(),
              "cannot parse the entry of '" + printable(e.keyString()) + "': " + ex.getMessage(), ex);
        }
        String key = new String(e.key(), StandardCharsets.UTF_8);
        Entry entry = checkEntry(indexFile, key, proto, e.valueOffset(), header);
        if (e.key()[0] == 0) {
          sliceEntries.put(ByteBuffer.wrap(e.key()), entry);
        } else {
          entries.put(key, entry);
        }
      }
    }
    if (header == null) {
      throw new CorruptFileException(indexFile, 0, "no header entry (key \"\"): not a tensor bundle index");
    }
    FileSource[] shards = new FileSource[header.getNumShards()];
    BundleReader reader = new BundleReader(prefix, indexFile, header, entries, sliceEntries, shards,
        new ArrayList<>(warnings));
    try {
      reader.openShards();
      reader.checkSlices();
      reader.listVariables();
    } catch (IOException | RuntimeException ex) {
      reader.close();
      throw ex;
    }
    return reader;
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

  private static Entry checkEntry(Path file, String key, BundleEntryProto p, long offset, BundleHeaderProto header)
      throws CorruptFileException {
    DType dtype = DType.find(p.getDtypeValue());
    if (dtype == null || p.getDtypeValue() == 0 || p.getDtypeValue() > 100) {
      throw new CorruptFileException(file, offset, "tensor '" + printable(key) + "' has unknown dtype " + p.getDtypeValue());
    }
    if (dtype == DType.RESOURCE) {
      throw new CorruptFileException(file, offset, "tensor '" + printable(key) + "' has dtype resource, which is never saved");
    }
    String[] why = new String[1];
    TensorShape shape = TensorShape.fromProto(p.getShape(), why);
    if (shape == null) {
      throw new CorruptFileException(file, offset, "invalid tensor shape for '" + printable(key) + "': " + why[0]);
    }
    if (p.getSlicesCount() == 0) {
      if (p.getShardId() < 0 || p.getShardId() >= header.getNumShards()) {
        throw new CorruptFileException(file, offset, "tensor '" + printable(key) + "' is in shard " + p.getShardId()
            + " but the header lists " + header.getNumShards() + " shard(s)");
      }
      if (p.getOffset() < 0 || p.getSize() < 0) {
        throw new CorruptFileException(file, offset, "tensor '" + printable(key) + "' has negative offset or size");
      }
      if (dtype.isFixedSize()) {
        long expected;
        try {
          expected = Math.multiplyExact(shape.numElements(), (long) dtype.byteSize());
        } catch (ArithmeticException ex) {
          expected = -1;
        }
        if (expected != p.getSize()) {
          throw new CorruptFileException(file, offset, "invalid size in bundle entry: tensor '" + printable(key) + "' of "
              + dtype + shape + " needs " + (expected < 0 ? "more than 2^63" : expected) + " bytes, the entry says " + p.getSize());
        }
      } else if (dtype == DType.STRING && p.getSize() < shape.numElements() + 4) {
        throw new CorruptFileException(file, offset, "invalid size in bundle entry: string tensor '" + printable(key) + "' of "
            + shape.numElements() + " elements cannot fit in " + p.getSize() + " bytes");
      }
    }
    return new Entry(key, p, dtype, shape, offset);
  }

  /** Opens every data file and checks each entry lies inside its file. */
  private void openShards() throws IOException {
    for (int i = 0; i < shards.length; i++) {
      Path data = dataFile(prefix, i, shards.length);
      if (!Files.isRegularFile(data)) {
        throw new CorruptFileException(indexFile, -1, "data file " + data.getFileName() + " is missing (the index lists "
            + shards.length + " shard(s)" + siblingsHint(data) + ")");
      }
      shards[i] = FileSource.open(data);
    }
    for (Entry e : allEntries()) {
      BundleEntryProto p = e.proto();
      if (p.getSlicesCount() > 0) {
        continue;
      }
      FileSource s = shards[p.getShardId()];
      if (p.getOffset() > s.size() || p.getSize() > s.size() - p.getOffset()) {
        throw new CorruptFileException(indexFile, e.indexOffset(), "tensor '" + printable(e.key()) + "' claims "
            + p.getSize() + " bytes at offset " + p.getOffset() + " of " + s.path().getFileName()
            + ", which holds only " + s.size() + " bytes");
      }
    }
  }

  private static String siblingsHint(Path data) throws IOException {
    Path dir = data.toAbsolutePath().getParent();
    String stem = data.getFileName().toString().replaceAll("\\.data-\\d{5}-of-\\d{5}$", "");
    List<String> found = new ArrayList<>();
    if (dir != null && Files.isDirectory(dir)) {
      try (var s = Files.list(dir)) {
        s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(stem + ".data-")).sorted().forEach(found::add);
      }
    }
    return found.isEmpty() ? "; no data files for this prefix were found" : "; found " + String.join(", ", found);
  }

  private List<Entry> allEntries() {
    List<Entry> all = new ArrayList<>(entries.values());
    all.addAll(sliceEntries.values());
    return all;
  }

  /** Every slice a full entry lists must exist, match its dtype and tile the full shape. */
  private void checkSlices() throws CorruptFileException {
    for (Entry e : entries.values()) {
      if (e.proto().getSlicesCount() == 0) {
        continue;
      }
      List<TensorSlice> slices = new ArrayList<>();
      for (TensorSliceProto sp : e.proto().getSlicesList()) {
        TensorSlice s = TensorSlice.fromProto(sp);
        slices.add(s);
        Entry part = sliceEntries.get(ByteBuffer.wrap(s.key(e.key())));
        if (part == null) {
          throw new CorruptFileException(indexFile, e.indexOffset(), "partitioned tensor '" + printable(e.key())
              + "' lists slice " + s + " but the index has no entry for it");
        }
        String[] why = new String[1];
        long[] len = s.lengthsWithin(e.shape(), why);
        if (len == null) {
          throw new CorruptFileException(indexFile, e.indexOffset(), "partitioned tensor '" + printable(e.key()) + "': " + why[0]);
        }
        if (part.dtype() != e.dtype() || !Arrays.equals(part.shape().dims(), len)) {
          throw new CorruptFileException(indexFile, part.indexOffset(), "slice " + s + " of '" + printable(e.key())
              + "' is stored as " + part.dtype() + part.shape() + ", expected " + e.dtype() + Arrays.toString(len));
        }
        // slice keys are binary (OrderedCode); messages about this part name the tensor and slice
        sliceEntries.put(ByteBuffer.wrap(s.key(e.key())), new Entry(e.key() + " (slice " + s + ")", part.proto(), part.dtype(),
            part.shape(), part.indexOffset()));
      }
      String problem = SliceAssembler.checkCover(e.shape(), slices);
      if (problem != null) {
        throw new CorruptFileException(indexFile, e.indexOffset(), "partitioned tensor '" + printable(e.key()) + "': " + problem);
      }
    }
  }

  private void listVariables() throws IOException {
    Map<String, String> friendly = Collections.emptyMap();
    Entry graph = entries.get(OBJECT_GRAPH_KEY);
    if (graph != null && graph.dtype() == DType.STRING && graph.shape().numElements() == 1) {
      byte[] bytes = read(OBJECT_GRAPH_KEY).elements().get(0);
      try {
        friendly = ObjectGraphNames.fromCheckpointGraph(TrackableObjectGraph.parseFrom(bytes));
      } catch (InvalidProtocolBufferException ex) {
        warnings.add(OBJECT_GRAPH_KEY + " is not a valid object graph (" + ex.getMessage() + "); friendly names not shown");
      }
    }
    for (Entry e : entries.values()) {
      List<String> slices = e.proto().getSlicesList().stream().map(s -> TensorSlice.fromProto(s).toString()).toList();
      variables.add(new VariableInfo(e.key(), friendly.getOrDefault(e.key(), e.key()), e.dtype(), e.shape(), slices));
    }
  }

  @Override
  public CheckpointFormat format() {
    return CheckpointFormat.V2;
  }

  @Override
  public Path prefix() {
    return prefix;
  }

  /** The index file ({@code prefix.index}). */
  public Path indexFile() {
    return indexFile;
  }

  /** The data files, by shard. */
  public List<Path> dataFiles() {
    List<Path> out = new ArrayList<>();
    for (int i = 0; i < shards.length; i++) {
      out.add(dataFile(prefix, i, shards.length));
    }
    return out;
  }

  public BundleHeaderProto header() {
    return header;
  }

  @Override
  public List<VariableInfo> variables() {
    return Collections.unmodifiableList(variables);
  }

  @Override
  public List<String> warnings() {
    return List.copyOf(warnings);
  }

  /** The raw entry of {@code key} as stored in the index. */
  public BundleEntryProto entry(String key) {
    Entry e = entries.get(key);
    if (e == null) {
      throw new NoSuchElementException("no tensor '" + key + "' in " + indexFile);
    }
    return e.proto();
  }

  /** Where a non-partitioned tensor's bytes lie: data file, offset and length. */
  public record DataLocation(Path file, long offset, long length) {}

  /** The location of a non-partitioned tensor's stored bytes (for streaming copies). */
  public DataLocation location(String key) {
    Entry e = entries.get(key);
    if (e == null || e.proto().getSlicesCount() > 0) {
      throw new NoSuchElementException("no unpartitioned tensor '" + key + "' in " + indexFile);
    }
    return new DataLocation(dataFile(prefix, e.proto().getShardId(), shards.length), e.proto().getOffset(), e.proto().getSize());
  }

  /** Whether tensor data is stored big-endian (written on a big-endian host). */
  public boolean isBigEndian() {
    return swapBytes;
  }

  @Override
  public Tensor read(String key) throws IOException {
    Entry e = entries.get(key);
    if (e == null) {
      throw new NoSuchElementException("no tensor '" + key + "' in " + indexFile);
    }
    if (e.proto().getSlicesCount() == 0) {
      return readEntry(e);
    }
    String tooLarge = SliceAssembler.checkSize(e.dtype(), e.shape());
    if (tooLarge != null) {
      throw new CorruptFileException(indexFile, e.indexOffset(), "partitioned tensor '" + printable(key) + "': " + tooLarge);
    }
    List<SliceAssembler.Part> parts = new ArrayList<>();
    for (TensorSliceProto sp : e.proto().getSlicesList()) {
      TensorSlice s = TensorSlice.fromProto(sp);
      parts.add(new SliceAssembler.Part(s, readEntry(sliceEntries.get(ByteBuffer.wrap(s.key(key))))));
    }
    try {
      return SliceAssembler.assemble(e.dtype(), e.shape(), parts);
    } catch (IllegalArgumentException ex) {
      throw new CorruptFileException(indexFile, e.indexOffset(), "partitioned tensor '" + printable(key) + "': " + ex.getMessage());
    }
  }

  private Tensor readEntry(Entry e) throws IOException {
    if (closed) {
      throw new ClosedChannelException();
    }
    BundleEntryProto p = e.proto();
    FileSource source = shards[p.getShardId()];
    ByteBuffer bytes = source.slice(p.getOffset(), p.getSize());
    return switch (e.dtype()) {
      case STRING -> StringTensors.decode(printable(e.key()), e.shape(), bytes, p.getCrc32C(), swapBytes, source.path(), p.getOffset());
      case VARIANT -> StringTensors.decodeVariant(printable(e.key()), e.shape(), bytes, p.getCrc32C(), source.path(), p.getOffset());
      default -> {
        int actual = Crc32c.mask(Crc32c.of(bytes));
        if (actual != p.getCrc32C()) {
          throw CorruptFileException.tensorChecksumMismatch(source.path(), p.getOffset(), printable(e.key()), p.getCrc32C(), actual);
        }
        yield Tensor.of(e.dtype(), e.shape(), swapBytes ? swap(bytes, e.dtype().swapUnit()) : bytes);
      }
    };
  }

  private static ByteBuffer swap(ByteBuffer in, int unit) {
    ByteBuffer out = ByteBuffer.allocate(in.remaining()).order(ByteOrder.LITTLE_ENDIAN);
    byte[] tmp = new byte[unit];
    ByteBuffer src = in.duplicate();
    while (src.hasRemaining()) {
      src.get(tmp);
      for (int i = unit - 1; i >= 0; i--) {
        out.put(tmp[i]);
      }
    }
    return out.flip();
  }

  /**
   * Whether a tensor's stored bytes are exactly its value bytes, so they can be copied as they are:
   * a fixed-size dtype, not partitioned, stored little-endian.
   */
  public boolean isRawCopyable(String key) {
    Entry e = entries.get(key);
    return e != null && e.dtype().isFixedSize() && e.proto().getSlicesCount() == 0 && !swapBytes;
  }

  /**
   * Copies the stored bytes of a {@linkplain #isRawCopyable raw-copyable} tensor to {@code out}
   * through {@code buffer}, verifying its CRC32C on the way; nothing of the tensor is held in
   * memory. On a checksum mismatch the bytes have been written and {@link CorruptFileException} is
   * thrown: write to a temporary file the caller discards on failure.
   *
   * @return the number of bytes copied
   */
  public long copyRaw(String key, java.nio.channels.WritableByteChannel out, ByteBuffer buffer) throws IOException {
    if (!isRawCopyable(key)) {
      throw new IllegalArgumentException("tensor '" + key + "' cannot be copied raw");
    }
    if (closed) {
      throw new ClosedChannelException();
    }
    BundleEntryProto p = entries.get(key).proto();
    FileSource source = shards[p.getShardId()];
    CRC32C crc = new CRC32C();
    source.copyTo(p.getOffset(), p.getSize(), out, crc, buffer);
    long done = p.getSize();
    int actual = Crc32c.mask((int) crc.getValue());
    if (actual != p.getCrc32C()) {
      throw CorruptFileException.tensorChecksumMismatch(source.path(), p.getOffset(), key, p.getCrc32C(), actual);
    }
    return done;
  }

  /**
   * Brings the stored bytes of a {@linkplain #isRawCopyable raw-copyable} tensor into the page
   * cache ahead of {@link #copyRaw} (for reading the shards of a checkpoint in parallel); a hint
   * only: nothing is checked or kept.
   */
  public void prefetch(String key) throws IOException {
    if (!isRawCopyable(key)) {
      throw new IllegalArgumentException("tensor '" + key + "' cannot be copied raw");
    }
    if (closed) {
      throw new ClosedChannelException();
    }
    BundleEntryProto p = entries.get(key).proto();
    shards[p.getShardId()].prefetch(p.getOffset(), p.getSize());
  }

  /** Whether the start of a raw-copyable tensor's bytes is likely in the page cache already. */
  public boolean isCached(String key) throws IOException {
    if (!isRawCopyable(key)) {
      throw new IllegalArgumentException("tensor '" + key + "' cannot be copied raw");
    }
    if (closed) {
      throw new ClosedChannelException();
    }
    BundleEntryProto p = entries.get(key).proto();
    return shards[p.getShardId()].isResident(p.getOffset(), p.getSize());
  }

  /** The shard a non-partitioned tensor is stored in. */
  public int shardOf(String key) {
    Entry e = entries.get(key);
    if (e == null || e.proto().getSlicesCount() > 0) {
      throw new NoSuchElementException("no unpartitioned tensor '" + key + "' in " + indexFile);
    }
    return e.proto().getShardId();
  }

  /** Keys are arbitrary bytes; keep messages on one line. */
  static String printable(String key) {
    StringBuilder sb = new StringBuilder();
    key.codePoints().forEach(c -> {
      if (c < 0x20 || c == 0x7f) {
        sb.append(String.format(Locale.ROOT, "\\x%02x", c));
      } else {
        sb.appendCodePoint(c);
      }
    });
    return sb.toString();
  }

  @Override
  public void close() throws IOException {
    closed = true;
    IOException first = null;
    for (FileSource s : shards) {
      if (s != null) {
        try {
          s.close();
        } catch (IOException ex) {
          first = first == null ? ex : first;
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

  /** CRC32C helper that continues a running checksum. */
  static void update(CRC32C crc, long value, int bytes, boolean bigEndian) {
    ByteBuffer b = ByteBuffer.allocate(8).order(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
    if (bytes == 4) {
      b.putInt((int) value);
    } else {
      b.putLong(value);
    }
    crc.update(b.array(), 0, bytes);
  }
}
