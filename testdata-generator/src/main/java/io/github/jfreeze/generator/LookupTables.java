package io.github.jfreeze.generator;

import static io.github.jfreeze.generator.Spec.shape;

import io.github.jfreeze.bridge.internal.NativeGraphRunner;
import io.github.jfreeze.bridge.internal.NativeGraphRunner.Fetched;
import io.github.jfreeze.generator.ZooModel.Input;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.GraphOperation;
import org.tensorflow.GraphOperationBuilder;
import org.tensorflow.Output;
import org.tensorflow.proto.AssetFileDef;
import org.tensorflow.proto.CollectionDef;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.FunctionDef;
import org.tensorflow.proto.FunctionDefLibrary;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.MetaGraphDef;
import org.tensorflow.proto.SavedModel;
import org.tensorflow.proto.SaverDef;
import org.tensorflow.proto.SignatureDef;
import org.tensorflow.proto.TensorInfo;
import org.tensorflow.proto.TensorShapeProto;

/**
 * {@code models/lookup_tables}: a TF1 SavedModel ({@code builder.add_meta_graph_and_variables} with
 * a {@code main_op}, as an Estimator export writes it) whose string input {@code words} goes
 * through lookup tables, built node for node as {@code tf.compat.v1.lookup} builds them:
 *
 * <ul>
 *   <li>{@code vocab}: {@code HashTableV2} string to int64 from the asset {@code vocab.txt}, whole
 *       line to line number ({@code index_table_from_file}); the file has a {@code \r\n} line and
 *       no newline at its end;
 *   <li>{@code weights}: string to float, fields 0 and 1 of the asset {@code weights.csv} split at
 *       {@code ','}; {@code counts}: string to int32, fields 0 and 2 with {@code offset} 10 (which
 *       TF adds to int32 values);
 *   <li>{@code names}: int64 to string, line number (plus {@code offset} 1) to whole line of
 *       {@code vocab.txt}, its first 4 lines ({@code vocab_size} 4);
 *   <li>{@code boost}: string to float from constants ({@code LookupTableImportV2}, as
 *       {@code KeyValueTensorInitializer} writes it in TF2); {@code bias}: string to int64 from
 *       constants ({@code InitializeTableV2}, the TF1 form).
 * </ul>
 *
 * Outputs: {@code ids} (vocab), {@code scores} ((weights + boost) * the variable {@code scale}),
 * {@code names} (names of ids), {@code counts} (counts + bias, int64). The asset-path Consts hold
 * file names that exist nowhere but in {@code assets/}: the loader feeds their real paths
 * ({@code asset_file_def}). The init op is {@code main_op} (collection {@code saved_model_main_op}),
 * a group of {@code init_all_tables}; the {@code table_initializer} collection lists the
 * initializers. The expected values are what TF's C++ loader ({@code TF_LoadSessionFromSavedModel},
 * which restores the variables and runs the main op with the assets) computes; importing the graph,
 * restoring, running {@code main_op} with the asset paths fed must agree.
 */
final class LookupTables {
  private static final String PREDICT = "tensorflow/serving/predict";

  private LookupTables() {}

  static final String VOCAB = "the\nquick\nbrown\r\nfox\njumps\nover\nlazy\ndog";
  static final String WEIGHTS = "fox,2.5,7\nthe,-0.25,3\ndog, 1e-1 ,-4\nquick,3,0\n";

