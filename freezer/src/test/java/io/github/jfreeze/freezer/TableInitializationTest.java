package io.github.jfreeze.freezer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.github.jfreeze.codec.testing.TestPaths;
import io.github.jfreeze.proto.AttrValue;
import io.github.jfreeze.proto.DataType;
import io.github.jfreeze.proto.GraphDef;
import io.github.jfreeze.proto.NodeDef;
import io.github.jfreeze.proto.TensorProto;
import io.github.jfreeze.proto.TensorShapeProto;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tables the outputs use: which initializations the freeze embeds, which it refuses and how it says
 * so (the native checks of what it embeds are {@code TextFileTablesNativeTest} and {@code
 * LookupTablesNativeTest} in the runtime bridge).
 */
class TableInitializationTest {
  @TempDir
  Path tmp;

  private Freezer.Frozen freeze(GraphDef g, List<String> initializers, String... outputs) throws IOException {
    Path pb = tmp.resolve("graph.pb");
    Files.write(pb, g.toByteArray());
    return Freezer.freezeToGraph(FreezeOptions.builder(pb).outputs(outputs).initializerNodes(initializers).build());
  }

  private FreezeException refused(GraphDef g, String... outputs) {
    return assertThrows(FreezeException.class, () -> freeze(g, List.of(), outputs));
  }

  @Test
  void theSavedModelsMainOpIsFoundAndItsVocabularyEmbedded() throws IOException {
    Freezer.Frozen f = Freezer.freezeToGraph(FreezeOptions.builder(TestPaths.testdata().resolve("models/lookup_tables"))
        .outputs("names").build());
    assertEquals("init_all_tables", f.report().initNode());
    // names reads the vocab table (ids) and the names table: both from assets/vocab.txt
    assertEquals(List.of("vocab/hash_table", "names/hash_table"), f.report().tables().stream().map(FreezeReport.TableInit::table).toList());
    Map<String, NodeDef> nodes = f.graph().getNodeList().stream().collect(Collectors.toMap(NodeDef::getName, n -> n));
    NodeDef init = nodes.get("init_all_tables");
    assertEquals("NoOp", init.getOp());
    assertEquals(List.of("^vocab/table_init", "^names/table_init"), init.getInputList());
    NodeDef names = nodes.get("names/table_init");
    assertEquals("LookupTableImportV2", names.getOp());
    TensorProto keys = nodes.get("names/table_init/keys").getAttrOrThrow("value").getTensor();
    assertEquals(List.of(1L, 2L, 3L, 4L), keys.getInt64ValList(), "line numbers plus offset 1, vocab_size 4");
    TensorProto values = nodes.get("names/table_init/values").getAttrOrThrow("value").getTensor();
    assertEquals(List.of("the", "quick", "brown", "fox"), values.getStringValList().stream().map(ByteString::toStringUtf8).toList());
    assertTrue(nodes.values().stream().noneMatch(n -> n.getOp().startsWith("InitializeTableFromTextFile")));
  }

  /**
   * An asset is a file inside the SavedModel's assets/: a name with {@code ../}, or a link that
   * leads out, is refused, so a model cannot have another file of the machine frozen into it. The
   * TF-written {@code lookup_tables} is copied; its asset names (or its vocab.txt) are then changed.
   */
  @Test
  void assetsThatLeadOutOfTheAssetsDirectoryAreRefused() throws IOException {
    Path src = TestPaths.testdata().resolve("models/lookup_tables");
    Path secret = Files.writeString(tmp.resolve("secret.txt"), "red\ngreen\n");
    for (String how : List.of("dotdot", "absolute", "link")) {
      Path dir = tmp.resolve(how);
      try (var files = Files.walk(src)) {
        for (Path f : files.toList()) {
          Path to = dir.resolve(src.relativize(f).toString());
          if (Files.isDirectory(f)) {
            Files.createDirectories(to);
          } else {
            Files.copy(f, to);
          }
        }
      }
      if (how.equals("link")) {
        Files.delete(dir.resolve("assets/vocab.txt"));
        Files.createSymbolicLink(dir.resolve("assets/vocab.txt"), secret);
      } else {
        io.github.jfreeze.proto.SavedModel.Builder sm = io.github.jfreeze.proto.SavedModel.newBuilder()
            .mergeFrom(Files.readAllBytes(dir.resolve("saved_model.pb")));
        for (var a : sm.getMetaGraphsBuilder(0).getAssetFileDefBuilderList()) {
          if (a.getFilename().equals("vocab.txt")) {
            a.setFilename(how.equals("dotdot") ? "../../secret.txt" : secret.toString());
          }
        }
        Files.write(dir.resolve("saved_model.pb"), sm.build().toByteArray());
      }
      FreezeException e = assertThrows(FreezeException.class,
          () -> Freezer.freezeToGraph(FreezeOptions.builder(dir).outputs("names").build()), how);
      assertTrue(e.getMessage().contains("leads out of the SavedModel's assets/ directory"), how + ": " + e.getMessage());
    }
  }

