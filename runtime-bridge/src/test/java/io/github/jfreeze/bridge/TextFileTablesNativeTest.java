package io.github.jfreeze.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.protobuf.ByteString;
import io.github.jfreeze.bridge.internal.NativeGraphRunner;
import io.github.jfreeze.bridge.internal.NativeGraphRunner.Fetched;
import io.github.jfreeze.bridge.internal.NativeGraphRunner.NativeFailure;
import io.github.jfreeze.codec.graph.OpVocabulary;
import io.github.jfreeze.freezer.FreezeException;
import io.github.jfreeze.freezer.FreezeOptions;
import io.github.jfreeze.freezer.Freezer;
import io.github.jfreeze.proto.AttrValue;
import io.github.jfreeze.proto.DataType;
import io.github.jfreeze.proto.GraphDef;
import io.github.jfreeze.proto.NodeDef;
import io.github.jfreeze.proto.TensorProto;
import io.github.jfreeze.proto.TensorShapeProto;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * jfreeze's pure-Java reading of {@code InitializeTableFromTextFileV2} against native TF, form by
 * form: a graph with a {@code HashTableV2} filled from a file and a {@code LookupTableExportV2} of
 * it is run natively (initializer, then export); frozen, it must export exactly the same entries
 * with the file deleted, after its {@code init_all_tables}. Where TF fails to fill the table
 * (empty line, too few columns, a field that is not a number, a short file for {@code vocab_size},
 * a key given two values), the freeze must refuse. The V1 reference tables ({@code HashTable},
 * {@code InitializeTableFromTextFile}) become {@code InitializeTable} of the contents.
 */
class TextFileTablesNativeTest {
  @TempDir
  Path tmp;

