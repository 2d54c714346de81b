package io.github.jfreeze.freezer.internal;

import io.github.jfreeze.codec.Suggestions;
import com.google.protobuf.CodedOutputStream;
import io.github.jfreeze.codec.CheckpointFormat;
import io.github.jfreeze.codec.DType;
import io.github.jfreeze.codec.bundle.BundleReader;
import io.github.jfreeze.freezer.ConvertOptions;
import io.github.jfreeze.freezer.ConvertReport;
import io.github.jfreeze.freezer.FreezeException;
import io.github.jfreeze.freezer.FreezeException.Reason;
import io.github.jfreeze.freezer.ProgressSampler;
import io.github.jfreeze.proto.AttrValue;
import io.github.jfreeze.proto.DataType;
import io.github.jfreeze.proto.MetaGraphDef;
import io.github.jfreeze.proto.NodeDef;
import io.github.jfreeze.proto.OpDef;
import io.github.jfreeze.proto.SavedModel;
import io.github.jfreeze.proto.SignatureDef;
import io.github.jfreeze.proto.TensorInfo;
import io.github.jfreeze.proto.TensorShapeProto;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a TF1-style SavedModel from a checkpoint and its MetaGraphDef: {@code saved_model.pb}
 * with one MetaGraphDef tagged {@code serve} (the graph, its saver and collections, and a {@code
 * serving_default} predict signature), and {@code variables/} holding the checkpoint's bundle,
 * copied and renamed {@code variables.index} / {@code variables.data-K-of-N}. TF's SavedModel
 * loader restores it through the saver's restore op, as it does for SavedModels Python writes.
 */
public final class SavedModelWriter {
  public static final String SERVING_DEFAULT = "serving_default";
  public static final String PREDICT_METHOD = "tensorflow/serving/predict";

  private SavedModelWriter() {}

  public static ConvertReport convert(ConvertOptions o) throws IOException {
    try (ModelInput in = ModelInput.open(o.input(), o.graph(), Set.of("serve"))) {
      return GraphFailures.naming(in.graphFile, "converter", () -> convert(o, in));
    }
  }

  private static ConvertReport convert(ConvertOptions o, ModelInput in) throws IOException {
    Path out = AtomicOutput.check(o.output(), in.inputPaths(), o.force(), true);
    if (in.checkpoint == null) {
      throw new FreezeException(Reason.NO_CHECKPOINT, o.input(), "no checkpoint found to put in the SavedModel's variables/");
    }
    if (in.checkpoint.format() != CheckpointFormat.V2) {
      throw new FreezeException(Reason.UNSUPPORTED, in.checkpoint.prefix(), "a V1 checkpoint cannot go into a SavedModel, "
          + "whose variables/ must be a V2 bundle; freeze it to a GraphDef instead (jfreeze freeze)");
    }
    if (in.meta == null || !in.meta.hasSaverDef() || in.meta.getSaverDef().getRestoreOpName().isEmpty()) {
      throw new FreezeException(Reason.UNSUPPORTED, in.graphFile, "the graph has no saver (a MetaGraphDef with saver_def), "
          + "so a SavedModel could not restore its variables; pass the checkpoint's .meta");
    }
    if (o.inputs().isEmpty() || o.outputs().isEmpty()) {
      throw new FreezeException(Reason.NO_OUTPUTS, null, "a serving signature needs ConvertOptions.inputs() and ConvertOptions.outputs() (node names, or key=node:0)");
    }
    MetaGraphDef meta = in.meta;
    Map<String, NodeDef> nodes = new HashMap<>();
    meta.getGraphDef().getNodeList().forEach(n -> nodes.put(n.getName(), n));
    for (String required : List.of(meta.getSaverDef().getRestoreOpName(), meta.getSaverDef().getFilenameTensorName())) {
      if (!nodes.containsKey(TensorRef.nodeName(required))) {
        throw new FreezeException(Reason.UNSUPPORTED, in.graphFile, "the saver names " + required + ", which is not in the graph");
      }
    }
    Map<String, OpDef> ops = new HashMap<>();
    meta.getMetaInfoDef().getStrippedOpList().getOpList().forEach(op -> ops.put(op.getName(), op));
    List<String> warnings = new ArrayList<>(in.warnings);
    SignatureDef.Builder sig = SignatureDef.newBuilder().setMethodName(PREDICT_METHOD);
    List<String> inLines = new ArrayList<>();
    List<String> outLines = new ArrayList<>();
    for (String spec : o.inputs()) {
      var e = tensorInfo(spec, nodes, ops, warnings);
      sig.putInputs(e.getKey(), e.getValue());
      inLines.add(describe(e.getKey(), e.getValue()));
    }
    for (String spec : o.outputs()) {
      var e = tensorInfo(spec, nodes, ops, warnings);
      sig.putOutputs(e.getKey(), e.getValue());
      outLines.add(describe(e.getKey(), e.getValue()));
    }
    MetaGraphDef.Builder mg = meta.toBuilder();
    mg.getMetaInfoDefBuilder().clearTags().addTags("serve");
    mg.putSignatureDef(SERVING_DEFAULT, sig.build());
    List<String> signatureTensors = new ArrayList<>();
    sig.getInputsMap().values().forEach(t -> signatureTensors.add(t.getName()));
    sig.getOutputsMap().values().forEach(t -> signatureTensors.add(t.getName()));
    // what TF's loader would refuse is refused here, before anything is written
    GraphValidator.validate(meta.getGraphDef(), signatureTensors);
    SavedModel sm = SavedModel.newBuilder().setSavedModelSchemaVersion(1).addMetaGraphs(mg).build();
    Path source = in.checkpoint.prefix();
    int shards = in.checkpoint.shards();
    long[] bytes = {0};
    AtomicOutput.writeDirectory(out, o.force(), dir -> {
      try (OutputStream os = Files.newOutputStream(dir.resolve("saved_model.pb"))) {
        CodedOutputStream cos = CodedOutputStream.newInstance(os);
        cos.useDeterministicSerialization();
        sm.writeTo(cos);
        cos.flush();
      }
      Path vars = Files.createDirectory(dir.resolve("variables"));
      Path prefix = vars.resolve("variables");
      long total = Files.size(BundleReader.indexFile(source));
      for (int i = 0; i < shards; i++) {
        total += Files.size(BundleReader.dataFile(source, i, shards));
      }
      try (ProgressSampler sampler = ProgressSampler.start(o.progress(), total, () -> sizeOfFiles(vars))) {
        Files.copy(BundleReader.indexFile(source), BundleReader.indexFile(prefix));
        for (int i = 0; i < shards; i++) {
          Path target = BundleReader.dataFile(prefix, i, shards);
          Files.copy(BundleReader.dataFile(source, i, shards), target);
          bytes[0] += Files.size(target);
        }
        sampler.finish();
      }
    });
    return new ConvertReport(out, inLines, outLines, in.checkpoint.variables().size(), bytes[0], warnings);
  }

