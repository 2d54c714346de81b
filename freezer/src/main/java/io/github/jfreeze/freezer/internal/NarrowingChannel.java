package io.github.jfreeze.freezer.internal;

import io.github.jfreeze.codec.DType;
import io.github.jfreeze.codec.internal.SmallFloats;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.WritableByteChannel;

/**
 * Takes float32 bytes (little-endian, in pieces of any length) and passes them on as float16 or
 * bfloat16, each value rounded to nearest even as TF's {@code Cast} rounds it ({@link SmallFloats});
 * NaN stays a quiet NaN with its sign. A tensor of any size streams through a small buffer.
 */
final class NarrowingChannel implements WritableByteChannel {
  private final WritableByteChannel out;
  private final DType to;
  private final ByteBuffer carry = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
  private final ByteBuffer converted = ByteBuffer.allocateDirect(1 << 19).order(ByteOrder.LITTLE_ENDIAN);

  NarrowingChannel(WritableByteChannel out, DType to) {
    if (to != DType.FLOAT16 && to != DType.BFLOAT16) {
      throw new IllegalArgumentException("float32 narrows to float16 or bfloat16, not " + to);
    }
    this.out = out;
    this.to = to;
  }

  /** Converts the whole float32 values of {@code in} into {@code dst}, which must have room for them. */
  static void narrow(ByteBuffer in, ByteBuffer dst, DType to) {
    ByteBuffer src = in.order(ByteOrder.LITTLE_ENDIAN);
    boolean half = to == DType.FLOAT16;
    while (src.remaining() >= 4) {
      float f = src.getFloat();
      dst.putShort((short) (half ? SmallFloats.toFloat16(f) : SmallFloats.toBfloat16(f)));
    }
  }

  @Override
  public int write(ByteBuffer src) throws IOException {
    int n = src.remaining();
    ByteBuffer in = src.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    src.position(src.limit());
    if (carry.position() > 0) {
      while (carry.hasRemaining() && in.hasRemaining()) {
        carry.put(in.get());
      }
      if (carry.hasRemaining()) {
        return n;
      }
      carry.flip();
      converted.clear();
      narrow(carry, converted, to);
      carry.clear();
      drain();
    }
    while (in.remaining() >= 4) {
      converted.clear();
      int take = Math.min(in.remaining() / 4, converted.capacity() / 2) * 4;
      ByteBuffer part = in.slice(in.position(), take).order(ByteOrder.LITTLE_ENDIAN);
      in.position(in.position() + take);
      narrow(part, converted, to);
      drain();
    }
    carry.put(in);
    return n;
  }

  private void drain() throws IOException {
    converted.flip();
    while (converted.hasRemaining()) {
      out.write(converted);
    }
  }

  @Override
  public boolean isOpen() {
    return out.isOpen();
  }

  @Override
  public void close() {}
}
