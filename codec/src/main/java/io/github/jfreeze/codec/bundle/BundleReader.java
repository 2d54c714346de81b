package io.github.jfreeze.codec.bundle;

import static io.github.jfreeze.codec.internal.Printable.name;

import com.google.protobuf.InvalidProtocolBufferException;
import io.github.jfreeze.codec.CheckpointFormat;
import io.github.jfreeze.codec.CheckpointReader;
import io.github.jfreeze.codec.CorruptFileException;
import io.github.jfreeze.codec.DType;
import io.github.jfreeze.codec.Tensor;
import io.github.jfreeze.codec.VariableInfo;
import io.github.jfreeze.codec.bundle.BundleIndex.Entry;
import io.github.jfreeze.codec.internal.Crc32c;
import io.github.jfreeze.codec.internal.FileSource;
import io.github.jfreeze.codec.slice.SliceAssembler;
import io.github.jfreeze.codec.slice.TensorSlice;
import io.github.jfreeze.proto.BundleEntryProto;
import io.github.jfreeze.proto.BundleHeaderProto;
import io.github.jfreeze.proto.TensorSliceProto;
import io.github.jfreeze.proto.TrackableObjectGraph;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * Reads the tensors of a V2 tensor bundle: the {@link BundleIndex} of {@code prefix.index}, read
 * and checked once at open, plus the data files {@code prefix.data-%05d-of-%05d}
 * (tensor_bundle.cc). Opening also checks that every data file exists and holds the bytes its
 * entries point at. Values are read on demand with positional reads (or a read-only map for large
 * tensors), their CRC32C verified; raw-copyable tensors can be streamed to an output.
 *
 * <p>About 400 lines, most of them Javadoc: the index is {@link BundleIndex}; what is left is the
 * reader's one job, the data files (opening and checking them, reading, streaming), which share
 * the open shards and the closed flag.
 */
public final class BundleReader implements CheckpointReader {
  /** Key of the TF2 object graph tensor. */
  public static final String OBJECT_GRAPH_KEY = "_CHECKPOINTABLE_OBJECT_GRAPH";

  private final Path prefix;
  private final BundleIndex index;
  private final boolean swapBytes;
  private final FileSource[] shards;
  private volatile List<Path> dataFiles; // by shard, made once (a freeze asks per tensor)
  private final List<VariableInfo> variables = new ArrayList<>();
  private final List<String> warnings;
  private volatile boolean closed;

  private BundleReader(Path prefix, BundleIndex index, List<String> warnings) {
    this.prefix = prefix;
    this.index = index;
    this.swapBytes = index.bigEndian();
    this.shards = new FileSource[index.numShards()];
    this.warnings = warnings;
  }

  /**
   * Data file name of shard {@code shard} of {@code numShards} ({@code naming.cc}).
   *
   * @param prefix the bundle's prefix
   * @param shard the shard, from 0
   * @param numShards how many there are
   * @return {@code prefix.data-SSSSS-of-NNNNN}
   */
  public static Path dataFile(Path prefix, int shard, int numShards) {
    return prefix.resolveSibling(prefix.getFileName() + String.format(Locale.ROOT, ".data-%05d-of-%05d", shard, numShards));
  }

  /**
   * The {@code .index} file of a prefix.
   *
   * @param prefix the bundle's prefix
   * @return {@code prefix.index}
   */
  public static Path indexFile(Path prefix) {
    return prefix.resolveSibling(prefix.getFileName() + ".index");
  }

  /**
   * Opens the bundle at {@code prefix} (the path without {@code .index}).
   *
   * @param prefix the bundle's prefix
   * @return an open reader
   * @throws CorruptFileException if the index or a data file is damaged or missing
   * @throws IOException if a file cannot be read
   */
  public static BundleReader open(Path prefix) throws IOException {
    return open(prefix, List.of());
  }