  /** The bytes of the files in {@code dir} now (they grow while copied). */
  private static long sizeOfFiles(Path dir) throws IOException {
    long sum = 0;
    try (var files = Files.list(dir)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        sum += Files.size(f);
      }
    }
    return sum;
  }

  private static String describe(String key, TensorInfo t) {
    DType d = t.getDtypeValue() == 0 ? null : DType.find(t.getDtypeValue());
    String dtype = d == null ? "unknown" : d.pythonName();
    return key + " -> " + t.getName() + " (" + dtype + ", " + shape(t.getTensorShape()) + ")";
  }

  /** A shape as messages write it: {@code [2, ?]}, or {@code unknown rank}. */
  static String shape(TensorShapeProto s) {
    if (s.getUnknownRank()) {
      return "unknown rank";
    }
    List<String> d = new ArrayList<>();
    s.getDimList().forEach(x -> d.add(x.getSize() < 0 ? "?" : Long.toString(x.getSize())));
    return "[" + String.join(", ", d) + "]";
  }

  /** {@code node}, {@code node:1} or {@code key=node:1} to a signature entry. */
  private static Map.Entry<String, TensorInfo> tensorInfo(String spec, Map<String, NodeDef> nodes, Map<String, OpDef> ops,
      List<String> warnings) throws FreezeException {
    String key = null;
    String tensor = spec;
    int eq = spec.indexOf('=');
    if (eq > 0) {
      key = spec.substring(0, eq);
      tensor = spec.substring(eq + 1);
    }
    TensorRef ref = TensorRef.parse(tensor);
    NodeDef node = nodes.get(ref.node());
    if (node == null) {
      throw new FreezeException(Reason.NOT_IN_GRAPH, null, "'" + ref.node() + "' is not in the graph; closest names: "
          + String.join(", ", Suggestions.closest(ref.node(), nodes.keySet(), 5)));
    }
    if (key == null) {
      key = ref.node();
    }
    TensorInfo.Builder info = TensorInfo.newBuilder().setName(ref.node() + ":" + ref.index());
    DataType dtype = outputType(node, ref.index(), ops);
    info.setDtype(dtype);
    if (dtype == DataType.DT_INVALID) {
      warnings.add("could not tell the dtype of " + info.getName() + " (" + node.getOp() + "); its signature entry says DT_INVALID");
    }
    AttrValue shapes = node.getAttrOrDefault("_output_shapes", null);
    if (shapes != null && shapes.getList().getShapeCount() > ref.index()) {
      info.setTensorShape(shapes.getList().getShape(ref.index()));
    } else if (node.containsAttr("shape") && ref.index() == 0) {
      info.setTensorShape(node.getAttrOrThrow("shape").getShape());
    } else {
      info.setTensorShape(TensorShapeProto.newBuilder().setUnknownRank(true));
    }
    return Map.entry(key, info.build());
  }

  /** {@code t}, or DT_INVALID for a number this TF version does not define (the signature cannot name it). */
  private static DataType known(DataType t) {
    return t == DataType.UNRECOGNIZED ? DataType.DT_INVALID : t;
  }

  /** Output dtype from the op's definition in the MetaGraphDef, or from common attributes. */
  static DataType outputType(NodeDef node, int index, Map<String, OpDef> ops) {
    OpDef op = ops.get(node.getOp());
    if (op != null) {
      int i = 0;
      for (OpDef.ArgDef arg : op.getOutputArgList()) {
        int count = 1;
        if (!arg.getNumberAttr().isEmpty()) {
          count = (int) node.getAttrOrDefault(arg.getNumberAttr(), AttrValue.getDefaultInstance()).getI();
        } else if (!arg.getTypeListAttr().isEmpty()) {
          var types = node.getAttrOrDefault(arg.getTypeListAttr(), AttrValue.getDefaultInstance()).getList().getTypeList();
          if (index < i + types.size()) {
            return known(types.get(index - i));
          }
          i += types.size();
          continue;
        }
        if (index < i + count) {
          if (arg.getType() != DataType.DT_INVALID) {
            return known(arg.getType());
          }
          return known(node.getAttrOrDefault(arg.getTypeAttr(), AttrValue.getDefaultInstance()).getType());
        }
        i += count;
      }
    }
    for (String attr : List.of("dtype", "DstT", "output_type", "out_type", "T")) {
      AttrValue v = node.getAttrOrDefault(attr, null);
      if (v != null && v.getValueCase() == AttrValue.ValueCase.TYPE) {
        return known(v.getType());
      }
    }
    return DataType.DT_INVALID;
  }
}
