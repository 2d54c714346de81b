package io.github.jfreeze.codec.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.InvalidProtocolBufferException;
import io.github.jfreeze.codec.table.Table;
import io.github.jfreeze.codec.table.TableEntry;
import io.github.jfreeze.codec.testing.Damage;
import io.github.jfreeze.codec.testing.TestPaths;
import io.github.jfreeze.proto.BundleEntryProto;
import io.github.jfreeze.proto.TensorShapeProto;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * EntryBytes gives what {@code BundleEntryProto.parseFrom} gives, and leaves to protobuf (returns
 * false) what it does not read or what protobuf fails on: on every entry of every V2 index in the
 * fixtures and the corpus, on damaged copies of them and on encodings TF does not write.
 */
class EntryBytesTest {
  /** Every tensor entry's value (not the header's) of every .index file in the fixtures and the corpus. */
  private static List<byte[]> entries() throws IOException {
    List<byte[]> out = new ArrayList<>();
    for (Path root : List.of(TestPaths.testdata(), TestPaths.corpus())) {
      try (Stream<Path> s = Files.walk(root)) {
        for (Path p : s.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().endsWith(".index")).sorted().toList()) {
          try (Table table = Table.open(p)) {
            Table.Cursor cursor = table.cursor();
            for (TableEntry e = cursor.next(); e != null; e = cursor.next()) {
              if (e.key().length > 0) {
                ByteBuffer v = e.value();
                byte[] b = new byte[v.remaining()];
                v.duplicate().get(b);
                out.add(b);
              }
            }
          } catch (IOException | RuntimeException e) {
            // a damaged fixture: its entries are not needed here
          }
        }
      }
    }
    return out;
  }

  @Test
  void everyIndexEntryIsReadAsProtobufReadsIt() throws IOException {
    List<byte[]> entries = entries();
    assertTrue(entries.size() > 1000, "index entries in the fixtures and corpus: " + entries.size());
    int plain = 0;
    int sliced = 0;
    for (byte[] b : entries) {
      plain += check(b) ? 1 : 0;
      sliced += BundleEntryProto.parseFrom(b).getSlicesCount() > 0 ? 1 : 0;
    }
    // whole tensors, as TF writes them, must take the plain way, or opening an index parses them all with protobuf
    assertEquals(entries.size() - sliced, plain, "read without protobuf, of " + entries.size() + " (" + sliced + " sliced)");
  }

  @Test
  void damagedEntriesAreReadAsProtobufReadsThem() throws IOException {
    List<byte[]> entries = entries();
    Random random = new Random(14);
    int plain = 0;
    for (int round = 0; round < 200_000; round++) {
      byte[] b = entries.get(random.nextInt(entries.size()));
      if (b.length == 0) {
        continue;
      }
      if (random.nextInt(5) == 0) {
        byte[] twice = Arrays.copyOf(b, b.length * 2);
        System.arraycopy(b, 0, twice, b.length, b.length);
        b = twice; // every field twice
      } else {
        b = Damage.of(b, random);
      }
      plain += check(b) ? 1 : 0;
    }
    assertTrue(plain > 20_000, "damaged entries read without protobuf: " + plain);
  }

  /** Encodings protobuf-java and TF do not write, each read as protobuf reads it or left to it. */
  @Test
  void oddEncodings() {
    String ff9 = "ff".repeat(9);
    // read without protobuf: whole tensors, every number in range
    List<String> plain = List.of(
        "", // every field at its default: a scalar of dtype 0
        "0801" + "1200" + "1800" + "2000" + "2800" + "3500000000", // every field written, each zero
        "088100" + "1804" + "20" + "ff".repeat(8) + "7f", // dtype 1 in two bytes; offset 2^63 - 1 (nine bytes)
        "08ffffffff07", // dtype 2^31 - 1
        "1209" + "1202" + "0802" + "1203" + "089003", // shape [2, 400]
        "1204" + "1200" + "1200", // two dimensions without a size: [0, 0]
        "1224" + "12020801".repeat(9), // rank 9 (past the reader's first array)
        "1204" + "12020803", // then rank 1 on the same reader: [3]
        "3501020304", // crc32c 0x04030201
        "35ffffffff", // crc32c 0xffffffff
        "3500000080"); // crc32c with only the top bit
    // left to protobuf, which parses some of them and refuses the others
    List<String> others = List.of(
        "0880808080" + "08", // dtype 2^31 (a negative int32)
        "08ffffffff0f", // dtype 2^32 - 1
        "0881808080" + "10", // dtype 1 plus 2^32 (protobuf keeps 32 bits)
        "18" + ff9 + "01", // shard -1
        "28" + ff9 + "01", // size -1
        "20" + "80".repeat(9) + "00", // offset 0 in ten bytes
        "20" + ff9 + "8101", // offset with a tenth byte still continuing: malformed
        "1206" + "1204" + "0802" + "1200", // a dimension with an empty name
        "1204" + "1802" + "1200", // unknown_rank written as 2
        "1202" + "1800", // unknown_rank false, written
        "1203" + "1201" + "08", // a dimension whose size is cut off
        "1202" + "1200" + "1202" + "1200", // the shape twice (protobuf merges the dimensions)
        "1202" + "1203", // a dimension longer than the shape
        "120d" + "120b" + "08" + ff9 + "01", // a dimension of -1
        "1206" + "1204" + "08011800", // a size, then a field Dim does not have
        "350102", // crc32c cut off
        "0801" + "0802", // dtype twice: the last wins
        "1801" + "0801", // fields out of order
        "3a00", // one slice, the whole tensor
        "4000", // field 8, unknown
        "0a00", // dtype written length-delimited: an unknown field to protobuf
        "3000", // field 6 as a varint: an unknown field to protobuf
        "8001" + "00", // field 16 (a two-byte tag)
        "0000", // field 0
        "0c", // an end-group tag
        "08", // cut off in a varint
        "12ffffffff0f", // a shape of length 2^32 - 1 (-1 as an int32)
        "128080808008", // a shape of length 2^31
        "1280808080" + "10", // a shape of length 2^32 (protobuf keeps 32 bits: 0)
        "12" + "80".repeat(9) + "00"); // a shape of length 0 in ten bytes
    for (String hex : plain) {
      assertTrue(check(HexFormat.of().parseHex(hex)), hex);
    }
    for (String hex : others) {
      assertFalse(check(HexFormat.of().parseHex(hex)), hex);
    }
  }

  /** One reader for every check, reused as BundleIndex reuses it. */
  private static final EntryBytes READER = new EntryBytes();

  /**
   * Compares EntryBytes with protobuf: where it reads the bytes, it gives what protobuf gives (and
   * protobuf parses them); returns whether it read them. It reads them from within a larger buffer,
   * as a table block holds them, and leaves that buffer's position and limit as they were.
   */
  private static boolean check(byte[] b) {
    byte[] padded = new byte[b.length + 6];
    Arrays.fill(padded, (byte) 0x08); // what follows the entry in its block must not be read
    System.arraycopy(b, 0, padded, 3, b.length);
    BundleEntryProto p;
    try {
      p = BundleEntryProto.parseFrom(b);
    } catch (InvalidProtocolBufferException e) {
      p = null;
    }
    ByteBuffer around = ByteBuffer.wrap(padded);
    around.position(3).limit(3 + b.length);
    boolean plain = READER.read(around);
    assertEquals(3, around.position());
    assertEquals(3 + b.length, around.limit());
    same(p, plain, b);
    ByteBuffer own = ByteBuffer.wrap(padded, 3, b.length).slice();
    assertEquals(plain, READER.read(own), "in a buffer of its own or within a block");
    same(p, plain, b);
    return plain;
  }

  /** What the reader read ({@code plain}) is what protobuf parsed, {@code p} (null: refused). */
  private static void same(BundleEntryProto p, boolean plain, byte[] b) {
    if (p == null) {
      assertFalse(plain, () -> HexFormat.of().formatHex(b));
      return;
    }
    if (!plain) {
      return;
    }
    String what = HexFormat.of().formatHex(b) + " = " + p;
    assertEquals(p.getDtypeValue(), READER.dtype, what);
    assertEquals(p.getShardId(), READER.shard, what);
    assertEquals(p.getOffset(), READER.offset, what);
    assertEquals(p.getSize(), READER.size, what);
    assertEquals(p.getCrc32C(), READER.crc32c, what);
    assertEquals(0, p.getSlicesCount(), what);
    TensorShapeProto shape = p.getShape();
    assertFalse(shape.getUnknownRank(), what);
    long[] dims = new long[shape.getDimCount()];
    for (int i = 0; i < dims.length; i++) {
      assertEquals("", shape.getDim(i).getName(), what);
      dims[i] = shape.getDim(i).getSize();
      // BundleIndex relies on it: a negative dimension takes protobuf's way, and its message
      assertTrue(dims[i] >= 0, what);
    }
    assertArrayEquals(dims, READER.dims(), what);
    assertEquals(0, p.getUnknownFields().asMap().size(), what);
  }
}
