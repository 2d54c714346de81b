package io.github.jfreeze.codec.testing;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The framing of structured fuzz inputs: a list of byte strings, each a varint length and its
 * bytes. Whatever input the fuzzer makes splits into chunks (a length running past the end takes
 * the rest), so every mutation is still a valid list; seeds are written with {@link #join}.
 */
public final class Chunks {
  private Chunks() {}

  public static List<byte[]> split(byte[] input) {
    List<byte[]> out = new ArrayList<>();
    int pos = 0;
    while (pos < input.length) {
      long len = 0;
      int shift = 0;
      while (pos < input.length && shift < 35) {
        int b = input[pos++] & 0xff;
        len |= (long) (b & 0x7f) << shift;
        shift += 7;
        if (b < 0x80) {
          break;
        }
      }
      int n = (int) Math.min(len, input.length - pos);
      out.add(Arrays.copyOfRange(input, pos, pos + n));
      pos += n;
    }
    return out;
  }

  public static byte[] join(List<byte[]> chunks) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] c : chunks) {
      long v = c.length;
      while ((v & ~0x7fL) != 0) {
        out.write((int) ((v & 0x7f) | 0x80));
        v >>>= 7;
      }
      out.write((int) v);
      out.writeBytes(c);
    }
    return out.toByteArray();
  }

  /** The chunk at {@code i}, or an empty array. */
  public static byte[] get(List<byte[]> chunks, int i) {
    return i < chunks.size() ? chunks.get(i) : new byte[0];
  }
}
