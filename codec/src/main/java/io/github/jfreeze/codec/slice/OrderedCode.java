package io.github.jfreeze.codec.slice;

import java.io.ByteArrayOutputStream;

/**
 * The order-preserving encodings of tensorflow/core/lib/strings/ordered_code.cc used for slice
 * keys. Only encoding is needed: readers compute the key of each slice that a header or V1 meta
 * entry lists and look it up.
 */
public final class OrderedCode {
  private OrderedCode() {}

  /**
   * Length byte, then the value big-endian without leading zero bytes (0 is one byte 0x00).
   *
   * @param out where the encoding is appended
   * @param value the number, read as an unsigned 64-bit value
   */
  public static void writeNumIncreasing(ByteArrayOutputStream out, long value) {
    int len = (64 - Long.numberOfLeadingZeros(value) + 7) / 8;
    out.write(len);
    for (int i = len - 1; i >= 0; i--) {
      out.write((int) (value >>> (8 * i)));
    }
  }

  /**
   * The bytes with 0x00 escaped as {@code 00 ff} and 0xff as {@code ff 00}, then {@code 00 01}.
   *
   * @param out where the encoding is appended
   * @param s the bytes to encode
   */
  public static void writeString(ByteArrayOutputStream out, byte[] s) {
    for (byte b : s) {
      out.write(b);
      if (b == 0) {
        out.write(0xff);
      } else if (b == (byte) 0xff) {
        out.write(0);
      }
    }
    out.write(0);
    out.write(1);
  }

  /**
   * Self-delimiting signed encoding: a unary length prefix in the leading bits, then the value
   * sign-extended and big-endian; 1 byte for [-64, 64).
   *
   * @param out where the encoding is appended
   * @param value the signed number
   */
  public static void writeSignedNumIncreasing(ByteArrayOutputStream out, long value) {
    long x = value < 0 ? ~value : value;
    int bits = 64 - Long.numberOfLeadingZeros(x);
    int len = (bits + 1 + 6) / 7; // magnitude bits + sign bit, 7 payload bits per byte
    byte[] buf = new byte[10];
    byte sign = (byte) (value < 0 ? 0xff : 0);
    buf[0] = sign;
    buf[1] = sign;
    for (int i = 0; i < 8; i++) {
      buf[2 + i] = (byte) (value >>> (56 - 8 * i));
    }
    int begin = 10 - len;
    buf[begin] ^= (byte) HEADER[len][0];
    if (len >= 2) {
      buf[begin + 1] ^= (byte) HEADER[len][1];
    }
    out.write(buf, begin, len);
  }

  /** kLengthToHeaderBits: the unary length marker XORed into the first two bytes. */
  private static final int[][] HEADER = {
    {0, 0}, {0x80, 0}, {0xc0, 0}, {0xe0, 0}, {0xf0, 0}, {0xf8, 0}, {0xfc, 0}, {0xfe, 0},
    {0xff, 0}, {0xff, 0x80}, {0xff, 0xc0}
  };
}