  static ZooModel write(Path dir) throws Exception {
    Files.createDirectories(dir.resolve("assets"));
    Files.writeString(dir.resolve("assets/vocab.txt"), VOCAB, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("assets/weights.csv"), WEIGHTS, StandardCharsets.UTF_8);
    List<String> initializers = new ArrayList<>();
    Map<String, String> assets = new LinkedHashMap<>();
    try (Tf1Graph g = new Tf1Graph()) {
      Output<?> words = g.placeholder("words", DataType.DT_STRING, -1);
      g.variable("scale", Spec.floats("scale", Tf1Graph.SCALAR, 0.5f));
      Output<?> vocabPath = g.constant("asset_path/vocab", Spec.utf8("p", Tf1Graph.SCALAR, "vocab.txt"));
      Output<?> weightsPath = g.constant("asset_path/weights", Spec.utf8("p", Tf1Graph.SCALAR, "weights.csv"));
      assets.put("asset_path/vocab", "vocab.txt");
      assets.put("asset_path/weights", "weights.csv");

      Output<?> vocab = table(g, "vocab", DataType.DT_STRING, DataType.DT_INT64);
      initializers.add(fromFile(g, "vocab/table_init", vocab, vocabPath, -2, -1, -1, "\t", 0));
      Output<?> weights = table(g, "weights", DataType.DT_STRING, DataType.DT_FLOAT);
      initializers.add(fromFile(g, "weights/table_init", weights, weightsPath, 0, 1, -1, ",", 0));
      Output<?> counts = table(g, "counts", DataType.DT_STRING, DataType.DT_INT32);
      initializers.add(fromFile(g, "counts/table_init", counts, weightsPath, 0, 2, -1, ",", 10));
      Output<?> names = table(g, "names", DataType.DT_INT64, DataType.DT_STRING);
      initializers.add(fromFile(g, "names/table_init", names, vocabPath, -1, -2, 4, "\t", 1));
      Output<?> boost = table(g, "boost", DataType.DT_STRING, DataType.DT_FLOAT);
      initializers.add(g.op("LookupTableImportV2", "boost/table_init").addInput(boost)
          .addInput(g.constant("boost/keys", Spec.utf8("k", shape(3), "fox", "dog", "cat")))
          .addInput(g.constant("boost/values", Spec.floats("v", shape(3), 2f, 3f, 4f)))
          .build().name());
      Output<?> bias = table(g, "bias", DataType.DT_STRING, DataType.DT_INT64);
      initializers.add(g.op("InitializeTableV2", "bias/table_init").addInput(bias)
          .addInput(g.constant("bias/keys", Spec.utf8("k", shape(2), "the", "lazy")))
          .addInput(g.constant("bias/values", Spec.longs("v", shape(2), 100L, 200L)))
          .build().name());

      Output<?> ids = find(g, "ids", vocab, words, g.constant("ids/default", Spec.longs("d", Tf1Graph.SCALAR, -1L)));
      Output<?> w = find(g, "weights_lookup", weights, words, g.scalar("weights_lookup/default", 0f));
      Output<?> b = find(g, "boost_lookup", boost, words, g.scalar("boost_lookup/default", 1f));
      g.node("Mul", "scores", g.node("AddV2", "scores/add", w, b), g.read("scale"));
      find(g, "names_lookup", names, ids, g.constant("names_lookup/default", Spec.utf8("d", Tf1Graph.SCALAR, "UNK")));
      g.node("Identity", "names", g.out("names_lookup"));
      Output<?> c = find(g, "counts_lookup", counts, words, g.constant("counts_lookup/default",
          Spec.ints("d", Tf1Graph.SCALAR, -1)));
      Output<?> c64 = g.op("Cast", "counts/Cast").addInput(c).setAttr("DstT", DataType.DT_INT64).build().output(0);
      g.node("AddV2", "counts_out", c64, find(g, "bias_lookup", bias, words,
          g.constant("bias_lookup/default", Spec.longs("d", Tf1Graph.SCALAR, 0L))));

      GraphOperationBuilder all = g.op("NoOp", "init_all_tables");
      initializers.forEach(i -> all.addControlInput(g.operation(i)));
      GraphOperation tablesInit = all.build();
      g.op("NoOp", "main_op").addControlInput(tablesInit).build();
      g.init();
      SaverDef saver = g.saver(false);
      g.w.run("init");
      Map<String, CollectionDef> collections = new LinkedHashMap<>();
      collections.put("saved_model_main_op", Tf1Graph.nodeCollection("main_op"));
      collections.put("table_initializer", Tf1Graph.nodeCollection(initializers.toArray(String[]::new)));
      writeSavedModel(g, saver, collections, assets, dir, SignatureDef.newBuilder().setMethodName(PREDICT)
          .putInputs("words", info("words:0", DataType.DT_STRING))
          .putOutputs("ids", info("ids:0", DataType.DT_INT64))
          .putOutputs("scores", info("scores:0", DataType.DT_FLOAT))
          .putOutputs("names", info("names:0", DataType.DT_STRING))
          .putOutputs("counts", info("counts_out:0", DataType.DT_INT64)).build(), null);
    }
    List<String> feedWords = List.of("fox", "the", "dog", "unknown", "brown", "lazy", "quick", "cat");
    List<byte[]> bytes = feedWords.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
    Input feed = new Input("words", DataType.DT_STRING, shape(-1),
        new Fetched(DataType.DT_STRING.getNumber(), shape(feedWords.size()), new byte[0], bytes));
    List<String> outputs = List.of("ids", "scores", "names", "counts_out");
    ZooModel model = new ZooModel(ZooModel.SAVED_MODEL, "variables/variables", "saved_model.pb", List.of(feed), outputs,
        "lookup tables filled from vocabulary assets and constants by the SavedModel's main op: a frozen graph "
            + "without them fails with 'Table not initialized'", null, new LinkedHashMap<>())
        .withExtra("tags", List.of("serve")).withExtra("init_op", "main_op").withExtra("assets", assets);
    Map<String, Fetched> viaImport = model.runNatively(dir);
    sameAsTheLoader(dir, List.of(feed), outputs, viaImport);
    return model;
  }

