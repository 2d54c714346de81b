package io.github.jfreeze.freezer.internal;

import io.github.jfreeze.codec.DType;
import io.github.jfreeze.codec.TensorShape;
import io.github.jfreeze.codec.CheckpointReader;
import io.github.jfreeze.proto.TensorProto;

/**
 * The value a variable is frozen to: its dtype, shape and the TensorProto of the Const node.
 *
 * @param dtype element type
 * @param shape full shape
 * @param proto the Const's {@code value} attribute; without {@code tensor_content} when {@code raw}
 *     is set (the bytes are streamed from the checkpoint when the graph is written)
 * @param byteSize bytes of tensor data (for the report)
 * @param raw where the tensor's bytes lie in the checkpoint, for streaming; or null
 */
public record ConstantValue(DType dtype, TensorShape shape, TensorProto proto, long byteSize, RawSource raw) {

  /** A tensor whose stored bytes are its {@code tensor_content}, copied straight from the data file. */
  public record RawSource(CheckpointReader reader, String key, long length) {}
}