  record Case(String name, String content, DataType key, DataType value, long keyIndex, long valueIndex, long vocabSize,
      String delimiter, long offset, boolean v1) {
    Case(String name, String content, DataType key, DataType value, long keyIndex, long valueIndex, long vocabSize,
        String delimiter, long offset) {
      this(name, content, key, value, keyIndex, valueIndex, vocabSize, delimiter, offset, false);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> cases() {
    DataType s = DataType.DT_STRING;
    DataType i64 = DataType.DT_INT64;
    DataType i32 = DataType.DT_INT32;
    DataType f = DataType.DT_FLOAT;
    DataType d = DataType.DT_DOUBLE;
    return Stream.of(
        new Case("vocabulary, CRLF, no last newline", "the\nquick\r\nbr\rown\nfox", s, i64, -2, -1, -1, "\t", 0),
        new Case("vocabulary, trailing newline", "a\nb\nc\n", s, i64, -2, -1, -1, "\t", 0),
        new Case("a lone CR at the end", "a\nb\n\r", s, i64, -2, -1, -1, "\t", 0),
        new Case("CR at the end of the last line", "a\nb\r", s, i64, -2, -1, -1, "\t", 0),
        new Case("truncated by vocab_size", "a\nb\nc\n", s, i64, -2, -1, 2, "\t", 0),
        new Case("line number to line, vocab_size, offset", "a\nb\nc\nd\n", i64, s, -1, -2, 3, "\t", 5),
        new Case("tab fields", "x\t1\ny\t-2\nz\t 30 \n", s, i64, 0, 1, -1, "\t", 0),
        new Case("comma float fields", "x,1.5,3\ny, -2e3 ,4\nz,.5,5\nw,7.,6\n", s, f, 0, 1, -1, ",", 0),
        new Case("double fields", "x;0.1\ny;1e-300\nz;-123456.789012345\n", s, d, 0, 1, -1, ";", 0),
        new Case("int32 fields with offset", "x,1,3\ny,2,-4\n", s, i32, 0, 2, -1, ",", 7),
        new Case("int64 whole line keys", "10\n-20\n30\n", i64, i64, -2, -1, -1, "\t", 0),
        new Case("int32 whole line values", "a\nb\n", i64, i32, -1, -1, -1, "\t", 0),
        new Case("empty fields", "a,,b\nc,d,\n", s, s, 2, 1, -1, ",", 0),
        new Case("same key, same value", "x,1\nx,1\ny,2\n", s, i64, 0, 1, -1, ",", 0),
        new Case("utf-8 keys", "\u00e9t\u00e9\n\u65e5\u672c\n", s, i64, -2, -1, -1, "\t", 0),
        new Case("empty line", "a\n\nb\n", s, i64, -2, -1, -1, "\t", 0),
        new Case("CRLF empty line", "a\r\n\r\nb\n", s, i64, -2, -1, -1, "\t", 0),
        new Case("too few columns", "a,1\nb\n", s, i64, 0, 1, -1, ",", 0),
        new Case("not an int64", "a,1\nb,x\n", s, i64, 0, 1, -1, ",", 0),
        new Case("plus sign", "a,+1\n", s, i64, 0, 1, -1, ",", 0),
        new Case("int32 overflow", "a,3000000000\n", s, i32, 0, 1, -1, ",", 0),
        new Case("short file for vocab_size", "a\nb\n", s, i64, -2, -1, 3, "\t", 0),
        new Case("same key, two values", "x,1\nx,2\n", s, i64, 0, 1, -1, ",", 0),
        new Case("V1 reference table, vocabulary", "a\nb\r\nc", s, i64, -2, -1, -1, "\t", 0, true),
        new Case("V1 reference table, fields", "x|2.5\ny|-1\n", s, f, 0, 1, -1, "|", 0, true)).map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void frozenTableHoldsWhatTensorFlowReads(Case c) throws IOException {
    NativeAssumptions.assumeNatives();
    Path file = tmp.resolve("vocab.txt");
    Files.write(file, c.content().getBytes(StandardCharsets.UTF_8));
    GraphDef graph = graph(c, file);
    Path pb = tmp.resolve("graph.pb");
    Files.write(pb, graph.toByteArray());
    List<String> original;
    try (NativeGraphRunner runner = new NativeGraphRunner(graph.toByteArray())) {
      try {
        runner.run(List.of(), List.of("init"));
      } catch (NativeFailure e) {
        FreezeException refused = assertThrows(FreezeException.class,
            () -> Freezer.freezeToGraph(FreezeOptions.builder(pb).outputs("export").build()),
            "TF fails (" + e.getMessage().lines().findFirst().orElse("") + "), so the freeze must refuse");
        assertTrue(refused.getMessage().contains("'init'"), refused.getMessage());
        return;
      }
      original = entries(runner.run(List.of("export:0", "export:1"), List.of()));
    } catch (NativeFailure e) {
      throw new AssertionError(e);
    }
    Freezer.Frozen frozen = Freezer.freezeToGraph(FreezeOptions.builder(pb).outputs("export").build());
    assertEquals(OpVocabulary.TABLE_INIT_NODE, frozen.report().initNode());
    Files.delete(file);
    try (NativeGraphRunner runner = new NativeGraphRunner(frozen.graph().toByteArray())) {
      runner.run(List.of(), List.of(OpVocabulary.TABLE_INIT_NODE));
      assertEquals(original, entries(runner.run(List.of("export:0", "export:1"), List.of())));
    } catch (NativeFailure e) {
      fail("native TF cannot run the frozen table: " + e.getMessage());
    }
  }

  /** The exported entries as sorted "key -> value" lines (export order is the hash table's). */
  private static List<String> entries(List<Fetched> kv) {
    List<String> keys = values(kv.get(0));
    List<String> vals = values(kv.get(1));
    assertEquals(keys.size(), vals.size());
    TreeSet<String> out = new TreeSet<>();
    for (int i = 0; i < keys.size(); i++) {
      out.add(keys.get(i) + " -> " + vals.get(i));
    }
    assertTrue(out.size() > 0, "the table holds entries");
    return new ArrayList<>(out);
  }

  private static List<String> values(Fetched f) {
    List<String> out = new ArrayList<>();
    if (!f.strings().isEmpty() || f.data().length == 0) {
      f.strings().forEach(b -> out.add(HexFormat.of().formatHex(b)));
      return out;
    }
    int width = f.data().length / (int) f.elements();
    for (int i = 0; i < f.elements(); i++) {
      out.add(HexFormat.of().formatHex(f.data(), i * width, (i + 1) * width));
    }
    return out;
  }

  private static GraphDef graph(Case c, Path file) {
    GraphDef.Builder g = GraphDef.newBuilder();
    g.addNode(NodeDef.newBuilder().setName("table").setOp(c.v1() ? "HashTable" : "HashTableV2").putAttr("key_dtype", type(c.key()))
        .putAttr("value_dtype", type(c.value())).putAttr("shared_name", AttrValue.newBuilder().setS(ByteString.copyFromUtf8("t")).build())
        .putAttr("container", AttrValue.newBuilder().setS(ByteString.EMPTY).build())
        .putAttr("use_node_name_sharing", AttrValue.newBuilder().setB(false).build()));
    g.addNode(NodeDef.newBuilder().setName("path").setOp("Const").putAttr("dtype", type(DataType.DT_STRING))
        .putAttr("value", AttrValue.newBuilder().setTensor(TensorProto.newBuilder().setDtype(DataType.DT_STRING)
            .setTensorShape(TensorShapeProto.getDefaultInstance()).addStringVal(ByteString.copyFromUtf8(file.toString()))).build()));
    g.addNode(NodeDef.newBuilder().setName("init").setOp(c.v1() ? "InitializeTableFromTextFile" : "InitializeTableFromTextFileV2").addInput("table").addInput("path")
        .putAttr("key_index", i(c.keyIndex())).putAttr("value_index", i(c.valueIndex())).putAttr("vocab_size", i(c.vocabSize()))
        .putAttr("delimiter", AttrValue.newBuilder().setS(ByteString.copyFromUtf8(c.delimiter())).build())
        .putAttr("offset", i(c.offset())));
    g.addNode(NodeDef.newBuilder().setName("export").setOp(c.v1() ? "LookupTableExport" : "LookupTableExportV2").addInput("table")
        .putAttr("Tkeys", type(c.key())).putAttr("Tvalues", type(c.value())));
    return g.build();
  }

  private static AttrValue type(DataType t) {
    return AttrValue.newBuilder().setType(t).build();
  }

  private static AttrValue i(long v) {
    return AttrValue.newBuilder().setI(v).build();
  }
}
