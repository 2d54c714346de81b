package io.github.jfreeze.codec.testing;

import com.google.protobuf.TextFormat;
import io.github.jfreeze.codec.table.BlockHandle;
import io.github.jfreeze.codec.table.Table;
import io.github.jfreeze.codec.table.TableEntry;
import io.github.jfreeze.proto.GraphDef;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes the committed seed inputs of the fuzz targets from the fixtures and the corpus (small
 * files only, a few hundred KB in all). Run from the repository root after a build:
 *
 * <pre>
 * java -cp codec/target/test-classes:codec/target/classes:$(cat codec/target/test.classpath) \
 *     io.github.jfreeze.codec.testing.FuzzSeeds testdata ../shared/corpus codec/src/test/resources
 * </pre>
 *
 * Findings kept as regression inputs ({@code crash-*}, named for what they broke) are not touched.
 */
public final class FuzzSeeds {
  private final Path testdata;
  private final Path corpus;
  private final Path resources;

  private FuzzSeeds(Path testdata, Path corpus, Path resources) {
    this.testdata = testdata;
    this.corpus = corpus;
    this.resources = resources;
  }

  public static void main(String[] args) throws IOException {
    FuzzSeeds s = new FuzzSeeds(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]));
    s.tables();
    s.snappy();
    s.bundles();
    s.v1();
    s.checkpointStates();
    s.graphs();
  }

  private Path dir(String testClass, String method) throws IOException {
    Path d = resources.resolve("io/github/jfreeze/codec").resolve(testClass + "Inputs").resolve(method);
    Files.createDirectories(d);
    return d;
  }

  private static byte[] prefixed(int first, byte[] rest) {
    byte[] out = new byte[rest.length + 1];
    out[0] = (byte) first;
    System.arraycopy(rest, 0, out, 1, rest.length);
    return out;
  }

  private Path ckpt(String rel) {
    return testdata.resolve("checkpoints").resolve(rel);
  }

  private void tables() throws IOException {
    Path d = dir("table/TableFuzzTest", "table");
    String[][] files = {
      {"dtypes-index", ckpt("dtypes/model.ckpt.index").toString()},
      {"partitioned-index", ckpt("partitioned/model.ckpt.index").toString()},
      {"sharded-index", ckpt("sharded/model.ckpt.index").toString()},
      {"strings-index", ckpt("strings/model.ckpt.index").toString()},
      {"v1-slices", ckpt("v1_slices/model.ckpt").toString()},
      {"snappy-index", corpus.resolve("serving_saved_model_half_plus_two_cpu/00000123/variables/variables.index").toString()},
      {"snappy-tf2-index", corpus.resolve("serving_saved_model_half_plus_two_tf2_cpu/00000123/variables/variables.index").toString()},
    };
    for (String[] f : files) {
      byte[] b = Files.readAllBytes(Path.of(f[1]));
      Files.write(d.resolve(f[0]), prefixed(0, b));
      Files.write(d.resolve(f[0] + "-repaired"), prefixed(1, b));
    }
    // round trips: the entries of two indexes, rewritten in 256-byte blocks, plain and Snappy
    List<byte[]> entries = entries(ckpt("partitioned/model.ckpt.index"));
    Files.write(d.resolve("roundtrip-partitioned"), prefixed(2 | (2 << 2), Chunks.join(entries)));
    Files.write(d.resolve("roundtrip-partitioned-snappy"), prefixed(3 | (2 << 2), Chunks.join(entries)));
  }

  private void snappy() throws IOException {
    Path d = dir("table/TableFuzzTest", "snappy");
    int n = 0;
    for (String rel : List.of("serving_saved_model_half_plus_two_cpu/00000123/variables/variables.index",
        "serving_saved_model_half_plus_two_tf2_cpu/00000123/variables/variables.index")) {
      Path index = corpus.resolve(rel);
      byte[] file = Files.readAllBytes(index);
      try (Table t = Table.open(index)) {
        BlockHandle h = t.dataBlocks().get(0);
        Files.write(d.resolve("index-block-" + n++), Arrays.copyOfRange(file, (int) h.offset(), (int) (h.offset() + h.size())));
      }
    }
    byte[] text = "layer_with_weights-0/kernel/.ATTRIBUTES/VARIABLE_VALUE ".repeat(20).getBytes(StandardCharsets.US_ASCII);
    Files.write(d.resolve("repetitive-text"), org.xerial.snappy.Snappy.compress(text));
    byte[] runs = new byte[3000];
    for (int i = 0; i < runs.length; i++) {
      runs[i] = (byte) (i / 700);
    }
    Files.write(d.resolve("long-runs"), org.xerial.snappy.Snappy.compress(runs));
  }

  /** The entries of a table as [key, value, key, value, ...]. */
  private static List<byte[]> entries(Path table) throws IOException {
    List<byte[]> out = new ArrayList<>();
    try (Table t = Table.open(table)) {
      Table.Cursor c = t.cursor();
      for (TableEntry e = c.next(); e != null; e = c.next()) {
        byte[] v = new byte[e.value().remaining()];
        e.value().duplicate().get(v);
        out.add(e.key());
        out.add(v);
      }
    }
    return out;
  }

  private void bundles() throws IOException {
    Path d = dir("bundle/BundleFuzzTest", "bundle");
    String[][] bundles = {
      {"dtypes", ckpt("dtypes/model.ckpt").toString()},
      {"partitioned", ckpt("partitioned/model.ckpt").toString()},
      {"tf2-object", ckpt("tf2_object/ckpt-1").toString()},
      {"tf1-training", ckpt("tf1_training/model.ckpt-3").toString()},
      {"sharded", ckpt("sharded/model.ckpt").toString()},
      {"tfjs-int64", corpus.resolve("tfjs_node_int64_multiply/variables/variables").toString()},
    };
    for (String[] b : bundles) {
      Path prefix = Path.of(b[1]);
      Path index = prefix.resolveSibling(prefix.getFileName() + ".index");
      Path data = prefix.resolveSibling(prefix.getFileName() + (b[0].equals("sharded") ? ".data-00000-of-00002" : ".data-00000-of-00001"));
      List<byte[]> chunks = new ArrayList<>();
      chunks.add(new byte[] {0});
      chunks.add(Files.readAllBytes(data));
      chunks.addAll(entries(index));
      Files.write(d.resolve(b[0]), Chunks.join(chunks));
      if (b[0].equals("dtypes")) {
        Files.write(d.resolve(b[0] + "-raw-index"), Chunks.join(List.of(new byte[] {6}, Files.readAllBytes(data),
            Files.readAllBytes(index))));
      }
    }
  }

  private void v1() throws IOException {
    Path d = dir("v1/V1FuzzTest", "v1");
    for (String[] v : new String[][] {{"v1-single", "v1_single/model.ckpt"}, {"v1-slices", "v1_slices/model.ckpt"}}) {
      List<byte[]> chunks = new ArrayList<>();
      chunks.add(new byte[] {0});
      chunks.addAll(entries(ckpt(v[1])));
      Files.write(d.resolve(v[0]), Chunks.join(chunks));
    }
    Path s0 = ckpt("v1_sharded/model.ckpt-00000-of-00002");
    Path s1 = ckpt("v1_sharded/model.ckpt-00001-of-00002");
    Files.write(d.resolve("v1-sharded-raw"), Chunks.join(List.of(new byte[] {2}, Files.readAllBytes(s0), Files.readAllBytes(s1))));
    Path bad = corpus.resolve("serving_bad_half_plus_two_v1/00000123/export");
    Files.write(d.resolve("serving-export-raw-repaired"), Chunks.join(List.of(new byte[] {6}, Files.readAllBytes(bad))));
  }

  private void checkpointStates() throws IOException {
    Path d = dir("FormatFuzzTest", "checkpointState");
    Files.copy(ckpt("tf1_training/checkpoint"), d.resolve("tf1-training"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.copy(ckpt("tf2_object/checkpoint"), d.resolve("tf2-object"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.copy(ckpt("v1_sharded/checkpoint"), d.resolve("v1-pattern"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.copy(corpus.resolve("serving_bad_half_plus_two_v1/00000123/checkpoint"), d.resolve("absolute-path"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  private void graphs() throws IOException {
    Path d = dir("FormatFuzzTest", "graphFile");
    Path frozen = corpus.resolve("tf2onnx_regression/graphdef/frozen.pb");
    Files.write(d.resolve("frozen-graphdef"), prefixed(0, Files.readAllBytes(frozen)));
    Files.write(d.resolve("saved-model"), prefixed(1, Files.readAllBytes(corpus.resolve("serving_matrix_half_plus_two/1/saved_model.pb"))));
    Files.write(d.resolve("meta-graph"), prefixed(2, Files.readAllBytes(corpus.resolve("tfnet_meta/cond_test.meta"))));
    String text = TextFormat.printer().printToString(GraphDef.parseFrom(Files.readAllBytes(frozen)));
    Files.write(d.resolve("graphdef-text"), prefixed(3, text.getBytes(StandardCharsets.UTF_8)));
  }
}
