package io.github.jfreeze.codec.internal;

/**
 * Names kept as ASCII bytes (node names and inputs NodeBytes checked) against Strings: the hash
 * {@link String#hashCode} would give, and equality, without making a String.
 */
public final class AsciiBytes {
  private AsciiBytes() {}

  /**
   * {@code String.hashCode} of the ASCII characters {@code b[from, to)}; of other bytes (UTF-8
   * names), a hash of the same kind over the signed bytes.
   *
   * @return the hash
   */
  public static int hash(byte[] b, int from, int to) {
    int h = 0;
    for (int i = from; i < to; i++) {
      h = 31 * h + b[i];
    }
    return h;
  }

  /**
   * Whether {@code s} is the ASCII characters {@code b[from, to)}.
   *
   * @return true when they are the same characters
   */
  public static boolean equals(String s, byte[] b, int from, int to) {
    if (s.length() != to - from) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) != b[from + i]) {
        return false;
      }
    }
    return true;
  }
}
