package io.github.jfreeze.codec.table;

import io.github.jfreeze.codec.internal.Varints;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Builds one block in the layout {@link Block} reads (tsl/lib/io/block_builder.cc): keys added in
 * increasing order, each stored as the bytes it shares with the previous key plus its own, with a
 * restart point (a key stored whole) every {@code restartInterval} entries.
 *
 * <pre>
 * entry*:  varint32 shared | varint32 unshared | varint32 value_length
 *          | key_delta[unshared] | value[value_length]
 * trailer: fixed32 restarts[num_restarts] | fixed32 num_restarts
 * </pre>
 *
 * An empty block is just one restart point at 0: {@code 00000000 01000000}, as TF writes the
 * metaindex block.
 */
public final class BlockBuilder {
  private final int restartInterval;
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
  private int[] restarts = new int[16];
  private int numRestarts;
  private int counter;
  private byte[] lastKey = new byte[0];
  private boolean empty = true;

  /**
   * A builder.
   *
   * @param restartInterval entries between restart points: 16 for data blocks, 1 for the index block
   */
  public BlockBuilder(int restartInterval) {
    if (restartInterval < 1) {
      throw new IllegalArgumentException("restartInterval must be at least 1, not " + restartInterval);
    }
    this.restartInterval = restartInterval;
    reset();
  }

  /** Starts a new, empty block. */
  public void reset() {
    buffer.reset();
    numRestarts = 1;
    restarts[0] = 0;
    counter = 0;
    lastKey = new byte[0];
    empty = true;
  }

  /**
   * Whether no entry was added since the last {@link #reset}.
   *
   * @return true if the block is empty
   */
  public boolean isEmpty() {
    return empty;
  }

  /**
   * Appends an entry; {@code key} must be greater than every key added before (unsigned bytes).
   *
   * @param key the key
   * @param value the value
   * @throws IllegalArgumentException if {@code key} is not greater than the previous key
   */
  public void add(byte[] key, byte[] value) {
    if (!empty && Arrays.compareUnsigned(key, lastKey) <= 0) {
      throw new IllegalArgumentException("keys must be added in increasing order");
    }
    int shared = 0;
    if (counter < restartInterval) {
      int max = Math.min(key.length, lastKey.length);
      while (shared < max && key[shared] == lastKey[shared]) {
        shared++;
      }
    } else {
      if (numRestarts == restarts.length) {
        restarts = Arrays.copyOf(restarts, numRestarts * 2);
      }
      restarts[numRestarts++] = buffer.size();
      counter = 0;
    }
    Varints.writeVarint64(buffer, shared);
    Varints.writeVarint64(buffer, key.length - shared);
    Varints.writeVarint64(buffer, value.length);
    buffer.write(key, shared, key.length - shared);
    buffer.writeBytes(value);
    lastKey = key.clone();
    counter++;
    empty = false;
  }

  /**
   * The size the block would have if finished now ({@code CurrentSizeEstimate}).
   *
   * @return entries, restart array and restart count, in bytes
   */
  public long currentSizeEstimate() {
    return buffer.size() + 4L * numRestarts + 4;
  }

  /**
   * The block's contents: the entries, then the restart array and its length.
   *
   * @return the encoded block, without a trailer
   */
  public byte[] finish() {
    ByteBuffer b = ByteBuffer.allocate((int) currentSizeEstimate()).order(ByteOrder.LITTLE_ENDIAN);
    b.put(buffer.toByteArray());
    for (int i = 0; i < numRestarts; i++) {
      b.putInt(restarts[i]);
    }
    b.putInt(numRestarts);
    return b.array();
  }
}
