package io.github.jfreeze.codec.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jfreeze.codec.internal.FileSource;
import io.github.jfreeze.codec.testing.MemoryChannel;
import io.github.jfreeze.codec.testing.TableWriter;
import io.github.jfreeze.codec.testing.TestPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TableTest {
  @TempDir Path tmp;

  private static Map<byte[], byte[]> entries(int n, Random r) {
    Map<byte[], byte[]> m = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      byte[] v = new byte[r.nextInt(300)];
      r.nextBytes(v);
      m.put(String.format("layer_%05d/kernel/Adam_%d", i, i % 3).getBytes(StandardCharsets.UTF_8), v);
    }
    m.put(new byte[0], "header".getBytes(StandardCharsets.UTF_8));
    m.put(new byte[] {0, (byte) 0xff, 1}, new byte[] {9});
    return m;
  }

  private static List<byte[]> readAll(Table t) throws IOException {
    List<byte[]> out = new ArrayList<>();
    Table.Cursor c = t.cursor();
    for (TableEntry e = c.next(); e != null; e = c.next()) {
      out.add(e.key());
      byte[] v = new byte[e.value().remaining()];
      e.value().duplicate().get(v);
      out.add(v);
    }
    return out;
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void readsEveryEntryAcrossManyBlocksAndSeeks(boolean snappy) throws IOException {
    Map<byte[], byte[]> m = entries(3000, new Random(1));
    Path file = tmp.resolve("t.index");
    Files.write(file, TableWriter.write(m, 4096, snappy));
    try (Table t = Table.open(file)) {
      assertTrue(t.blockCount() > 10, "several data blocks");
      List<byte[]> all = readAll(t);
      assertEquals(2 * m.size(), all.size());
      for (var e : m.entrySet()) {
        TableEntry found = t.get(e.getKey());
        byte[] v = new byte[found.value().remaining()];
        found.value().get(v);
        assertArrayEquals(e.getValue(), v);
      }
      assertNull(t.get("layer_00001/kernel/Adam_2".getBytes(StandardCharsets.UTF_8)));
      assertNull(t.get("zzz".getBytes(StandardCharsets.UTF_8)));
    }
  }

  /**
   * A table without entries, as TF's TableBuilder writes it: the index block (like the metaindex
   * block of every TF table) is just one restart point at 0, {@code 00000000 01000000}. Found by
   * fuzzing: it was rejected as "restart point 0 = 0 is outside the entries".
   */
  @Test
  void readsAnEmptyTable() throws IOException {
    byte[] empty = TableWriter.write(new LinkedHashMap<>(), 4096, false);
    assertEquals("0000000001000000", java.util.HexFormat.of().formatHex(empty, 0, 8), "the empty metaindex block");
    try (Table t = Table.open(FileSource.of(Path.of("empty.index"), new MemoryChannel(empty, 7)))) {
      assertEquals(0, t.blockCount());
      assertNull(t.cursor().next());
      assertNull(t.get(new byte[0]));
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 7})
  void readsTheSameThroughChunkedChannels(int chunk) throws IOException {
    Path index = TestPaths.corpus().resolve("t2t_transformer_test_ckpt/model.ckpt-1.index");
    byte[] bytes = Files.readAllBytes(index);
    List<byte[]> direct;
    try (Table t = Table.open(index)) {
      direct = readAll(t);
    }
    try (Table t = Table.open(FileSource.of(index, new MemoryChannel(bytes, chunk)))) {
      List<byte[]> viaChunks = readAll(t);
      assertEquals(direct.size(), viaChunks.size());
      for (int i = 0; i < direct.size(); i++) {
        assertTrue(Arrays.equals(direct.get(i), viaChunks.get(i)));
      }
    }
    assertEquals(2 * 251, direct.size(), "t2t index: header + 250 tensors (MANIFEST.md)");
  }
}
