package io.github.jfreeze.codec.graph;

import io.github.jfreeze.codec.DType;
import io.github.jfreeze.proto.CollectionDef;
import io.github.jfreeze.proto.MetaGraphDef;
import io.github.jfreeze.proto.SavedModel;
import io.github.jfreeze.proto.SaverDef;
import io.github.jfreeze.proto.SignatureDef;
import io.github.jfreeze.proto.TensorInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a MetaGraphDef ({@code .meta} file, or one graph of a SavedModel) holds besides its graph:
 * version, tags, saver, collections and signatures (what {@code saved_model_cli show --all}
 * prints), plus the {@link GraphSummary} of its graph.
 */
public final class MetaGraphSummary {

  /**
   * The {@link SaverDef}: how {@code tf.train.Saver} saves and restores this graph.
   *
   * @param version {@code V2}, {@code V1} or {@code LEGACY} (V1 written before the field existed)
   */
  public record Saver(String version, boolean sharded, String filenameTensor, String saveTensor, String restoreOp,
      int maxToKeep, float keepCheckpointEveryNHours) {}

  /**
   * A named collection.
   *
   * @param kind {@code node_list}, {@code bytes_list}, {@code int64_list}, {@code float_list},
   *     {@code any_list}, or {@code none} when empty
   */
  public record Collection(String name, String kind, int size) {}

  /**
   * One input or output of a signature.
   *
   * @param key the signature's name for it ({@code x})
   * @param name the graph tensor ({@code x:0}); for a sparse tensor the values tensor; empty for a
   *     composite tensor
   * @param encoding {@code name}, {@code coo_sparse} or {@code composite_tensor}
   * @param dtype {@code null} when not a known type (composite tensors have none)
   */
  public record TensorSpec(String key, String name, String encoding, DType dtype, PartialShape shape) {}

  /** A {@link SignatureDef}, inputs and outputs sorted by key. */
  public record Signature(String key, String methodName, List<TensorSpec> inputs, List<TensorSpec> outputs) {}

  private final MetaGraphDef meta;
  private final GraphSummary graph;
  private final List<Collection> collections;
  private final List<Signature> signatures;

  private MetaGraphSummary(MetaGraphDef meta) {
    this(meta, GraphSummary.of(meta));
  }

  /** {@code meta} with the summary of its graph (which {@code meta} itself may leave out: {@link GraphScan}). */
  MetaGraphSummary(MetaGraphDef meta, GraphSummary graph) {
    this.meta = meta;
    this.graph = graph;
    List<Collection> cols = new ArrayList<>();
    new TreeMap<>(meta.getCollectionDefMap()).forEach((name, c) -> cols.add(collection(name, c)));
    this.collections = List.copyOf(cols);
    List<Signature> sigs = new ArrayList<>();
    new TreeMap<>(meta.getSignatureDefMap()).forEach((key, s) ->
        sigs.add(new Signature(key, s.getMethodName(), specs(s.getInputsMap()), specs(s.getOutputsMap()))));
    this.signatures = List.copyOf(sigs);
  }

  /**
   * Summarizes a MetaGraphDef and its graph.
   *
   * @param meta the MetaGraphDef
   * @return its summary
   * @throws NullPointerException if {@code meta} is null
   */
  public static MetaGraphSummary of(MetaGraphDef meta) {
    return new MetaGraphSummary(Objects.requireNonNull(meta, "meta is null"));
  }

  /**
   * One summary per MetaGraphDef of a SavedModel, in file order.
   *
   * @param savedModel the SavedModel
   * @return the summaries of its MetaGraphDefs
   */
  public static List<MetaGraphSummary> of(SavedModel savedModel) {
    return savedModel.getMetaGraphsList().stream().map(MetaGraphSummary::of).toList();
  }

