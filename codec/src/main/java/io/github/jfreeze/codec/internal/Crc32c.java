package io.github.jfreeze.codec.internal;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/** CRC-32C as LevelDB and TensorFlow store it: masked, so CRCs of CRCs stay well distributed. */
public final class Crc32c {
  private static final int MASK_DELTA = 0xa282ead8;

  private Crc32c() {}

  /** {@code Mask(crc) = rotr(crc, 15) + 0xa282ead8}, as in tsl/lib/hash/crc32c.h. */
  public static int mask(int crc) {
    return ((crc >>> 15) | (crc << 17)) + MASK_DELTA;
  }

  /** Inverse of {@link #mask}. */
  public static int unmask(int masked) {
    int rot = masked - MASK_DELTA;
    return (rot >>> 17) | (rot << 15);
  }

  /** Unmasked CRC-32C of the remaining bytes of {@code buf}; its position is left unchanged. */
  public static int of(ByteBuffer buf) {
    CRC32C crc = new CRC32C();
    crc.update(buf.duplicate());
    return (int) crc.getValue();
  }

  public static int of(byte[] data, int off, int len) {
    CRC32C crc = new CRC32C();
    crc.update(data, off, len);
    return (int) crc.getValue();
  }
}
