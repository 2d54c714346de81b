package io.github.jfreeze.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jfreeze.codec.bundle.BundleReader;
import io.github.jfreeze.codec.internal.Crc32c;
import io.github.jfreeze.codec.table.Table;
import io.github.jfreeze.codec.table.TableEntry;
import io.github.jfreeze.codec.testing.Fixture;
import io.github.jfreeze.codec.testing.TableWriter;
import io.github.jfreeze.codec.testing.TestPaths;
import io.github.jfreeze.proto.BundleEntryProto;
import io.github.jfreeze.proto.BundleHeaderProto;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The header's endianness is honoured. No big-endian bundle written by TF exists to test with (no
 * big-endian host), so this converts TF-written fixtures into the layout a big-endian TF writes
 * (tensor_bundle.cc: header {@code endianness = BIG}, tensor bytes in host order with their CRC
 * over those bytes, string length checksums over host-order lengths) and checks that every
 * tensor still reads back as the values TF restored from the original.
 */
class BigEndianBundleTest {
  @TempDir Path tmp;

  @Test
  void bigEndianCopiesOfTheFixturesReadAsTheOriginals() throws IOException {
    for (String name : List.of("dtypes", "strings", "partitioned")) {
      Fixture f = Fixture.load(TestPaths.testdata().resolve("checkpoints/" + name));
      Path prefix = toBigEndian(f.checkpointPath(), Files.createDirectory(tmp.resolve(name)));
      try (BundleReader r = BundleReader.open(prefix)) {
        assertTrue(r.isBigEndian());
        for (Fixture.Expected e : f.tensors()) {
          Tensor t = r.read(e.key());
          if (e.strings() != null) {
            for (int i = 0; i < e.strings().size(); i++) {
              assertArrayEquals(e.strings().get(i), t.elements().get(i), name + "/" + e.key());
            }
          } else {
            assertArrayEquals(e.data(), t.toByteArray(), name + "/" + e.key());
          }
        }
        assertTrue(r.variables().stream().noneMatch(v -> r.isRawCopyable(v.key())), "big-endian data is never copied raw");
      }
    }
  }

  /** Writes {@code dir/model.ckpt} as a big-endian host would have written {@code prefix}. */
  static Path toBigEndian(Path prefix, Path dir) throws IOException {
    Path out = dir.resolve("model.ckpt");
    Map<byte[], byte[]> entries = new LinkedHashMap<>();
    int shards;
    try (BundleReader original = BundleReader.open(prefix)) {
      shards = original.header().getNumShards();
      for (int i = 0; i < shards; i++) {
        Files.copy(BundleReader.dataFile(prefix, i, shards), BundleReader.dataFile(out, i, shards));
      }
      try (Table t = Table.open(BundleReader.indexFile(prefix))) {
        Table.Cursor c = t.cursor();
        for (TableEntry e = c.next(); e != null; e = c.next()) {
          byte[] v = new byte[e.value().remaining()];
          e.value().duplicate().get(v);
          if (e.key().length == 0) {
            v = BundleHeaderProto.parseFrom(v).toBuilder().setEndianness(BundleHeaderProto.Endianness.BIG).build().toByteArray();
          } else {
            BundleEntryProto p = BundleEntryProto.parseFrom(v);
            if (p.getSlicesCount() == 0) {
              v = p.toBuilder().setCrc32C(swapData(out, p, shards)).build().toByteArray();
            }
          }
          entries.put(e.key(), v);
        }
      }
    }
    Files.write(BundleReader.indexFile(out), TableWriter.write(entries, 262144, false));
    return out;
  }

  /** Rewrites one tensor's bytes in place in host (big-endian) order; returns its new masked CRC. */
  private static int swapData(Path out, BundleEntryProto p, int shards) throws IOException {
    Path data = BundleReader.dataFile(out, p.getShardId(), shards);
    byte[] file = Files.readAllBytes(data);
    int off = (int) p.getOffset();
    int size = (int) p.getSize();
    DType dtype = DType.of(p.getDtype());
    CRC32C crc = new CRC32C();
    if (dtype.isFixedSize()) {
      int unit = dtype.swapUnit();
      for (int i = off; i < off + size; i += unit) {
        for (int a = i, b = i + unit - 1; a < b; a++, b--) {
          byte x = file[a];
          file[a] = file[b];
          file[b] = x;
        }
      }
      crc.update(file, off, size);
    } else {
      // string: varint lengths, then Mask(crc of the lengths as host uint32/uint64), then the bytes
      ByteBuffer in = ByteBuffer.wrap(file, off, size);
      long n = TensorShape.fromProto(p.getShape()).numElements();
      ByteArrayOutputStream lengths = new ByteArrayOutputStream();
      for (long i = 0; i < n; i++) {
        long len = 0;
        for (int shift = 0; ; shift += 7) {
          int b = in.get() & 0xff;
          len |= (long) (b & 0x7f) << shift;
          if (b < 0x80) {
            break;
          }
        }
        ByteBuffer host = ByteBuffer.allocate(len <= 0xffffffffL ? 4 : 8).order(ByteOrder.BIG_ENDIAN);
        if (len <= 0xffffffffL) {
          host.putInt((int) len);
        } else {
          host.putLong(len);
        }
        lengths.writeBytes(host.array());
      }
      crc.update(lengths.toByteArray());
      int lengthCrc = Crc32c.mask((int) crc.getValue());
      int at = in.position();
      ByteBuffer.wrap(file, at, 4).order(ByteOrder.BIG_ENDIAN).putInt(lengthCrc);
      crc.update(file, at, 4);
      crc.update(file, at + 4, off + size - at - 4);
    }
    Files.write(data, file);
    return Crc32c.mask((int) crc.getValue());
  }

  @Test
  void theConversionIsReallyBigEndian() throws IOException {
    Fixture f = Fixture.load(TestPaths.testdata().resolve("checkpoints/dtypes"));
    Path prefix = toBigEndian(f.checkpointPath(), Files.createDirectory(tmp.resolve("check")));
    try (BundleReader r = BundleReader.open(prefix)) {
      BundleReader.DataLocation loc = r.location("float32_3x4");
      byte[] raw = new byte[(int) loc.length()];
      ByteBuffer.wrap(Files.readAllBytes(loc.file()), (int) loc.offset(), raw.length).get(raw);
      byte[] le = r.read("float32_3x4").toByteArray();
      assertTrue(!java.util.Arrays.equals(raw, le), "stored bytes differ from the values");
      for (int i = 0; i < le.length; i++) {
        assertEquals(le[i], raw[i - i % 4 + 3 - i % 4], "byte " + i + " is swapped within its float");
      }
    }
  }
}