  @Test
  void aTf2VocabularyFileReadInsideItsInitializerFunctionIsEmbeddedThere() throws IOException {
    Freezer.Frozen f = Freezer.freezeToGraph(FreezeOptions.builder(TestPaths.testdata().resolve("models/tf2_vocabulary_file"))
        .outputs("ids").build());
    FreezeReport.TableInit t = f.report().tables().get(0);
    assertEquals(4, t.entries());
    assertTrue(t.how().startsWith("text file assets/vocab.txt (key=whole line, value=line number) read in function "
        + "__inference__initializer_12"), t.how());
    // the asset variable, which the checkpoint lacks, holds the asset's file name
    FreezeReport.ConvertedVariable asset = f.report().variables().stream().filter(v -> v.node().equals("Variable"))
        .findFirst().orElseThrow();
    assertEquals("string", asset.dtype());
    NodeDef assetConst = f.graph().getNodeList().stream().filter(n -> n.getName().equals("Variable")).findFirst().orElseThrow();
    assertEquals("vocab.txt", assetConst.getAttrOrThrow("value").getTensor().getStringVal(0).toStringUtf8());
    var init = f.graph().getLibrary().getFunctionList().stream()
        .filter(fn -> fn.getSignature().getName().startsWith("__inference__initializer_12")).findFirst().orElseThrow();
    assertTrue(init.getNodeDefList().stream().noneMatch(n -> n.getOp().startsWith("InitializeTableFromTextFile")));
    NodeDef values = init.getNodeDefList().stream().filter(n -> n.getName().equals("text_file_init/values")).findFirst()
        .orElseThrow();
    assertEquals(List.of(0L, 1L, 2L, 3L), values.getAttrOrThrow("value").getTensor().getInt64ValList());
  }

  @Test
  void aTableFilledFromAPlaceholderIsRefusedUnlessItsInitializerIsKept() throws IOException {
    GraphDef g = graph(table("t", "HashTableV2"), placeholder("keys", DataType.DT_STRING), placeholder("vals", DataType.DT_INT64),
        node("fill", "InitializeTableV2", "t", "keys", "vals"), find("out", "t"), stringConst("q", "a"),
        longConst("dflt", -1));
    FreezeException e = refused(g, "out");
    assertEquals(FreezeException.Reason.UNSUPPORTED, e.reason());
    assertTrue(e.getMessage().contains("table 't' is filled by 'fill' (InitializeTableV2) from 'keys' (Placeholder), known only "
        + "at run time"), e.getMessage());
    assertTrue(e.getMessage().contains("keep 'fill' with FreezeOptions.initializerNodes(...)"), e.getMessage());
    Freezer.Frozen kept = freeze(g, List.of("fill"), "out");
    assertNull(kept.report().initNode(), "the user's node is kept as it is; nothing to add");
    assertEquals("kept as it is (named as an initializer node)", kept.report().tables().get(0).how());
  }

  @Test
  void aMutableTableFilledAtRunTimeIsRefusedNamingIt() {
    GraphDef g = graph(table("m", "MutableHashTableV2"), placeholder("k", DataType.DT_STRING), placeholder("v", DataType.DT_INT64),
        node("insert", "LookupTableInsertV2", "m", "k", "v"), find("out", "m"), stringConst("q", "a"), longConst("dflt", -1));
    FreezeException e = refused(g, "out");
    assertTrue(e.getMessage().contains("table 'm' (MutableHashTableV2) is filled by 'insert' (LookupTableInsertV2) at run time"),
        e.getMessage());
  }

  @Test
  void aTableImportedFromACheckpointReadIsRefused() {
    GraphDef g = graph(table("t", "HashTableV2"), stringConst("prefix", "model.ckpt"), stringConst("names", "t-keys"),
        stringConst("slices", ""), NodeDef.newBuilder().setName("restore").setOp("RestoreV2").addInput("prefix")
            .addInput("names").addInput("slices").build(),
        node("import", "LookupTableImportV2", "t", "restore:0", "restore:1"), find("out", "t"), stringConst("q", "a"),
        longConst("dflt", -1));
    FreezeException e = refused(g, "out");
    assertTrue(e.getMessage().contains("table 't' is filled by 'import' (LookupTableImportV2) from 'restore' (RestoreV2), known "
        + "only at run time"), e.getMessage());
  }

  @Test
  void aTableWithNoInitializerIsRefused() {
    GraphDef g = graph(table("t", "HashTableV2"), find("out", "t"), stringConst("q", "a"), longConst("dflt", -1));
    FreezeException e = refused(g, "out");
    assertTrue(e.getMessage().contains("table 't' (HashTableV2), which the outputs use, has no initializer in the graph"),
        e.getMessage());
  }