  private static Collection collection(String name, CollectionDef c) {
    return switch (c.getKindCase()) {
      case NODE_LIST -> new Collection(name, "node_list", c.getNodeList().getValueCount());
      case BYTES_LIST -> new Collection(name, "bytes_list", c.getBytesList().getValueCount());
      case INT64_LIST -> new Collection(name, "int64_list", c.getInt64List().getValueCount());
      case FLOAT_LIST -> new Collection(name, "float_list", c.getFloatList().getValueCount());
      case ANY_LIST -> new Collection(name, "any_list", c.getAnyList().getValueCount());
      case KIND_NOT_SET -> new Collection(name, "none", 0);
    };
  }

  private static List<TensorSpec> specs(Map<String, TensorInfo> infos) {
    List<TensorSpec> out = new ArrayList<>();
    new TreeMap<>(infos).forEach((key, t) -> {
      String encoding = t.getEncodingCase().name().toLowerCase(Locale.ROOT);
      String name = switch (t.getEncodingCase()) {
        case NAME -> t.getName();
        case COO_SPARSE -> t.getCooSparse().getValuesTensorName();
        default -> "";
      };
      if (t.getEncodingCase() == TensorInfo.EncodingCase.ENCODING_NOT_SET) {
        encoding = "none";
      }
      DType dtype = t.getDtypeValue() == 0 ? null : DType.find(t.getDtypeValue());
      PartialShape shape = t.hasTensorShape() ? PartialShape.fromProto(t.getTensorShape()) : PartialShape.UNKNOWN;
      out.add(new TensorSpec(key, name, encoding, dtype, shape));
    });
    return List.copyOf(out);
  }

  /**
   * The summary of the graph itself.
   *
   * @return the graph's summary
   */
  public GraphSummary graph() {
    return graph;
  }

  /**
   * {@code meta_info_def.tags} ({@code serve}, {@code train}, ...), as stored.
   *
   * @return the tags
   */
  public List<String> tags() {
    return meta.getMetaInfoDef().getTagsList();
  }

  /**
   * The TF version that wrote it, as stored (empty when not recorded).
   *
   * @return {@code meta_info_def.tensorflow_version}
   */
  public String tensorflowVersion() {
    return meta.getMetaInfoDef().getTensorflowVersion();
  }

  /**
   * The git version of the TF that wrote it, as stored (empty when not recorded).
   *
   * @return {@code meta_info_def.tensorflow_git_version}
   */
  public String tensorflowGitVersion() {
    return meta.getMetaInfoDef().getTensorflowGitVersion();
  }

  /**
   * Ops of the stripped op list (the ops the graph needs), or 0 when not stored.
   *
   * @return the number of ops in {@code meta_info_def.stripped_op_list}
   */
  public int strippedOpCount() {
    return meta.getMetaInfoDef().getStrippedOpList().getOpCount();
  }

  /**
   * The graph's {@link SaverDef}, if it has one.
   *
   * @return the saver, or empty when the MetaGraphDef has no {@code saver_def}
   */
  public Optional<Saver> saver() {
    if (!meta.hasSaverDef()) {
      return Optional.empty();
    }
    SaverDef s = meta.getSaverDef();
    String version = s.getVersion() == SaverDef.CheckpointFormatVersion.UNRECOGNIZED
        ? "UNKNOWN(" + s.getVersionValue() + ")" : s.getVersion().name();
    return Optional.of(new Saver(version, s.getSharded(), s.getFilenameTensorName(), s.getSaveTensorName(),
        s.getRestoreOpName(), s.getMaxToKeep(), s.getKeepCheckpointEveryNHours()));
  }

  /**
   * Collections by name.
   *
   * @return the collections, sorted by name
   */
  public List<Collection> collections() {
    return collections;
  }

  /**
   * Signatures by key.
   *
   * @return the signatures, sorted by key
   */
  public List<Signature> signatures() {
    return signatures;
  }

  /**
   * Nodes of the TF2 object graph ({@code object_graph_def}), 0 for TF1 graphs.
   *
   * @return the number of object graph nodes
   */
  public int objectGraphNodes() {
    return meta.getObjectGraphDef().getNodesCount();
  }

  /**
   * Asset files the graph refers to ({@code asset_file_def} file names).
   *
   * @return the asset file names, in stored order
   */
  public List<String> assets() {
    return meta.getAssetFileDefList().stream().map(a -> a.getFilename()).toList();
  }
}
