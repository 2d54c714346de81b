package io.github.jfreeze.freezer.internal;

import io.github.jfreeze.codec.DType;
import io.github.jfreeze.codec.TensorShape;
import io.github.jfreeze.proto.TensorProto;

/**
 * The value a variable is frozen to: its dtype, shape and the TensorProto of the Const node.
 *
 * @param dtype element type
 * @param shape full shape
 * @param proto the Const's {@code value} attribute
 * @param byteSize bytes of tensor data (for the report)
 */
public record ConstantValue(DType dtype, TensorShape shape, TensorProto proto, long byteSize) {}
