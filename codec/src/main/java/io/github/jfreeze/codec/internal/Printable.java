package io.github.jfreeze.codec.internal;

import java.util.Locale;

/** Tensor names and keys for one-line messages. */
public final class Printable {
  private Printable() {}

  /**
   * A name as it is, with control characters as {@code \xNN}: keys are arbitrary bytes, and a
   * message stays on one line.
   *
   * @param name a tensor name or checkpoint key
   * @return the name with control characters escaped
   */
  public static String name(String name) {
    StringBuilder sb = new StringBuilder();
    name.codePoints().forEach(c -> {
      if (c < 0x20 || c == 0x7f) {
        sb.append(String.format(Locale.ROOT, "\\x%02x", c));
      } else {
        sb.appendCodePoint(c);
      }
    });
    return sb.toString();
  }
}
