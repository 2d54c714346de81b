package io.github.jfreeze.freezer;

import io.github.jfreeze.codec.Tensor;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * Where variable values come from, when not from the checkpoint in pure Java: the native-assisted
 * freezer (the benchmark baseline) restores the checkpoint in a TensorFlow session and supplies the
 * fetched values here. The graph rewrite is the same either way.
 */
@FunctionalInterface
public interface VariableValueSource {
  /**
   * The value of variable node {@code node}, whose checkpoint key is {@code key}.
   *
   * @param node the variable node's name
   * @param key its checkpoint key
   * @return the value, or empty to read it from the checkpoint
   * @throws IOException if the value cannot be fetched
   */
  Optional<Tensor> value(String node, String key) throws IOException;

  /**
   * Called once before any {@link #value}, with every variable node whose value will be asked for
   * (those the outputs reach), so that a source can fetch exactly those, and nothing when the list
   * is empty. The default does nothing.
   *
   * @param keysByNode the variable nodes, in the order their values will be asked for, each with
   *     its checkpoint key
   * @throws IOException if the values cannot be fetched
   */
  default void prepare(Map<String, String> keysByNode) throws IOException {}

  /**
   * A variable whose value will be asked for.
   *
   * @param node the variable node
   * @param key its checkpoint key
   * @param shapeAndSlice TF's {@code shape_and_slices} entry for it in a {@code RestoreV2}: {@code ""}
   *     for the whole tensor, or the full shape and the slice ({@code "10 4 0,5:-"}) for a partition
   */
  record Wanted(String node, String key, String shapeAndSlice) {}

  /**
   * As {@link #prepare(Map)}, with the slice each variable holds of its key; the freezer calls this
   * one. The default calls {@link #prepare(Map)}.
   *
   * @param wanted the variables, in the order their values will be asked for
   * @throws IOException if the values cannot be fetched
   */
  default void prepare(java.util.List<Wanted> wanted) throws IOException {
    Map<String, String> keysByNode = new java.util.LinkedHashMap<>();
    wanted.forEach(w -> keysByNode.put(w.node(), w.key()));
    prepare(java.util.Collections.unmodifiableMap(keysByNode));
  }
}
