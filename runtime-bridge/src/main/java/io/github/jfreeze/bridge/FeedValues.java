package io.github.jfreeze.bridge;

import io.github.jfreeze.codec.values.BadValueException;
import io.github.jfreeze.codec.values.RandomTensors;
import io.github.jfreeze.codec.values.TensorLiteral;
import java.util.Objects;

/**
 * Feed values for native runs: codec's {@link TensorLiteral} (the syntax, {@code [[1, 2], [3, 4]]})
 * and {@link RandomTensors}, keyed by the fed tensor, their errors as {@link
 * NativeRunException.Reason#BAD_FEED} naming the feed.
 */
final class FeedValues {
  private FeedValues() {}

  /** {@link TensorLiteral#parse} for the tensor {@code name}. */
  static NativeTensor parse(String name, String literal, String dtype, long[] placeholderShape)
      throws NativeRunException {
    Objects.requireNonNull(name, "name is null");
    try {
      return NativeTensor.of(name, TensorLiteral.parse(literal, dtype, placeholderShape));
    } catch (BadValueException e) {
      throw NativeRunException.badFeed(name, e.getMessage());
    }
  }

  /** {@link RandomTensors#of} for the tensor {@code name}. */
  static NativeTensor random(String name, String dtype, long[] shape, long seed) throws NativeRunException {
    try {
      return NativeTensor.of(name, RandomTensors.of(dtype, shape, seed));
    } catch (BadValueException e) {
      throw NativeRunException.badFeed(name, e.getMessage());
    }
  }

  /** {@link TensorLiteral#format} of a fed tensor. */
  static String format(NativeTensor t) {
    return TensorLiteral.format(t.toTensor());
  }
}