  /**
   * Checks TF's own C++ loader ({@code TF_LoadSessionFromSavedModel}: restore, then the init op with the
   * assets fed) computes what import + restore + init op computed. Not SavedModelBundle.load: TF Java
   * reruns the init op on the first run, without the assets.
   */
  static void sameAsTheLoader(Path dir, List<Input> feeds, List<String> outputs, Map<String, Fetched> viaImport)
      throws Exception {
    try (NativeGraphRunner loaded = NativeGraphRunner.loadSavedModel(dir.toString(), List.of("serve"), null)) {
      Map<String, Fetched> fed = new LinkedHashMap<>();
      feeds.forEach(f -> fed.put(f.name(), f.value()));
      List<Fetched> got = loaded.run(fed, outputs, List.of());
      for (int i = 0; i < outputs.size(); i++) {
        Fetched mine = viaImport.get(outputs.get(i));
        Fetched theirs = got.get(i);
        boolean same = Arrays.equals(theirs.data(), mine.data()) && Arrays.equals(theirs.shape(), mine.shape())
            && theirs.strings().size() == mine.strings().size();
        for (int k = 0; same && k < mine.strings().size(); k++) {
          same = Arrays.equals(theirs.strings().get(k), mine.strings().get(k));
        }
        if (!same) {
          throw new IllegalStateException(outputs.get(i) + ": the SavedModel loader and import + restore + init op disagree");
        }
      }
    }
  }

  /**
   * Saves the variables to {@code variables/variables} and writes {@code saved_model.pb}: tag {@code serve},
   * the assets, {@code serving_default} and, when given, the TF2 init op signature.
   */
  static void writeSavedModel(Tf1Graph g, SaverDef saver, Map<String, CollectionDef> collections,
      Map<String, String> assets, Path dir, SignatureDef serving, String initOp) throws Exception {
    Files.createDirectories(dir.resolve("variables"));
    g.save(saver, dir, "variables/variables");
    MetaGraphDef.Builder meta = g.metaGraph(saver, collections).toBuilder();
    meta.getMetaInfoDefBuilder().addTags("serve");
    assets.forEach((tensor, file) -> meta.addAssetFileDef(AssetFileDef.newBuilder().setFilename(file)
        .setTensorInfo(TensorInfo.newBuilder().setName(tensor + ":0").setDtype(DataType.DT_STRING)
            .setTensorShape(TensorShapeProto.getDefaultInstance()))));
    meta.putSignatureDef("serving_default", serving);
    if (initOp != null) {
      meta.putSignatureDef("__saved_model_init_op", SignatureDef.newBuilder()
          .putOutputs("__saved_model_init_op", TensorInfo.newBuilder().setName(initOp).build()).build());
    }
    SavedModel sm = SavedModel.newBuilder().setSavedModelSchemaVersion(1).addMetaGraphs(meta).build();
    Files.write(dir.resolve("saved_model.pb"), FixtureGenerator.deterministicBytes(sm));
  }

