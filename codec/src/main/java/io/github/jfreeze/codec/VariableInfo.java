package io.github.jfreeze.codec;

import java.util.List;

/**
 * What a checkpoint says about one stored tensor, without reading its values.
 *
 * @param key the checkpoint key (TF1: the variable name; TF2: an object path such as
 *     {@code model/dense/kernel/.ATTRIBUTES/VARIABLE_VALUE})
 * @param name the friendly name from a TF2 object graph ({@code dense/kernel}), else the key
 * @param dtype element type
 * @param shape full shape (for partitioned variables, of the whole tensor)
 * @param slices for partitioned variables, the slices it is stored as (TF form, e.g. {@code 0,2:-}),
 *     else empty
 */
public record VariableInfo(String key, String name, DType dtype, TensorShape shape, List<String> slices) {
  /**
   * Copies the slice list.
   *
   * @param key the checkpoint key
   * @param name the friendly name, else the key
   * @param dtype element type
   * @param shape full shape
   * @param slices the slices of a partitioned variable, else empty
   */
  public VariableInfo {
    slices = List.copyOf(slices);
  }

  /**
   * The number of elements.
   *
   * @return the elements of the full shape
   */
  public long numElements() {
    return shape.numElements();
  }

  /**
   * Value bytes.
   *
   * @return the bytes for fixed-size types, else -1 (unknown until read)
   */
  public long byteSize() {
    return dtype.isFixedSize() ? shape.numElements() * dtype.byteSize() : -1;
  }

  /**
   * Whether the variable is stored in slices.
   *
   * @return true if {@link #slices()} is not empty
   */
  public boolean isPartitioned() {
    return !slices.isEmpty();
  }

  /**
   * Whether {@link #name()} differs from the key (a TF2 friendly name).
   *
   * @return true if it does
   */
  public boolean hasFriendlyName() {
    return !name.equals(key);
  }
}