  @Test
  void aVocabularyNamedAtRunTimeOrMissingIsRefused() {
    GraphDef fed = graph(table("t", "HashTableV2"), placeholder("path", DataType.DT_STRING), textInit("init", "t", "path"),
        find("out", "t"), stringConst("q", "a"), longConst("dflt", -1));
    FreezeException e = refused(fed, "out");
    assertTrue(e.getMessage().contains("reads the file named by 'path' (Placeholder), known only at run time"), e.getMessage());
    GraphDef missing = graph(table("t", "HashTableV2"), stringConst("path", "no/such/vocab.txt"), textInit("init", "t", "path"),
        find("out", "t"), stringConst("q", "a"), longConst("dflt", -1));
    FreezeException m = refused(missing, "out");
    assertTrue(m.getMessage().contains("reads 'no/such/vocab.txt' (Const 'path'), which is neither a SavedModel asset nor a "
        + "file that exists"), m.getMessage());
  }

  @Test
  void aBadVocabularyIsRefusedNamingTheFileAndLine() throws IOException {
    Path vocab = tmp.resolve("vocab.txt");
    Files.writeString(vocab, "a\n\nb\n");
    GraphDef g = graph(table("t", "HashTableV2"), stringConst("path", vocab.toString()), textInit("init", "t", "path"),
        find("out", "t"), stringConst("q", "a"), longConst("dflt", -1));
    FreezeException e = refused(g, "out");
    assertEquals(vocab, e.file());
    assertTrue(e.getMessage().contains("line 2 is empty"), e.getMessage());
  }

  @Test
  void anExistingInitAllTablesNodeIsRewrittenAndAPathReadIsNoted() throws IOException {
    Path vocab = tmp.resolve("vocab.txt");
    Files.writeString(vocab, "x\ny\n");
    GraphDef g = graph(table("t", "HashTableV2"), table("unused", "HashTableV2"), stringConst("path", vocab.toString()),
        textInit("init", "t", "path"), textInit("init_unused", "unused", "path"),
        NodeDef.newBuilder().setName("init_all_tables").setOp("NoOp").addInput("^init").addInput("^init_unused").build(),
        find("out", "t"), stringConst("q", "a"), longConst("dflt", -1));
    Freezer.Frozen f = freeze(g, List.of(), "out");
    NodeDef init = f.graph().getNodeList().stream().filter(n -> n.getName().equals("init_all_tables")).findFirst().orElseThrow();
    assertEquals(List.of("^init"), init.getInputList(), "only the initializers of tables the outputs use");
    assertTrue(f.graph().getNodeList().stream().noneMatch(n -> n.getName().equals("unused")));
    assertTrue(f.report().warnings().stream().anyMatch(w -> w.contains("reads " + vocab + ", a path the graph holds")),
        f.report().warnings().toString());
    assertEquals(2, f.report().tables().get(0).entries());
  }

  private static GraphDef graph(NodeDef... nodes) {
    return GraphDef.newBuilder().addAllNode(List.of(nodes)).build();
  }

  private static NodeDef table(String name, String op) {
    return NodeDef.newBuilder().setName(name).setOp(op).putAttr("key_dtype", type(DataType.DT_STRING))
        .putAttr("value_dtype", type(DataType.DT_INT64)).build();
  }

  private static NodeDef placeholder(String name, DataType dtype) {
    return NodeDef.newBuilder().setName(name).setOp("Placeholder").putAttr("dtype", type(dtype)).build();
  }

  private static NodeDef node(String name, String op, String... inputs) {
    return NodeDef.newBuilder().setName(name).setOp(op).addAllInput(List.of(inputs))
        .putAttr("Tin", type(DataType.DT_STRING)).putAttr("Tout", type(DataType.DT_INT64)).build();
  }

  private static NodeDef textInit(String name, String table, String path) {
    return NodeDef.newBuilder().setName(name).setOp("InitializeTableFromTextFileV2").addInput(table).addInput(path)
        .putAttr("key_index", AttrValue.newBuilder().setI(-2).build())
        .putAttr("value_index", AttrValue.newBuilder().setI(-1).build()).build();
  }

  private static NodeDef find(String name, String table) {
    return NodeDef.newBuilder().setName(name).setOp("LookupTableFindV2").addInput(table).addInput("q").addInput("dflt")
        .putAttr("Tin", type(DataType.DT_STRING)).putAttr("Tout", type(DataType.DT_INT64)).build();
  }

  private static NodeDef stringConst(String name, String value) {
    return NodeDef.newBuilder().setName(name).setOp("Const").putAttr("dtype", type(DataType.DT_STRING))
        .putAttr("value", AttrValue.newBuilder().setTensor(TensorProto.newBuilder().setDtype(DataType.DT_STRING)
            .setTensorShape(TensorShapeProto.getDefaultInstance()).addStringVal(ByteString.copyFromUtf8(value))).build()).build();
  }

  private static NodeDef longConst(String name, long value) {
    return NodeDef.newBuilder().setName(name).setOp("Const").putAttr("dtype", type(DataType.DT_INT64))
        .putAttr("value", AttrValue.newBuilder().setTensor(TensorProto.newBuilder().setDtype(DataType.DT_INT64)
            .setTensorShape(TensorShapeProto.getDefaultInstance()).addInt64Val(value)).build()).build();
  }

  private static AttrValue type(DataType t) {
    return AttrValue.newBuilder().setType(t).build();
  }
}
