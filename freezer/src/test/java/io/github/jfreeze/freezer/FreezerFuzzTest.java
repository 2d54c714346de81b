package io.github.jfreeze.freezer;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.jfreeze.codec.CorruptFileException;
import io.github.jfreeze.codec.ModelNotFoundException;
import io.github.jfreeze.codec.testing.FuzzFiles;
import io.github.jfreeze.codec.testing.TestPaths;
import io.github.jfreeze.proto.AttrValue;
import io.github.jfreeze.proto.DataType;
import io.github.jfreeze.proto.FunctionDef;
import io.github.jfreeze.proto.GraphDef;
import io.github.jfreeze.proto.MetaGraphDef;
import io.github.jfreeze.proto.NodeDef;
import io.github.jfreeze.proto.TensorProto;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Fuzz targets for the freezer on mutated graphs: each zoo model's checkpoint (read-only, in
 * testdata/) frozen with a damaged or rewritten {@code .meta} beside it. Whatever the graph, the
 * freezer either writes a frozen graph that parses, or fails with {@link FreezeException} or a
 * codec {@link CorruptFileException} and leaves nothing in the output directory. Never another
 * exception, never a hang. A {@code FreezeException} wrapping a runtime exception is the
 * freezer's safety net catching what its checks missed, and counts as a finding here. See
 * codec/FUZZING.md.
 */
class FreezerFuzzTest {
  private static final Path DIR = FuzzFiles.scratchDir("freezer");
  private static final List<Model> MODELS = loadModels();

  /** Operations the freezer treats specially, for mutations that change a node's op. */
  private static final String[] OPS = {"Identity", "VariableV2", "Variable", "VarHandleOp", "ReadVariableOp",
      "Assign", "AssignVariableOp", "AssignAdd", "Switch", "RefSwitch", "Merge", "Enter", "RefEnter", "Exit",
      "NextIteration", "LoopCond", "Placeholder", "PlaceholderWithDefault", "Const", "ResourceGather",
      "PartitionedCall", "StatefulPartitionedCall", "If", "StatelessIf", "While", "StatelessWhile", "Case",
      "StatelessCase", "RestoreV2", "SaveV2", "NoOp", "ConcatV2", "Unknown"};
  /** Attributes worth damaging. */
  private static final String[] ATTRS = {"dtype", "T", "shape", "value", "f", "then_branch", "else_branch", "body",
      "cond", "branches", "shared_name", "container", "Tin", "Tout", "_class", "frame_name", "Tparams", "N"};

  private record Model(String name, Path checkpoint, MetaGraphDef meta, List<String> inputs, List<String> outputs) {}

