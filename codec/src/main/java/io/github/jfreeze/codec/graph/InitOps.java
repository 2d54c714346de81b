package io.github.jfreeze.codec.graph;

import io.github.jfreeze.proto.CollectionDef;
import io.github.jfreeze.proto.MetaGraphDef;
import io.github.jfreeze.proto.SignatureDef;
import java.util.ArrayList;
import java.util.List;

/**
 * What a model runs once, after its variables are restored and before it computes anything: the
 * init op TF's SavedModel loader runs ({@code loader_impl.py}, {@code loader.cc}: the {@code
 * __saved_model_init_op} signature, else the {@code saved_model_main_op} collection, else {@code
 * legacy_init_op}) and the {@code table_initializer} collection, which {@code
 * tf.compat.v1.tables_initializer()} groups for a checkpoint's {@code .meta}. The freezer embeds
 * the tables these fill; {@code verify} runs them on a checkpoint's original graph.
 */
public final class InitOps {
  /** The signature a TF2 SavedModel names its init op with. */
  public static final String INIT_OP_SIGNATURE = "__saved_model_init_op";
  /** The collections a TF1 SavedModel names its init op with, in the order the loader looks. */
  public static final List<String> INIT_OP_COLLECTIONS = List.of("saved_model_main_op", "legacy_init_op");
  /** What {@code tf.compat.v1.tables_initializer()} groups. */
  public static final String TABLE_INITIALIZER_COLLECTION = "table_initializer";
  /** Where a TF1 SavedModel lists its assets when its MetaGraphDef has no {@code asset_file_def}. */
  public static final String ASSETS_COLLECTION = "saved_model_assets";

  private InitOps() {}

  /**
   * The nodes to run once, in order: the loader's init op, then the table initializers (node names).
   *
   * @param meta the MetaGraphDef (its graph is not read), or null
   * @return the node names; empty when the model names none
   */
  public static List<String> roots(MetaGraphDef meta) {
    List<String> roots = new ArrayList<>();
    if (meta == null) {
      return roots;
    }
    SignatureDef sig = meta.getSignatureDefMap().get(INIT_OP_SIGNATURE);
    if (sig != null) {
      sig.getOutputsMap().values().forEach(t -> roots.add(nodeName(t.getName())));
    } else {
      for (String c : INIT_OP_COLLECTIONS) {
        CollectionDef def = meta.getCollectionDefMap().get(c);
        if (def != null && def.getNodeList().getValueCount() > 0) {
          def.getNodeList().getValueList().forEach(n -> roots.add(nodeName(n)));
          break;
        }
      }
    }
    CollectionDef tables = meta.getCollectionDefMap().get(TABLE_INITIALIZER_COLLECTION);
    if (tables != null) {
      tables.getNodeList().getValueList().stream().map(InitOps::nodeName).filter(n -> !roots.contains(n))
          .forEach(roots::add);
    }
    return roots;
  }

  /** {@code ^name}, {@code name:0} and {@code name} name the node {@code name}. */
  private static String nodeName(String tensor) {
    String n = tensor.startsWith("^") ? tensor.substring(1) : tensor;
    int colon = n.lastIndexOf(':');
    return colon > 0 && n.substring(colon + 1).chars().allMatch(Character::isDigit) && colon < n.length() - 1
        ? n.substring(0, colon) : n;
  }
}
