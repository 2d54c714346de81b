package io.github.jfreeze.codec.testing;

import java.util.Arrays;
import java.util.Random;

/**
 * Damaged copies of a message's bytes, for the tests that hold a hand-written reader to protobuf
 * on them: a byte overwritten, a bit flipped, the bytes cut short, or a byte inserted.
 */
public final class Damage {
  private Damage() {}

  /**
   * A damaged copy of {@code b} (not empty), as {@code random} picks.
   *
   * @return a new array; {@code b} is left as it is
   */
  public static byte[] of(byte[] b, Random random) {
    byte[] d = b.clone();
    return switch (random.nextInt(4)) {
      case 0 -> {
        d[random.nextInt(d.length)] = (byte) random.nextInt(256);
        yield d;
      }
      case 1 -> {
        d[random.nextInt(d.length)] ^= (byte) (1 << random.nextInt(8));
        yield d;
      }
      case 2 -> Arrays.copyOf(d, random.nextInt(d.length));
      default -> {
        int at = random.nextInt(d.length + 1);
        byte[] longer = new byte[d.length + 1];
        System.arraycopy(d, 0, longer, 0, at);
        longer[at] = (byte) random.nextInt(256);
        System.arraycopy(d, at, longer, at + 1, d.length - at);
        yield longer;
      }
    };
  }
}
