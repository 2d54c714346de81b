package io.github.jfreeze.freezer;

import io.github.jfreeze.codec.Tensor;
import java.io.IOException;
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
}