  /**
   * As {@link #open(Path)}, carrying warnings from locating the checkpoint.
   *
   * @param prefix the bundle's prefix
   * @param warnings what locating it noticed, reported by {@link #warnings()}
   * @return an open reader
   * @throws IOException as {@link #open(Path)}
   */
  public static BundleReader open(Path prefix, List<String> warnings) throws IOException {
    BundleReader reader = new BundleReader(prefix, BundleIndex.read(indexFile(prefix)), new ArrayList<>(warnings));
    try {
      reader.openShards();
      reader.listVariables();
    } catch (IOException | RuntimeException ex) {
      reader.close();
      throw ex;
    }
    return reader;
  }

  /** Opens every data file and checks each entry lies inside its file. */
  private void openShards() throws IOException {
    for (int i = 0; i < shards.length; i++) {
      Path data = dataFile(prefix, i, shards.length);
      if (!Files.isRegularFile(data)) {
        throw new CorruptFileException(index.file(), -1, "data file " + data.getFileName() + " is missing (the index lists "
            + shards.length + " shard(s)" + siblingsHint(data) + ")");
      }
      shards[i] = FileSource.open(data);
    }
    for (Entry e : index.all()) {
      if (e.partitioned()) {
        continue;
      }
      FileSource s = shards[e.shard()];
      if (e.offset() > s.size() || e.size() > s.size() - e.offset()) {
        throw new CorruptFileException(index.file(), e.indexOffset(), "tensor '" + name(e.key()) + "' claims "
            + e.size() + " bytes at offset " + e.offset() + " of " + s.path().getFileName()
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

  private void listVariables() throws IOException {
    Map<String, String> friendly = Collections.emptyMap();
    Entry graph = index.get(OBJECT_GRAPH_KEY);
    if (graph != null && graph.dtype() == DType.STRING && graph.shape().numElements() == 1) {
      byte[] bytes = read(OBJECT_GRAPH_KEY).elements().get(0);
      try {
        friendly = ObjectGraphNames.fromCheckpointGraph(TrackableObjectGraph.parseFrom(bytes));
      } catch (InvalidProtocolBufferException ex) {
        warnings.add(OBJECT_GRAPH_KEY + " is not a valid object graph (" + ex.getMessage() + "); friendly names not shown");
      }
    }
    for (Entry e : index.entries().values()) {
      // (one shared empty list: a checkpoint of 200,000 unpartitioned tensors would hold 200,000)
      List<String> slices = e.slices().isEmpty() ? List.of()
          : e.slices().stream().map(s -> TensorSlice.fromProto(s).toString()).toList();
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

  @Override
  public List<Path> files() {
    List<Path> out = new ArrayList<>();
    out.add(indexFile());
    out.addAll(dataFiles());
    return out;
  }

  @Override
  public int shards() {
    return shards.length;
  }

  /**
   * The index file.
   *
   * @return {@code prefix.index}
   */
  public Path indexFile() {
    return index.file();
  }

  /**
   * The data files, by shard.
   *
   * @return one path per shard
   */
  public List<Path> dataFiles() {
    List<Path> out = dataFiles;
    if (out == null) {
      Path[] files = new Path[shards.length];
      for (int i = 0; i < files.length; i++) {
        files[i] = dataFile(prefix, i, files.length);
      }
      dataFiles = out = List.of(files);
    }
    return out;
  }

  /**
   * The header entry of the index.
   *
   * @return the header as stored
   */
  public BundleHeaderProto header() {
    return index.header();
  }

  @Override
  public List<VariableInfo> variables() {
    return Collections.unmodifiableList(variables);
  }

  /**
   * {@inheritDoc} Found by its entry's place in the index (a freezer asks for each of 20,000
   * variables), which is its place in the listing. Two keys may decode to the same string (bytes
   * that are not valid UTF-8 become U+FFFD); where the place does not hold the key, the listing is
   * searched one by one.
   */
  @Override
  public Optional<VariableInfo> variable(String key) {
    Entry e = key == null ? null : index.get(key);
    if (e == null) {
      return Optional.empty();
    }
    int i = e.ordinal();
    if (i >= 0 && i < variables.size() && variables.get(i).key().equals(key)) {
      return Optional.of(variables.get(i));
    }
    return variables.stream().filter(v -> v.key().equals(key)).findFirst();
  }

  @Override
  public List<String> warnings() {
    return List.copyOf(warnings);
  }

  /**
   * The entry of {@code key} in the index, made from what the reader keeps of it: dtype, shape
   * (its sizes; dimension names are not kept, and a scalar's absent shape comes back as an empty
   * one), shard, offset, size, checksum and slices. Fields this reader does not know are not kept.
   * (The index holds these fields, not the messages: 200,000 parsed entries took 50 MiB of heap.)
   *
   * @param key a checkpoint key
   * @return its entry
   * @throws NoSuchElementException if there is no tensor {@code key}
   */
  public BundleEntryProto entry(String key) {
    return existing(key).proto();
  }

  /**
   * The checksum the index records for a non-partitioned tensor's bytes.
   *
   * @param key a checkpoint key
   * @return its masked CRC32C, as stored ({@code crc32c})
   * @throws NoSuchElementException if there is no such tensor, or it is partitioned
   */
  public int checksum(String key) {
    return unpartitioned(key).crc32c();
  }

  /**
   * Where a non-partitioned tensor's bytes lie.
   *
   * @param file the data file
   * @param offset where the bytes start in it
   * @param length how many there are
   */
  public record DataLocation(Path file, long offset, long length) {}

  /**
   * The location of a non-partitioned tensor's stored bytes (for streaming copies).
   *
   * @param key a checkpoint key
   * @return where its bytes lie
   * @throws NoSuchElementException if there is no such tensor, or it is partitioned
   */
  public DataLocation location(String key) {
    Entry e = unpartitioned(key);
    return new DataLocation(dataFile(prefix, e.shard(), shards.length), e.offset(), e.size());
  }

  /**
   * Whether tensor data is stored big-endian (written on a big-endian host).
   *
   * @return true if the bytes are swapped when read
   */
  public boolean isBigEndian() {
    return swapBytes;
  }

  @Override
  public Tensor read(String key) throws IOException {
    Entry e = existing(key);
    if (!e.partitioned()) {
      return readEntry(e);
    }
    if (index.partial(key) != null) {
      throw new CorruptFileException(index.file(), e.indexOffset(), index.partial(key));
    }
    try {
      SliceAssembler.checkSize(e.dtype(), e.shape());
    } catch (IllegalArgumentException ex) {
      throw new CorruptFileException(index.file(), e.indexOffset(), "partitioned tensor '" + name(key) + "': " + ex.getMessage());
    }
    List<SliceAssembler.Part> parts = new ArrayList<>();
    for (TensorSliceProto sp : e.slices()) {
      TensorSlice s = TensorSlice.fromProto(sp);
      parts.add(new SliceAssembler.Part(s, readEntry(index.slice(key, s))));
    }
    try {
      return SliceAssembler.assemble(e.dtype(), e.shape(), parts);
    } catch (IllegalArgumentException ex) {
      throw new CorruptFileException(index.file(), e.indexOffset(), "partitioned tensor '" + name(key) + "': " + ex.getMessage());
    }
  }

  @Override
  public void verify(String key) throws IOException {
    Entry e = existing(key);
    if (!e.partitioned()) {
      verifyEntry(e);
      return;
    }
    try {
      SliceAssembler.checkSize(e.dtype(), e.shape());
    } catch (IllegalArgumentException ex) {
      throw new CorruptFileException(index.file(), e.indexOffset(), "partitioned tensor '" + name(key) + "': " + ex.getMessage());
    }
    for (TensorSliceProto sp : e.slices()) {
      verifyEntry(index.slice(key, TensorSlice.fromProto(sp)));
    }
  }

  /** A fixed-size entry's checksum, streamed through a small buffer; strings and variants are decoded. */
  private void verifyEntry(Entry e) throws IOException {
    if (!e.dtype().isFixedSize()) {
      readEntry(e);
      return;
    }
    if (closed) {
      throw new ClosedChannelException();
    }
    FileSource source = shards[e.shard()];
    CRC32C crc = new CRC32C();
    source.copyTo(e.offset(), e.size(), DISCARD, crc, ByteBuffer.allocate(1 << 16));
    int actual = Crc32c.mask((int) crc.getValue());
    if (actual != e.crc32c()) {
      throw CorruptFileException.tensorChecksumMismatch(source.path(), e.offset(), name(e.key()), e.crc32c(), actual);
    }
  }

  /** A channel that takes every byte and keeps none (checksumming without copying). */
  private static final java.nio.channels.WritableByteChannel DISCARD = io.github.jfreeze.codec.internal.ByteSink.channel(
      io.github.jfreeze.codec.internal.ByteSink.DISCARD);

  private Tensor readEntry(Entry e) throws IOException {
    if (closed) {
      throw new ClosedChannelException();
    }
    FileSource source = shards[e.shard()];
    ByteBuffer bytes = source.slice(e.offset(), e.size());
    return switch (e.dtype()) {
      case STRING -> StringTensors.decode(name(e.key()), e.shape(), bytes, e.crc32c(), swapBytes, source.path(), e.offset());
      case VARIANT -> StringTensors.decodeVariant(name(e.key()), e.shape(), bytes, e.crc32c(), source.path(), e.offset());
      default -> {
        int actual = Crc32c.mask(Crc32c.of(bytes));
        if (actual != e.crc32c()) {
          throw CorruptFileException.tensorChecksumMismatch(source.path(), e.offset(), name(e.key()), e.crc32c(), actual);
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

  @Override
  public boolean isRawCopyable(String key) {
    Entry e = index.get(key);
    return e != null && e.dtype().isFixedSize() && !e.partitioned() && !swapBytes;
  }

  @Override
  public long copyRaw(String key, WritableByteChannel out, ByteBuffer buffer) throws IOException {
    Entry e = rawCopyable(key);
    FileSource source = shards[e.shard()];
    CRC32C crc = new CRC32C();
    source.copyTo(e.offset(), e.size(), out, crc, buffer);
    int actual = Crc32c.mask((int) crc.getValue());
    if (actual != e.crc32c()) {
      throw CorruptFileException.tensorChecksumMismatch(source.path(), e.offset(), key, e.crc32c(), actual);
    }
    return e.size();
  }

  @Override
  public void prefetch(String key) throws IOException {
    Entry e = rawCopyable(key);
    shards[e.shard()].prefetch(e.offset(), e.size());
  }

  @Override
  public boolean isCached(String key) throws IOException {
    Entry e = rawCopyable(key);
    return shards[e.shard()].isResident(e.offset(), e.size());
  }

  @Override
  public Path fileOf(String key) {
    if (!isRawCopyable(key)) {
      throw new IllegalArgumentException("tensor '" + key + "' cannot be copied raw");
    }
    return dataFiles().get(index.get(key).shard());
  }

  /** The entry of a raw-copyable tensor of an open reader. */
  private Entry rawCopyable(String key) throws ClosedChannelException {
    if (!isRawCopyable(key)) {
      throw new IllegalArgumentException("tensor '" + key + "' cannot be copied raw");
    }
    if (closed) {
      throw new ClosedChannelException();
    }
    return index.get(key);
  }

  /**
   * The shard a non-partitioned tensor is stored in.
   *
   * @param key a checkpoint key
   * @return its shard, from 0
   * @throws NoSuchElementException if there is no such tensor, or it is partitioned
   */
  public int shardOf(String key) {
    return unpartitioned(key).shard();
  }

  private Entry existing(String key) {
    Entry e = index.get(key);
    if (e == null) {
      throw new NoSuchElementException("no tensor '" + key + "' in " + index.file());
    }
    return e;
  }

  private Entry unpartitioned(String key) {
    Entry e = index.get(key);
    if (e == null || e.partitioned()) {
      throw new NoSuchElementException("no unpartitioned tensor '" + key + "' in " + index.file());
    }
    return e;
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
}
