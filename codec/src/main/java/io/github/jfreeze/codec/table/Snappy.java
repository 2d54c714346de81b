package io.github.jfreeze.codec.table;

import io.github.jfreeze.codec.CorruptFileException;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * Decoder for Snappy's raw block format (no framing), the compression TF tables may use (block
 * type 1): a varint32 uncompressed length, then literal and copy elements.
 *
 * <p>Written here rather than taken from a library: snappy-java extracts and loads a native
 * library (fails on noexec temp dirs, and native code on hostile input is a crash risk), and
 * aircompressor goes through {@code sun.misc.Unsafe}, which JDK 24+ warns about on stderr. This
 * decoder is about a hundred lines, checks every length before it allocates or copies, and reports
 * the offending file offset. SnappyTest checks it against snappy-java's compressor.
 */
public final class Snappy {
  /** An element of at most 5 bytes yields at most 64 bytes, so output is below 22x the input. */
  private static final long MAX_EXPANSION = 22;

  private Snappy() {}

  /** The uncompressed length declared at the start of a raw Snappy block. */
  public static int uncompressedLength(ByteBuffer in, Path file, long base) throws CorruptFileException {
    ByteBuffer b = in.duplicate();
    long len = 0;
    for (int i = 0, shift = 0; ; i++, shift += 7) {
      if (!b.hasRemaining() || i == 5) {
        throw new CorruptFileException(file, base, "corrupted compressed block contents: bad uncompressed length");
      }
      int c = b.get() & 0xff;
      len |= (long) (c & 0x7f) << shift;
      if (c < 0x80) {
        break;
      }
    }
    if (len > Integer.MAX_VALUE - 8 || len > (long) in.remaining() * MAX_EXPANSION) {
      throw new CorruptFileException(file, base, "corrupted compressed block contents: declared length "
          + len + " is impossible for " + in.remaining() + " compressed bytes");
    }
    return (int) len;
  }

  /**
   * Decompresses the remaining bytes of {@code in} (not advanced).
   *
   * @param base file offset of {@code in}'s position, for error messages
   */
  public static byte[] decompress(ByteBuffer in, Path file, long base) throws CorruptFileException {
    int outLen = uncompressedLength(in, file, base);
    byte[] src = new byte[in.remaining()];
    in.duplicate().get(src);
    byte[] out = new byte[outLen];
    int ip = 0;
    while ((src[ip++] & 0x80) != 0) {
      // skip the length varint, already validated
    }
    int op = 0;
    while (ip < src.length) {
      int elementStart = ip;
      int tag = src[ip++] & 0xff;
      int len;
      int offset;
      switch (tag & 3) {
        case 0 -> {
          int n = tag >>> 2;
          if (n >= 60) {
            int bytes = n - 59;
            if (src.length - ip < bytes) {
              throw corrupt(file, base + elementStart, "literal length runs past the block");
            }
            long v = 0;
            for (int i = 0; i < bytes; i++) {
              v |= (long) (src[ip++] & 0xff) << (8 * i);
            }
            n = (int) Math.min(v, Integer.MAX_VALUE - 1);
          }
          len = n + 1;
          if (len > src.length - ip || len > outLen - op) {
            throw corrupt(file, base + elementStart, "literal of " + len + " bytes runs past the block");
          }
          System.arraycopy(src, ip, out, op, len);
          ip += len;
          op += len;
          continue;
        }
        case 1 -> {
          if (src.length - ip < 1) {
            throw corrupt(file, base + elementStart, "truncated copy");
          }
          len = 4 + ((tag >>> 2) & 7);
          offset = ((tag >>> 5) << 8) | (src[ip++] & 0xff);
        }
        case 2 -> {
          if (src.length - ip < 2) {
            throw corrupt(file, base + elementStart, "truncated copy");
          }
          len = (tag >>> 2) + 1;
          offset = (src[ip] & 0xff) | (src[ip + 1] & 0xff) << 8;
          ip += 2;
        }
        default -> {
          if (src.length - ip < 4) {
            throw corrupt(file, base + elementStart, "truncated copy");
          }
          len = (tag >>> 2) + 1;
          long o = (src[ip] & 0xffL) | (src[ip + 1] & 0xffL) << 8 | (src[ip + 2] & 0xffL) << 16
              | (src[ip + 3] & 0xffL) << 24;
          ip += 4;
          offset = (int) Math.min(o, Integer.MAX_VALUE);
        }
      }
      if (offset == 0 || offset > op) {
        throw corrupt(file, base + elementStart, "copy offset " + offset + " points before the start of the output");
      }
      if (len > outLen - op) {
        throw corrupt(file, base + elementStart, "copy of " + len + " bytes runs past the declared length");
      }
      if (offset >= len) {
        System.arraycopy(out, op - offset, out, op, len);
        op += len;
      } else {
        for (int i = 0; i < len; i++, op++) {
          out[op] = out[op - offset];
        }
      }
    }
    if (op != outLen) {
      throw corrupt(file, base, "decompressed " + op + " bytes but the block declares " + outLen);
    }
    return out;
  }

  private static CorruptFileException corrupt(Path file, long offset, String what) {
    return new CorruptFileException(file, offset, "corrupted compressed block contents: " + what);
  }
}
