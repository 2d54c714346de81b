package io.github.jfreeze.freezer.internal;

import io.github.jfreeze.codec.graph.InitOps;
import io.github.jfreeze.codec.graph.OpVocabulary;
import io.github.jfreeze.freezer.FreezeException;
import io.github.jfreeze.freezer.FreezeException.Reason;
import io.github.jfreeze.freezer.FreezeReport.TableInit;
import io.github.jfreeze.proto.AttrValue;
import io.github.jfreeze.proto.DataType;
import io.github.jfreeze.proto.FunctionDef;
import io.github.jfreeze.proto.MetaGraphDef;
import io.github.jfreeze.proto.NodeDef;
import io.github.jfreeze.proto.TensorProto;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Freezing stage 1b, lookup tables: the tables the outputs use get their initialization embedded
 * in the frozen graph, so that it needs no file and no SavedModel loader.
 *
 * <p>The initialization is found as TF's loader finds it ({@link InitOps}: the {@code
 * __saved_model_init_op} signature, else the {@code saved_model_main_op} collection, else {@code
 * legacy_init_op}; and the {@code table_initializer} collection). A graph that names
 * none of these (a bare GraphDef) has its tables' initializers found beside the tables. For each
 * table an output reaches:
 *
 * <ul>
 *   <li>filled from tensors ({@code InitializeTableV2}, {@code LookupTableImportV2} and their V1
 *       forms, or a TF2 initializer function called with the table): kept, with the nodes its keys
 *       and values come from, which freezing turns into constants like every other node; refused
 *       when those depend on a placeholder, another table or a checkpoint read (filled at run time);
 *   <li>filled from a text file ({@code InitializeTableFromTextFileV2}/V1), in the graph or in a
 *       TF2 initializer function: the file (a SavedModel asset, a TF2 asset variable, or a path the
 *       graph holds) is read in pure Java ({@link TextFileTable}) and the initializer becomes {@code
 *       LookupTableImportV2} ({@code InitializeTable} for the V1 reference tables) of two Consts
 *       holding its contents; a TF2 asset variable becomes its asset's file name;
 *   <li>anything else (a dataset, inserts into a mutable table, no initializer at all): refused,
 *       naming the table, unless the user keeps the node that fills it ({@code initializerNodes}).
 * </ul>
 *
 * The kept initializers hang on one NoOp, {@link OpVocabulary#TABLE_INIT_NODE}, which is added to
 * the roots (an existing node of that name, as {@code tables_initializer} writes it, is rewritten).
 * Where the files are is {@link VocabularyFiles}; how they are read, {@link TextFileTable}.
 */
final class TableInitialization {
  /**
   * What was embedded.
   *
   * @param initNode the init node added to the roots, or null when no table needs one
   * @param tables one entry per table the outputs use
   * @param assetVariables TF2 asset variables (string resource variables a loader fills with an asset's
   *     path; not in the checkpoint) the kept initializers still pass, by node: frozen to the asset's
   *     file name, which nothing reads once the file's contents are embedded
   */
  record Embedded(String initNode, List<TableInit> tables, Map<String, ConstantValue> assetVariables) {}

  private TableInitialization() {}

  /**
   * Embeds the initialization of the tables {@code roots} reach, editing {@code nodes}.
   *
   * @param warnings where notes on files read from outside a SavedModel go
   * @throws FreezeException when a table's contents cannot be made constant
   */
  static Embedded embed(ModelInput in, NodeTable nodes, List<String> roots, Map<String, FunctionDef> functions,
      List<String> warnings) throws IOException {
    boolean anyTable = false;
    for (int i = 0; i < nodes.size() && !anyTable; i++) {
      anyTable = OpVocabulary.TABLES.contains(nodes.op(i));
    }
    if (!anyTable) {
      return new Embedded(null, List.of(), Map.of()); // no table: no walk of what the outputs reach
    }
    int[] reach = SubgraphExtractor.reachable(nodes, roots);
    BitSet reached = new BitSet(nodes.size());
    List<Integer> tables = new ArrayList<>();
    for (int i : reach) {
      reached.set(i);
      if (OpVocabulary.TABLES.contains(nodes.op(i))) {
        tables.add(i);
      }
    }
    if (tables.isEmpty()) {
      return new Embedded(null, List.of(), Map.of());
    }
    tables.sort(Integer::compare);
    Map<String, ConstantValue> assetVariables = new LinkedHashMap<>();
    Map<String, String> rewrittenFor = new LinkedHashMap<>(); // initializer functions rewritten, for which call
    String where = initDescription(in.meta);
    BitSet init = initCone(in.meta, nodes);
    NodeTable.Consumers consumers = nodes.consumers(null);
    List<TableInit> report = new ArrayList<>();
    List<String> kept = new ArrayList<>();
    for (int t : tables) {
      String table = nodes.name(t);
      List<Integer> writers = new ArrayList<>();
      for (int j = 0; j < consumers.count(t); j++) {
        int c = consumers.consumer(t, j);
        if (!nodes.isControl(c, consumers.position(t, j)) && (init == null || init.get(c))
            && (OpVocabulary.TABLE_WRITES.contains(nodes.op(c)) || isCall(nodes, functions, c)) && !writers.contains(c)) {
          writers.add(c);
        }
      }
      if (writers.stream().anyMatch(reached::get)) {
        // the outputs or the user's initializer nodes already keep what fills it
        writers.stream().filter(reached::get).forEach(w -> report.add(new TableInit(table, nodes.op(t), nodes.name(w),
            "kept as it is (named as an initializer node)", -1)));
        continue;
      }
      if (writers.isEmpty()) {
        throw new FreezeException(Reason.UNSUPPORTED, null, "table '" + table + "' (" + nodes.op(t) + "), which the outputs "
            + "use, " + (OpVocabulary.STATIC_TABLES.contains(nodes.op(t)) ? "has no initializer in " + where
            : "is filled at run time or restored from a checkpoint, not initialized by " + where)
            + ", so its contents cannot be made constant; freeze outputs that do not use it, or keep the node that "
            + "fills it with FreezeOptions.initializerNodes(...)");
      }
      for (int w : writers) {
        String op = nodes.op(w);
        String name = nodes.name(w);
        if (OpVocabulary.TABLE_FILE_INITIALIZERS.contains(op)) {
          report.add(fromTextFile(in, nodes, t, w, warnings));
        } else if (isCall(nodes, functions, w)) {
          boolean fromFiles = fromTextFileInFunctions(in, nodes, functions, t, w, warnings, assetVariables, report,
              rewrittenFor);
          checkConstantInputs(nodes, functions, t, w);
          if (!fromFiles) {
            report.add(new TableInit(table, nodes.op(t), name, "constant keys and values (" + op + " of the initializer "
                + "function " + String.join(", ", called(nodes, functions, w)) + ")", -1));
          }
        } else if (OpVocabulary.TABLE_TENSOR_INITIALIZERS.contains(op)) {
          checkConstantInputs(nodes, functions, t, w);
          report.add(new TableInit(table, nodes.op(t), name, "constant keys and values (" + op + ")", -1));
        } else {
          throw new FreezeException(Reason.UNSUPPORTED, null, "table '" + table + "' (" + nodes.op(t) + ") is filled by '"
              + name + "' (" + op + ") at run time, so its contents cannot be made constant; freeze outputs that do not "
              + "use it, or keep '" + name + "' with FreezeOptions.initializerNodes(...)");
        }
        kept.add(name);
      }
    }
    nodes.commit();
    if (kept.isEmpty()) {
      return new Embedded(null, report, Map.of());
    }
    NodeDef.Builder noOp = NodeDef.newBuilder().setName(OpVocabulary.TABLE_INIT_NODE).setOp("NoOp");
    kept.forEach(k -> noOp.addInput("^" + k));
    int existing = nodes.index(OpVocabulary.TABLE_INIT_NODE);
    if (existing >= 0) {
      nodes.replace(existing, noOp.build());
      nodes.commit();
    } else {
      nodes.add(noOp.build());
    }
    return new Embedded(OpVocabulary.TABLE_INIT_NODE, report, assetVariables);
  }

  /** Whether node {@code c} calls a library function (a TF2 initializer function takes the table so). */
  private static boolean isCall(NodeTable nodes, Map<String, FunctionDef> functions, int c) {
    return nodes.op(c).endsWith("PartitionedCall") || functions.containsKey(nodes.op(c));
  }

  /** The functions call {@code c} runs: its function attributes, or the function its op names. */
  private static List<String> called(NodeTable nodes, Map<String, FunctionDef> functions, int c) {
    return functions.containsKey(nodes.op(c)) ? List.of(nodes.op(c)) : ConstantConverter.calledFunctions(nodes.node(c));
  }

  /** The nodes TF's loader would run to initialize, or null when the model names none. */
  private static BitSet initCone(MetaGraphDef meta, NodeTable nodes) {
    List<String> roots = InitOps.roots(meta);
    if (roots.isEmpty()) {
      return null;
    }
    BitSet cone = new BitSet(nodes.size());
    for (int i : SubgraphExtractor.reachable(nodes, roots)) {
      cone.set(i);
    }
    return cone;
  }

  private static String initDescription(MetaGraphDef meta) {
    return InitOps.roots(meta).isEmpty() ? "the graph"
        : "the model's initialization (" + String.join(", ", InitOps.roots(meta)) + ")";
  }

  /** Refuses an initializer whose keys or values depend on what is known only at run time. */
  private static void checkConstantInputs(NodeTable nodes, Map<String, FunctionDef> functions, int table, int w)
      throws FreezeException {
    ArrayDeque<Integer> todo = new ArrayDeque<>();
    BitSet seen = new BitSet(nodes.size());
    for (int k = 0; k < nodes.inputCount(w); k++) {
      int p = nodes.producer(w, k);
      if (p >= 0 && p != table && !nodes.isControl(w, k)) {
        todo.add(p);
      }
    }
    while (!todo.isEmpty()) {
      int i = todo.poll();
      if (seen.get(i)) {
        continue;
      }
      seen.set(i);
      String op = nodes.op(i);
      if (OpVocabulary.REQUIRED_PLACEHOLDERS.contains(op) || OpVocabulary.TABLES.contains(op)
          || OpVocabulary.CHECKPOINT_IO.contains(op)
          || OpVocabulary.TABLE_WRITES.contains(op) || op.startsWith("Iterator") || op.startsWith("LookupTable")) {
        throw new FreezeException(Reason.UNSUPPORTED, null, "table '" + nodes.name(table) + "' is filled by '"
            + nodes.name(w) + "' (" + nodes.op(w) + ") from '" + nodes.name(i) + "' (" + op + "), known only at run time, "
            + "so its contents cannot be made constant; freeze outputs that do not use it, or keep '" + nodes.name(w)
            + "' with FreezeOptions.initializerNodes(...)");
      }
      for (int k = 0; k < nodes.inputCount(i); k++) {
        if (nodes.producer(i, k) >= 0) {
          todo.add(nodes.producer(i, k));
        }
      }
    }
    if (isCall(nodes, functions, w)) {
      for (String f : called(nodes, functions, w)) {
        FunctionDef def = functions.get(f);
        if (def != null && def.getNodeDefList().stream().anyMatch(n -> OpVocabulary.TABLE_FILE_INITIALIZERS.contains(n.getOp())
            || n.getOp().equals("InitializeTableFromDataset"))) {
          throw new FreezeException(Reason.UNSUPPORTED, null, "table '" + nodes.name(table) + "' is filled inside function '"
              + f + "' (called by '" + nodes.name(w) + "') from a file or a dataset, which jfreeze does not rewrite inside "
              + "functions; freeze outputs that do not use it, or keep '" + nodes.name(w) + "' with "
              + "FreezeOptions.initializerNodes(...)");
        }
      }
    }
  }

  /** Rewrites a text-file initializer into an import of the file's contents. */
  private static TableInit fromTextFile(ModelInput in, NodeTable nodes, int table, int w, List<String> warnings)
      throws IOException {
    NodeDef init = nodes.node(w);
    NodeDef t = nodes.node(table);
    String what = "'" + init.getName() + "' (" + init.getOp() + ", table '" + t.getName() + "')";
    Path file = VocabularyFiles.vocabularyFile(in, nodes, w, what, warnings);
    TextFileTable.Form form = form(init, t);
    TextFileTable.Contents contents = TextFileTable.read(file, form, what);
    boolean v2 = init.getOp().endsWith("V2");
    String keys = unique(nodes, init.getName() + "/keys");
    String values = unique(nodes, init.getName() + "/values");
    nodes.add(constant(keys, contents.keys(), init.getDevice()));
    nodes.add(constant(values, contents.values(), init.getDevice()));
    List<String> controls = init.getInputList().stream().filter(s -> s.startsWith("^")).toList();
    NodeDef.Builder b = nodes.edit(w).clear().setName(init.getName()).setOp(v2 ? "LookupTableImportV2" : "InitializeTable")
        .setDevice(init.getDevice()).addInput(init.getInput(0)).addInput(keys).addInput(values).addAllInput(controls);
    b.putAttr("Tin", AttrValue.newBuilder().setType(form.keyType()).build());
    b.putAttr(v2 ? "Tout" : "Tval", AttrValue.newBuilder().setType(form.valueType()).build());
    if (!v2) {
      b.putAttr("Tkey", b.getAttrOrThrow("Tin"));
      b.removeAttr("Tin");
    }
    return new TableInit(t.getName(), t.getOp(), init.getName(), "text file " + VocabularyFiles.source(in, file) + " (" + form.describe()
        + ") became " + b.getOp() + " of " + keys + ", " + values, contents.entries());
  }

  /**
   * Rewrites the text-file initializers inside the functions the call {@code w} runs (a TF2
   * initializer function: {@code InitializeTableFromTextFileV2} of the table argument and of the
   * file name, an argument or, for a TF2 asset, {@code ReadVariableOp} of the asset variable's
   * handle) into {@code LookupTableImportV2} of Consts in the body; the asset variable is recorded to
   * be frozen to the asset's file name.
   *
   * @return whether the functions held any (reported in {@code report})
   */
  private static boolean fromTextFileInFunctions(ModelInput in, NodeTable nodes, Map<String, FunctionDef> functions, int t,
      int w, List<String> warnings, Map<String, ConstantValue> assetVariables, List<TableInit> report,
      Map<String, String> rewrittenFor) throws IOException {
    NodeDef call = nodes.node(w);
    NodeDef table = nodes.node(t);
    boolean any = false;
    for (String name : called(nodes, functions, w)) {
      String other = rewrittenFor.get(name);
      if (other != null && !other.equals(call.getName())) {
        // its body now holds the contents of the file the other call passes
        throw new FreezeException(Reason.UNSUPPORTED, null, "initializer function " + name + " reads files that both '"
            + other + "' and '" + call.getName() + "' name, and jfreeze rewrites a function for one call only; keep '"
            + call.getName() + "' with FreezeOptions.initializerNodes(...)");
      }
      FunctionDef f = functions.get(name);
      if (f == null || f.getNodeDefList().stream().noneMatch(n -> OpVocabulary.TABLE_FILE_INITIALIZERS.contains(n.getOp()))) {
        continue;
      }
      List<String> args = f.getSignature().getInputArgList().stream().map(a -> a.getName()).toList();
      Map<String, NodeDef> body = new LinkedHashMap<>();
      f.getNodeDefList().forEach(n -> body.put(n.getName(), n));
      FunctionDef.Builder fb = f.toBuilder();
      for (int k = 0; k < fb.getNodeDefCount(); k++) {
        NodeDef b = fb.getNodeDef(k);
        if (!OpVocabulary.TABLE_FILE_INITIALIZERS.contains(b.getOp())) {
          continue;
        }
        String what = "'" + b.getName() + "' (" + b.getOp() + " in function " + name + ", called by '" + call.getName()
            + "', table '" + table.getName() + "')";
        int tableArg = args.indexOf(b.getInput(0));
        if (tableArg < 0 || nodes.producer(w, tableArg) != t) {
          throw new FreezeException(Reason.UNSUPPORTED, null, what + " fills a table other than the argument the call "
              + "passes it, which jfreeze does not follow; keep '" + call.getName() + "' with FreezeOptions.initializerNodes(...)");
        }
        String fileInput = b.getInput(1);
        NodeDef read = body.get(fileInput.contains(":") ? fileInput.substring(0, fileInput.indexOf(':')) : fileInput);
        boolean viaVariable = read != null && read.getOp().equals("ReadVariableOp") && args.contains(read.getInput(0));
        int fileArg = viaVariable ? args.indexOf(read.getInput(0)) : args.indexOf(fileInput);
        if (fileArg < 0) {
          throw new FreezeException(Reason.UNSUPPORTED, null, what + " reads a file name computed inside the function, "
              + "known only at run time; keep '" + call.getName() + "' with FreezeOptions.initializerNodes(...)");
        }
        int source = nodes.producer(w, fileArg);
        Path file;
        if (viaVariable) {
          int assign = VocabularyFiles.assetAssign(nodes, source);
          if (assign < 0) {
            throw new FreezeException(Reason.UNSUPPORTED, null, what + " reads its file name from variable '"
                + (source < 0 ? "?" : nodes.name(source)) + "', which no AssignVariableOp of the model's initialization "
                + "fills, so its contents cannot be made constant");
          }
          file = VocabularyFiles.fileOf(in, nodes, nodes.producer(assign, 1), what, warnings);
          String asset = file.getFileName().toString();
          TensorProto value = TensorProto.newBuilder().setDtype(DataType.DT_STRING)
              .setTensorShape(io.github.jfreeze.proto.TensorShapeProto.getDefaultInstance())
              .addStringVal(com.google.protobuf.ByteString.copyFromUtf8(asset)).build();
          assetVariables.put(nodes.name(source), new ConstantValue(io.github.jfreeze.codec.DType.of(DataType.DT_STRING),
              io.github.jfreeze.codec.TensorShape.of(), value, asset.length(), null));
        } else {
          file = VocabularyFiles.fileOf(in, nodes, source, what, warnings);
        }
        TextFileTable.Form form = form(b, table);
        TextFileTable.Contents contents = TextFileTable.read(file, form, what);
        String keys = uniqueIn(body, b.getName() + "/keys");
        String values = uniqueIn(body, b.getName() + "/values");
        body.put(keys, null);
        body.put(values, null);
        List<String> controls = b.getInputList().stream().filter(s -> s.startsWith("^")).toList();
        fb.setNodeDef(k, NodeDef.newBuilder().setName(b.getName()).setOp("LookupTableImportV2").setDevice(b.getDevice())
            .addInput(b.getInput(0)).addInput(keys + ":output:0").addInput(values + ":output:0").addAllInput(controls)
            .putAttr("Tin", AttrValue.newBuilder().setType(form.keyType()).build())
            .putAttr("Tout", AttrValue.newBuilder().setType(form.valueType()).build()));
        fb.addNodeDef(constant(keys, contents.keys(), b.getDevice()));
        fb.addNodeDef(constant(values, contents.values(), b.getDevice()));
        report.add(new TableInit(table.getName(), table.getOp(), call.getName(), "text file " + VocabularyFiles.source(in, file) + " ("
            + form.describe() + ") read in function " + name + ", whose " + b.getName()
            + " became LookupTableImportV2 of " + keys + ", " + values, contents.entries()));
        any = true;
      }
      functions.put(name, fb.build());
      rewrittenFor.put(name, call.getName());
    }
    return any;
  }

  private static String uniqueIn(Map<String, NodeDef> body, String base) {
    String name = base;
    for (int i = 1; body.containsKey(name); i++) {
      name = base + "_" + i;
    }
    return name;
  }

  private static TextFileTable.Form form(NodeDef init, NodeDef table) {
    return new TextFileTable.Form(attr(init, "key_index", 0), attr(init, "value_index", 0), attr(init, "vocab_size", -1),
        init.containsAttr("delimiter") ? init.getAttrOrThrow("delimiter").getS().toStringUtf8() : "\t",
        attr(init, "offset", 0), table.getAttrOrThrow("key_dtype").getType(), table.getAttrOrThrow("value_dtype").getType());
  }

  private static long attr(NodeDef n, String name, long fallback) {
    AttrValue v = n.getAttrOrDefault(name, null);
    return v == null ? fallback : v.getI();
  }

  private static String unique(NodeTable nodes, String base) {
    String name = base;
    for (int i = 1; nodes.contains(name); i++) {
      name = base + "_" + i;
    }
    return name;
  }

  private static NodeDef constant(String name, TensorProto value, String device) {
    return NodeDef.newBuilder().setName(name).setOp("Const").setDevice(device)
        .putAttr("dtype", AttrValue.newBuilder().setType(value.getDtype()).build())
        .putAttr("value", AttrValue.newBuilder().setTensor(value).build()).build();
  }

}
