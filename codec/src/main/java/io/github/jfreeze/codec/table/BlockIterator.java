package io.github.jfreeze.codec.table;

import io.github.jfreeze.codec.CorruptFileException;
import io.github.jfreeze.codec.internal.Varints;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Walks a {@link Block}'s entries in key order, rebuilding prefix-compressed keys.
 *
 * <p>Prefix compression lets a few bytes stand for a long key: an entry that shares all of the
 * previous key and adds one byte rebuilds a key one byte longer, so n such entries would rebuild
 * n<sup>2</sup>/2 key bytes from a block of a few times n. TF's writer restarts the compression
 * every 16 keys, so the keys of one of its blocks add up to at most 16 times the block's entry
 * bytes; a scan that rebuilds more than {@link #MAX_KEY_EXPANSION} times that is a damaged block.
 */
public final class BlockIterator {
  /** Twice what TF's writer (a restart point every 16 keys) can produce. */
  static final long MAX_KEY_EXPANSION = 32;

  private final Block block;
  private int pos;
  private byte[] key = new byte[0];
  /** Key bytes rebuilt by this scan so far. */
  private long keyBytes;

  BlockIterator(Block block) {
    this.block = block;
  }

  /** The next entry, or {@code null} at the end of the block. */
  public TableEntry next() throws CorruptFileException {
    int limit = block.restartsOffset();
    if (pos >= limit) {
      return null;
    }
    ByteBuffer buf = block.data().duplicate();
    buf.position(pos).limit(limit);
    int start = pos;
    int shared = Varints.readVarint32(buf, block.file(), block.fileOffset(0));
    int unshared = Varints.readVarint32(buf, block.file(), block.fileOffset(0));
    int valueLength = Varints.readVarint32(buf, block.file(), block.fileOffset(0));
    if (shared < 0 || shared > key.length) {
      throw new CorruptFileException(block.file(), block.fileOffset(start), "bad entry in block: shares "
          + Integer.toUnsignedString(shared) + " key bytes with a previous key of " + key.length);
    }
    if (unshared < 0 || valueLength < 0 || (long) unshared + valueLength > buf.remaining()) {
      throw new CorruptFileException(block.file(), block.fileOffset(start), "bad entry in block: key delta of "
          + Integer.toUnsignedString(unshared) + " and value of " + Integer.toUnsignedString(valueLength)
          + " bytes, but only " + buf.remaining() + " remain");
    }
    keyBytes += (long) shared + unshared;
    if (keyBytes > MAX_KEY_EXPANSION * Math.max(limit, 1)) {
      throw new CorruptFileException(block.file(), block.fileOffset(start), "bad entry in block: the keys of this block add up "
          + "to more than " + MAX_KEY_EXPANSION + " times its " + limit + " bytes of entries (prefix compression restarts every "
          + "16 keys in TF's tables)");
    }
    byte[] k = Arrays.copyOf(key, shared + unshared);
    buf.get(k, shared, unshared);
    int valuePos = buf.position();
    ByteBuffer value = block.data().slice(valuePos, valueLength).asReadOnlyBuffer().order(buf.order());
    pos = valuePos + valueLength;
    key = k;
    return new TableEntry(k, value, block.fileOffset(valuePos));
  }

  /**
   * Positions the iterator so that {@link #next()} returns the first entry with a key {@code >=
   * target}: binary search over restart points, then a linear scan.
   */
  public void seek(byte[] target) throws CorruptFileException {
    keyBytes = 0;
    int lo = 0;
    int hi = block.numRestarts() - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (Arrays.compareUnsigned(keyAtRestart(mid), target) < 0) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    pos = block.numRestarts() == 0 ? block.restartsOffset() : block.restartPoint(lo);
    key = new byte[0];
    while (true) {
      int before = pos;
      byte[] prevKey = key;
      TableEntry e = next();
      if (e == null || Arrays.compareUnsigned(e.key(), target) >= 0) {
        pos = before;
        key = prevKey;
        return;
      }
    }
  }

  private byte[] keyAtRestart(int i) throws CorruptFileException {
    BlockIterator it = new BlockIterator(block);
    it.pos = block.restartPoint(i);
    TableEntry e = it.next();
    return e == null ? new byte[0] : e.key();
  }
}
