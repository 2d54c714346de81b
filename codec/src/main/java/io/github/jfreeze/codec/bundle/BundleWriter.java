package io.github.jfreeze.codec.bundle;

import io.github.jfreeze.codec.DType;
import io.github.jfreeze.codec.Tensor;
import io.github.jfreeze.codec.TensorShape;
import io.github.jfreeze.codec.internal.Crc32c;
import io.github.jfreeze.codec.slice.TensorSlice;
import io.github.jfreeze.codec.table.TableBuilder;
import io.github.jfreeze.proto.BundleEntryProto;
import io.github.jfreeze.proto.BundleHeaderProto;
import io.github.jfreeze.proto.VersionDef;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.zip.CRC32C;

/**
 * Writes a V2 tensor bundle as TF's BundleWriter and MergeBundles do (tensor_bundle.cc): tensors
 * appended to data files {@code prefix.data-SSSSS-of-NNNNN} in the order they are added, then the
 * {@code prefix.index} table, sorted by key, whose empty key holds the {@link BundleHeaderProto}
 * (shard count, little-endian, version 1) and every other key a {@link BundleEntryProto} (dtype,
 * shape, shard, offset, size and the masked CRC32C of the stored bytes).
 *
 * <p>Fixed-size tensors are written by a {@link Body} that streams their bytes (a tensor over
 * 2 GiB is never held in memory); strings and variants from a {@link Tensor}, in TF's layouts
 * ({@link StringTensors}). A slice of a partitioned tensor ({@link #addSlice}) is stored under its
 * {@code OrderedCode} key and listed in the full tensor's entry, as {@code AddSlice} does. Data is
 * always little-endian with no alignment padding. For the same tensors added in the same order the
 * bytes are TF's.
 *
 * <p>The writer writes; it does not publish: the caller gives the files or channels (temporaries)
 * and makes them durable and visible. Not thread-safe.
 */
public final class BundleWriter implements Closeable {
  /** Writes the bytes of one fixed-size tensor, exactly its element count times its element size. */
  @FunctionalInterface
  public interface Body {
    /**
     * Writes the tensor's bytes, row-major and little-endian.
     *
     * @param out where they go
     * @throws IOException if reading the source or writing fails
     */
    void write(WritableByteChannel out) throws IOException;
  }

  private static final int BUFFER = 1 << 20;

  private final WritableByteChannel index;
  private final Shard[] shards;
  private final List<FileChannel> owned;
  private final Map<byte[], BundleEntryProto.Builder> entries = new TreeMap<>(Arrays::compareUnsigned);
  private boolean finished;

  private BundleWriter(WritableByteChannel index, List<? extends WritableByteChannel> data, List<FileChannel> owned) {
    this.index = index;
    this.shards = new Shard[data.size()];
    for (int i = 0; i < shards.length; i++) {
      shards[i] = new Shard(data.get(i));
    }
    this.owned = owned;
  }

