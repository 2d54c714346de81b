package io.github.jfreeze.codec.table;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * One key/value pair of a table.
 *
 * @param key the full key
 * @param value the value bytes (read-only view into the block)
 * @param valueOffset file offset of the value, or of its block when the block is compressed
 */
public record TableEntry(byte[] key, ByteBuffer value, long valueOffset) {
  /** The key as text (ISO-8859-1, so every byte survives), for messages. */
  public String keyString() {
    return new String(key, StandardCharsets.ISO_8859_1);
  }
}