  /**
   * {@code models/tf2_static_table}: a TF2-style SavedModel as {@code tf.saved_model.save} writes a
   * {@code tf.Module} holding a {@code tf.lookup.StaticHashTable}: the table ({@code HashTableV2}) and
   * its keys and values are captured by the graph; the init op ({@code __saved_model_init_op}
   * signature, a {@code NoOp}) runs {@code StatefulPartitionedCall} of the initializer function
   * {@code __inference__initializer_8}, which takes the table handle, the keys and the values and
   * imports them ({@code LookupTableImportV2}); the serving function {@code __inference_serve_20}
   * takes the words and the table handle and looks the words up. {@code ids} = its result + the
   * resource variable {@code bias}.
   */
  static ZooModel tf2(Path dir) throws Exception {
    DataType res = DataType.DT_RESOURCE;
    FunctionDef init = ZooModels.function("__inference__initializer_8", fn -> {
      Output<?> table = fn.arg("table", res);
      Output<?> keys = fn.arg("keys", DataType.DT_STRING, 4);
      Output<?> values = fn.arg("values", DataType.DT_INT64, 4);
      GraphOperation imported = fn.op("LookupTableImportV2", "table_import").addInput(table).addInput(keys).addInput(values)
          .build();
      Output<?> done = fn.op("Identity", "Identity").addInput(fn.constant("Const", Spec.ints("c", Tf1Graph.SCALAR, 1)))
          .addControlInput(imported).build().output(0);
      return fn.signature().input("table", table).input("keys", keys).input("values", values).output("output", done);
    });
    init = ZooModels.withControlOutputs(init, "table_import"); // as tf.function lists the import it must run
    FunctionDef serve = serveFunction("__inference_serve_20");
    try (Tf1Graph g = new Tf1Graph()) {
      g.reimport(GraphDef.newBuilder().setLibrary(FunctionDefLibrary.newBuilder().addFunction(init).addFunction(serve)).build());
      Output<?> words = g.placeholder("words", DataType.DT_STRING, -1);
      Output<?> bias = g.resourceVariable("bias", Spec.longs("bias", Tf1Graph.SCALAR, 1000L), true, null);
      Output<?> table = table(g, "hash_table_module", DataType.DT_STRING, DataType.DT_INT64);
      GraphOperationBuilder call = g.op("StatefulPartitionedCall", "StatefulPartitionedCall").addInputList(new Output<?>[] {
          table, g.constant("Const", Spec.utf8("k", shape(4), "red", "green", "blue", "cyan")),
          g.constant("Const_1", Spec.longs("v", shape(4), 7L, 11L, 13L, 17L))})
          .setAttr("Tin", new DataType[] {res, DataType.DT_STRING, DataType.DT_INT64})
          .setAttr("Tout", new DataType[] {DataType.DT_INT32});
      call.setAttr("f", ZooModels.func(init));
      g.op("NoOp", "NoOp").addControlInput(call.build()).build();
      GraphOperationBuilder lookup = g.op("StatefulPartitionedCall", "StatefulPartitionedCall_1").addInputList(new Output<?>[] {words, table})
          .setAttr("Tin", new DataType[] {DataType.DT_STRING, res}).setAttr("Tout", new DataType[] {DataType.DT_INT64});
      lookup.setAttr("f", ZooModels.func(serve));
      g.node("AddV2", "ids", lookup.build().output(0), g.read("bias"));
      g.init();
      SaverDef saver = g.saver(false);
      g.w.run("init");
      writeSavedModel(g, saver, Map.of(), Map.of(), dir, SignatureDef.newBuilder().setMethodName(PREDICT)
          .putInputs("words", info("words:0", DataType.DT_STRING)).putOutputs("ids", info("ids:0", DataType.DT_INT64))
          .build(), "NoOp");
    }
    List<String> feedWords = List.of("blue", "magenta", "red", "cyan");
    Input feed = new Input("words", DataType.DT_STRING, shape(-1), new Fetched(DataType.DT_STRING.getNumber(),
        shape(feedWords.size()), new byte[0], feedWords.stream().map(w -> w.getBytes(StandardCharsets.UTF_8)).toList()));
    ZooModel model = new ZooModel(ZooModel.SAVED_MODEL, "variables/variables", "saved_model.pb", List.of(feed),
        List.of("ids"), "a TF2 StaticHashTable filled by an initializer function that the __saved_model_init_op runs",
        null, new LinkedHashMap<>()).withExtra("tags", List.of("serve")).withExtra("init_op", "NoOp");
    sameAsTheLoader(dir, List.of(feed), List.of("ids"), model.runNatively(dir));
    return model;
  }

