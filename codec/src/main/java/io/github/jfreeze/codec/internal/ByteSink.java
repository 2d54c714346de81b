package io.github.jfreeze.codec.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;

/**
 * Where copied bytes go when they go to no file: a checksum, a stream's buffer, nowhere. {@link
 * #channel} makes one a channel that {@link FileSource#copyTo} can write to; it takes every byte
 * it is given and is never closed.
 */
@FunctionalInterface
public interface ByteSink {
  /** Takes all of {@code src}'s remaining bytes (its position ends at its limit). */
  void take(ByteBuffer src) throws IOException;

  /** A sink that keeps nothing. */
  ByteSink DISCARD = src -> src.position(src.limit());

  /** {@code sink} as an always-open channel. */
  static WritableByteChannel channel(ByteSink sink) {
    return new WritableByteChannel() {
      @Override
      public int write(ByteBuffer src) throws IOException {
        int n = src.remaining();
        sink.take(src);
        return n;
      }

      @Override
      public boolean isOpen() {
        return true;
      }

      @Override
      public void close() {}
    };
  }
}
