/**
 * Tensor values outside files: the literal syntax {@code jfreeze run --feed} takes and {@code
 * verify} prints ({@link io.github.jfreeze.codec.values.TensorLiteral}), seeded random values
 * ({@link io.github.jfreeze.codec.values.RandomTensors}) and element-wise comparison
 * ({@link io.github.jfreeze.codec.values.TensorComparison}), all over codec's {@code Tensor}. Pure
 * Java: the runtime bridge only converts between these tensors and TensorFlow's. Not exported from
 * the module (the CLI and the bridge use it from the class path).
 */
package io.github.jfreeze.codec.values;