  /**
   * A writer creating {@code prefix.index} and {@code numShards} data files, which must not exist;
   * {@link #finish} flushes them to disk, {@link #close} closes them.
   *
   * @param prefix the bundle's prefix
   * @param numShards how many data files
   * @return a writer
   * @throws IOException if a file exists or cannot be created
   */
  public static BundleWriter create(Path prefix, int numShards) throws IOException {
    checkShards(numShards);
    List<FileChannel> files = new ArrayList<>();
    try {
      for (int i = 0; i < numShards; i++) {
        files.add(FileChannel.open(BundleReader.dataFile(prefix, i, numShards), StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE));
      }
      files.add(FileChannel.open(BundleReader.indexFile(prefix), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
    } catch (IOException | RuntimeException e) {
      for (FileChannel f : files) {
        f.close();
      }
      throw e;
    }
    return new BundleWriter(files.get(numShards), files.subList(0, numShards), files);
  }

  /**
   * A writer over channels the caller opened and will close: one per data file, by shard, and the
   * index, written by {@link #finish}.
   *
   * @param index where the index table goes
   * @param data the data files' channels, shard 0 first
   * @return a writer
   */
  public static BundleWriter over(WritableByteChannel index, List<? extends WritableByteChannel> data) {
    Objects.requireNonNull(index, "index is null");
    checkShards(data.size());
    return new BundleWriter(index, List.copyOf(data), List.of());
  }

  private static void checkShards(int n) {
    if (n < 1 || n > 99_999) {
      throw new IllegalArgumentException("a bundle has 1 to 99999 data files, not " + n);
    }
  }

  /**
   * How many data files the bundle has.
   *
   * @return the shard count
   */
  public int numShards() {
    return shards.length;
  }

  /**
   * Adds a tensor held in memory (any dtype a checkpoint stores).
   *
   * @param key its key: not empty, not starting with a 0 byte (those are slice keys)
   * @param value its value
   * @param shard the data file it goes to
   * @throws IOException if writing fails
   */
  public void add(String key, Tensor value, int shard) throws IOException {
    BundleEntryProto.Builder e = newEntry(tensorKey(key), value.dtype(), value.shape(), shard);
    write(e, value);
  }

  /**
   * Adds a fixed-size tensor whose bytes {@code body} streams.
   *
   * @param key its key
   * @param dtype its dtype, of a fixed element size
   * @param shape its shape
   * @param shard the data file it goes to
   * @param body writes exactly its bytes
   * @throws IOException if writing fails
   * @throws IllegalStateException if {@code body} writes another number of bytes
   */
  public void add(String key, DType dtype, TensorShape shape, int shard, Body body) throws IOException {
    BundleEntryProto.Builder e = newEntry(tensorKey(key), dtype, shape, shard);
    write(e, dtype, shape, body);
  }

  /**
   * Adds a fixed-size tensor whose bytes are copied unchanged from another bundle, with the CRC32C
   * it is stored with there. {@code body} is given the data file's own channel (after the bytes
   * gathered so far are flushed), so a file-to-file copy can stay in the kernel; the writer does
   * not checksum the bytes again: the copy must check them against {@code maskedCrc32c} (as
   * {@link io.github.jfreeze.codec.CheckpointReader#copyRaw} does) and fail when they differ.
   *
   * @param key the tensor's key
   * @param dtype its dtype, of a fixed element size
   * @param shape its shape
   * @param shard the data file it goes to
   * @param maskedCrc32c the masked CRC32C of its bytes, as a bundle entry stores it
   * @param body writes exactly its bytes and checks them against {@code maskedCrc32c}
   * @throws IOException if writing fails
   * @throws IllegalStateException if {@code body} writes another number of bytes
   */
  public void addVerbatim(String key, DType dtype, TensorShape shape, int shard, int maskedCrc32c, Body body)
      throws IOException {
    if (!dtype.isFixedSize()) {
      throw new IllegalArgumentException(dtype + " tensors are written from a Tensor, not streamed");
    }
    BundleEntryProto.Builder e = newEntry(tensorKey(key), dtype, shape, shard);
    long expected = Math.multiplyExact(shape.numElements(), (long) dtype.byteSize());
    long written = shards[shard].passThrough(body);
    if (written != expected) {
      throw new IllegalStateException("tensor of " + dtype + shape + " needs " + expected + " bytes; " + written
          + " were written");
    }
    e.setSize(expected).setCrc32C(maskedCrc32c);
  }

  /**
   * Adds one slice of a partitioned tensor held in memory; a slice covering the whole shape is
   * stored as the tensor itself.
   *
   * @param key the full tensor's key
   * @param fullShape the full tensor's shape
   * @param slice where the slice lies in it
   * @param value the slice's value, of the slice's shape
   * @param shard the data file it goes to
   * @throws IOException if writing fails
   */
  public void addSlice(String key, TensorShape fullShape, TensorSlice slice, Tensor value, int shard) throws IOException {
    byte[] sliceKey = sliceEntry(key, fullShape, slice, value.dtype(), value.shape());
    BundleEntryProto.Builder e = newEntry(sliceKey, value.dtype(), value.shape(), shard);
    write(e, value);
  }

  /**
   * Adds one slice of a partitioned tensor of a fixed-size dtype, streamed by {@code body}.
   *
   * @param key the full tensor's key
   * @param fullShape the full tensor's shape
   * @param slice where the slice lies in it
   * @param dtype the dtype
   * @param shard the data file it goes to
   * @param body writes exactly the slice's bytes
   * @throws IOException if writing fails
   */
  public void addSlice(String key, TensorShape fullShape, TensorSlice slice, DType dtype, int shard, Body body)
      throws IOException {
    TensorShape sliceShape = TensorShape.of(slice.lengthsWithin(fullShape));
    byte[] sliceKey = sliceEntry(key, fullShape, slice, dtype, sliceShape);
    write(newEntry(sliceKey, dtype, sliceShape, shard), dtype, sliceShape, body);
  }

  /**
   * Records {@code slice} in the full tensor's entry and returns the key its data goes under: the
   * slice key, or the tensor's own key when the slice is the whole tensor.
   */
  private byte[] sliceEntry(String key, TensorShape fullShape, TensorSlice slice, DType dtype, TensorShape sliceShape) {
    byte[] full = tensorKey(key);
    long[] lengths = slice.lengthsWithin(fullShape);
    if (!Arrays.equals(lengths, sliceShape.dims())) {
      throw new IllegalArgumentException("slice " + slice + " of " + fullShape + " has shape " + Arrays.toString(lengths)
          + ", not " + sliceShape);
    }
    if (Arrays.equals(lengths, fullShape.dims())) {
      return full;
    }
    BundleEntryProto.Builder e = entries.get(full);
    if (e == null) {
      e = BundleEntryProto.newBuilder().setDtype(dtype.proto()).setShape(fullShape.toProto());
      entries.put(full, e);
    } else if (e.getSlicesCount() == 0 || e.getDtype() != dtype.proto()
        || !TensorShape.fromProto(e.getShape()).equals(fullShape)) {
      throw new IllegalArgumentException("tensor '" + key + "' was added already, or as another dtype or shape");
    }
    e.addSlices(slice.toProto());
    return slice.key(key);
  }

  private static byte[] tensorKey(String key) {
    byte[] k = key.getBytes(StandardCharsets.UTF_8);
    if (k.length == 0 || k[0] == 0) {
      throw new IllegalArgumentException("a tensor key may be neither empty nor start with a 0 byte (slice keys do): '"
          + key + "'");
    }
    return k;
  }

  private BundleEntryProto.Builder newEntry(byte[] key, DType dtype, TensorShape shape, int shard) {
    if (finished) {
      throw new IllegalStateException("the bundle is finished");
    }
    if (shard < 0 || shard >= shards.length) {
      throw new IllegalArgumentException("shard " + shard + " of a bundle with " + shards.length + " data file(s)");
    }
    if (dtype == DType.RESOURCE) {
      throw new IllegalArgumentException("resource tensors are never saved");
    }
    if (entries.containsKey(key)) {
      throw new IllegalArgumentException("duplicate key '" + new String(key, StandardCharsets.UTF_8) + "'");
    }
    BundleEntryProto.Builder e = BundleEntryProto.newBuilder().setDtype(dtype.proto()).setShape(shape.toProto())
        .setShardId(shard).setOffset(shards[shard].position);
    entries.put(key, e);
    return e;
  }

  private void write(BundleEntryProto.Builder e, Tensor value) throws IOException {
    DType dtype = value.dtype();
    if (dtype.isFixedSize()) {
      write(e, dtype, value.shape(), out -> {
        ByteBuffer b = value.data();
        while (b.hasRemaining()) {
          out.write(b);
        }
      });
      return;
    }
    Shard s = shards[e.getShardId()];
    long start = s.position;
    int crc = dtype == DType.VARIANT ? StringTensors.writeVariant(value.elements(), s)
        : StringTensors.writeStrings(value.elements(), s);
    e.setSize(s.position - start).setCrc32C(crc);
  }

  private void write(BundleEntryProto.Builder e, DType dtype, TensorShape shape, Body body) throws IOException {
    if (!dtype.isFixedSize()) {
      throw new IllegalArgumentException(dtype + " tensors are written from a Tensor, not streamed");
    }
    long expected = Math.multiplyExact(shape.numElements(), (long) dtype.byteSize());
    Shard s = shards[e.getShardId()];
    Checksummed out = new Checksummed(s);
    body.write(out);
    if (out.count != expected) {
      throw new IllegalStateException("tensor of " + dtype + shape + " needs " + expected + " bytes; " + out.count
          + " were written");
    }
    e.setSize(expected).setCrc32C(Crc32c.mask((int) out.crc.getValue()));
  }

  /**
   * Flushes the data files, writes the index and, for a bundle this writer created, forces every
   * file to disk.
   *
   * @return the bytes written: the data files and the index
   * @throws IOException if writing fails
   */
  public long finish() throws IOException {
    if (finished) {
      throw new IllegalStateException("the bundle is finished");
    }
    finished = true;
    long total = 0;
    for (Shard s : shards) {
      s.flush();
      total += s.position;
    }
    TableBuilder table = new TableBuilder(index);
    BundleHeaderProto header = BundleHeaderProto.newBuilder().setNumShards(shards.length)
        .setEndianness(BundleHeaderProto.Endianness.LITTLE)
        .setVersion(VersionDef.newBuilder().setProducer(BundleIndex.BUNDLE_VERSION)).build();
    table.add(new byte[0], header.toByteArray());
    for (Map.Entry<byte[], BundleEntryProto.Builder> e : entries.entrySet()) {
      table.add(e.getKey(), e.getValue().build().toByteArray());
    }
    total += table.finish();
    for (FileChannel f : owned) {
      f.force(true);
    }
    return total;
  }

  /** Closes the files this writer created (not channels given to {@link #over}). */
  @Override
  public void close() throws IOException {
    IOException first = null;
    for (FileChannel f : owned) {
      try {
        f.close();
      } catch (IOException e) {
        first = first == null ? e : first;
      }
    }
    if (first != null) {
      throw first;
    }
  }

  /**
   * A data file: small writes gathered in a buffer, large ones passed straight through; counts its
   * position (entries' offsets).
   */
  private static final class Shard implements WritableByteChannel {
    private final WritableByteChannel out;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
    long position;

    Shard(WritableByteChannel out) {
      this.out = Objects.requireNonNull(out, "data channel is null");
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
      int n = src.remaining();
      if (n >= buffer.capacity() / 2) {
        flush();
        while (src.hasRemaining()) {
          out.write(src);
        }
      } else {
        if (n > buffer.remaining()) {
          flush();
        }
        buffer.put(src);
      }
      position += n;
      return n;
    }

    /** Lets {@code body} write to the file itself, after what is gathered; returns what it wrote. */
    long passThrough(Body body) throws IOException {
      flush();
      long n;
      if (out instanceof FileChannel f) {
        long start = f.position();
        body.write(f);
        n = f.position() - start;
      } else {
        Checksummed counted = new Checksummed(out);
        body.write(counted);
        n = counted.count;
      }
      position += n;
      return n;
    }

    void flush() throws IOException {
      buffer.flip();
      while (buffer.hasRemaining()) {
        out.write(buffer);
      }
      buffer.clear();
    }

    @Override
    public boolean isOpen() {
      return out.isOpen();
    }

    @Override
    public void close() {}
  }

  /** Counts and checksums what passes through to a shard. */
  private static final class Checksummed implements WritableByteChannel {
    private final WritableByteChannel out;
    final CRC32C crc = new CRC32C();
    long count;

    Checksummed(WritableByteChannel out) {
      this.out = out;
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
      ByteBuffer written = src.duplicate();
      int n = out.write(src);
      crc.update(written.limit(written.position() + n));
      count += n;
      return n;
    }

    @Override
    public boolean isOpen() {
      return out.isOpen();
    }

    @Override
    public void close() {}
  }
}