  private static List<Model> loadModels() {
    Path root = TestPaths.testdata().resolve("models");
    List<Model> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(root)) {
      for (Path dir : s.sorted().toList()) {
        JsonNode json = new ObjectMapper().readTree(dir.resolve("model.json").toFile());
        if (!"checkpoint".equals(json.path("kind").asText())) {
          continue;
        }
        List<String> outputs = new ArrayList<>();
        json.path("outputs").forEach(o -> outputs.add(o.asText()));
        List<String> inputs = new ArrayList<>();
        json.path("inputs").forEach(i -> inputs.add(i.path("name").asText()));
        MetaGraphDef meta = MetaGraphDef.parseFrom(Files.readAllBytes(dir.resolve(json.get("graph").asText())));
        out.add(new Model(dir.getFileName().toString(), dir.resolve(json.get("checkpoint").asText()), meta, inputs,
            outputs));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /**
   * The raw bytes of a {@code .meta}: the first byte picks the zoo model whose checkpoint and
   * outputs are used, the rest is the graph file. Seeds: each model's own {@code .meta}.
   */
  @FuzzTest(maxDuration = "10m")
  void rawGraph(byte[] input) throws IOException {
    if (input.length == 0) {
      return;
    }
    Model m = MODELS.get((input[0] & 0xff) % MODELS.size());
    Path graph = DIR.resolve("raw.meta");
    Files.write(graph, java.util.Arrays.copyOfRange(input, 1, input.length));
    freezeAndCheck(m, graph, m.outputs(), false);
  }

  /**
   * A model's MetaGraphDef rewritten structurally: nodes removed, renamed, retyped or rewired
   * (cycles, dangling inputs, control inputs), attributes damaged or dropped, function bodies and
   * signatures changed, and the outputs asked for changed; frozen as it is and flat
   * ({@code lowerControlFlow}: calls inlined, control flow lowered).
   */
  @FuzzTest(maxDuration = "10m")
  void mutatedGraph(FuzzedDataProvider data) throws IOException {
    Model m = MODELS.get(data.consumeInt(0, MODELS.size() - 1));
    MetaGraphDef.Builder meta = mutated(m, data);
    List<String> outputs = names(m.outputs(), meta, data);
    Path graph = DIR.resolve("mutated.meta");
    Files.write(graph, meta.build().toByteArray());
    freezeAndCheck(m, graph, outputs, false);
    // and flat: the same graph through the inliner and the lowering
    freezeAndCheck(m, graph, outputs, true);
  }

  /**
   * The same rewrites, then {@code convert} to a SavedModel with the model's inputs and outputs
   * (or others): a directory holding a SavedModel that parses and the checkpoint's bundle, or a
   * typed failure and nothing written.
   */
  @FuzzTest(maxDuration = "10m")
  void mutatedConvert(FuzzedDataProvider data) throws IOException {
    Model m = MODELS.get(data.consumeInt(0, MODELS.size() - 1));
    MetaGraphDef.Builder meta = mutated(m, data);
    List<String> inputs = names(m.inputs(), meta, data);
    List<String> outputs = names(m.outputs(), meta, data);
    Path graph = DIR.resolve("converted.meta");
    Files.write(graph, meta.build().toByteArray());
    Path outDir = DIR.resolve("convert");
    Files.createDirectories(outDir);
    FuzzFiles.clearTree(outDir);
    Path out = outDir.resolve("saved_model");
    boolean written;
    try {
      Freezer.convertToSavedModel(new ConvertOptions(m.checkpoint(), graph, inputs, outputs, out, false));
      io.github.jfreeze.proto.SavedModel.parseFrom(Files.readAllBytes(out.resolve("saved_model.pb")));
      if (!Files.exists(out.resolve("variables/variables.index"))) {
        throw new AssertionError(m.name() + ": converted without variables/variables.index");
      }
      written = true;
    } catch (FreezeException e) {
      checkError(e);
      written = false;
    } catch (CorruptFileException e) {
      FuzzFiles.checkError(e);
      written = false;
    }
    checkLeft(m, outDir, written ? List.of("saved_model") : List.of());
  }

  /** A SavedModel to fuzz: its directory (read-only) and the MetaGraphDef of its first tag set. */
  private record SavedModelInput(String name, Path dir, io.github.jfreeze.proto.SavedModel model) {}

  private static final List<SavedModelInput> SAVED_MODELS = loadSavedModels();

  /** The SavedModels in testdata/ and in the shared corpus (TF1 and TF2 exports of other projects). */
  private static List<SavedModelInput> loadSavedModels() {
    List<SavedModelInput> out = new ArrayList<>();
    List<Path> roots = List.of(TestPaths.testdata(), TestPaths.corpus());
    for (Path root : roots) {
      if (!Files.isDirectory(root)) {
        continue;
      }
      try (Stream<Path> s = Files.walk(root)) {
        for (Path pb : s.filter(p -> p.getFileName().toString().equals("saved_model.pb")).sorted().toList()) {
          var sm = io.github.jfreeze.proto.SavedModel.parseFrom(Files.readAllBytes(pb));
          if (sm.getMetaGraphsCount() > 0 && sm.getMetaGraphs(0).getMetaInfoDef().getTagsCount() > 0) {
            out.add(new SavedModelInput(root.relativize(pb.getParent()).toString(), pb.getParent(), sm));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  /**
   * A SavedModel (from testdata/ or the corpus: TF1 and TF2, signatures, functions, resource
   * variables) whose MetaGraphDef is rewritten as {@link #mutatedGraph} rewrites a {@code .meta},
   * frozen with its default signature or other outputs. Its {@code variables/} is the original's,
   * linked read-only.
   */
  @FuzzTest(maxDuration = "10m")
  void mutatedSavedModel(FuzzedDataProvider data) throws IOException {
    SavedModelInput in = SAVED_MODELS.get(data.consumeInt(0, SAVED_MODELS.size() - 1));
    MetaGraphDef first = in.model().getMetaGraphs(0);
    Model m = new Model(in.name(), in.dir(), first, List.of(), List.of());
    MetaGraphDef.Builder meta = mutated(m, data);
    List<String> outputs = data.consumeBoolean() ? List.of() : names(List.of(), meta, data);
    Path dir = DIR.resolve("saved_model");
    Files.createDirectories(dir);
    FuzzFiles.clearTree(dir);
    Files.write(dir.resolve("saved_model.pb"), in.model().toBuilder().setMetaGraphs(0, meta).build().toByteArray());
    if (Files.isDirectory(in.dir().resolve("variables"))) {
      Files.createSymbolicLink(dir.resolve("variables"), in.dir().resolve("variables").toAbsolutePath());
    }
    Path outDir = DIR.resolve("out-sm");
    Files.createDirectories(outDir);
    FuzzFiles.clear(outDir);
    Path out = outDir.resolve("frozen.pb");
    boolean written;
    try {
      FreezeReport report = Freezer.freeze(FreezeOptions.builder(dir).outputs(outputs).output(out)
          .tags(new java.util.LinkedHashSet<>(first.getMetaInfoDef().getTagsList())).build());
      if (report.outputBytes() != Files.size(out)) {
        throw new AssertionError(in.name() + ": report says " + report.outputBytes() + " bytes, the file has " + Files.size(out));
      }
      GraphDef.parseFrom(Files.readAllBytes(out));
      written = true;
    } catch (FreezeException e) {
      checkError(e);
      written = false;
    } catch (CorruptFileException e) {
      FuzzFiles.checkError(e);
      written = false;
    }
    checkLeft(m, outDir, written ? List.of("frozen.pb") : List.of());
  }

  /** A model's MetaGraphDef with 1 to 6 rewrites. */
  private static MetaGraphDef.Builder mutated(Model m, FuzzedDataProvider data) {
    MetaGraphDef.Builder meta = m.meta().toBuilder();
    int mutations = data.consumeInt(1, 6);
    for (int i = 0; i < mutations && data.remainingBytes() > 0; i++) {
      mutate(meta, data);
    }
    return meta;
  }

  /** Mostly {@code usual}; one time in four, one to three node names of the graph (maybe with an output index) or strings. */
  private static List<String> names(List<String> usual, MetaGraphDef.Builder meta, FuzzedDataProvider data) {
    if (data.consumeInt(0, 3) != 0) {
      return usual;
    }
    GraphDef g = meta.getGraphDef();
    List<String> out = new ArrayList<>();
    int n = data.consumeInt(1, 3);
    for (int i = 0; i < n; i++) {
      out.add(g.getNodeCount() > 0 && data.consumeBoolean()
          ? g.getNode(data.consumeInt(0, g.getNodeCount() - 1)).getName() + suffix(data)
          : data.consumeString(12));
    }
    return out;
  }

  /** A FreezeException from a check, not from the freezer's safety net. */
  private static void checkError(FreezeException e) {
    if (e.getCause() instanceof RuntimeException r) {
      throw r; // the safety net caught what a check before the rewrite should have: a finding
    }
    if (e.problem() == null || e.problem().isEmpty() || e.reason() == null) {
      throw new AssertionError("malformed FreezeException: " + e.reason() + ", " + e.problem(), e);
    }
  }

  private static void mutate(MetaGraphDef.Builder meta, FuzzedDataProvider data) {
    GraphDef.Builder g = meta.getGraphDefBuilder();
    int what = data.consumeInt(0, 9);
    if (what == 9) {
      mutateFunction(g, data);
      return;
    }
    if (g.getNodeCount() == 0) {
      return;
    }
    int at = data.consumeInt(0, g.getNodeCount() - 1);
    NodeDef.Builder n = g.getNodeBuilder(at);
    String other = g.getNode(data.consumeInt(0, g.getNodeCount() - 1)).getName();
    switch (what) {
      case 0 -> g.removeNode(at);
      case 1 -> n.setOp(OPS[data.consumeInt(0, OPS.length - 1)]);
      case 2 -> {
        String in = (data.consumeBoolean() ? "^" : "") + other + suffix(data);
        if (n.getInputCount() > 0 && data.consumeBoolean()) {
          n.setInput(data.consumeInt(0, n.getInputCount() - 1), in);
        } else {
          n.addInput(in);
        }
      }
      case 3 -> {
        if (n.getInputCount() > 0) {
          List<String> ins = new ArrayList<>(n.getInputList());
          ins.remove(data.consumeInt(0, ins.size() - 1));
          n.clearInput().addAllInput(ins);
        }
      }
      case 4 -> n.setName(data.consumeBoolean() ? other : data.consumeString(16));
      case 5 -> n.removeAttr(ATTRS[data.consumeInt(0, ATTRS.length - 1)]);
      case 6 -> n.putAttr(ATTRS[data.consumeInt(0, ATTRS.length - 1)], attr(data, other));
      case 7 -> {
        // damage the value of a Const or of a tensor-valued attribute in place
        AttrValue v = n.getAttrMap().get("value");
        if (v != null && v.hasTensor()) {
          TensorProto.Builder t = v.getTensor().toBuilder();
          if (data.consumeBoolean()) {
            t.setTensorContent(com.google.protobuf.ByteString.copyFrom(data.consumeBytes(64)));
          } else {
            t.getTensorShapeBuilder().clearDim().addDimBuilder().setSize(data.consumeLong());
          }
          n.putAttr("value", AttrValue.newBuilder().setTensor(t).build());
        }
      }
      default -> n.setDevice(data.consumeString(24));
    }
  }

  private static void mutateFunction(GraphDef.Builder g, FuzzedDataProvider data) {
    if (g.getLibrary().getFunctionCount() == 0) {
      return;
    }
    FunctionDef.Builder f = g.getLibraryBuilder().getFunctionBuilder(data.consumeInt(0, g.getLibrary().getFunctionCount() - 1));
    switch (data.consumeInt(0, 4)) {
      case 0 -> f.getSignatureBuilder().setName(data.consumeString(16));
      case 1 -> {
        if (f.getNodeDefCount() > 0) {
          f.removeNodeDef(data.consumeInt(0, f.getNodeDefCount() - 1));
        }
      }
      case 2 -> {
        if (f.getNodeDefCount() > 0) {
          NodeDef.Builder n = f.getNodeDefBuilder(data.consumeInt(0, f.getNodeDefCount() - 1));
          String target = f.getNodeDef(data.consumeInt(0, f.getNodeDefCount() - 1)).getName();
          n.addInput(target + (data.consumeBoolean() ? ":output:" + data.consumeInt(-1, 2) : ""));
        }
      }
      case 3 -> {
        if (f.getNodeDefCount() > 0) {
          f.getNodeDefBuilder(data.consumeInt(0, f.getNodeDefCount() - 1)).setOp(OPS[data.consumeInt(0, OPS.length - 1)]);
        }
      }
      default -> {
        if (f.getSignature().getInputArgCount() > 0) {
          f.getSignatureBuilder().removeInputArg(data.consumeInt(0, f.getSignature().getInputArgCount() - 1));
        } else {
          f.putRet(data.consumeString(8), data.consumeString(16));
        }
      }
    }
  }

  private static String suffix(FuzzedDataProvider data) {
    return data.consumeBoolean() ? ":" + data.consumeInt(-1, 3) : "";
  }

  private static AttrValue attr(FuzzedDataProvider data, String other) {
    AttrValue.Builder a = AttrValue.newBuilder();
    switch (data.consumeInt(0, 5)) {
      case 0 -> {
        DataType t = DataType.forNumber(data.consumeInt(0, 30));
        a.setType(t == null ? DataType.DT_STRING : t);
      }
      case 1 -> a.setTypeValue(data.consumeInt(-5, 200));
      case 2 -> a.getFuncBuilder().setName(data.consumeBoolean() ? other : data.consumeString(16));
      case 3 -> a.getShapeBuilder().addDimBuilder().setSize(data.consumeLong());
      case 4 -> a.setI(data.consumeLong());
      default -> a.setS(com.google.protobuf.ByteString.copyFrom(data.consumeBytes(16)));
    }
    return a.build();
  }

  /** Freezes into {@code DIR/out/frozen.pb}; checks the outcome and that nothing else is left there. */
  private static void freezeAndCheck(Model m, Path graph, List<String> outputs, boolean flat) throws IOException {
    Path outDir = DIR.resolve("out");
    Files.createDirectories(outDir);
    FuzzFiles.clear(outDir);
    Path out = outDir.resolve("frozen.pb");
    FreezeOptions options = FreezeOptions.builder(m.checkpoint()).graph(graph).outputs(outputs).output(out)
        .lowerControlFlow(flat).build();
    boolean written;
    try {
      FreezeReport report = Freezer.freeze(options);
      if (report.outputBytes() != Files.size(out)) {
        throw new AssertionError(m.name() + ": report says " + report.outputBytes() + " bytes, the file has " + Files.size(out));
      }
      GraphDef.parseFrom(Files.readAllBytes(out));
      written = true;
    } catch (FreezeException e) {
      checkError(e);
      written = false;
    } catch (CorruptFileException e) {
      FuzzFiles.checkError(e);
      written = false;
    } catch (ModelNotFoundException e) {
      throw new AssertionError("the checkpoint is there: " + e.getMessage(), e);
    }
    checkLeft(m, outDir, written ? List.of("frozen.pb") : List.of());
  }

  /** What is in {@code outDir} after a run: the output alone, or nothing (no temporary files). */
  private static void checkLeft(Model m, Path outDir, List<String> expected) throws IOException {
    try (Stream<Path> left = Files.list(outDir)) {
      List<String> names = left.map(p -> p.getFileName().toString()).sorted().toList();
      if (!names.equals(expected)) {
        throw new AssertionError(m.name() + ": the output directory holds " + names + ", expected " + expected);
      }
    }
  }
}
