package io.github.jfreeze.codec.v1;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.jfreeze.codec.CorruptFileException;
import io.github.jfreeze.codec.Tensor;
import io.github.jfreeze.codec.VariableInfo;
import io.github.jfreeze.codec.testing.Chunks;
import io.github.jfreeze.codec.testing.FuzzFiles;
import io.github.jfreeze.codec.testing.TableRepair;
import io.github.jfreeze.codec.testing.TableWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Fuzz target for the V1 (tensor slices) reader: only {@link CorruptFileException} may escape. See codec/FUZZING.md. */
class V1FuzzTest {
  private static final Path DIR = FuzzFiles.scratchDir("v1");

  /**
   * One or two V1 files as {@link Chunks}: {@code [mode] [key] [value] ...}, written as a valid
   * table so the fuzzer works on SavedTensorSlices protos. Mode bit 1: the chunks after the mode
   * are raw table files instead (block checksums repaired when bit 2 is set too); bit 0: split the
   * entries over two shards, the metadata entry in both.
   */
  @FuzzTest(maxDuration = "10m")
  void v1(byte[] input) throws IOException {
    List<byte[]> chunks = Chunks.split(input);
    int mode = Chunks.get(chunks, 0).length > 0 ? Chunks.get(chunks, 0)[0] : 0;
    List<byte[]> files = new ArrayList<>();
    if ((mode & 2) != 0) {
      for (int i = 1; i < Math.min(chunks.size(), 3); i++) {
        byte[] f = chunks.get(i).clone();
        if ((mode & 4) != 0) {
          TableRepair.repairChecksums(f);
        }
        files.add(f);
      }
    } else {
      int shards = (mode & 1) != 0 ? 2 : 1;
      List<Map<byte[], byte[]>> entries = new ArrayList<>();
      for (int s = 0; s < shards; s++) {
        entries.add(new TreeMap<>(Arrays::compareUnsigned)); // a key given twice: the last wins
      }
      for (int i = 1; i + 1 < chunks.size(); i += 2) {
        if (chunks.get(i).length == 0) {
          for (Map<byte[], byte[]> m : entries) {
            m.put(new byte[0], chunks.get(i + 1));
          }
        } else {
          entries.get((i / 2) % shards).put(chunks.get(i), chunks.get(i + 1));
        }
      }
      for (Map<byte[], byte[]> m : entries) {
        files.add(TableWriter.write(m, 4096, false));
      }
    }
    FuzzFiles.clear(DIR);
    List<Path> paths = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      Path p = DIR.resolve(String.format("model.ckpt-%05d-of-%05d", i, files.size()));
      Files.write(p, files.get(i));
      paths.add(p);
    }
    try (V1Reader r = V1Reader.open(DIR.resolve("model.ckpt-?????-of-0000" + files.size()), paths, List.of())) {
      for (VariableInfo v : r.variables()) {
        Tensor t = r.read(v.key());
        if (!t.shape().equals(v.shape()) || t.dtype() != v.dtype()) {
          throw new AssertionError(v.key() + " is listed as " + v.dtype() + v.shape() + " but read as " + t);
        }
      }
    } catch (CorruptFileException e) {
      FuzzFiles.checkError(e);
    }
  }
}
