package io.github.jfreeze.codec.testing;

import io.github.jfreeze.codec.bundle.BundleReader;
import io.github.jfreeze.codec.internal.Crc32c;
import io.github.jfreeze.proto.BundleEntryProto;
import io.github.jfreeze.proto.BundleHeaderProto;
import io.github.jfreeze.proto.DataType;
import io.github.jfreeze.proto.TensorShapeProto;
import io.github.jfreeze.proto.VersionDef;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds small V2 bundles entry by entry, for tests of one defect each. */
public final class Bundles {
  private final Map<byte[], byte[]> entries = new LinkedHashMap<>();

  public Bundles() {
    this(1);
  }

  public Bundles(int numShards) {
    entries.put(new byte[0], BundleHeaderProto.newBuilder().setNumShards(numShards)
        .setVersion(VersionDef.newBuilder().setProducer(1)).build().toByteArray());
  }

  public static TensorShapeProto shape(long... dims) {
    TensorShapeProto.Builder b = TensorShapeProto.newBuilder();
    for (long d : dims) {
      b.addDimBuilder().setSize(d);
    }
    return b.build();
  }

  /** An entry for {@code size} bytes at {@code offset} of {@code data} (CRC computed when they lie inside it). */
  public static BundleEntryProto entry(DataType dtype, TensorShapeProto shape, long offset, long size, byte[] data) {
    BundleEntryProto.Builder b = BundleEntryProto.newBuilder().setDtype(dtype).setShape(shape).setOffset(offset).setSize(size);
    if (offset >= 0 && size >= 0 && offset <= data.length && size <= data.length - offset) {
      b.setCrc32C(Crc32c.mask(Crc32c.of(data, (int) offset, (int) size)));
    }
    return b.build();
  }

  public Bundles add(String key, BundleEntryProto entry) {
    return add(key.getBytes(StandardCharsets.UTF_8), entry.toByteArray());
  }

  public Bundles add(byte[] key, byte[] value) {
    entries.put(key, value);
    return this;
  }

  /** Writes {@code dir/model.index} and one data file per shard (all holding {@code data}); returns the prefix. */
  public Path write(Path dir, byte[] data) throws IOException {
    Files.createDirectories(dir);
    Path prefix = dir.resolve("model");
    Files.write(BundleReader.indexFile(prefix), TableWriter.write(entries, 262144, false));
    int shards = BundleHeaderProto.parseFrom(entries.get(entries.keySet().iterator().next())).getNumShards();
    for (int i = 0; i < shards; i++) {
      Files.write(BundleReader.dataFile(prefix, i, shards), data);
    }
    return prefix;
  }
}
