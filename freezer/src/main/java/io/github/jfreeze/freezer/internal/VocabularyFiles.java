package io.github.jfreeze.freezer.internal;

import io.github.jfreeze.codec.graph.InitOps;
import io.github.jfreeze.codec.graph.OpVocabulary;
import io.github.jfreeze.freezer.FreezeException;
import io.github.jfreeze.freezer.FreezeException.Reason;
import io.github.jfreeze.proto.AssetFileDef;
import io.github.jfreeze.proto.CollectionDef;
import io.github.jfreeze.proto.DataType;
import io.github.jfreeze.proto.MetaGraphDef;
import io.github.jfreeze.proto.NodeDef;
import io.github.jfreeze.proto.TensorInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a table's text file is ({@link TableInitialization}): the node that names it, followed
 * through {@code Identity}, is a SavedModel asset ({@code asset_file_def}, the {@code
 * saved_model_assets} collection: {@code assets/<filename>}), or a {@code Const} holding a path
 * that exists (relative to the graph file's directory); a TF2 asset variable is the string
 * resource variable an {@code AssignVariableOp} of the initialization fills from such a node.
 */
final class VocabularyFiles {
  private VocabularyFiles() {}

  /** The file a text-file initializer reads: a SavedModel asset, or the path a Const holds. */
  static Path vocabularyFile(ModelInput in, NodeTable nodes, int w, String what, List<String> warnings)
      throws IOException {
    return fileOf(in, nodes, nodes.producer(w, 1), what, warnings);
  }

  /** The file the file name node {@code p} (through Identity) names: a SavedModel asset, or the path a Const holds. */
  static Path fileOf(ModelInput in, NodeTable nodes, int p, String what, List<String> warnings) throws IOException {
    while (p >= 0 && nodes.op(p).equals("Identity")) {
      p = nodes.producer(p, 0);
    }
    if (p < 0) {
      throw new FreezeException(Reason.UNSUPPORTED, null, what + ": its file name input is missing");
    }
    String source = nodes.name(p);
    Map<String, String> assets = assets(in.meta);
    Path dir = in.location.savedModelDir();
    if (assets.containsKey(source) && dir != null) {
      return asset(dir, assets.get(source), what);
    }
    NodeDef n = nodes.node(p);
    if (n.getOp().equals("Const") && n.getAttrOrThrow("value").getTensor().getDtype() == DataType.DT_STRING
        && n.getAttrOrThrow("value").getTensor().getStringValCount() == 1) {
      String path = n.getAttrOrThrow("value").getTensor().getStringVal(0).toString(StandardCharsets.UTF_8);
      Path file = Path.of(path);
      if (!file.isAbsolute() && in.graphFile != null && in.graphFile.toAbsolutePath().getParent() != null) {
        file = in.graphFile.toAbsolutePath().getParent().resolve(path);
      }
      if (Files.isRegularFile(file)) {
        warnings.add(what + " reads " + file + ", a path the graph holds (no SavedModel asset names it); its "
            + "contents are frozen as they are now");
        return file;
      }
      throw new FreezeException(Reason.UNSUPPORTED, null, what + " reads '" + path + "' (Const '" + source
          + "'), which is neither a SavedModel asset nor a file that exists, so its contents cannot be made constant");
    }
    throw new FreezeException(Reason.UNSUPPORTED, null, what + " reads the file named by '" + source + "' (" + n.getOp()
        + "), known only at run time, so its contents cannot be made constant; keep it with "
        + "FreezeOptions.initializerNodes(...)");
  }

  /**
   * The file of asset {@code name}: a regular file inside the SavedModel's {@code assets/} directory
   * once links are followed. A name that leads elsewhere ({@code ../}, an absolute path, a link out)
   * is refused, so a model cannot have another file of the machine frozen into its graph.
   */
  static Path asset(Path savedModelDir, String name, String what) throws IOException {
    Path assets = savedModelDir.resolve("assets");
    Path file = assets.resolve(name).normalize();
    if (!Files.isRegularFile(file)) {
      throw new FreezeException(Reason.UNSUPPORTED, file, what + " reads asset '" + name
          + "', which is not in the SavedModel's assets/ directory");
    }
    Path real = file.toRealPath();
    if (!real.startsWith(assets.toRealPath())) {
      throw new FreezeException(Reason.UNSUPPORTED, file, what + " reads asset '" + name + "', which leads out of the "
          + "SavedModel's assets/ directory (to " + real + "); an asset must be a file inside it");
    }
    return real;
  }

  /** Asset tensors (node names) to their file names below {@code assets/}. */
  static Map<String, String> assets(MetaGraphDef meta) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    if (meta == null) {
      return out;
    }
    List<AssetFileDef> defs = new ArrayList<>(meta.getAssetFileDefList());
    CollectionDef legacy = meta.getCollectionDefMap().get(InitOps.ASSETS_COLLECTION);
    if (legacy != null) {
      for (var any : legacy.getAnyList().getValueList()) {
        defs.add(AssetFileDef.parseFrom(any.getValue()));
      }
    }
    for (AssetFileDef a : defs) {
      TensorInfo info = a.getTensorInfo();
      out.put(TensorRef.nodeName(info.getName()), a.getFilename());
    }
    return out;
  }

  /** The AssignVariableOp that fills the variable {@code handle} (a TF2 asset variable), or -1. */
  static int assetAssign(NodeTable nodes, int handle) {
    if (handle < 0 || !OpVocabulary.RESOURCE_VARIABLES.contains(nodes.op(handle))) {
      return -1;
    }
    NodeTable.Consumers consumers = nodes.consumers(null);
    for (int j = 0; j < consumers.count(handle); j++) {
      int c = consumers.consumer(handle, j);
      if (nodes.op(c).equals("AssignVariableOp") && consumers.position(handle, j) == 0) {
        return c;
      }
    }
    return -1;
  }

  static String source(ModelInput in, Path file) throws IOException {
    Path dir = in.location.savedModelDir();
    Path real = dir == null ? null : dir.toRealPath();
    return real != null && file.startsWith(real) ? real.relativize(file).toString() : file.toString();
  }
}