  /**
   * {@code models/tf2_vocabulary_file}: a vocabulary file as {@code tf.saved_model.save} writes a
   * {@code tf.Module} holding a {@code StaticHashTable(TextFileInitializer(...))} (Keras {@code
   * StringLookup} with a file): the asset {@code assets/vocab.txt} is a string resource variable
   * {@code Variable} ({@code VarHandleOp}, not in the checkpoint) that {@code Variable/Assign} fills
   * from the placeholder {@code asset_path_initializer}, which the loader feeds with the file's path
   * ({@code asset_file_def}); the init op {@code NoOp} ({@code __saved_model_init_op}) runs {@code
   * StatefulPartitionedCall} of {@code __inference__initializer_12}(table handle, asset variable
   * handle), after the assign, whose body reads the path ({@code ReadVariableOp}) and fills the table
   * ({@code InitializeTableFromTextFileV2}, whole line to line number). {@code ids} = the lookup of
   * {@code words} (default -1) + the resource variable {@code bias}.
   */
  static ZooModel tf2VocabularyFile(Path dir) throws Exception {
    DataType res = DataType.DT_RESOURCE;
    Files.createDirectories(dir.resolve("assets"));
    Files.writeString(dir.resolve("assets/vocab.txt"), "red\ngreen\nblue\ncyan\n", StandardCharsets.UTF_8);
    FunctionDef init = ZooModels.function("__inference__initializer_12", fn -> {
      Output<?> table = fn.arg("table", res);
      Output<?> asset = fn.arg("asset", res);
      Output<?> path = fn.op("ReadVariableOp", "ReadVariableOp").addInput(asset).setAttr("dtype", DataType.DT_STRING)
          .build().output(0);
      GraphOperation filled = fn.op("InitializeTableFromTextFileV2", "text_file_init").addInput(table).addInput(path)
          .setAttr("key_index", -2L).setAttr("value_index", -1L).setAttr("vocab_size", -1L).setAttr("delimiter", "\t")
          .setAttr("offset", 0L).build();
      Output<?> done = fn.op("Identity", "Identity").addInput(fn.constant("Const", Spec.ints("c", Tf1Graph.SCALAR, 1)))
          .addControlInput(filled).build().output(0);
      return fn.signature().input("table", table).input("asset", asset).output("output", done);
    });
    init = ZooModels.withControlOutputs(init, "text_file_init"); // as tf.function lists the initializer it must run
    FunctionDef serve = serveFunction("__inference_serve_24");
    try (Tf1Graph g = new Tf1Graph()) {
      g.reimport(GraphDef.newBuilder().setLibrary(FunctionDefLibrary.newBuilder().addFunction(init).addFunction(serve)).build());
      Output<?> words = g.placeholder("words", DataType.DT_STRING, -1);
      Output<?> bias = g.resourceVariable("bias", Spec.longs("bias", Tf1Graph.SCALAR, 100L), true, null);
      Output<?> table = table(g, "hash_table_vocab", DataType.DT_STRING, DataType.DT_INT64);
      Output<?> assetPath = g.placeholder("asset_path_initializer", DataType.DT_STRING);
      Output<?> asset = g.op("VarHandleOp", "Variable").setAttr("dtype", DataType.DT_STRING)
          .setAttr("shape", org.tensorflow.ndarray.Shape.scalar()).setAttr("container", "").setAttr("shared_name", "Variable")
          .build().output(0);
      GraphOperation assign = g.op("AssignVariableOp", "Variable/Assign").addInput(asset).addInput(assetPath)
          .setAttr("dtype", DataType.DT_STRING).build();
      GraphOperationBuilder call = g.op("StatefulPartitionedCall", "StatefulPartitionedCall")
          .addInputList(new Output<?>[] {table, asset}).setAttr("Tin", new DataType[] {res, res})
          .setAttr("Tout", new DataType[] {DataType.DT_INT32}).addControlInput(assign);
      call.setAttr("f", ZooModels.func(init));
      g.op("NoOp", "NoOp").addControlInput(call.build()).addControlInput(assign).build();
      GraphOperationBuilder lookup = g.op("StatefulPartitionedCall", "StatefulPartitionedCall_1")
          .addInputList(new Output<?>[] {words, table}).setAttr("Tin", new DataType[] {DataType.DT_STRING, res})
          .setAttr("Tout", new DataType[] {DataType.DT_INT64});
      lookup.setAttr("f", ZooModels.func(serve));
      g.node("AddV2", "ids", lookup.build().output(0), g.read("bias"));
      g.init();
      SaverDef saver = g.saver(false);
      g.w.run("init");
      writeSavedModel(g, saver, Map.of(), Map.of("asset_path_initializer", "vocab.txt"), dir, SignatureDef.newBuilder()
          .setMethodName(PREDICT).putInputs("words", info("words:0", DataType.DT_STRING))
          .putOutputs("ids", info("ids:0", DataType.DT_INT64)).build(), "NoOp");
    }
    List<String> feedWords = List.of("blue", "magenta", "red", "cyan");
    Input feed = new Input("words", DataType.DT_STRING, shape(-1), new Fetched(DataType.DT_STRING.getNumber(),
        shape(feedWords.size()), new byte[0], feedWords.stream().map(w -> w.getBytes(StandardCharsets.UTF_8)).toList()));
    ZooModel model = new ZooModel(ZooModel.SAVED_MODEL, "variables/variables", "saved_model.pb", List.of(feed),
        List.of("ids"), "a TF2 vocabulary file: the asset's path in a string resource variable the loader fills, read by "
            + "the initializer function", null, new LinkedHashMap<>())
        .withExtra("tags", List.of("serve")).withExtra("init_op", "NoOp")
        .withExtra("assets", Map.of("asset_path_initializer", "vocab.txt"));
    sameAsTheLoader(dir, List.of(feed), List.of("ids"), model.runNatively(dir));
    return model;
  }

