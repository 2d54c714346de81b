package io.github.jfreeze.codec.testing;

import io.github.jfreeze.codec.internal.Crc32c;
import io.github.jfreeze.codec.table.BlockHandle;
import io.github.jfreeze.codec.table.Table;
import io.github.jfreeze.codec.table.TableEntry;
import io.github.jfreeze.proto.BundleEntryProto;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * One damaged copy of a real TF-written checkpoint per way a file can break, each with the text
 * its error must contain. Sources: corpus {@code tf2onnx_regression/checkpoint/model} (V2,
 * uncompressed index, TF 1.11) and {@code serving_saved_model_half_plus_two_cpu} (Snappy index).
 */
public enum BrokenCheckpoints {
  SHORT_FILE("file is too short to be an sstable", "model.index"),
  BAD_MAGIC("not an sstable (bad magic number", "model.index"),
  BLOCK_CRC_MISMATCH("block checksum mismatch", "model.index"),
  BAD_BLOCK_TYPE("bad block type 2", "model.index"),
  CORRUPT_SNAPPY_BLOCK("corrupted compressed block contents", "variables.index"),
  ENTRY_CRC_MISMATCH("checksum does not match for tensor", "model.data-00000-of-00001"),
  OFFSET_BEYOND_DATA_FILE("which holds only", "model.index"),
  MISSING_SHARD("data file model.data-00000-of-00001 is missing", "model.index"),
  ENTRY_SIZE_MISMATCH("invalid size in bundle entry", "model.index"),
  UNKNOWN_DTYPE("unknown dtype 77", "model.index");

  /** Text the error message must contain. */
  public final String message;
  /** File name the error must name. */
  public final String file;

  BrokenCheckpoints(String message, String file) {
    this.message = message;
    this.file = file;
  }

  /** Copies the source checkpoint into {@code dir}, breaks it, returns the prefix to open. */
  public Path make(Path dir) throws IOException {
    Path corpus = TestPaths.corpus();
    if (this == CORRUPT_SNAPPY_BLOCK) {
      Path src = corpus.resolve("serving_saved_model_half_plus_two_cpu/00000123/variables");
      copy(src, dir);
      Path index = dir.resolve("variables.index");
      rewriteBlock(index, 0, b -> {
        b[0] ^= 0x01; // the declared uncompressed length; the CRC is fixed so Snappy sees it
        return b;
      });
      return dir.resolve("variables");
    }
    copy(corpus.resolve("tf2onnx_regression/checkpoint"), dir);
    Path prefix = dir.resolve("model");
    Path index = dir.resolve("model.index");
    Path data = dir.resolve("model.data-00000-of-00001");
    switch (this) {
      case SHORT_FILE -> Files.write(index, Arrays.copyOf(Files.readAllBytes(index), 20));
      case BAD_MAGIC -> flip(index, Files.size(index) - 1);
      case BLOCK_CRC_MISMATCH -> flip(index, 3);
      case BAD_BLOCK_TYPE -> setBlockType(index, 0, (byte) 2);
      case ENTRY_CRC_MISMATCH -> flip(data, 1);
      case OFFSET_BEYOND_DATA_FILE -> Files.write(data, Arrays.copyOf(Files.readAllBytes(data), 5));
      case MISSING_SHARD -> Files.delete(data);
      case ENTRY_SIZE_MISMATCH -> rewriteEntry(index, "b", e -> e.toBuilder().setSize(e.getSize() + 4).build());
      case UNKNOWN_DTYPE -> rewriteEntry(index, "b", e -> e.toBuilder().setDtypeValue(77).build());
      default -> throw new AssertionError(this);
    }
    return prefix;
  }

  private static void copy(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> s = Files.list(from)) {
      for (Path p : s.toList()) {
        if (Files.isRegularFile(p)) {
          Files.copy(p, to.resolve(p.getFileName()));
        }
      }
    }
  }

  private static void flip(Path file, long offset) throws IOException {
    byte[] b = Files.readAllBytes(file);
    b[(int) offset] ^= 0x01;
    Files.write(file, b);
  }

  private static BlockHandle block(Path index, int i) throws IOException {
    try (Table t = Table.open(index)) {
      return t.dataBlocks().get(i);
    }
  }

  /** Replaces data block {@code i}'s stored bytes and recomputes its CRC so only the change shows. */
  private static void rewriteBlock(Path index, int i, UnaryOperator<byte[]> change) throws IOException {
    BlockHandle h = block(index, i);
    byte[] file = Files.readAllBytes(index);
    byte[] contents = change.apply(Arrays.copyOfRange(file, (int) h.offset(), (int) (h.offset() + h.size())));
    System.arraycopy(contents, 0, file, (int) h.offset(), contents.length);
    fixCrc(file, h);
    Files.write(index, file);
  }

  private static void setBlockType(Path index, int i, byte type) throws IOException {
    BlockHandle h = block(index, i);
    byte[] file = Files.readAllBytes(index);
    file[(int) (h.offset() + h.size())] = type;
    fixCrc(file, h);
    Files.write(index, file);
  }

  private static void fixCrc(byte[] file, BlockHandle h) {
    int crc = Crc32c.mask(Crc32c.of(file, (int) h.offset(), (int) h.size() + 1));
    ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).putInt((int) (h.offset() + h.size() + 1), crc);
  }

  /** Rewrites the whole index with one entry changed (TF's table layout, via TableWriter). */
  private static void rewriteEntry(Path index, String key, UnaryOperator<BundleEntryProto> change) throws IOException {
    Map<byte[], byte[]> entries = new LinkedHashMap<>();
    try (Table t = Table.open(index)) {
      Table.Cursor c = t.cursor();
      for (TableEntry e = c.next(); e != null; e = c.next()) {
        byte[] v = new byte[e.value().remaining()];
        e.value().duplicate().get(v);
        if (e.keyString().equals(key)) {
          v = change.apply(BundleEntryProto.parseFrom(v)).toByteArray();
        }
        entries.put(e.key(), v);
      }
    }
    Files.write(index, TableWriter.write(entries, 262144, false));
  }
}
