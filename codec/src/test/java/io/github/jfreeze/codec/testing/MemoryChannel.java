package io.github.jfreeze.codec.testing;

import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;

/**
 * A read-only channel over a byte array, so table readers can be fuzzed without touching the disk;
 * optionally returning at most a few bytes per read, as a socket or pipe may (readers must loop).
 */
public final class MemoryChannel implements SeekableByteChannel {
  private final byte[] data;
  private final int maxRead;
  private long position;
  private boolean open = true;

  public MemoryChannel(byte[] data) {
    this(data, Integer.MAX_VALUE);
  }

  /** A channel whose reads return at most {@code maxRead} bytes. */
  public MemoryChannel(byte[] data, int maxRead) {
    this.data = data;
    this.maxRead = maxRead;
  }

  @Override
  public int read(ByteBuffer dst) throws ClosedChannelException {
    checkOpen();
    if (position >= data.length) {
      return -1;
    }
    int n = (int) Math.min(Math.min(maxRead, dst.remaining()), data.length - position);
    dst.put(data, (int) position, n);
    position += n;
    return n;
  }

  @Override
  public int write(ByteBuffer src) {
    throw new NonWritableChannelException();
  }

  @Override
  public long position() throws ClosedChannelException {
    checkOpen();
    return position;
  }

  @Override
  public SeekableByteChannel position(long newPosition) throws ClosedChannelException {
    checkOpen();
    position = newPosition;
    return this;
  }

  @Override
  public long size() throws ClosedChannelException {
    checkOpen();
    return data.length;
  }

  @Override
  public SeekableByteChannel truncate(long size) {
    throw new NonWritableChannelException();
  }

  @Override
  public boolean isOpen() {
    return open;
  }

  @Override
  public void close() {
    open = false;
  }

  private void checkOpen() throws ClosedChannelException {
    if (!open) {
      throw new ClosedChannelException();
    }
  }
}