  /** A TF2 serving function {@code key}(words, table handle): the words looked up, -1 for the others. */
  private static FunctionDef serveFunction(String key) {
    return ZooModels.function(key, fn -> {
      Output<?> words = fn.arg("words", DataType.DT_STRING, -1);
      Output<?> table = fn.arg("table", DataType.DT_RESOURCE);
      Output<?> ids = fn.op("LookupTableFindV2", "None_Lookup/LookupTableFindV2").addInput(table).addInput(words)
          .addInput(fn.constant("default", Spec.longs("d", Tf1Graph.SCALAR, -1L))).build().output(0);
      return fn.signature().input("words", words).input("table", table).output("ids", ids);
    });
  }

  static TensorInfo info(String name, DataType dtype) {
    return TensorInfo.newBuilder().setName(name).setDtype(dtype)
        .setTensorShape(TensorShapeProto.newBuilder().addDim(TensorShapeProto.Dim.newBuilder().setSize(-1))).build();
  }

  /** {@code HashTableV2} named {@code name/hash_table}, shared by its name as Python's lookup ops share it. */
  private static Output<?> table(Tf1Graph g, String name, DataType key, DataType value) {
    return g.op("HashTableV2", name + "/hash_table").setAttr("key_dtype", key).setAttr("value_dtype", value)
        .setAttr("shared_name", name + "_table").setAttr("use_node_name_sharing", false).setAttr("container", "")
        .build().output(0);
  }

  private static String fromFile(Tf1Graph g, String name, Output<?> table, Output<?> path, long key, long value,
      long vocabSize, String delimiter, long offset) {
    return g.op("InitializeTableFromTextFileV2", name).addInput(table).addInput(path).setAttr("key_index", key)
        .setAttr("value_index", value).setAttr("vocab_size", vocabSize).setAttr("delimiter", delimiter)
        .setAttr("offset", offset).build().name();
  }

  private static Output<?> find(Tf1Graph g, String name, Output<?> table, Output<?> keys, Output<?> fallback) {
    return g.op("LookupTableFindV2", name).addInput(table).addInput(keys).addInput(fallback).build().output(0);
  }
}
