package io.github.jfreeze.codec.internal;

import java.util.Locale;

/**
 * JSON string literals, written once for every JSON jfreeze emits (the CLI's {@code --json}, the
 * safetensors header, the fixture generator's records).
 */
public final class JsonStrings {
  private JsonStrings() {}

  /**
   * Appends {@code s} as a quoted JSON string.
   *
   * @param out where to append
   * @param s the text
   * @param asciiOnly true to escape every character outside printable ASCII as {@code \\uXXXX}
   *     (stable, plain-ASCII files); false to keep Unicode as it is, escaping only control
   *     characters, U+2028/U+2029 and lone surrogates (with the short forms {@code \\b} and
   *     {@code \\f})
   * @return {@code out}
   */
  public static StringBuilder quote(StringBuilder out, String s, boolean asciiOnly) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (asciiOnly) {
            if (c < 0x20 || c > 0x7e) {
              unicode(out, c);
            } else {
              out.append(c);
            }
          } else if (c == '\b') {
            out.append("\\b");
          } else if (c == '\f') {
            out.append("\\f");
          } else if (c < 0x20 || c == 0x2028 || c == 0x2029 || lone(s, i)) {
            unicode(out, c);
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"');
  }

  /** {@link #quote(StringBuilder, String, boolean)} as a new string. */
  public static String quote(String s, boolean asciiOnly) {
    return quote(new StringBuilder(s.length() + 2), s, asciiOnly).toString();
  }

  private static boolean lone(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
    }
    return false;
  }

  private static void unicode(StringBuilder out, char c) {
    out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
  }
}
